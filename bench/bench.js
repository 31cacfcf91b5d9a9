#!/usr/bin/env node
// `npm run bench`: builds the whole demo set for 2026-10 three times, the first from a cold start
// (this fresh process), each into a fresh folder and each followed by its floor — a bare Puppeteer
// loop printing the very same final HTML at the same concurrency. It measures each stage of the
// first build, print times, peak memory (Node + every Chromium process) and PDF sizes, checks that
// the first two builds gave byte-identical PDFs, then times three incremental rebuilds of the last
// set: unchanged, after correcting one school's name in schools.csv, and after changing one
// district's results. Everything is appended to bench/results.jsonl.
//
//   npm run bench [-- --data fixtures/demo --period 2026-10 --concurrency 2 --runs 3 --keep]
import {
  appendFileSync,
  cpSync,
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
    runs: { type: "string", default: "3" },
    note: { type: "string", default: "" },
  },
});
const concurrency = Number(flags.concurrency);
const restartEvery = flags["restart-every"] === undefined ? undefined : Number(flags["restart-every"]);
const work = mkdtempSync(join(tmpdir(), "semaforo-bench-"));

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
const sampler = setInterval(sample, 250);

const quantile = (values, q) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const summary = (values) => ({
  n: values.length,
  median: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  max: quantile(values, 1),
});
const base = defaultBuildEffects();

/** One full build into a fresh folder, then its floor on the same HTML. */
async function fullRun(run) {
  // ---- the real build, with its effects wrapped to time and keep the HTML ---------------------------
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
  const outDir = join(work, `full-${run}`);
  const htmlDir = join(work, `html-${run}`);
  mkdirSync(htmlDir, { recursive: true });
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
  if (outcome.kind !== "built") {
    console.error("The dataset is invalid: run semaforo validate.");
    process.exit(3);
  }
  if (outcome.reused.length > 0) throw new Error("a full build into a fresh folder reused PDFs");

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

  // ---- figures of the set -------------------------------------------------------------------------
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
  const floorSampler = setInterval(() => {
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
  clearInterval(floorSampler);
  const floorMs = performance.now() - floorStarted;
  return {
    outcome,
    outDir,
    buildMs,
    wallMs,
    floorMs,
    floorPeak,
    stages: { readMs, viewsMs, renderMs, viewsAloneMs },
    printTimes,
    sizes,
    pages,
  };
}

const runs = [];
for (let run = 0; run < Number(flags.runs); run++) runs.push(await fullRun(run));
const first = runs[0];
const { outcome, wallMs, buildMs } = first;
const { printTimes, sizes, pages } = first;
const { readMs, viewsMs, renderMs, viewsAloneMs } = first.stages;
const median = (values) => quantile(values, 0.5);
const fullMs = median(runs.map((r) => r.buildMs));
const floorMs = median(runs.map((r) => r.floorMs));
const floorPeak = { chromium: Math.max(...runs.map((r) => r.floorPeak.chromium)) };

// ---- reproducible: the first two full builds, from the same inputs, must give the same bytes ------
const differing =
  runs.length < 2
    ? null
    : runs[0].outcome.manifest.reports.filter(
        (r) =>
          !readFileSync(join(runs[0].outDir, flags.period, r.file)).equals(
            readFileSync(join(runs[1].outDir, flags.period, r.file)),
          ),
      ).length;

// ---- incremental rebuilds of the last full set, from a copy of the dataset ----------------------
const data = join(work, "data");
cpSync(flags.data, data, { recursive: true });
const last = runs[runs.length - 1];
async function rebuild(name) {
  const t = performance.now();
  const result = await buildReportSet(
    { dataDir: data, period: flags.period, outDir: last.outDir, concurrency, restartEvery },
    { ...base, onPrinter: (printer) => (livePids = () => printer.pids()) },
  );
  const ms = performance.now() - t;
  if (result.kind !== "built") throw new Error(`${name}: the edited dataset is invalid`);
  return {
    name,
    ms: Math.round(ms),
    ofFull: Math.round((ms / fullMs) * 1000) / 1000,
    printed: result.written.length,
    reused: result.reused.length,
  };
}
/** Edits the first row of `file` for the period, column `column`, with `change`; every row that shares the row's `key` column value gets the same edit. */
function editCsv(file, column, change, key) {
  const lines = readFileSync(join(data, file), "utf8").split("\n");
  const header = lines[0].split(",");
  const at = header.indexOf(column);
  const keyAt = key ? header.indexOf(key) : -1;
  const row = lines.findIndex((line, i) => i > 0 && line.startsWith(`${flags.period},`));
  if (at < 0 || row < 0) throw new Error(`${file}: no ${column} column or no row for ${flags.period}`);
  const target = lines[row].split(",");
  const from = target[at];
  const to = change(from, target, header);
  const edited = lines.map((line, i) => {
    const fields = line.split(",");
    const same = i === row || (keyAt >= 0 && i > 0 && fields[keyAt] === target[keyAt] && fields[at] === from);
    if (!same) return line;
    fields[at] = to;
    return fields.join(",");
  });
  writeFileSync(join(data, file), edited.join("\n"));
  return `${file}: ${column} ${from} → ${to}`;
}
const rebuilds = [await rebuild("unchanged")];
const schoolEdit = editCsv("schools.csv", "school_name", (name) => `${name} Alta`, "school_code");
rebuilds.push({ ...(await rebuild("one school name corrected")), edit: schoolEdit });
const resultEdit = editCsv("results.csv", "numerator", (n, row, header) =>
  String(Number(n) > 0 ? Number(n) - 1 : Math.min(1, Number(row[header.indexOf("denominator")]))),
);
rebuilds.push({ ...(await rebuild("one district's results changed")), edit: resultEdit });
clearInterval(sampler);

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
  // Median of the full builds over median of their floors (the first build's wallMs includes start-up).
  runs: runs.map((r) => ({ buildMs: round(r.buildMs), floorMs: round(r.floorMs) })),
  fullMs: round(fullMs),
  ratio: Math.round((fullMs / floorMs) * 100) / 100,
  identicalPdfs: differing === null ? null : differing === 0,
  differingPdfs: differing,
  rebuilds,
};
appendFileSync(new URL("./results.jsonl", import.meta.url), JSON.stringify(result) + "\n");
console.log(JSON.stringify(result, null, 2));
console.log(
  `\n${result.reports} PDFs: full build ${(fullMs / 1000).toFixed(1)} s (median of ${runs.length}; floor ${(floorMs / 1000).toFixed(1)} s, ratio ${result.ratio}); ` +
    `peak memory ${result.peakMemoryMb.total} MB; median district PDF ${result.pdfKbByLevel.district.median} KB; ` +
    `two full builds ${differing === null ? "not compared" : differing === 0 ? "byte-identical" : `differ in ${differing} PDFs`}`,
);
for (const r of rebuilds)
  console.log(
    `${r.name}: ${(r.ms / 1000).toFixed(1)} s = ${(r.ofFull * 100).toFixed(1)} % of the full build, ${r.printed} printed, ${r.reused} reused`,
  );
if (!flags.keep) rmSync(work, { recursive: true, force: true });
else console.log(`Kept ${work}`);
