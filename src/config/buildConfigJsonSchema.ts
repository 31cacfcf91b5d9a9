import { z } from "zod";
import { configSchema } from "./configSchema.js";

/** The JSON Schema shipped as schema/semaforo.config.schema.json (editor completion), made from the zod schema. */
export function buildConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://semaforo.example.org/schema/semaforo.config.schema.json",
    title: "semaforo.config.json",
  };
}
