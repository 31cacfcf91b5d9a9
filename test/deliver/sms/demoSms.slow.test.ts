import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DeliveryEvent, Manifest } from "../../../src/model.js";
import { reassembleSms, startSmsc, type Smsc } from "../../helpers/startSmsc.js";

// Part of the demo month, built by the real CLI (Chromium prints its PDFs), then its SMS sent by the
// real CLI (`send --channel sms --sms smpp://…`) to a real SMPP server on 127.0.0.1, and checked on
// the server's side. The units: UGEL 150107 (the demo's most visited schools: 158 directors' SMS,
// most in two parts), UGEL 150102 and DRE 160000 (English readers). The whole month (5 476 SMS)
// goes through the same path in `npm run bench` (bench/smsBench.js), not here: about 3 minutes of
// sending on a loaded machine after a full build.
// SEMAFORO_SMS_DEMO_OUT=DIR reads an existing build of 2026-10 in DIR instead (its manifest is copied).
jest.setTimeout(20 * 60_000);

const UNITS = ["150107", "150102", "160000"];
const given = process.env.SEMAFORO_SMS_DEMO_OUT;
const out = mkdtempSync(join(tmpdir(), "semaforo-sms-demo-"));
let manifest: Manifest;
let smsc: Smsc;

beforeAll(async () => {
  if (given) {
    execFileSync("mkdir", ["-p", join(out, "2026-10")]);
    execFileSync("cp", [join(given, "2026-10", "manifest.json"), join(out, "2026-10", "manifest.json")]);
  } else {
    execFileSync(
      process.execPath,
      [
        "bin/semaforo.js",
        "build",
        ...["--data", "fixtures/demo", "--period", "2026-10", "--out", out, "--only", UNITS.join(",")],
      ],
      { stdio: "ignore", timeout: 15 * 60_000 },
    );
  }
  manifest = JSON.parse(readFileSync(join(out, "2026-10", "manifest.json"), "utf8")) as Manifest;
  smsc = await startSmsc();
});

afterAll(async () => {
  await smsc?.close();
  rmSync(out, { recursive: true, force: true });
});

/** The real CLI in a child process (the SMPP server lives in this one, so never a sync call). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/semaforo.js", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
const send = (url: string) =>
  cli(["send", "--out", out, "--period", "2026-10", "--channel", "sms", "--sms", url]);
const ledger = (): DeliveryEvent[] => {
  try {
    return readFileSync(join(out, "2026-10", "deliveries.jsonl"), "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as DeliveryEvent);
  } catch {
    return [];
  }
};

describe("the demo month's SMS (part of it) through the real send to a real SMPP server", () => {
  it("the build put SMS in the manifest: authorities, directors, English readers", () => {
    const all = manifest.reports.flatMap((r) => (r.sms ?? []).map((s) => ({ ...s, language: r.language })));
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((s) => s.school).length).toBeGreaterThan(100);
    expect(all.some((s) => s.language === "en")).toBe(true);
  });

  it("a refused bind (wrong password): exit 2, the password never printed, nothing submitted or marked sent", async () => {
    const run = await send(smsc.url("semaforo", "not-the-secret"));
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain("ESME_RINVPASWD");
    expect(run.stdout + run.stderr).not.toContain("not-the-secret");
    expect(smsc.received).toHaveLength(0);
    expect(ledger().filter((e) => e.state === "sent")).toHaveLength(0);
  });

  it("sends each SMS once, as GSM-7 with data_coding 0, at most 2 parts, with the concatenation UDH", async () => {
    const run = await send(smsc.url());
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const { messages, faults } = reassembleSms(smsc.submits);
    expect(faults).toEqual([]);
    // The centre answered every submit it received (none lost, none twice).
    expect(smsc.received).toHaveLength(smsc.submits.length);
    const expected = manifest.reports
      .flatMap((r) => r.sms ?? [])
      .map((s) => `${s.to.slice(1)} ${s.text}`)
      .sort();
    expect(messages.map((m) => `${m.destination} ${m.text}`).sort()).toEqual(expected);
    expect(Math.max(...messages.map((m) => m.parts))).toBe(2);
    expect(messages.filter((m) => m.parts === 2).length).toBeGreaterThan(50);
    // é ñ ¿ ¡ go as GSM-7, á í ó ú as plain vowels (the demo's names and words have both).
    expect(messages.some((m) => /[ñé]/.test(m.text))).toBe(true);
    expect(messages.some((m) => /[áíóúÁÍÓÚ]/.test(m.text))).toBe(false);
    const sent = ledger().filter((e) => e.channel === "sms" && e.state === "sent");
    expect(new Set(sent.map((e) => e.id)).size).toBe(expected.length);
  });

  it("status shows every SMS sent; a rerun hands nothing over", async () => {
    const status = await cli(["status", join(out, "2026-10")]);
    expect(status.code).toBe(0);
    const smsCount = manifest.reports.reduce((n, r) => n + (r.sms?.length ?? 0), 0);
    expect(status.stdout.match(/SMS \+51\d{9} sent/g)).toHaveLength(smsCount);
    expect(status.stdout).toContain(`${smsCount} SMS)`);

    const before = smsc.received.length;
    const again = await send(smsc.url());
    expect(again.code).toBe(0);
    expect(smsc.received).toHaveLength(before);
  });
});
