import { describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { findChromium, requireChromium } from "../../src/pdf/findChromium.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../helpers/io.js";

describe("a PUPPETEER_EXECUTABLE_PATH that points nowhere", () => {
  it("is named when another browser is taken instead", () => {
    const found = findChromium(
      { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" },
      (p) => p === "/usr/bin/chromium",
    );
    expect(found).toEqual({
      path: "/usr/bin/chromium",
      source: "system",
      ignored: "PUPPETEER_EXECUTABLE_PATH=/nonexistent/chrome is not an executable file",
    });
    expect(findChromium({}, (p) => p === "/usr/bin/chromium").ignored).toBeUndefined();
  });

  it("makes doctor print a warning line under the browser", async () => {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = "/nonexistent/chrome";
    try {
      const io = captureIo();
      const code = await main(["doctor"], io);
      const lines = io.stdout().split("\n");
      const browser = lines.findIndex((line) => / browser /.test(line));
      expect(lines[browser]).toMatch(/^WARN browser /);
      expect(lines[browser + 1]).toContain(
        "PUPPETEER_EXECUTABLE_PATH=/nonexistent/chrome is not an executable file: using",
      );
      expect(code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });

  it("stops build (exit 2, naming the variable) instead of printing with another browser", async () => {
    expect(() =>
      requireChromium({ PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" }, (p) => p === "/usr/bin/chromium"),
    ).toThrow(expect.objectContaining({ code: "bad-browser-variable", exitCode: 2 }));
    expect(requireChromium({}, (p) => p === "/usr/bin/chromium").path).toBe("/usr/bin/chromium");

    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = "/nonexistent/chrome";
    try {
      const out = mkdtempSync(join(tmpdir(), "semaforo-browser-var-"));
      const io = captureIo();
      const code = await main(["build", "--data", "fixtures/tiny", "--period", "2026-05", "--out", out], io);
      expect(code).toBe(2);
      expect(io.stderr()).toContain(
        "PUPPETEER_EXECUTABLE_PATH=/nonexistent/chrome is not an executable file",
      );
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  }, 60_000);
});
