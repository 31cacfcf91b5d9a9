import { describe, expect, it } from "@jest/globals";
import { createProgress } from "../../src/cli/progress.js";
import { progressWord } from "../../src/cli/commands/send.js";
import type { DeliveryResult } from "../../src/deliver/sendReport.js";
import { captureIo } from "../helpers/io.js";

const delivery: DeliveryResult = {
  id: "2026-10/district/010001/es/a@example.org",
  level: "district",
  code: "010001",
  unit: "UGEL Chachapoyas",
  language: "es",
  email: "a@example.org",
  file: "district/010001-es-report.pdf",
  bytes: 3000,
  state: "sent",
  outdated: false,
  action: "sent",
};

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

  it("counts what did not succeed in the summary's words: send's 1 failed and 1 unknown are not '2 failed'", () => {
    const io = captureIo();
    let clock = new Date(2026, 11, 3, 8, 0, 0).getTime();
    const progress = createProgress(io, 3, "Sending", { now: () => clock });
    const results = [
      { action: "sent", state: "sent" },
      { action: "attempted", state: "failed" },
      { action: "attempted", state: "unknown" },
    ] as const;
    for (const [i, result] of results.entries()) {
      clock += 500;
      progress.tick(`delivery ${i}`, progressWord({ ...delivery, ...result }));
    }
    expect(io.stderr().split("\n").at(-1)).toBe(
      "2026-12-03 08:00:01 Sending 3/3 (100%), 1 failed, 1 unknown",
    );
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
