import { errorDocument } from "../src/cli/errorDocument.js";
import { CliError, ExitCode, InternalError, errorData, errors, isError } from "../src/errors.js";
import { findProjectRoot } from "../src/findProjectRoot.js";

type Catalogue = typeof errorData;

/** Arguments for every entry (the type makes a new entry add its own): what a real call passes. */
const samples: { [Name in keyof Catalogue]: Parameters<Catalogue[Name]["message"]> } = {
  unknownCommand: ["biuld", ["validate", "build"], "build"],
  missingCommand: [["validate", "build"]],
  unknownOption: [["Unknown option --perod (did you mean --period?)."], "build"],
  missingArgument: ["init", "<dir>", "init <dir>"],
  missingOption: [["--period"], "build"],
  missingValue: ["period", "build"],
  badChoice: ["level", "regon", ["national", "region"], "region", "build"],
  badNumber: ["--retries", "nonNegative", "send"],
  usage: ["Give either the folder or --period, not both", "status"],
  badPeriod: ["2026-13"],
  badPort: [70000],
  portInUse: [8080],
  badState: [["faild"], ["failed"], ["sent", "failed"]],
  noPeriod: ["out"],
  unknownUnit: [["15O102"], "the dataset", ["150102"]],
  noReportMatches: [["--only PE", "--level district"]],
  badBrowserVariable: ["/nonexistent/chrome"],
  badConfig: ["semaforo.config.json", ["out: expected a string"]],
  configNotFound: ["x.json"],
  noData: [],
  noDataset: ["/nonexistent", "nothing"],
  unreadableFile: ["data/results.csv", "EACCES: permission denied"],
  periodNotInDataset: ["2030-01", "fixtures/tiny", ["2026-01", "2026-05"]],
  initNotAFolder: ["x.txt"],
  initNotEmpty: ["my-dataset", ["a.csv"]],
  badLocaleFile: ["templates/locales/es.json", '"x" is not a string'],
  missingEmailTemplate: ["templates/email/subject.es.hbs", "ENOENT"],
  noBrowser: [["/usr/bin/chromium"]],
  browserVersionUnknown: ["/usr/bin/chromium", 'it printed "Segmentation fault"'],
  browserLaunchFailed: ["/usr/bin/chromium", "Failed to launch the browser process!"],
  noManifest: ["out/2026-10", false],
  badManifest: ["out/2026-10/manifest.json", "reports[0].sha256 is missing"],
  archiveWrite: ["out/2026-10/.staging", "EROFS", "read-only file system"],
  publishWrite: ["out/2026-10/public/index.html", "ENOSPC", "no space left on device"],
  outInArchive: ["out/2026-10/manifest.json", "out/2026-10"],
  outIsFolder: ["out"],
  badJournal: [
    "out/2026-10",
    "removes",
    "deliveries.jsonl",
    "a build removes only files of the report folders",
  ],
  outsidePeriod: ["out/2026-10", "../x.pdf", "manifest.json"],
  unsafeCode: ["district", "15/01"],
  ledgerUnreadable: ["out/2026-10/deliveries.jsonl", { line: 3, what: "not valid JSON" }],
  buildRunning: ["out/2026-10", "process 42 on host-a"],
  sendRunning: ["out/2026-10", "process 42 on host-a"],
  unfinishedCommit: ["out/2026-10", "EROFS"],
  noRebuildRecord: ["out/2026-10"],
  invalidRebuild: ["fixtures/tiny", "results.csv:2:1: bad-period"],
  browserChanged: ["Chrome/156.0.8078.114", "Chrome/157.0.7000.1"],
  smtpUnusable: ["535 5.7.8 Authentication credentials invalid"],
  badSmtpUrl: ["smtp://user:***@host", "the scheme must be smtp or smtps"],
  smtpPasswordMissing: ["SMTP_PASS"],
  badSmsUrl: ["smpp://user:***@host", "it names no host"],
  smsPasswordMissing: ["SMS_PASS"],
  smsUnusable: ["bind refused: ESME_RINVPASWD (0x0E)"],
  noSender: [],
  badSender: [["email.from: not an address"]],
  forceNeedsReason: [],
  toNeedsForce: [],
  toNotRecipient: [["x@example.org"], ["150102"]],
  sendLocked: ["out/2026-10/.send.lock", "process 42 on host-a, started 2026-11-03T10:00:00Z"],
  sendWrite: ["out/2026-10/deliveries.jsonl", "ENOSPC", "no space left on device"],
  buildCommitting: ["out/2026-10/.send.lock", "process 42 on host-a, started 2026-11-03T10:00:00Z"],
  damagedLedger: ["out/2026-10/deliveries.jsonl", 3, "not JSON"],
  demoFolderTaken: ["/home/ana/datos"],
};

/** Every entry, made with its sample arguments. */
const made = Object.entries(samples).map(([name, args]) => {
  const make = errors[name as keyof Catalogue] as (...args: unknown[]) => CliError;
  return { name, data: errorData[name as keyof Catalogue], error: make(...args) };
});

/**
 * A hint is a sentence: a capital letter first, one line, and a full stop at the end, unless it ends
 * with an example command after ": " or "e.g. " (no full stop there, so that it can be copied).
 */
function isSentence(text: string): boolean {
  if (!/^[A-Z`]/.test(text) || text.includes("\n") || text !== text.trim()) return false;
  if (/[.)]$/.test(text)) return true;
  const example = text
    .split(/: |e\.g\. /)
    .slice(1)
    .pop();
  return example !== undefined && /^(semaforo |--)\S/.test(example);
}

describe("the error catalogue", () => {
  it("gives every entry a unique kebab-case code", () => {
    const codes = made.map(({ data }) => data.code);
    expect(codes.filter((code) => !/^[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it("gives every entry an exit code of ExitCode that is not success", () => {
    const exitCodes: number[] = Object.values(ExitCode);
    const bad = made.filter(
      ({ data }) => !exitCodes.includes(data.exitCode) || data.exitCode === ExitCode.ok,
    );
    expect(bad.map(({ name }) => name)).toEqual([]);
  });

  it("makes a CliError with the entry's code and exit code, a message and a hint that is a sentence", () => {
    for (const { name, data, error } of made) {
      expect({ name, error: error instanceof CliError, code: error.code, exitCode: error.exitCode }).toEqual({
        name,
        error: true,
        code: data.code,
        exitCode: data.exitCode,
      });
    }
    const noMessage = made.filter(
      ({ error }) => error.message.trim() === "" || /undefined|\[object /.test(error.message),
    );
    expect(noMessage.map(({ name }) => name)).toEqual([]);
    const badHint = made.filter(({ error }) => error.hint === undefined || !isSentence(error.hint));
    expect(badHint.map(({ name, error }) => `${name}: ${error.hint}`)).toEqual([]);
  });

  it("tells a sentence from a fragment", () => {
    expect(isSentence("Wait for the send to finish, then build again.")).toBe(true);
    expect(isSentence("Example: --period 2026-10")).toBe(true);
    expect(isSentence("Name a new or empty folder, e.g. semaforo init my-dataset")).toBe(true);
    expect(isSentence("wait for it.")).toBe(false);
    expect(isSentence("Wait for it")).toBe(false);
    expect(isSentence("Example: the folder")).toBe(false);
    expect(isSentence("Two lines.\nSecond.")).toBe(false);
  });

  it("gives the hint the message's arguments", () => {
    expect(errors.archiveWrite("out/x", "ENOSPC", "no space").hint).toMatch(/^Free some space/);
    expect(errors.archiveWrite("out/x", "EROFS", "read-only").hint).toMatch(/^Check that the output folder/);
    expect(errors.missingValue("period", "build").hint).toBe(
      "Run `semaforo build --help` for its options and a worked example.",
    );
    expect(errors.missingValue("period", undefined).hint).toBe(
      "Run `semaforo --help` for the commands and `semaforo COMMAND --help` for their options.",
    );
    expect(errors.noDataset("x.txt", "a file").message).toBe("--data x.txt is a file, not a dataset folder");
    expect(errors.noDataset("x", { unreadable: "EACCES" }).message).toBe("--data x: cannot be read (EACCES)");
  });
});

describe("one error vocabulary: a catalogue entry or an InternalError", () => {
  it("an InternalError is a bug: code internal, exit 1", () => {
    const bug = new InternalError("no district 150102");
    expect(bug).not.toBeInstanceOf(CliError);
    expect(errorDocument(bug).error).toEqual({
      code: "internal",
      message: "no district 150102",
      exitCode: 1,
    });
  });

  it("a bug found in src/ is an InternalError (findProjectRoot outside any package)", () => {
    expect(() => findProjectRoot("file:///")).toThrow(InternalError);
  });

  it("a catalogue error keeps its fields (isError) and the error it reports (cause), also under --json", () => {
    const damaged = errors.damagedLedger("out/2026-10/deliveries.jsonl", 3, "not valid JSON");
    expect(isError(damaged, "damagedLedger")).toBe(true);
    expect(isError(damaged, "ledgerUnreadable")).toBe(false);
    if (isError(damaged, "damagedLedger"))
      expect(damaged.args).toEqual(["out/2026-10/deliveries.jsonl", 3, "not valid JSON"]);
    const unreadable = errors
      .ledgerUnreadable("out/2026-10/deliveries.jsonl", { line: 3, what: "not valid JSON" })
      .because(damaged);
    expect(unreadable.cause).toBe(damaged);
    expect(errorDocument(unreadable).error).toMatchObject({
      code: "ledger-unreadable",
      exitCode: 2,
      cause: { code: "damaged-ledger" },
    });
  });
});
