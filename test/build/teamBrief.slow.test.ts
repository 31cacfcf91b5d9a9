import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReportSet } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Manifest } from "../../src/model.js";
import { messagesOf } from "../helpers/messages.js";

jest.setTimeout(180_000);

const work = mkdtempSync(join(tmpdir(), "semaforo-team-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the enabling team's brief in a real build", () => {
  it("prints its PDF and archives its CSV beside it, both in the manifest", async () => {
    const data = join(work, "tiny");
    cpSync("fixtures/tiny", data, { recursive: true });
    appendFileSync(join(data, "recipients.csv"), "team,PE,Equipo Nacional,equipo@example.org,es\n");
    const out = join(work, "out");
    const outcome = await buildReportSet(
      { dataDir: data, period: "2026-05", outDir: out, only: ["PE"], concurrency: 1 },
      { ...defaultBuildEffects(), now: () => new Date("2026-11-05T15:30:00Z") },
    );
    if (outcome.kind !== "built") throw new Error(JSON.stringify(outcome.problems, null, 2));
    expect(outcome.failures).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(out, "2026-05", "manifest.json"), "utf8")) as Manifest;
    const team = manifest.reports.find((r) => r.level === "team");
    expect(team).toMatchObject({
      code: "PE",
      file: "team/PE-equipo-de-acompanamiento.pdf",
      recipients: ["equipo@example.org"],
      attachments: [expect.objectContaining({ file: "team/PE-equipo-de-acompanamiento.csv" })],
    });
    const csvEntry = team?.attachments?.[0];
    const csv = readFileSync(join(out, "2026-05", csvEntry?.file ?? ""));
    expect(createHash("sha256").update(csv).digest("hex")).toBe(csvEntry?.sha256);
    expect(csv.byteLength).toBe(csvEntry?.bytes);

    // The same brief, computed here, is what the PDF and the CSV hold.
    const { dataset } = await readDataset(data);
    if (!dataset) throw new Error("tiny does not validate");
    const brief = buildTeamBrief(dataset, "2026-05", { locale: "es", messages: messagesOf("es") });
    expect(brief.units.length).toBeGreaterThan(0);
    const lines = csv
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(1 + brief.units.reduce((n, u) => n + u.weak.length, 0));
    expect(lines[1]?.split(",").slice(0, 5)).toEqual([
      "1",
      brief.units[0]?.region?.code,
      brief.units[0]?.region?.name,
      brief.units[0]?.unit.code,
      brief.units[0]?.unit.name,
    ]);

    const text = execFileSync("pdftotext", [join(out, "2026-05", team?.file ?? ""), "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, " ");
    expect(text).toContain("Informe mensual del equipo de acompañamiento");
    expect(text).toContain("mayo de 2026");
    for (const unit of brief.units.slice(0, 15)) {
      expect(text).toContain(unit.unit.name);
      for (const weak of unit.weak)
        expect(text).toContain(weak.trendText.replaceAll("→", "›").replace(/\s+/g, " "));
    }
    expect(text).toContain("Calidad de los datos del mes");
    execFileSync("node", ["bin/semaforo.js", "verify", join(out, "2026-05")]);

    // send (to the outbox: no SMTP URL) attaches the CSV, the archived bytes.
    execFileSync("node", ["bin/semaforo.js", "send", "--out", out, "--period", "2026-05", "--only", "PE"], {
      env: { ...process.env, SEMAFORO_SMTP_URL: "" },
    });
    const outbox = join(out, "2026-05", "outbox");
    const eml = readdirSync(outbox).find((name) => name.startsWith("team-PE-es-equipo@example.org"));
    const raw = readFileSync(join(outbox, eml ?? "missing"), "utf8");
    expect(raw).toContain("filename=2026-05-PE-equipo-de-acompanamiento.pdf");
    expect(raw).toContain("filename=2026-05-PE-equipo-de-acompanamiento.csv");
    const part = raw.split("filename=2026-05-PE-equipo-de-acompanamiento.csv")[1] ?? "";
    const base64 = (part.split(/\r?\n\r?\n/)[1] ?? "").split(/\r?\n--/)[0] ?? "";
    expect(Buffer.from(base64.replace(/\s+/g, ""), "base64").equals(csv)).toBe(true);

    // A changed CSV is a verify problem, like a changed PDF.
    appendFileSync(join(out, "2026-05", csvEntry?.file ?? ""), "x");
    const verify = spawnSync("node", ["bin/semaforo.js", "verify", join(out, "2026-05")], {
      encoding: "utf8",
    });
    expect(verify.status).not.toBe(0);
    expect(verify.stdout + verify.stderr).toContain("team/PE-equipo-de-acompanamiento.csv");
  });
});
