import { describe, expect, it } from "@jest/globals";
import { createProgress } from "../../src/cli/progress.js";
import { captureIo } from "../helpers/io.js";

describe("progress without a terminal (cron, systemd, a pipe)", () => {
  it("prints a timestamped line every tenth of the work, with failures and the time left", () => {
    const io = captureIo();
    let clock = new Date(2026, 11, 3, 8, 5, 0).getTime();
    const progress = createProgress(io, 20, "Printing", { now: () => clock });
    for (let i = 1; i <= 20; i++) {
      clock += 500; // half a second per report
      progress.tick(`report ${i}`, i === 3);
    }
    progress.stop();
    const lines = io.stderr().split("\n");
    // 20 items: a line every 2 of them.
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("2026-12-03 08:05:01 Printing 2/20 (10%), ETA 9 s");
    expect(lines[1]).toBe("2026-12-03 08:05:02 Printing 4/20 (20%), 1 failed, ETA 8 s");
    expect(lines[9]).toBe("2026-12-03 08:05:10 Printing 20/20 (100%), 1 failed");
    expect(io.stdout()).toBe("");
  });

  it("prints at least every 10 seconds when items are slow, and minutes in the estimate", () => {
    const io = captureIo();
    let clock = new Date(2026, 11, 3, 8, 0, 0).getTime();
    const progress = createProgress(io, 1000, "Verifying", { now: () => clock });
    for (let i = 1; i <= 3; i++) {
      clock += 6_000;
      progress.tick(`file ${i}`);
    }
    // 6 s: nothing yet; 12 s: a line (10 s passed); 18 s: 6 s since the last line, nothing.
    expect(io.stderr().split("\n")).toEqual(["2026-12-03 08:00:12 Verifying 2/1000 (0%), ETA 99 min 48 s"]);
  });

  it("counts each outcome under its own word, as the summary does (reused is not printed, unknown is not failed)", () => {
    const io = captureIo();
    let clock = new Date(2026, 11, 3, 8, 5, 0).getTime();
    const progress = createProgress(io, 4, "Sending", { now: () => clock });
    for (const outcome of [undefined, "failed", "unknown", undefined]) {
      clock += 100;
      progress.tick("x", outcome);
    }
    expect(io.stderr().split("\n").at(-1)).toBe(
      "2026-12-03 08:05:00 Sending 4/4 (100%), 1 failed, 1 unknown",
    );
    const reused = captureIo();
    const build = createProgress(reused, 2, "Reports", { now: () => clock });
    build.tick("a.pdf", "reused");
    build.tick("b.pdf", "reused");
    expect(reused.stderr()).toContain("Reports 2/2 (100%), 2 reused");
    expect(reused.stderr()).not.toContain("printed");
  });

  it("stays silent when there is nothing to do", () => {
    const io = captureIo();
    createProgress(io, 0, "Sending").tick("x");
    expect(io.stderr()).toBe("");
  });
});

describe("progress under --json", () => {
  it("prints nothing, so a script reads only the JSON document", () => {
    const io = captureIo();
    const progress = createProgress(io, 3, "Printing", { json: true });
    for (let i = 0; i < 3; i++) progress.tick(String(i));
    expect(io.stderr()).toBe("");
  });
});
