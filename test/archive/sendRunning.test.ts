import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { printAndArchive } from "../../src/build/printAndArchive.js";
import { acquireSendLock } from "../../src/archive/acquireSendLock.js";
import type { PrintJob } from "../../src/pdf/launchPrinter.js";
import { fakePrinter, options, SET, tmp } from "./fakeBuild.js";

describe("a build while a send runs", () => {
  it("stops before printing anything (send-running, exit 2), and builds once the send is over", async () => {
    const dir = tmp();
    mkdirSync(dir, { recursive: true });
    const send = acquireSendLock(join(dir, ".send.lock"));
    const printed: string[] = [];
    const printer = fakePrinter([], (job: PrintJob) => printed.push(job.id));
    await expect(printAndArchive(SET, printer, options(dir))).rejects.toMatchObject({
      code: "send-running",
      exitCode: 2,
    });
    expect(printed).toEqual([]);
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    send.release();
    const built = await printAndArchive(SET, printer, options(dir));
    expect(built.written).toHaveLength(SET.length);
  });
});
