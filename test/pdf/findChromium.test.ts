import { describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { findChromium } from "../../src/pdf/findChromium.js";
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
});
