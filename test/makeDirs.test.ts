import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDirs, makeDirsSync } from "../src/makeDirs.js";

// Node's recursive mkdir never returns for the last two cases (it retries ENOENT forever): these
// tests would time out with it.
describe("makeDirs", () => {
  it("makes every missing folder, and accepts existing ones", async () => {
    const root = mkdtempSync(join(tmpdir(), "semaforo-dirs-"));
    await makeDirs(join(root, "a/b/c"));
    makeDirsSync(join(root, "a/b/d"));
    await makeDirs(join(root, "a/b/c"));
    expect([existsSync(join(root, "a/b/c")), existsSync(join(root, "a/b/d"))]).toEqual([true, true]);
  });

  it("fails with the system's error where a folder cannot be made", async () => {
    const root = mkdtempSync(join(tmpdir(), "semaforo-dirs-"));
    writeFileSync(join(root, "file"), "");
    await expect(makeDirs(join(root, "file/out"))).rejects.toMatchObject({ code: "ENOTDIR" });
    // A dangling symbolic link (an unmounted disk), and a path under /proc.
    symlinkSync(join(root, "gone"), join(root, "dangling"));
    await expect(makeDirs(join(root, "dangling/out/2026-10"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(() => makeDirsSync(join(root, "dangling/out"))).toThrow(
      expect.objectContaining({ code: "ENOENT" }),
    );
    if (existsSync("/proc/self"))
      await expect(makeDirs("/proc/semaforo-test/out")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
