import { describe, expect, it } from "@jest/globals";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumVersion } from "../../src/pdf/chromiumVersion.js";

/** An executable shell script that prints `output` for `--version`. */
function fakeBrowser(output: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "semaforo-chromium-")), "chromium");
  writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
  chmodSync(file, 0o755);
  return file;
}

describe("chromiumVersion", () => {
  it("reads the version a browser prints", async () => {
    await expect(chromiumVersion(fakeBrowser("Chromium 156.0.8078.114 built on Debian"))).resolves.toBe(
      "Chrome/156.0.8078.114",
    );
  }, 30_000);

  it("a binary that prints no version is browser-version-unknown (exit 2), not a bug", async () => {
    const path = fakeBrowser("Segmentation fault");
    await expect(chromiumVersion(path)).rejects.toMatchObject({
      code: "browser-version-unknown",
      exitCode: 2,
      message: expect.stringContaining(
        `\`${path} --version\` gave no version (it printed "Segmentation fault")`,
      ),
    });
  }, 30_000);

  it("a binary that does not run is browser-version-unknown too", async () => {
    await expect(chromiumVersion("/nonexistent/chromium")).rejects.toMatchObject({
      code: "browser-version-unknown",
      exitCode: 2,
    });
  }, 30_000);
});
