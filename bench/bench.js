#!/usr/bin/env node
// `npm run bench`: builds the whole demo set for 2026-10 from a cold start (this fresh process),
// measures each stage, print times, peak memory (Node + every Chromium process) and PDF sizes,
// then measures the floor — a bare Puppeteer loop printing the very same final HTML at the same
// concurrency — and appends everything to bench/results.jsonl.
//
//   npm run bench [-- --data fixtures/demo --period 2026-10 --concurrency 2 --keep]
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import puppeteer from "puppeteer-core";
import { buildReportSet } from "../dist/build/buildReportSet.js";
import { defaultBuildEffects } from "../dist/build/defaultBuildEffects.js";
import { findChromium } from "../dist/pdf/findChromium.js";
import {
  BROWSER_LAUNCH,
  DEFAULT_RESTART_EVERY,
  openPrintPage,
  PDF_OPTIONS,
} from "../dist/pdf/launchPrinter.js";

const started = performance.now();
const { values: flags } = parseArgs({
  options: {
    data: { type: "string", default: "fixtures/demo" },
    period: { type: "string", default: "2026-10" },
    concurrency: { type: "string", default: String(availableParallelism()) },
    // Default: the build's own default (DEFAULT_RESTART_EVERY).
    "restart-every": { type: "string" },
    keep: { type: "boolean", default: false },
    note: { type: "string", default: "" },
  },
});
const concurrency = Number(flags.concurrency);
const restartEvery = flags["restart-every"] === undefined ? undefined : Number(flags["restart-every"]);
const work = mkdtempSync(join(tmpdir(), "semaforo-bench-"));
const outDir = join(work, "out");
const htmlDir = join(work, "html");
mkdirSync(htmlDir, { recursive: true });

// ---- memory sampling: Node's RSS, and the PSS of every process under the browser -----------------
let livePids = () => [];
// Children from /proc/PID/task/TID/children: cheap, unlike scanning all of /proc every sample.
const childrenOf = (pid) => {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return []; // gone
  }
};
const treeOf = (pid) => [pid, ...childrenOf(pid).flatMap(treeOf)];
/** Proportional set size (shared pages split between processes), so the sum is not inflated. */
const pssKb = (pid) => {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};
const peak = { node: 0, chromium: 0, total: 0 };
const sample = () => {
  const node = process.memoryUsage.rss();
  const chromium = livePids()
    .flatMap(treeOf)
    .reduce((sum, pid) => sum + pssKb(pid) * 1024, 0);
  peak.node = Math.max(peak.node, node);
  peak.chromium = Math.max(peak.chromium, chromium);
  peak.total = Math.max(peak.total, node + chromium);
};
let sampler = setInterval(sample, 250);

// ---- the real build, with its effects wrapped to time and keep the HTML ---------------------------
const base = defaultBuildEffects();
let renderMs = 0;
let viewsMs = 0;
let readMs = 0;
const effects = {
  ...base,
  readDataset: async (dir) => {
    const t = performance.now();
    const result = await base.readDataset(dir);
    readMs += performance.now() - t;
    return result;
  },
  buildViews: (dataset, period, options) => {
    const t = performance.now();
    const views = base.buildViews(dataset, period, options);
    viewsMs += performance.now() - t;
    kept.dataset = dataset;
    kept.views.set(options.locale, { views, messages: options.messages });
    return views;
  },
  makeRenderer: async (dataset, messages, generatedAt) => {
    const render = await base.makeRenderer(dataset, messages, generatedAt);
    kept.generatedAt = generatedAt;
    return (view) => {
      const t = performance.now();
      const html = render(view);
      renderMs += performance.now() - t;
      return html;
    };
  },
  onPrinter: (printer) => {
    // Browsers relaunched after a restart or crash are picked up at the next sample.
    livePids = () => printer.pids();
  },
};
/** What the build saw, to write the very same HTML again for the floor, outside the timed build. */
const kept = { dataset: null, generatedAt: "", views: new Map() };
const buildStarted = performance.now();
const outcome = await buildReportSet(
  {
    dataDir: flags.data,
    period: flags.period,
    outDir,
    concurrency,
    restartEvery,
  },
  effects,
);
const buildMs = performance.now() - buildStarted;
const wallMs = performance.now() - started;
sample();
clearInterval(sampler);
if (outcome.kind !== "built") {
  console.error("The dataset is invalid: run semaforo validate.");
  process.exit(3);
}

// The views once more, alone: during the build they share the 2 cores with Chromium starting up
// (the browser is launched while the views are made), so the build's figure overstates them.
const viewsAloneMs = {};
for (const [locale, { messages }] of kept.views) {
  const t = performance.now();
  base.buildViews(kept.dataset, flags.period, { locale, messages });
  viewsAloneMs[locale] = Math.round(performance.now() - t);
}

// The final HTML of every report printed, rendered again by the same code (rendering is pure and
// deterministic), for the floor. The running header and footer are in the HTML (@page margin boxes).
for (const [index, report] of outcome.manifest.reports.entries()) {
  const { views, messages } = kept.views.get(report.language);
  const view = views.find((v) => v.level === report.level && v.code === report.code);
  const render = await base.makeRenderer(kept.dataset, messages, kept.generatedAt);
  writeFileSync(join(htmlDir, `${String(index).padStart(4, "0")}.html`), render(view));
}

// ---- figures of the set ---------------------------------------------------------------------------
const quantile = (values, q) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const byLevel = (pick) =>
  Object.fromEntries(
    ["national", "region", "district"].map((level) => {
      const values = outcome.manifest.reports.filter((r) => r.level === level).map(pick);
      return [level, values];
    }),
  );
const printTimes = byLevel((r) => outcome.printMs.get(r.file) ?? 0);
const sizes = byLevel((r) => r.bytes);
const pages = byLevel((r) => r.pages);
const summary = (values) => ({
  n: values.length,
  median: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  max: quantile(values, 1),
});

// ---- the floor: a bare Puppeteer loop on the same HTML, same concurrency, same PDF options ------
const jobs = readdirSync(htmlDir)
  .sort()
  .map((file) => join(htmlDir, file));
const floorPeak = { chromium: 0 };
const floorStarted = performance.now();
// Launched, set up and printing as the printer does (BROWSER_LAUNCH, openPrintPage, PDF_OPTIONS),
// without its checks, archive or Node-side work.
const browser = await puppeteer.launch({ ...BROWSER_LAUNCH, executablePath: findChromium().path });
const floorPids = new Set([browser.process()?.pid].filter(Boolean));
sampler = setInterval(() => {
  const sum = [...floorPids].flatMap(treeOf).reduce((s, pid) => s + pssKb(pid) * 1024, 0);
  floorPeak.chromium = Math.max(floorPeak.chromium, sum);
}, 250);
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    const page = await openPrintPage(browser);
    while (next < jobs.length) {
      const html = readFileSync(jobs[next++], "utf8");
      await page.setContent(html, { waitUntil: "load" });
      await page.pdf(PDF_OPTIONS);
    }
    await page.close();
  }),
);
await browser.close();
clearInterval(sampler);
const floorMs = performance.now() - floorStarted;

const round = (ms) => Math.round(ms);
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const result = {
  at: new Date().toISOString(),
  note: flags.note,
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "?",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: outcome.manifest.browser,
  },
  reports: outcome.manifest.reports.length,
  failures: outcome.failures.length,
  concurrency,
  restartEvery: restartEvery ?? DEFAULT_RESTART_EVERY,
  wallMs: round(wallMs),
  buildMs: round(buildMs),
  stages: {
    readValidateMs: round(readMs),
    viewsMs: round(viewsMs),
    viewsAloneMs,
    renderHtmlMs: round(renderMs),
    ...Object.fromEntries(Object.entries(outcome.stages).map(([k, v]) => [`${k}Ms`, v])),
  },
  printMsByLevel: Object.fromEntries(Object.entries(printTimes).map(([k, v]) => [k, summary(v)])),
  peakMemoryMb: { node: mb(peak.node), chromium: mb(peak.chromium), total: mb(peak.total) },
  pdfKbByLevel: Object.fromEntries(
    Object.entries(sizes).map(([k, v]) => [
      k,
      { median: Math.round(quantile(v, 0.5) / 1024), max: Math.round(quantile(v, 1) / 1024) },
    ]),
  ),
  pagesByLevel: Object.fromEntries(
    Object.entries(pages).map(([k, v]) => [k, { median: quantile(v, 0.5), max: quantile(v, 1) }]),
  ),
  totalPdfMb: mb(outcome.manifest.reports.reduce((s, r) => s + r.bytes, 0)),
  floor: { ms: round(floorMs), chromiumPeakMb: mb(floorPeak.chromium) },
  ratio: Math.round((wallMs / floorMs) * 100) / 100,
};
appendFileSync(new URL("./results.jsonl", import.meta.url), JSON.stringify(result) + "\n");
console.log(JSON.stringify(result, null, 2));
console.log(
  `\n${result.reports} PDFs in ${(wallMs / 1000).toFixed(1)} s (floor ${(floorMs / 1000).toFixed(1)} s, ratio ${result.ratio}); ` +
    `peak memory ${result.peakMemoryMb.total} MB; median district PDF ${result.pdfKbByLevel.district.median} KB`,
);
if (!flags.keep) rmSync(work, { recursive: true, force: true });
else console.log(`Kept ${work}`);
