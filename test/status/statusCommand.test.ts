import { mkdirSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";
import { makeEvent, makeManifest, makeReport } from "../helpers/manifest.js";

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "semaforo-status-"));
  dir = path.join(root, "out", "2026-10");
  await mkdir(dir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const national = makeReport({
  level: "national",
  code: "PE",
  name: "Perú",
  file: "national/PE-peru.pdf",
  pages: 12,
  bytes: 512_000,
  recipients: ["dge@example.org"],
});
const district = makeReport({
  code: "010001",
  name: "UGEL Chachapoyas",
  recipients: ["a@example.org", "b@example.org"],
});

async function writeSet(): Promise<void> {
  await writeFile(path.join(dir, "manifest.json"), JSON.stringify(makeManifest([national, district])));
  const events = [
    makeEvent(national, "dge@example.org", "attempt"),
    makeEvent(national, "dge@example.org", "sent"),
    makeEvent(district, "a@example.org", "attempt"),
    makeEvent(district, "a@example.org", "failed", {
      reply: "550 5.1.1 <a@example.org>: mailbox unavailable",
    }),
    makeEvent(district, "b@example.org", "attempt"),
  ];
  await writeFile(path.join(dir, "deliveries.jsonl"), events.map((e) => JSON.stringify(e) + "\n").join(""));
}

describe("semaforo status", () => {
  it("takes the manifest's path for its folder (as a shell's completion offers it)", async () => {
    await writeSet();
    const byFolder = captureIo();
    const byManifest = captureIo();
    expect(await main(["status", dir], byFolder)).toBe(0);
    expect(await main(["status", path.join(dir, "manifest.json")], byManifest)).toBe(0);
    expect(byManifest.stderr()).not.toContain("has no manifest.json");
    expect(byManifest.stdout()).toBe(byFolder.stdout());
  });

  it("prints one line per report and the totals, exit 0", async () => {
    await writeSet();
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(0);
    const lines = io.stdout().split("\n");
    expect(lines.find((l) => l.startsWith("national"))).toMatch(
      /^national\s+PE\s+Perú\s+es\s+12\s+500 kB\s+dge@example\.org sent$/,
    );
    expect(lines.find((l) => l.startsWith("district"))).toMatch(
      /^district\s+010001\s+UGEL Chachapoyas\s+es\s+6\s+200 kB\s+a@example\.org failed \(550 5\.1\.1 <a@example\.org>: mailbox unavailable\), b@example\.org unknown \(the run stopped after the message was handed/,
    );
    expect(io.stdout()).toContain("Reports: 2 built (18 pages, 700 kB).");
    expect(io.stdout()).toContain(
      "Deliveries: 1 sent, 0 written to the outbox, 1 failed, 1 unknown, 0 pending (3 in all).",
    );
    expect(io.stderr()).toBe("");
  });

  it("prints JSON with --json", async () => {
    await writeSet();
    const io = captureIo();
    expect(await main(["status", dir, "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as {
      period: string;
      totals: { deliveries: Record<string, number> };
      reports: unknown[];
    };
    expect(json.period).toBe("2026-10");
    expect(json.reports).toHaveLength(2);
    expect(json.totals.deliveries).toEqual({
      sent: 1,
      written: 0,
      failed: 1,
      unknown: 1,
      pending: 0,
      total: 3,
      outdated: 0,
      sms: 0,
    });
  });

  it("finds the folder from --out and --period", async () => {
    await writeSet();
    const io = captureIo();
    expect(await main(["status", "--out", path.join(root, "out"), "--period", "2026-10", "--json"], io)).toBe(
      0,
    );
    expect((JSON.parse(io.stdout()) as { period: string }).period).toBe("2026-10");
  });

  it("shows every delivery as pending before any send", async () => {
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify(makeManifest([district])));
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(0);
    expect(io.stdout()).toContain(
      "Deliveries: 0 sent, 0 written to the outbox, 0 failed, 0 unknown, 2 pending (2 in all).",
    );
  });

  it("fails with exit 2 and says to build first when there is no manifest", async () => {
    const io = captureIo();
    expect(await main(["status", path.join(root, "out", "2026-09")], io)).toBe(2);
    expect(io.stderr()).toMatch(/2026-09 does not exist: no report set was built there/);
    expect(io.stderr()).toMatch(/semaforo build/);
    // An existing folder without a manifest says so.
    mkdirSync(path.join(root, "out", "2026-08"), { recursive: true });
    const empty = captureIo();
    expect(await main(["status", path.join(root, "out", "2026-08")], empty)).toBe(2);
    expect(empty.stderr()).toMatch(/2026-08 has no manifest\.json/);
  });

  it("explains a damaged manifest instead of crashing", async () => {
    await writeFile(path.join(dir, "manifest.json"), '{"period": "2026-10", "reports": [');
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(2);
    expect(io.stderr()).toMatch(/manifest\.json is damaged/);
    expect(io.stderr()).not.toMatch(/\n\s+at /);
  });

  it("rejects a malformed --period", async () => {
    const io = captureIo();
    expect(await main(["status", "--period", "2026-13"], io)).toBe(2);
    expect(io.stderr()).toMatch(/YYYY-MM/);
  });

  it("prints the build time in the programme's time zone, not raw UTC", async () => {
    await writeSet();
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(0);
    // generatedAt 2026-11-15T06:00:00-05:00 is 06:00 in Lima.
    expect(io.stdout().split("\n")[0]).toBe(`${dir}: period 2026-10, built 2026-11-15 06:00 (America/Lima)`);
  });

  it("shows the latest period built when none is named", async () => {
    await writeSet();
    await mkdir(path.join(root, "out", "2026-09"), { recursive: true });
    await writeFile(
      path.join(root, "out", "2026-09", "manifest.json"),
      JSON.stringify(makeManifest([district], { period: "2026-09" })),
    );
    await mkdir(path.join(root, "out", "2026-11"), { recursive: true }); // started, never finished: no manifest
    const io = captureIo();
    expect(await main(["status", "--out", path.join(root, "out"), "--json"], io)).toBe(0);
    expect((JSON.parse(io.stdout()) as { period: string }).period).toBe("2026-10");

    const empty = captureIo();
    expect(await main(["status", "--out", path.join(root, "nothing")], empty)).toBe(2);
    expect(empty.stderr()).toContain("holds no built period");
  });

  it("filters by delivery state and by unit, keeping the whole period's totals", async () => {
    await writeSet();
    const io = captureIo();
    expect(await main(["status", dir, "--state", "failed,unknown"], io)).toBe(0);
    const rows = io
      .stdout()
      .split("\n")
      .filter((l) => /^(national|region|district) /.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^district\s+010001 .*a@example\.org failed .*b@example\.org unknown/);
    expect(io.stdout()).toContain("Showing 1 of 2 reports; the totals are the whole period's.");
    expect(io.stdout()).toContain(
      "Deliveries: 1 sent, 0 written to the outbox, 1 failed, 1 unknown, 0 pending (3 in all).",
    );

    const only = captureIo();
    expect(await main(["status", dir, "--only", "PE", "--json"], only)).toBe(0);
    const json = JSON.parse(only.stdout()) as { reports: { code: string }[] };
    expect(json.reports.map((r) => r.code)).toEqual(["PE"]);

    const bad = captureIo();
    expect(await main(["status", dir, "--state", "delivered"], bad)).toBe(2);
    expect(bad.stderr()).toContain(
      "--state delivered: the states are sent, written, failed, unknown, pending.",
    );
  });

  it("shows the build time in the time zone the dataset names", async () => {
    await writeFile(
      path.join(dir, "manifest.json"),
      JSON.stringify(
        makeManifest([district], { dataset: { name: "test", synthetic: true, timeZone: "Europe/Madrid" } }),
      ),
    );
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(0);
    // 06:00 in Lima (UTC−5) is 12:00 in Madrid (UTC+1 in November).
    expect(io.stdout().split("\n")[0]).toBe(`${dir}: period 2026-10, built 2026-11-15 12:00 (Europe/Madrid)`);
  });
});
