import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readHeldVersions } from "../../src/archive/readHeldVersions.js";
import { CliError, isError } from "../../src/errors.js";

const period = () => mkdtempSync(join(tmpdir(), "semaforo-held-"));

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
};

const event = {
  at: "2026-11-05T15:30:00.000Z",
  id: "2026-10/district/010001/es/a@example.org",
  messageId: "<x@example.org>",
  level: "district",
  code: "010001",
  language: "es",
  email: "a@example.org",
  file: "district/010001-x.pdf",
  sha256: "a".repeat(64),
  state: "sent",
  attempt: 1,
  transport: "smtp",
};

describe("readHeldVersions", () => {
  it("reads the versions someone may hold", () => {
    const dir = period();
    writeFileSync(join(dir, "deliveries.jsonl"), JSON.stringify(event) + "\n");
    expect([...readHeldVersions(dir)]).toEqual(["a".repeat(64)]);
  });

  it("a damaged line is ledger-unreadable with the line's fields, and the damaged-ledger error as its cause", () => {
    const dir = period();
    const file = join(dir, "deliveries.jsonl");
    writeFileSync(file, JSON.stringify(event) + "\n{not json. really}\n");
    const error = caught(() => readHeldVersions(dir));
    expect(isError(error, "ledgerUnreadable")).toBe(true);
    if (!isError(error, "ledgerUnreadable")) return;
    expect(error.exitCode).toBe(2);
    expect(error.args).toEqual([file, { line: 2, what: "not valid JSON" }]);
    expect(error.message).toBe(
      `Cannot tell which PDFs were delivered: ${file}:2: not valid JSON. Nothing was built, so no PDF that someone received can be replaced.`,
    );
    // The original error survives whole, with its own code and fields.
    expect(error.cause).toBeInstanceOf(CliError);
    expect(isError(error.cause, "damagedLedger")).toBe(true);
    expect((error.cause as CliError).args).toEqual([file, 2, "not valid JSON"]);
  });

  it("keeps the whole reason when the path holds a full stop (the message was cut at the first one)", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "semaforo-held-")), "Reports. Archive", "2026-10");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "deliveries.jsonl");
    writeFileSync(file, JSON.stringify({ ...event, attempt: "one" }) + "\n");
    const error = caught(() => readHeldVersions(dir));
    if (!isError(error, "ledgerUnreadable") || !isError(error.cause, "damagedLedger"))
      throw new Error(`unexpected ${String(error)}`);
    const [, line, what] = error.cause.args;
    expect(what).toMatch(/^not a delivery event \(attempt: /);
    expect(error.args[1]).toEqual({ line, what });
    expect(error.message).toContain(`${file}:1: ${what}. Nothing was built`);
  });

  it("a ledger the system cannot read is ledger-unreadable with its file-system code", () => {
    const dir = period();
    mkdirSync(join(dir, "deliveries.jsonl"));
    const error = caught(() => readHeldVersions(dir));
    if (!isError(error, "ledgerUnreadable")) throw new Error(`unexpected ${String(error)}`);
    expect(error.args[1]).toEqual({ code: "EISDIR" });
    expect((error.cause as NodeJS.ErrnoException).code).toBe("EISDIR");
  });
});
