// Regenerates semaforo.config.schema.json from the zod schema: `npm run build && node schema/generate.js`.
// test/config/jsonSchema.test.ts fails when the shipped file is out of date.
import { writeFileSync } from "node:fs";
import { buildConfigJsonSchema } from "../dist/config/buildConfigJsonSchema.js";

const file = new URL("./semaforo.config.schema.json", import.meta.url);
writeFileSync(file, JSON.stringify(buildConfigJsonSchema(), null, 2) + "\n");
console.log(`wrote ${file.pathname}`);
