#!/usr/bin/env node
// The sha256 of every report's HTML for one period, in both languages (every unit, plus the
// enabling team's brief): a refactor must leave these unchanged. Runs the built code (npm run build).
//
//   node scripts/hash-renders.js [DATA] [PERIOD] > before.txt   … change …   > after.txt; diff
import { createHash } from "node:crypto";
import { defaultBuildEffects } from "../dist/build/defaultBuildEffects.js";
import { renderEveryReport } from "../dist/build/renderEveryReport.js";

const [dataDir = "fixtures/demo", period = "2026-10"] = process.argv.slice(2);
const effects = defaultBuildEffects();
const { dataset, problems } = await effects.readDataset(dataDir);
if (!dataset) {
  console.error(problems.map((p) => p.message).join("\n"));
  process.exit(1);
}
const sha = (text) => createHash("sha256").update(text).digest("hex");
const lines = [];
for (const locale of ["es", "en"]) {
  for await (const report of renderEveryReport(effects, dataset, period, locale)) {
    lines.push(`${sha(report.html)}  ${report.level}/${report.code}/${locale}`);
  }
}
console.log(lines.join("\n"));
console.error(`${lines.length} renders, all: ${sha(lines.join("\n"))}`);
