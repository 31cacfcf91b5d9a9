#!/usr/bin/env node
// `npm run bench`: builds the whole demo set for 2026-10 three times, each in a fresh Node process
// of its own (bench/buildOnce.js, the real build) and into a fresh folder, each followed by its
// floor — a bare Puppeteer loop printing the very same final HTML at the same concurrency. It
// measures each stage of the first build, print times, peak memory of the build's process tree
// (Node + every Chromium process, without the bench's own) and PDF sizes, checks that the first two
// builds gave byte-identical PDFs, then times three incremental rebuilds of the last set, each in its
// own process too: unchanged, after correcting one school's name in schools.csv, and after changing
// one district's results; last, the month's SMS through the real `semaforo send --channel sms` to a
// local SMPP server (bench/smsBench.js: messages per second, peak memory, checked on the wire).
// Everything is appended to bench/results.jsonl.
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
import { spawn } from "node:child_process";
import { benchSms } from "./smsBench.js";
import { defaultBuildEffects } from "../dist/build/defaultBuildEffects.js";
import { renderEveryReport } from "../dist/build/renderEveryReport.js";
import { findChromium } from "../dist/pdf/findChromium.js";
import {
  BROWSER_LAUNCH,
  DEFAULT_RESTART_EVERY,
  openPrintPage,
  PDF_OPTIONS,
} from "../dist/pdf/launchPrinter.js";

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

// ---- memory: Node's RSS, and the PSS of every process under it (Chromium) -------------------------
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
const rssKb = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};

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

/**
 * One build in a child process (bench/buildOnce.js: the real build, as `semaforo build` runs it),
 * its memory sampled every 250 ms: the child's RSS and the PSS of every process under it.
 */
async function buildInChild(outDir, dataDir = flags.data) {
  const args = [
    new URL("./buildOnce.js", import.meta.url).pathname,
    ...["--data", dataDir, "--period", flags.period, "--out", outDir, "--concurrency", String(concurrency)],
    ...(restartEvery === undefined ? [] : ["--restart-every", String(restartEvery)]),
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const peak = { node: 0, chromium: 0, total: 0 };
  const sample = () => {
    const node = rssKb(child.pid) * 1024;
    const chromium = childrenOf(child.pid)
      .flatMap(treeOf)
      .reduce((sum, pid) => sum + pssKb(pid) * 1024, 0);
    peak.node = Math.max(peak.node, node);
    peak.chromium = Math.max(peak.chromium, chromium);
    peak.total = Math.max(peak.total, node + chromium);
  };
  const sampler = setInterval(sample, 250);
  const code = await new Promise((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`bench/buildOnce.js exited with ${code}`);
  return { ...JSON.parse(stdout), wallMs: performance.now() - started, peak };
}

/**
 * The final HTML of every report of a set, rendered by the same code as the build (rendering is
 * pure and deterministic), into `dir` for the floor; in this process, outside the measured build.
 */
async function writeHtml(reports, dir) {
  mkdirSync(dir, { recursive: true });
  const effects = defaultBuildEffects();
  const { dataset } = await effects.readDataset(flags.data);
  const html = new Map();
  for (const locale of new Set(reports.map((r) => r.language))) {
    for await (const r of renderEveryReport(effects, dataset, flags.period, locale))
      html.set(`${r.level}/${r.code}/${r.locale}`, r.html);
  }
  for (const [index, report] of reports.entries()) {
    const page = html.get(`${report.level}/${report.code}/${report.language}`);
    writeFileSync(join(dir, `${String(index).padStart(4, "0")}.html`), page);
  }
}

/** The floor: a bare Puppeteer loop printing the same HTML, same concurrency, same PDF options. */
async function floor(htmlDir) {
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
  return { ms: performance.now() - floorStarted, peak: floorPeak };
}

/** One full build into a fresh folder, then its floor on the same HTML. */
async function fullRun(run) {
  const outDir = join(work, `full-${run}`);
  const build = await buildInChild(outDir);
  if (build.reused > 0) throw new Error("a full build into a fresh folder reused PDFs");
  const htmlDir = join(work, "html");
  if (run === 0) await writeHtml(build.reports, htmlDir);
  const measured = await floor(htmlDir);
  return { ...build, outDir, floorMs: measured.ms, floorPeak: measured.peak };
}

const runs = [];
for (let run = 0; run < Number(flags.runs); run++) runs.push(await fullRun(run));
const first = runs[0];
const median = (values) => quantile(values, 0.5);
const fullMs = median(runs.map((r) => r.ms));
const floorMs = median(runs.map((r) => r.floorMs));
const floorPeak = { chromium: Math.max(...runs.map((r) => r.floorPeak.chromium)) };
const peak = {
  node: Math.max(...runs.map((r) => r.peak.node)),
  chromium: Math.max(...runs.map((r) => r.peak.chromium)),
  total: Math.max(...runs.map((r) => r.peak.total)),
};
const byLevel = (pick) =>
  Object.fromEntries(
    ["national", "region", "district"].map((level) => [
      level,
      first.reports.filter((r) => r.level === level).map(pick),
    ]),
  );
const printTimes = byLevel((r) => r.printMs ?? 0);
const sizes = byLevel((r) => r.bytes);
const pages = byLevel((r) => r.pages);

// ---- reproducible: the first two full builds, from the same inputs, must give the same bytes ------
const differing =
  runs.length < 2
    ? null
    : runs[0].reports.filter(
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
  const result = await buildInChild(last.outDir, data);
  return {
    name,
    ms: result.ms,
    ofFull: Math.round((result.ms / fullMs) * 1000) / 1000,
    printed: result.printed,
    reused: result.reused,
    peakMemoryMb: Math.round(result.peak.total / 1024 / 1024),
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

// ---- SMS: the demo month's SMS through the real send to a local SMPP server (bench/smsBench.js) --
const sms = await benchSms(join(last.outDir, flags.period));

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
    chromium: first.browser,
  },
  reports: first.reports.length,
  failures: first.failures,
  concurrency,
  restartEvery: restartEvery ?? DEFAULT_RESTART_EVERY,
  // The first build, cold: its child process from spawn to exit, and the build inside it.
  wallMs: round(first.wallMs),
  buildMs: first.ms,
  stages: first.stages,
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
  totalPdfMb: mb(first.reports.reduce((s, r) => s + r.bytes, 0)),
  floor: { ms: round(floorMs), chromiumPeakMb: mb(floorPeak.chromium) },
  // Median of the full builds over median of their floors (the first build's wallMs includes start-up).
  runs: runs.map((r) => ({ buildMs: r.ms, floorMs: round(r.floorMs), peakMemoryMb: mb(r.peak.total) })),
  fullMs: round(fullMs),
  ratio: Math.round((fullMs / floorMs) * 100) / 100,
  identicalPdfs: differing === null ? null : differing === 0,
  differingPdfs: differing,
  rebuilds,
  sms,
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
console.log(
  `SMS: ${sms.messages} of ${sms.expected} messages (${sms.parts} parts, ${sms.twoPart} in two) through \`semaforo send --channel sms\` to a local SMPP server in ${(sms.ms / 1000).toFixed(1)} s = ${sms.perSecond} messages/s with a window of ${sms.window}; peak memory ${sms.peakMemoryMb} MB; load ${sms.loadAverage.before[0]}; ` +
    `each once: ${sms.eachOnce}; GSM-7, data_coding 0, UDH: ${sms.allGsm7DataCoding0} (${sms.wireFaultCount} faults); at most ${sms.maxParts} parts; a rerun handed over ${sms.rerun.submits}`,
);
if (!flags.keep) rmSync(work, { recursive: true, force: true });
else console.log(`Kept ${work}`);
