#!/usr/bin/env node
// The sha256 of every report's HTML for one period, in both languages (every unit, plus the
// enabling team's brief): a refactor must leave these unchanged. Runs the built code (npm run build).
//
//   node scripts/hash-renders.js [DATA] [PERIOD] > before.txt   … change …   > after.txt; diff
import { createHash } from "node:crypto";
import { defaultBuildEffects } from "../dist/build/defaultBuildEffects.js";
import { sourceDate } from "../dist/build/sourceDate.js";

const [dataDir = "fixtures/demo", period = "2026-10"] = process.argv.slice(2);
const effects = defaultBuildEffects();
const { dataset, problems } = await effects.readDataset(dataDir);
if (!dataset) {
  console.error(problems.map((p) => p.message).join("\n"));
  process.exit(1);
}
const date = sourceDate(period).toISOString();
const sha = (text) => createHash("sha256").update(text).digest("hex");
const lines = [];
for (const locale of ["es", "en"]) {
  const messages = await effects.readMessages(locale);
  const { render } = await effects.makeRenderer(dataset, messages, date);
  for (const view of effects.buildViews(dataset, period, { locale, messages })) {
    lines.push(`${sha(render(view))}  ${view.level}/${view.code}/${locale}`);
  }
  const { render: renderTeam } = await effects.makeTeamRenderer(messages, date);
  lines.push(
    `${sha(renderTeam(effects.buildTeamBrief(dataset, period, { locale, messages })))}  team/PE/${locale}`,
  );
}
console.log(lines.join("\n"));
console.error(`${lines.length} renders, all: ${sha(lines.join("\n"))}`);
