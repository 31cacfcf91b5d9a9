import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSendEffects } from "../../src/deliver/defaultSendEffects.js";
import { sendReportSet } from "../../src/deliver/sendReportSet.js";
import type { Manifest } from "../../src/model.js";
import { startSmtpServer } from "../deliver/smtpTestServer.js";

/**
 * The archive's guarantees, tried on the real `semaforo` binary (dist/, rebuilt first) with real
 * Chromium: kills mid-build, a failed rebuild, a full and a read-only disk (a real 5 MB tmpfs), and a
 * rebuild after a real SMTP send.
 */
jest.setTimeout(300_000);

const root = mkdtempSync(join(tmpdir(), "semaforo-archive-cli-"));
const mounts: string[] = [];

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
});
afterAll(() => {
  for (const dir of mounts) spawnSync("umount", [dir]);
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function semaforo(args: string[]): Run {
  const run = spawnSync("node", ["bin/semaforo.js", ...args], { encoding: "utf8" });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** The dataset a test builds from; the send test switches to a corrected copy. */
let data = "fixtures/tiny";
const build = (out: string, ...more: string[]) =>
  semaforo(["build", "--data", data, "--period", "2026-05", "--out", out, "--concurrency", "1", ...more]);

/** Every file under `dir` with its sha256, hidden ones included. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .map((f) => `${f.slice(dir.length + 1)} ${createHash("sha256").update(readFileSync(f)).digest("hex")}`)
    .sort();
}

/** Starts a real build and sends `signal` once its first PDF is staged (part-way through). */
async function interrupt(
  out: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; staged: string[] }> {
  const child = spawn(
    "node",
    [
      "bin/semaforo.js",
      "build",
      "--data",
      "fixtures/tiny",
      "--period",
      "2026-05",
      "--out",
      out,
      "--concurrency",
      "1",
      // Printed, not reused: the kill must come while PDFs are being staged.
      "--full",
    ],
    // Its own process group, so SIGKILL can take Chromium with it as a machine crash would.
    { detached: signal === "SIGKILL", stdio: "ignore" },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const staging = join(out, "2026-05", ".staging");
  let staged: string[];
  for (;;) {
    staged = existsSync(staging)
      ? readdirSync(staging, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".pdf"))
      : [];
    if (staged.length > 0) break;
    if (child.exitCode !== null) throw new Error("the build ended before printing anything");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (signal === "SIGKILL") process.kill(-(child.pid as number), "SIGKILL");
  else child.kill(signal);
  return { code: await exited, staged };
}

describe("the archive of a real build", () => {
  const out = join(root, "out");
  const period = join(out, "2026-05");

  it("survives SIGKILL part-way through: the previous set verifies and the next build completes", async () => {
    expect(build(out).code).toBe(0);
    const before = snapshot(period);
    const { staged } = await interrupt(out, "SIGKILL");
    expect(staged.length).toBeGreaterThan(0);
    const verify = semaforo(["verify", period]);
    expect(verify.code).toBe(0);
    expect(verify.stderr).toContain("note: .staging/");
    // The archived files are byte for byte the previous set (the kill's staged PDFs aside).
    // (and its lock, which the next build takes over since its process is dead).
    expect(
      snapshot(period).filter((f) => !f.startsWith(".staging/") && !f.startsWith(".build.lock")),
    ).toEqual(before);

    const again = build(out);
    expect(again.code).toBe(0);
    expect(existsSync(join(period, ".staging"))).toBe(false);
    expect(existsSync(join(period, ".build.lock"))).toBe(false);
    expect(semaforo(["verify", period]).code).toBe(0);
  });

  it("leaves no temporary file after SIGTERM, and verify passes", async () => {
    const before = snapshot(period);
    const { code } = await interrupt(out, "SIGTERM");
    expect(code).toBe(143);
    expect(snapshot(period)).toEqual(before);
    expect(
      readdirSync(period, { recursive: true })
        .map(String)
        .filter((f) => f.includes(".tmp") || f.startsWith(".")),
    ).toEqual([]);
    expect(semaforo(["verify", period]).code).toBe(0);
  });

  it("a report that fails to rebuild keeps its archived PDF and entry (--only 010003 --timeout 0.05)", () => {
    const file = join(period, "district/010003-ugel-bongara.pdf");
    const pdf = readFileSync(file);
    const entry = (JSON.parse(readFileSync(join(period, "manifest.json"), "utf8")) as Manifest).reports.find(
      (r) => r.code === "010003",
    );
    // --timeout bounds the report's printing only, not Chromium's start-up: even on a loaded
    // machine this is a report that timed out (exit 4), never a browser that "did not start".
    const run = build(out, "--only", "010003", "--timeout", "0.05", "--full");
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 4 });
    expect(run.stderr).toContain("the archive keeps the earlier build of this report");
    expect(readFileSync(file)).toEqual(pdf);
    const manifest = JSON.parse(readFileSync(join(period, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.reports.find((r) => r.code === "010003")).toEqual(entry);
    expect(manifest.failures).toEqual([
      expect.objectContaining({ level: "district", code: "010003", language: "es", previous: "kept" }),
    ]);
    expect(semaforo(["verify", period]).code).toBe(0);
  });

  it("a rebuild after a real send keeps the e-mailed PDF, byte for byte, in superseded/", async () => {
    const server = await startSmtpServer();
    try {
      const sent = await sendReportSet(
        {
          out,
          period: "2026-05",
          smtpUrl: server.url,
          only: ["010001"],
          retry: { attempts: 1, baseMs: 1, maxMs: 1 },
        },
        defaultSendEffects(),
      );
      expect(sent.counts.sent).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    const attachment = server.received[0]?.parsed.attachments[0]?.content as Buffer;
    const sha = createHash("sha256").update(attachment).digest("hex");

    // A corrected school name in UGEL Chachapoyas: its report changes (the same inputs would give
    // the same bytes, and nothing would be superseded).
    data = join(root, "data-corrected");
    cpSync("fixtures/tiny", data, { recursive: true });
    const schools = join(data, "schools.csv");
    writeFileSync(
      schools,
      readFileSync(schools, "utf8").replaceAll("IE 18001 Santa Rosa", "IE 18001 Santa Rosa Alta"),
    );
    try {
      expect(build(out).code).toBe(0);
    } finally {
      data = "fixtures/tiny";
    }
    expect(readFileSync(join(period, `superseded/${sha}.pdf`))).toEqual(attachment);
    const manifest = JSON.parse(readFileSync(join(period, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.superseded.map((s) => `${s.code} ${s.file}`)).toEqual([`010001 superseded/${sha}.pdf`]);
    expect(manifest.reports.find((r) => r.code === "010001")?.sha256).not.toBe(sha);
    expect(semaforo(["verify", period]).code).toBe(0);
  });
});

describe("a full or read-only output disk (a real 5 MB tmpfs as --out)", () => {
  const out = join(root, "tmpfs");
  const period = join(out, "2026-05");

  beforeAll(() => {
    mkdirSync(out, { recursive: true });
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=5m", "tmpfs", out], { encoding: "utf8" });
    if (mount.status !== 0) throw new Error(`cannot mount a tmpfs (root needed): ${mount.stderr}`);
    mounts.push(out);
  });

  it("a full rebuild on a full disk ends with exit 2 naming the path, and every archived PDF stays", () => {
    expect(build(out).code).toBe(0);
    const before = snapshot(period);
    // Leave ~300 KB: less than the set, more than one report.
    const free = Number(
      execFileSync("df", ["--output=avail", "-B1", out], { encoding: "utf8" }).split("\n")[1],
    );
    writeFileSync(join(out, "filler"), Buffer.alloc(free - 300_000));
    const run = build(out, "--full");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`Cannot write ${period}/\\.staging/\\S+\\.pdf: the disk is full \\(ENOSPC\\)`),
    );
    expect(run.stderr).not.toContain("This is a bug");
    expect(snapshot(period)).toEqual(before);
    expect(semaforo(["verify", period]).code).toBe(0);
    rmSync(join(out, "filler"));
  });

  it("a read-only output folder ends with exit 2 naming the path, and verify still passes", () => {
    const before = snapshot(period);
    expect(spawnSync("mount", ["-o", "remount,ro", out]).status).toBe(0);
    try {
      const run = build(out, "--full");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot write ${period}/.build.lock`);
      expect(run.stderr).toContain("read-only file system (EROFS)");
      expect(run.stderr).not.toContain("This is a bug");
      expect(snapshot(period)).toEqual(before);
      expect(semaforo(["verify", period]).code).toBe(0);
    } finally {
      spawnSync("mount", ["-o", "remount,rw", out]);
    }
  });
});
