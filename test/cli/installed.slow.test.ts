import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The README's "use it from any folder": `npm install -g` of the clone puts a `semaforo` command
 * on the PATH that works from any directory (here into a throwaway prefix, offline: a folder
 * install is a link to the clone, nothing is fetched).
 */
describe("the installed semaforo command", () => {
  it("runs from a folder outside the clone, as the README shows it", () => {
    const prefix = mkdtempSync(join(tmpdir(), "semaforo-global-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "semaforo-elsewhere-"));
    try {
      execFileSync(
        "npm",
        ["install", "-g", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", resolve(".")],
        { stdio: "pipe", timeout: 300_000 },
      );
      const bin = join(prefix, "bin", "semaforo");
      const version = execFileSync(bin, ["--version"], { cwd: elsewhere, encoding: "utf8", timeout: 60_000 });
      expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);
      // Not only the version: a command that reads the tool's own files (templates, schema).
      const help = execFileSync(bin, ["validate", "--help"], {
        cwd: elsewhere,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(help).toContain("semaforo validate");
    } finally {
      rmSync(prefix, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 400_000);
});
