import { describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const COMMANDS = "validate, build, views, preview, send, run, publish, status, verify, doctor, init";

describe("semaforo command line", () => {
  it("names the unknown command as typed and the command it was probably meant to be", async () => {
    const result = await run("biuld");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `semaforo: Unknown command "biuld" (did you mean build?). The commands: ${COMMANDS}.`,
    );
    expect(result.stderr).not.toMatch(/\?\./);
    expect((await run("valdate")).stderr).toContain('Unknown command "valdate" (did you mean validate?)');
    expect((await run("frobnicate")).stderr).toContain(
      `Unknown command "frobnicate". The commands: ${COMMANDS}.`,
    );
  });

  it("names a mistyped command before the flags that only the real command declares", async () => {
    const result = await run("biuld", "--data", "fixtures/tiny", "--period", "2026-10");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "biuld" (did you mean build?)');
    expect(result.stderr).not.toContain("Unknown option");
  });

  it("points `semaforo version` to --version, not to a command that merely looks alike", async () => {
    const result = await run("version");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "version" (did you mean --version?)');
    expect(result.stderr).not.toContain("did you mean verify");
  });

  it("--quiet keeps stderr free of notes and progress, and the output the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "semaforo-quiet-"));
    const args = ["views", "--data", "fixtures/tiny", "--period", "2026-05", "--out", join(dir, "v.json")];
    const loud = await run(...args);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain("Wrote ");
    expect(loud.stderr).toContain("warning");
    const quiet = await run(...args, "--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(loud.stdout);
    // Errors still speak.
    expect((await run("views", "--data", "/nonexistent", "--period", "2026-05", "-q")).stderr).toContain(
      "semaforo:",
    );
  });

  it("treats `help COMMAND` as `COMMAND --help`", async () => {
    const result = await run("help", "build");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("semaforo build");
    expect(result.stdout).toContain("--period");
    expect((await run("help")).stdout).toContain("Usage: semaforo <command> [options]");
  });

  it("reports a mistyped global flag instead of asking for a command, and lists every command", async () => {
    const typo = await run("--versoin");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option --versoin (did you mean --version?).");
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`Name a command: ${COMMANDS}.`);
  });

  it("names an unknown flag before the required option it hid", async () => {
    const result = await run("validate", "--dta", "x");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option --dta (did you mean --data?).");
    expect(result.stderr).not.toContain("needs --data");
  });

  it("reports a mistyped flag once, as typed", async () => {
    const result = await run("send", "--period", "2026-10", "--dry-rn");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("semaforo: Unknown option --dry-rn (did you mean --dry-run?).\n");
    expect(result.stderr).not.toContain("dryRn");
  });

  it("says which values a choice takes, with a suggestion", async () => {
    const result = await run("build", "--data", "fixtures/tiny", "--period", "2026-10", "--level", "regon");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'semaforo: --level "regon" is not one of national, region, district, team (did you mean region?).',
    );
    expect(result.stderr).not.toContain("Invalid values");
  });

  it("prints errors as one JSON document under --json", async () => {
    const result = await run("validate", "--json", "--data", "/nonexistent/dataset");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("");
    const document = JSON.parse(result.stdout) as { error: Record<string, unknown> };
    expect(document.error).toMatchObject({ code: "no-dataset", exitCode: 2 });
    expect(document.error.message).toContain("/nonexistent/dataset");
    expect(typeof document.error.hint).toBe("string");

    const usage = JSON.parse((await run("biuld", "--json")).stdout) as { error: Record<string, unknown> };
    expect(usage.error).toMatchObject({ code: "unknown-command", exitCode: 2 });
  });

  it("prints help with exit 0", async () => {
    const result = await run("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("semaforo build");
  });
});

describe("--config, the same for every command", () => {
  it.each([
    ["validate", "--data", "fixtures/tiny"],
    ["status", "out/2026-10"],
    ["verify", "out/2026-10"],
    ["views", "--data", "fixtures/tiny", "--period", "2026-10"],
    ["preview", "--data", "fixtures/tiny", "--period", "2026-10"],
    ["send", "--period", "2026-10", "--dry-run"],
    ["doctor"],
  ])("%s with a missing --config file is exit 2, config-not-found", async (...argv) => {
    const result = await run(...argv, "--config", "nosuch.json");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Config file nosuch.json not found.");
  });

  it("validate takes the dataset folder from the config's data", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "semaforo-config-"));
    try {
      const file = path.join(dir, "semaforo.config.json");
      await writeFile(file, JSON.stringify({ data: path.resolve("fixtures/tiny") }));
      const result = await run("validate", "--config", file);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/fixtures\/tiny: valid/);
      const none = await run("validate", "--config", path.join(dir, "nosuch.json"));
      expect(none.code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("validate without --data or a config's data says how to name it", async () => {
    const result = await run("validate");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Name the dataset folder: --data DIR.");
  });
});

describe("semaforo completion", () => {
  it("prints a shell completion script that completes the commands", async () => {
    const script = await run("completion");
    expect(script.code).toBe(0);
    expect(script.stdout).toContain("###-begin-semaforo-completions-###");
    expect(script.stdout).toContain("--get-yargs-completions");
    const words = await run("--get-yargs-completions", "bui");
    expect(words.stdout.split("\n")).toEqual(expect.arrayContaining(["build", "validate", "send"]));
  });
});

describe("a mistyped unit code", () => {
  it("gets a did-you-mean in build, views and send, in one voice", async () => {
    const build = await run(
      "build",
      "--data",
      "fixtures/tiny",
      "--period",
      "2026-05",
      "--only",
      "01001",
      "--out",
      "/nonexistent/out",
    );
    expect(build.code).toBe(2);
    expect(build.stderr).toContain(
      "semaforo: 01001 (did you mean 010001?) is not a unit of this dataset (--only).",
    );
    const views = await run(
      "views",
      "--data",
      "fixtures/tiny",
      "--period",
      "2026-05",
      "--only",
      "01001,PE,99",
    );
    expect(views.code).toBe(2);
    expect(views.stderr).toContain(
      "01001 (did you mean 010001?), 99 are not units of fixtures/tiny (--only).",
    );
  });
});

describe("a month the dataset has no results for", () => {
  it("stops build, views and run with exit 2 instead of making a set of empty reports", async () => {
    for (const argv of [
      ["build", "--data", "fixtures/tiny", "--period", "2027-05", "--out", "/nonexistent/out"],
      ["views", "--data", "fixtures/tiny", "--period", "2019-01"],
      ["run", "--data", "fixtures/tiny", "--period", "2027-05", "--out", "/nonexistent/out", "--dry-run"],
    ]) {
      const result = await run(...argv);
      expect([argv[0], result.code]).toEqual([argv[0], 2]);
      expect(result.stderr).toMatch(
        /fixtures\/tiny has no results for (2027-05|2019-01) \(its months: 2025-05 … 2026-05\)\./,
      );
    }
  });
});

describe("control characters in what the command line echoes", () => {
  it("are escaped, so a CR/LF cannot split the error line or drive the terminal", async () => {
    const result = await run("status", "/nonexistent/2026-10", "--state", "faild\u001b[31m\r\nx");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--state faild\\u001b[31m\\r");
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).not.toContain("\r");
  });

  it("--state suggests the state that was meant", async () => {
    const result = await run("status", "/nonexistent/2026-10", "--state", "faild");
    expect(result.stderr).toContain(
      "--state faild (did you mean failed?): the states are sent, written, failed, unknown, pending.",
    );
  });
});
