/**
 * `npm run demo` (after `npm run build`): `node dist/demo/main.js [--out DIR]` regenerates
 * fixtures/demo, or writes the demo into DIR (a new or empty folder, or an earlier demo).
 */
import { resolve } from "node:path";
import { CliError } from "../errors.js";
import { makeDemo } from "./makeDemo.js";

const args = process.argv.slice(2);
const at = args.indexOf("--out");
if (args.length > 0 && (at !== 0 || args.length !== 2)) {
  console.error("usage: node dist/demo/main.js [--out DIR]");
  process.exitCode = 2;
} else {
  const out = at === 0 ? resolve(args[1] as string) : undefined;
  const started = performance.now();
  try {
    const summary = await makeDemo(out === undefined ? {} : { out });
    console.log(`${out ?? "fixtures/demo"}: ${summary}`);
    console.error(`demo written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${error.message}\n${error.hint ?? ""}`.trimEnd());
    process.exitCode = error.exitCode;
  }
}
