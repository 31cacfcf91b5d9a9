#!/usr/bin/env node
// One build, as `semaforo build` runs it, in a process of its own so that bench/bench.js measures
// its memory (this process and its Chromium) without the bench's own. Its effects are the real
// ones, wrapped only to time reading, the views and rendering. Prints one JSON line on stdout.
//
//   node bench/buildOnce.js --data DIR --period YYYY-MM --out DIR [--concurrency N] [--restart-every N]
import { parseArgs } from "node:util";
import { buildReportSet } from "../dist/build/buildReportSet.js";
import { defaultBuildEffects } from "../dist/build/defaultBuildEffects.js";

const { values: flags } = parseArgs({
  options: {
    data: { type: "string" },
    period: { type: "string" },
    out: { type: "string" },
    concurrency: { type: "string" },
    "restart-every": { type: "string" },
  },
});
const base = defaultBuildEffects();
const time = { readMs: 0, viewsMs: 0, renderMs: 0 };
const timed = (name, run) => {
  const t = performance.now();
  try {
    return run();
  } finally {
    time[name] += performance.now() - t;
  }
};
const effects = {
  ...base,
  readDataset: async (dir) => {
    const t = performance.now();
    const result = await base.readDataset(dir);
    time.readMs += performance.now() - t;
    return result;
  },
  buildViews: (...args) => timed("viewsMs", () => base.buildViews(...args)),
  makeRenderer: async (...args) => {
    const renderer = await base.makeRenderer(...args);
    return { ...renderer, render: (view) => timed("renderMs", () => renderer.render(view)) };
  },
  // The browser's processes, for the bench's memory sampling (it reads this process's children).
  onPrinter: () => {},
};
const started = performance.now();
const outcome = await buildReportSet(
  {
    dataDir: flags.data,
    period: flags.period,
    outDir: flags.out,
    concurrency: flags.concurrency === undefined ? undefined : Number(flags.concurrency),
    restartEvery: flags["restart-every"] === undefined ? undefined : Number(flags["restart-every"]),
  },
  effects,
);
const ms = performance.now() - started;
if (outcome.kind !== "built") {
  console.error("The dataset is invalid: run semaforo validate.");
  process.exit(3);
}
const round = (n) => Math.round(n);
console.log(
  JSON.stringify({
    ms: round(ms),
    stages: {
      readValidateMs: round(time.readMs),
      viewsMs: round(time.viewsMs),
      renderHtmlMs: round(time.renderMs),
      ...Object.fromEntries(Object.entries(outcome.stages).map(([k, v]) => [`${k}Ms`, v])),
    },
    browser: outcome.manifest.browser,
    printed: outcome.written.length,
    reused: outcome.reused.length,
    failures: outcome.failures.length,
    reports: outcome.manifest.reports.map((r) => ({
      level: r.level,
      code: r.code,
      language: r.language,
      file: r.file,
      bytes: r.bytes,
      pages: r.pages,
      printMs: outcome.printMs.get(r.file) ?? null,
    })),
  }),
);
