import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/loadConfig.js";
import { CliError, ExitCode } from "../../src/errors.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "semaforo-config-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("loadConfig", () => {
  it("returns {} when there is no semaforo.config.json", async () => {
    expect(await loadConfig(dir)).toEqual({});
  });

  it("reads ./semaforo.config.json", async () => {
    await writeFile(
      path.join(dir, "semaforo.config.json"),
      JSON.stringify({ data: "datos", concurrency: 3 }),
    );
    expect(await loadConfig(dir)).toEqual({ data: "datos", concurrency: 3 });
  });

  it("makes data and out relative to the config file's folder", async () => {
    await mkdir(path.join(dir, "etc"));
    await writeFile(path.join(dir, "etc", "s.json"), JSON.stringify({ data: "../datos", out: "/srv/out" }));
    expect(await loadConfig(dir, "etc/s.json")).toEqual({ data: "datos", out: "/srv/out" });
  });

  it("fails with exit 2 when --config names a missing file", async () => {
    const error = await failure(loadConfig(dir, "nope.json"));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe("Config file nope.json not found.");
  });

  it("lists all three mistakes in one error, exit 2", async () => {
    await writeFile(
      path.join(dir, "semaforo.config.json"),
      JSON.stringify({ concurrency: "4", locale: "fr", smtp: { url: "smtp://u:p@mail.example.org" } }),
    );
    const error = await failure(loadConfig(dir));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.code).toBe("bad-config");
    expect(error.message.split("\n")).toEqual([
      "semaforo.config.json has 3 mistakes:",
      '  semaforo.config.json: concurrency: expected a number, got the string "4"',
      // A key earlier versions accepted without acting on it says what to do instead.
      "  semaforo.config.json: locale: not a setting (it never changed anything): each recipient's language is the language column of recipients.csv, es when blank",
      expect.stringMatching(
        /^ {2}semaforo\.config\.json: smtp\.url: contains a password: .*smtp\.passwordEnv/,
      ),
    ]);
    // The file is untouched and the password is not echoed.
    expect(error.message).not.toContain("u:p@");
    expect(await readFile(path.join(dir, "semaforo.config.json"), "utf8")).toContain("concurrency");
  });
});
