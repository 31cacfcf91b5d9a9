import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBuild } from "../../src/cli/commands/build.js";
import { main } from "../../src/cli/main.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

// #27 item 12 (publish): a disk that fills up while publishing is exit 2 naming the path — never
// exit 1 "This is a bug" — the site published before stays whole and no work folder is left.
// A real full disk: a small tmpfs (mounting needs root), filled to a few levels of free space.

const PERIOD = "2026-05";
const root = process.getuid?.() === 0;
let mount = "";
const periodDir = () => join(mount, "out", PERIOD);
const publish = async () => {
  const io = captureIo();
  const code = await main(
    ["publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", join(mount, "out")],
    io,
  );
  return { code, text: `${io.stdout()}\n${io.stderr()}` };
};

beforeAll(async () => {
  if (!root) return;
  mount = mkdtempSync(join(tmpdir(), "semaforo-full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mount]);
  expect(
    await runBuild(
      { data: "fixtures/tiny", period: PERIOD, out: join(mount, "out"), json: false },
      captureIo(),
      fakeBuildEffects(),
    ),
  ).toBe(0);
  expect((await publish()).code).toBe(0);
}, 120_000);

afterAll(() => {
  if (!root) return;
  execFileSync("umount", [mount]);
  rmSync(mount, { recursive: true, force: true });
});

/** Fills the tmpfs with a file so that about `free` bytes remain. */
function fillLeaving(free: number): string {
  const filler = join(mount, "filler");
  rmSync(filler, { force: true });
  const stat = statfsSync(mount);
  const available = stat.bavail * stat.bsize;
  writeFileSync(filler, Buffer.alloc(Math.max(0, available - free)));
  return filler;
}

(root ? describe : describe.skip)("publish on a full disk", () => {
  it.each([0, 8 * 1024, 64 * 1024, 160 * 1024, 320 * 1024])(
    "with %d bytes free: exit 2 naming the path; the earlier site stays whole, no work folder left",
    async (free) => {
      const before = readFileSync(join(periodDir(), "public", "files.json"));
      const filler = fillLeaving(free);
      try {
        const { code, text } = await publish();
        expect(text).not.toMatch(/This is a bug/);
        expect(code).toBe(2);
        expect(text).toMatch(
          new RegExp(
            `Cannot write ${periodDir().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\S+: the disk is full \\(ENOSPC\\)`,
          ),
        );
        expect(text).toMatch(/run publish again/);
        expect(readdirSync(periodDir()).filter((name) => name.startsWith(".public-"))).toEqual([]);
        if (!/manifest\.json does not list it yet/.test(text))
          expect(readFileSync(join(periodDir(), "public", "files.json"))).toEqual(before);
      } finally {
        rmSync(filler, { force: true });
      }
      // With space again, publish and verify pass.
      expect((await publish()).code).toBe(0);
      const io = captureIo();
      expect(await main(["verify", periodDir()], io)).toBe(0);
    },
    120_000,
  );

  it("a read-only public parent is exit 2 too", async () => {
    mkdirSync(join(mount, "ro"), { recursive: true });
    execFileSync("mount", ["-o", "remount,ro", mount]);
    try {
      const { code, text } = await publish();
      expect(code).toBe(2);
      expect(text).toMatch(/Cannot write .*: the folder is read-only|Cannot write .*EROFS/);
    } finally {
      execFileSync("mount", ["-o", "remount,rw", mount]);
    }
  }, 120_000);
});
