import { describe, expect, it } from "@jest/globals";
import type { Command } from "../../src/cli/command.js";
import { commands } from "../../src/cli/commands/index.js";
import { main } from "../../src/cli/main.js";
import { suggestOption } from "../../src/cli/usageError.js";
import { captureIo } from "../helpers/io.js";

const all = commands as Command<object>[];
const nameOf = (command: Command<object>) => command.command.split(" ")[0]!;

describe("every command's --help", () => {
  it.each(all.map((c) => [nameOf(c), c] as const))(
    "%s has a one-line purpose and a worked example",
    async (name, command) => {
      expect(command.describe.trim()).not.toBe("");
      expect(command.describe).not.toMatch(/not implemented/i);
      expect(command.describe).not.toContain("\n");
      expect(command.examples.length).toBeGreaterThanOrEqual(1);
      for (const [raw, what] of command.examples) {
        const example = raw.replace(/\$0/g, "semaforo");
        expect(example).toMatch(new RegExp(`(^|\\s)semaforo ${name}\\b`));
        expect(what.trim()).not.toBe("");
      }

      const io = captureIo();
      expect(await main([name, "--help"], io)).toBe(0);
      const help = io.stdout().replace(/\s+/g, " ");
      expect(help).toContain(command.describe.replace(/\s+/g, " "));
      expect(help).toContain("Examples:");
      // A very long example may be wrapped by yargs: compare with whitespace collapsed.
      for (const [example] of command.examples) {
        expect(help).toContain(example.replace(/\$0/g, "semaforo").replace(/\s+/g, " "));
      }
    },
  );
});

describe("command line mistakes", () => {
  it("suggests the option that was meant for an unknown flag (exit 2)", async () => {
    const io = captureIo();
    expect(await main(["status", "out/2026-10", "--perod", "2026-10"], io)).toBe(2);
    expect(io.stderr()).toMatch(/Unknown option --perod \(did you mean --period\?\)/);
    expect(io.stderr()).toMatch(/semaforo status --help/);
  });

  it("says which option is unknown even when nothing is close", async () => {
    const io = captureIo();
    expect(await main(["status", "out/2026-10", "--colour"], io)).toBe(2);
    expect(io.stderr()).toMatch(/Unknown option --colour\./);
  });

  it("rejects a flag given without its value (exit 2)", async () => {
    for (const argv of [
      ["status", "--period"],
      ["status", "--period", "--json"],
      ["status", "--period="],
      ["status", "out/2026-10", "--config"],
    ]) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      // Under --json the error is a JSON document on stdout.
      expect(io.stderr() + io.stdout()).toMatch(/--(period|config) needs a value/);
    }
  });

  it("names the missing positional argument", async () => {
    const io = captureIo();
    expect(await main(["init"], io)).toBe(2);
    expect(io.stderr()).toMatch(/semaforo init needs <dir>\. Usage: semaforo init <dir>/);
  });

  it("prints one paragraph without a stack trace, and the stack with --debug", async () => {
    const plain = captureIo();
    expect(await main(["status", "/nonexistent/2026-10"], plain)).toBe(2);
    expect(plain.stderr()).not.toMatch(/\n\s+at /);
    const debug = captureIo();
    expect(await main(["status", "/nonexistent/2026-10", "--debug"], debug)).toBe(2);
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });

  it("suggests close options only", () => {
    const options = ["data", "period", "out", "dry-run", "only", "resend-failed"];
    expect(suggestOption("perid", options)).toBe("period");
    expect(suggestOption("dryrun", options)).toBe("dry-run");
    expect(suggestOption("dryRun", options)).toBe("dry-run");
    expect(suggestOption("resend", options)).toBe("resend-failed");
    expect(suggestOption("colour", options)).toBeUndefined();
  });
});
