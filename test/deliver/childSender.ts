import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A throw-away copy of `sendReportSet` that a child `node` process can run (and the test can kill):
 * the modules it imports, transpiled to JavaScript in a temp folder that links the project's
 * node_modules and templates. Independent of `npm run build`, so other work in progress cannot break it.
 */
export function buildChildSender(): { script: string; cleanup: () => void } {
  return buildChild(
    "src/deliver/defaultSendEffects.ts",
    `import { defaultSendEffects } from "./src/deliver/defaultSendEffects.js";
import { sendReportSet } from "./src/deliver/sendReportSet.js";
const [out, period, smtpUrl] = process.argv.slice(2);
const report = await sendReportSet({ out, period, smtpUrl, retry: { attempts: 2, baseMs: 10 } }, defaultSendEffects());
console.log(JSON.stringify(report.counts));
`,
  );
}

/**
 * A throw-away transpiled copy of `entry` (a path under the project root) and the modules it
 * imports, with `source` as the script a child `node` runs (it imports `./src/….js`).
 */
export function buildChild(entry: string, source: string): { script: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "semaforo-child-"));
  const queue = [join(ROOT, entry)];
  const done = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    // Import lines quoted in doc comments may name files that do not exist from here.
    if (done.has(file) || !existsSync(file)) continue;
    done.add(file);
    const source = readFileSync(file, "utf8");
    // Static imports and the dynamic `import("./….js")` that commands use for their heavy modules.
    for (const match of source.matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+)\.js"/g)) {
      queue.push(resolve(dirname(file), `${match[1]}.ts`));
    }
    const output = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    const target = join(dir, relative(ROOT, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "semaforo-child", type: "module" }));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(ROOT, "templates"), join(dir, "templates"));
  const script = join(dir, "child.mjs");
  writeFileSync(script, source);
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
