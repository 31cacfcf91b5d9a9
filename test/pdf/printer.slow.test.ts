import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyArchive } from "../../src/archive/verifyArchive.js";
import { printAndArchive, type ReportJob } from "../../src/build/printAndArchive.js";
import type { Level } from "../../src/model.js";
import { findTool } from "../../src/pdf/findTool.js";
import { launchPrinter, ReportError, type Printer, type PrinterEvent } from "../../src/pdf/launchPrinter.js";

jest.setTimeout(120_000);

const font = readFileSync(
  join(process.cwd(), "node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2"),
).toString("base64");

/**
 * A small report page: embedded font (data: URL), a heading, figures, several pages of rows, and a
 * running header and footer in the page margins (`@page` margin boxes), as the real templates have.
 */
function reportHtml(name: string, figures: string[], extra = ""): string {
  const rows = Array.from(
    { length: 60 },
    (_, i) => `<tr><td>Escuela ${i + 1}</td><td>${figures[i % figures.length]}</td></tr>`,
  );
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Reporte · ${name}</title>
<style>@font-face{font-family:"Source Sans 3";src:url(data:font/woff2;base64,${font}) format("woff2")}
@page{margin:14mm 12mm 16mm 12mm;@top-left{content:"${name}";font-family:"Source Sans 3"}
@bottom-center{content:"Página " counter(page) " de " counter(pages);font-family:"Source Sans 3"}}
body{font-family:"Source Sans 3";margin:0} h1{text-transform:uppercase;color:#fff;background:#0a5}</style></head>
<body><h1>${name}</h1><h2>Asistencia de estudiantes</h2><p>Valor del mes: ${figures.join(" · ")}</p>
<h2>Docentes ausentes</h2><table>${rows.join("")}</table>${extra}</body></html>`;
}

const LABELS = ["Asistencia de estudiantes", "Docentes ausentes"];

function job(
  code: string,
  name: string,
  figures: string[],
  level: Level = "district",
  extra = "",
): ReportJob {
  return {
    level,
    code,
    name,
    language: "es",
    file: `${level}/${code}.pdf`,
    recipients: [`${code}@example.org`],
    recipientNames: {},
    headline: { green: 0, amber: 0, red: 0, referential: 0, noData: 0, text: "" },
    html: () => reportHtml(name, figures, extra),
    source: `${level} ${code} ${name} ${figures.join()} ${extra}`,
    mustContain: [name, ...LABELS],
    info: {
      author: "Semáforo Escuela",
      subject: `${name} · octubre de 2026`,
      keywords: ["test"],
      language: "es-PE",
    },
  };
}

const archiveOptions = (periodDir: string) => ({
  email: { from: "semaforo@example.org" },
  periodDir,
  period: "2026-10",
  generatedAt: new Date("2026-11-05T15:30:00Z"),
  rebuild: { dataDir: "/data", sourceDate: "2026-11-01T05:00:00.000Z", print: {} },
  tool: { name: "semaforo-reports", version: "0.0.0-test" },
  dataset: { name: "test", synthetic: true },
  inputs: [],
  covers: null,
});

const pdftotext = findTool("pdftotext");
const pdffonts = findTool("pdffonts");
const profile = mkdtempSync(join(tmpdir(), "semaforo-chromium-profile-"));
const work = mkdtempSync(join(tmpdir(), "semaforo-printer-"));
let printer: Printer;
const events: PrinterEvent[] = [];

function chromiumProcesses(): string[] {
  const out = spawnSync("pgrep", ["-f", profile], { encoding: "utf8" }).stdout.trim();
  return out ? out.split("\n") : [];
}

beforeAll(async () => {
  if (!pdftotext || !pdffonts)
    throw new Error("poppler-utils (pdftotext, pdffonts) are needed for the slow tests");
  printer = await launchPrinter({
    concurrency: 2,
    userDataDir: profile,
    timeoutMs: 30_000,
    onEvent: (e) => events.push(e),
  });
});

afterAll(async () => {
  await printer?.close();
  // No Chromium process of this suite's profile remains.
  expect(chromiumProcesses()).toEqual([]);
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("the printer, with real Chromium", () => {
  it("prints a set whose PDFs hold each unit's name and figures, with embedded fonts only", async () => {
    const jobs = [
      job("010001", "UGEL Chachapoyas", ["87,3 %", "12,5 %"]),
      job("010002", "UGEL Bagua", ["91,0 %", "4,2 %"]),
      job("020003", "UGEL Antonio Raymondi", ["66,6 %", "20,1 %"]),
      job("020000", "DRE Áncash", ["78,9 %", "9,9 %"], "region"),
    ];
    const periodDir = join(work, "set", "2026-10");
    const result = await printAndArchive(jobs, printer, archiveOptions(periodDir));
    expect(result.failures).toEqual([]);
    expect(result.manifest.reports.map((r) => r.file)).toEqual([
      "region/020000.pdf",
      "district/010001.pdf",
      "district/010002.pdf",
      "district/020003.pdf",
    ]);
    expect(result.manifest.browser).toMatch(/^(Headless)?Chrome\/\d+/);
    for (const [i, j] of jobs.entries()) {
      const file = join(periodDir, j.file);
      const text = execFileSync(pdftotext!, [file, "-"], { encoding: "utf8" });
      const entry = result.manifest.reports.find((r) => r.file === j.file)!;
      expect(text).toContain(j.name.toUpperCase()); // the heading
      // The report's running header and footer, in its page margins, on every page.
      expect(text.split("\f").filter((page) => page.includes(j.name)).length).toBe(entry.pages);
      for (const label of LABELS) expect(text).toContain(label);
      for (const figure of [
        ["87,3 %", "12,5 %"],
        ["91,0 %", "4,2 %"],
        ["66,6 %", "20,1 %"],
        ["78,9 %", "9,9 %"],
      ][i]!) {
        expect(text).toContain(figure);
      }
      expect(entry.pages).toBeGreaterThan(1);
      expect(text).toContain(`Página 2 de ${entry.pages}`);
      const fonts = execFileSync(pdffonts!, [file], { encoding: "utf8" }).trim().split("\n").slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
      for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)).toEqual(["yes"]); // emb
      // Only the embedded report font, running header and footer included: no machine font. (Chromium
      // draws the synthetic bold of this test page's single-weight font as a Type 3 font.)
      expect(fonts.filter((line) => !line.includes("SourceSans3") && !/\sType 3\s/.test(line))).toEqual([]);
    }
    const verified = await verifyArchive(periodDir, findTool("qpdf"));
    expect(verified.problems).toEqual([]);
  });

  it("makes no request for http, file or iframe URLs, runs no script, and fails the report that tries", async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    try {
      const attacks = [
        `<img src="${base}/pixel.png">`,
        `<iframe src="${base}/frame"></iframe>`,
        `<link rel="stylesheet" href="${base}/style.css">`,
        `<div style="background:url(${base}/bg.png)">x</div>`,
        `<img src="file:///etc/passwd">`,
        `<iframe src="file:///etc/passwd"></iframe>`,
      ];
      for (const attack of attacks) {
        const j = job("999999", "UGEL Prueba", ["1,0 %"], "district", attack);
        const refused = printer.print({ id: "attack", html: j.html(), mustContain: j.mustContain });
        await expect(refused).rejects.toThrow(/tried to load (http|file):/);
        await expect(refused).rejects.toMatchObject({ kind: "blocked-request" });
      }
      // A script is no request: JavaScript is off, so it neither fetches nor changes the page.
      const script = `<script>fetch("${base}/script");document.body.append("SCRIPT-RAN")</script>`;
      const j = job("999998", "UGEL Prueba", ["1,0 %"], "district", script);
      const printed = await printer.print({
        id: "script",
        html: j.html(),
        mustContain: j.mustContain,
      });
      const file = join(work, "script.pdf");
      writeFileSync(file, printed.bytes);
      const text = execFileSync(pdftotext!, [file, "-"], { encoding: "utf8" });
      expect(text).toContain("UGEL PRUEBA");
      expect(text).not.toContain("SCRIPT-RAN");
    } finally {
      server.close();
    }
    expect(hits).toBe(0);
  });

  it("refuses a blank or incomplete report", async () => {
    const blank = {
      id: "blank",
      html: "<!doctype html><title>x</title><body></body>",
    };
    await expect(printer.print({ ...blank, mustContain: ["UGEL Bagua"] })).rejects.toThrow(ReportError);
    await expect(printer.print({ ...blank, mustContain: ["UGEL Bagua"] })).rejects.toMatchObject({
      kind: "blank",
    });
    const hidden = job("010002", "UGEL Bagua", ["1 %"], "district", "");
    const html = hidden
      .html()
      .replace("<h2>Docentes ausentes</h2>", '<h2 style="display:none">Docentes ausentes</h2>')
      .replace(/<td>Docentes ausentes/g, "");
    await expect(printer.print({ id: "hidden", html, mustContain: hidden.mustContain })).rejects.toThrow(
      /does not show "Docentes ausentes"/,
    );
  });

  it("archives every report when the browser is killed in the middle of a batch", async () => {
    const jobs = Array.from({ length: 12 }, (_, i) =>
      job(`0300${String(i).padStart(2, "0")}`, `UGEL Número ${i}`, [`${i},5 %`]),
    );
    const periodDir = join(work, "crash", "2026-10");
    let killed = false;
    const result = await printAndArchive(jobs, printer, {
      ...archiveOptions(periodDir),
      onReport: ({ done }) => {
        if (done === 3 && !killed) {
          killed = true;
          const [pid] = printer.pids();
          process.kill(-pid!, "SIGKILL");
        }
      },
    });
    expect(killed).toBe(true);
    expect(events.some((e) => e.kind === "crash")).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.manifest.reports).toHaveLength(12);
    expect((await verifyArchive(periodDir, findTool("qpdf"))).problems).toEqual([]);
  });

  it("restarts the browser every N reports and goes on", async () => {
    const own = await launchPrinter({
      concurrency: 2,
      userDataDir: profile + "-restart",
      restartEvery: 3,
      onEvent: (e) => events.push(e),
    });
    try {
      const before = events.filter((e) => e.kind === "launch").length;
      const jobs = Array.from({ length: 7 }, (_, i) => job(`0400${i}`, `UGEL Reinicio ${i}`, [`${i} %`]));
      const result = await printAndArchive(jobs, own, archiveOptions(join(work, "restart", "2026-10")));
      expect(result.failures).toEqual([]);
      expect(result.manifest.reports).toHaveLength(7);
      // 7 reports, 3 per browser: the first browser and two more.
      expect(events.filter((e) => e.kind === "launch").length - before).toBe(2);
    } finally {
      await own.close();
    }
    const left = spawnSync("pgrep", ["-f", profile + "-restart"], { encoding: "utf8" }).stdout.trim();
    expect(left).toBe("");
    rmSync(profile + "-restart", { recursive: true, force: true });
  });
});
