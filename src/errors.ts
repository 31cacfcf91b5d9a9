import { suggest } from "./rules/suggest.js";

/**
 * Expected errors carry their exit code; only src/cli catches them and exits.
 * Messages say what happened and what to do next. Unexpected errors are reported as bugs.
 */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalidDataset: 3,
  renderFailed: 4,
  deliveryFailed: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected error, made only by the catalogue below (`errors.noBrowser(tried)`). */
export class CliError extends Error {
  constructor(
    /** Stable name, e.g. `no-browser`. */
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
    readonly hint?: string,
    /** The arguments its message was made from: its fields, read with `isError` (never from the message). */
    readonly args: readonly unknown[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }

  /** This error, reporting `cause` (kept whole, with its code and fields, as `error.cause`). */
  because(cause: unknown): this {
    this.cause = cause;
    return this;
  }
}

/**
 * An unexpected condition: a bug (or a broken install), never the user's mistake. Exit 1, and the
 * CLI says "this is a bug … report it". Throw it instead of a bare `Error` (a lint rule), with
 * what was found; anything the user can cause or fix is a catalogue entry below instead.
 */
export class InternalError extends Error {
  readonly code = "internal";
  readonly exitCode = ExitCode.internal;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InternalError";
  }
}

/**
 * Whether `error` is the catalogue entry `name` (`isError(e, "damagedLedger")`), typing its fields:
 * `error.args` are the arguments its message was made from.
 */
export function isError<Name extends keyof typeof errorData>(
  error: unknown,
  name: Name,
): error is CliError & { readonly args: Parameters<(typeof errorData)[Name]["message"]> } {
  return error instanceof CliError && error.code === errorData[name].code;
}

/**
 * The one shape of every expected error (after Astro's `AstroErrorData`): a stable code, what
 * happened (from the arguments) and what to do next. `test/errors.test.ts` checks every entry.
 */
export interface ErrorData<Args extends unknown[] = never[]> {
  /** Stable kebab-case name, `error.code` under `--json`: scripts may rely on it, never change it. */
  readonly code: string;
  /** What happened, e.g. `--period "2026-13" is not a month of the form YYYY-MM.` */
  readonly message: (...args: Args) => string;
  /** What to do next: a sentence, or an example command after ": " (without a full stop, to copy). */
  readonly hint: string | ((...args: Args) => string);
  readonly exitCode: ExitCode;
}

/** Types an entry: the hint function gets the message's arguments. */
function defineError<Args extends unknown[]>(data: ErrorData<Args>): ErrorData<Args> {
  return data;
}

/** The hint of a command-line mistake: where the right usage is shown. */
function helpHint(command: string | undefined): string {
  return command
    ? `Run \`semaforo ${command} --help\` for its options and a worked example.`
    : "Run `semaforo --help` for the commands and `semaforo COMMAND --help` for their options.";
}

/** One sentence, ending with one full stop (not "?." or ".."). */
function sentence(message: string): string {
  const text = message.trim();
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** What `--concurrency abc`, `--retries -1` or `--rate 0` breaks. */
export const NUMBER_RULES = {
  number: "expects a number",
  nonNegative: "must be 0 or a positive number",
  positive: "must be a positive number",
  count: "must be a whole number, 1 or more",
  wholeNonNegative: "must be a whole number, 0 or more",
} as const;

/**
 * The catalogue of every expected error that is not a dataset problem (those are in
 * `dataset/problems.ts`). Throw `errors.NAME(…)`; `new CliError` is written nowhere else (a lint rule).
 */
export const errorData = {
  // The command line (src/cli); `command`: the command being run, for the hint.
  unknownCommand: defineError({
    code: "unknown-command",
    message: (word: string, commands: readonly string[], near: string | undefined) =>
      `Unknown command ${JSON.stringify(word)}${near ? ` (did you mean ${near}?)` : ""}. The commands: ${commands.join(", ")}.`,
    hint: () => helpHint(undefined),
    exitCode: ExitCode.usage,
  }),
  missingCommand: defineError({
    code: "missing-command",
    message: (commands: readonly string[]) => `Name a command: ${commands.join(", ")}.`,
    hint: () => helpHint(undefined),
    exitCode: ExitCode.usage,
  }),
  /** `descriptions`: one sentence per unknown option or stray argument. */
  unknownOption: defineError({
    code: "unknown-option",
    message: (descriptions: string[], _command: string | undefined) => descriptions.join(" "),
    hint: (_descriptions, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  missingArgument: defineError({
    code: "missing-argument",
    message: (command: string, needs: string, usage: string) =>
      `semaforo ${command} needs ${needs}. Usage: semaforo ${usage}`,
    hint: (command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  missingOption: defineError({
    code: "missing-option",
    message: (flags: string[], command: string | undefined) =>
      `semaforo${command ? ` ${command}` : ""} needs ${flags.join(" and ")}.`,
    hint: (_flags, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  /** `--period` given without a value (`--period` last, or `--period=`). */
  missingValue: defineError({
    code: "missing-flag-value",
    message: (option: string, _command: string | undefined) => `--${option} needs a value.`,
    hint: (_option, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  badChoice: defineError({
    code: "bad-choice",
    message: (
      option: string,
      given: string,
      choices: string[],
      near: string | undefined,
      _command: string | undefined,
    ) =>
      `--${option} ${JSON.stringify(given)} is not one of ${choices.join(", ")}${near ? ` (did you mean ${near}?)` : ""}.`,
    hint: (_option, _given, _choices, _near, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  badNumber: defineError({
    code: "bad-flag-number",
    message: (flag: string, rule: keyof typeof NUMBER_RULES, _command: string | undefined) =>
      `${flag} ${NUMBER_RULES[rule]}.`,
    hint: (_flag, _rule, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  /** Any other command-line mistake, in yargs' words or the command's. */
  usage: defineError({
    code: "usage",
    message: (text: string, _command: string | undefined) => sentence(text),
    hint: (_text, command) => helpHint(command),
    exitCode: ExitCode.usage,
  }),
  badPeriod: defineError({
    code: "bad-period",
    message: (value: string) => `--period ${JSON.stringify(value)} is not a month of the form YYYY-MM.`,
    hint: "Example: --period 2026-10",
    exitCode: ExitCode.usage,
  }),
  badPort: defineError({
    code: "bad-port",
    message: (port: number) => `--port ${port} is not a port number (0–65535).`,
    hint: "Choose a whole number from 0 to 65535 (0 = any free port).",
    exitCode: ExitCode.usage,
  }),
  portInUse: defineError({
    code: "port-in-use",
    message: (port: number) => `Port ${port} is in use.`,
    hint: "Choose another with --port N (0 = any free port).",
    exitCode: ExitCode.usage,
  }),
  /** `semaforo status --state`: `near`, the states meant by the unknown ones. */
  badState: defineError({
    code: "bad-state",
    message: (unknown: string[], near: string[], states: readonly string[]) =>
      `--state ${unknown.join(",")}${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}: the states are ${states.join(", ")}.`,
    hint: "Example: semaforo status --state failed,unknown",
    exitCode: ExitCode.usage,
  }),
  noPeriod: defineError({
    code: "no-period",
    message: (out: string) => `${out} holds no built period (no OUT/YYYY-MM/manifest.json).`,
    hint: "Name the period folder (semaforo status out/2026-10) or --out, or build one first.",
    exitCode: ExitCode.usage,
  }),
  /** A code given with --only / --force that names no unit; `known`: the codes there are, for "did you mean". */
  unknownUnit: defineError({
    code: "unknown-flag-unit",
    message: (codes: string[], where: string, known: Iterable<string>) =>
      `${codes
        .map((code) => {
          const near = suggest(code, known);
          return `${code}${near ? ` (did you mean ${near}?)` : ""}`;
        })
        .join(", ")} ${codes.length === 1 ? "is not a unit" : "are not units"} of ${where}.`,
    hint: "Use PE for the national report, a region code or a district code (semaforo status lists the period's units).",
    exitCode: ExitCode.usage,
  }),

  /** `--only PE --level district`: filters that together leave nothing to build. */
  noReportMatches: defineError({
    code: "no-report-matches",
    message: (filters: string[]) => `No report matches ${filters.join(" ")}: nothing to build.`,
    hint: "Drop one of the filters, or check the codes and the level (semaforo status lists the period's units).",
    exitCode: ExitCode.usage,
  }),

  // Configuration and the dataset folder.
  badConfig: defineError({
    code: "bad-config",
    message: (file: string, problems: string[]) =>
      `${file} has ${problems.length === 1 ? "a mistake" : `${problems.length} mistakes`}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    hint: 'Fix them and run again. Every key is described in schema/semaforo.config.schema.json (point "$schema" at it for editor completion).',
    exitCode: ExitCode.usage,
  }),
  configNotFound: defineError({
    code: "config-not-found",
    message: (file: string) => `Config file ${file} not found.`,
    hint: "Check the --config path, or leave --config out to use ./semaforo.config.json when present.",
    exitCode: ExitCode.usage,
  }),
  noData: defineError({
    code: "no-data",
    message: () => "Name the dataset folder: --data DIR.",
    hint: 'Or set "data" in semaforo.config.json (or the file given with --config).',
    exitCode: ExitCode.usage,
  }),
  /** `found`: what is at the `--data` path instead of a dataset folder. */
  noDataset: defineError({
    code: "no-dataset",
    message: (dir: string, found: "nothing" | "a file" | { unreadable: string }) =>
      found === "a file"
        ? `--data ${dir} is a file, not a dataset folder`
        : `--data ${dir}: ${found === "nothing" ? "no such folder" : `cannot be read (${found.unreadable})`}`,
    hint: (_dir, found) =>
      found === "a file"
        ? "Give the folder that holds dataset.json."
        : "Give the path of a dataset folder, e.g. --data fixtures/demo",
    exitCode: ExitCode.usage,
  }),
  unreadableFile: defineError({
    code: "unreadable-dataset-file",
    message: (path: string, detail: string) => `${path} cannot be read: ${detail}`,
    hint: "Check that this user may read the file (and that the disk is healthy), then run again.",
    exitCode: ExitCode.usage,
  }),
  periodNotInDataset: defineError({
    code: "period-not-in-dataset",
    message: (period: string, dataDir: string, periods: string[]) =>
      `${dataDir} has no results for ${period}${periods.length ? ` (its months: ${periods[0]} … ${periods[periods.length - 1]})` : " (results.csv has no rows)"}.`,
    hint: "Check --period (a month that results.csv has), or add that month's results first.",
    exitCode: ExitCode.usage,
  }),
  initNotAFolder: defineError({
    code: "init-not-a-folder",
    message: (dir: string) => `${dir} exists and is not a folder.`,
    hint: "Name a new folder.",
    exitCode: ExitCode.usage,
  }),
  /** `entries`: the folder's entries, sorted. */
  initNotEmpty: defineError({
    code: "init-not-empty",
    message: (dir: string, entries: string[]) =>
      `${dir} is not empty (${entries.length} ${entries.length === 1 ? "entry" : "entries"}, e.g. ${entries[0]}): semaforo init never overwrites files.`,
    hint: "Name a new or empty folder, e.g. semaforo init my-dataset",
    exitCode: ExitCode.usage,
  }),

  // The files that ship with semaforo: a broken install, not a user's mistake.
  /** `what`: what is wrong with the file, e.g. `"x" is not a string`. */
  badLocaleFile: defineError({
    code: "bad-locale-file",
    message: (file: string, what: string) => `${file}: ${what}.`,
    hint: "The locale files ship with semaforo: reinstall it, or fix the JSON syntax.",
    exitCode: ExitCode.internal,
  }),
  missingEmailTemplate: defineError({
    code: "missing-email-template",
    message: (file: string, detail: string) => `${file}: cannot read the e-mail template (${detail}).`,
    hint: "The e-mail templates ship with semaforo: reinstall it.",
    exitCode: ExitCode.internal,
  }),

  // Printing.
  noBrowser: defineError({
    code: "no-browser",
    message: (tried: string[]) => `No Chromium found (tried ${tried.join(", ")}).`,
    hint: "Install one with `apt-get install -y chromium`, or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome binary.",
    exitCode: ExitCode.usage,
  }),
  badBrowserVariable: defineError({
    code: "bad-browser-variable",
    message: (value: string) =>
      `PUPPETEER_EXECUTABLE_PATH=${value} is not an executable file, so no report was printed with another browser.`,
    hint: "Point PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome binary, or unset it to use the system's Chromium (semaforo doctor shows which).",
    exitCode: ExitCode.usage,
  }),
  /** `detail`: what `--version` printed instead of a version, or why it did not run. */
  browserVersionUnknown: defineError({
    code: "browser-version-unknown",
    message: (executablePath: string, detail: string) =>
      `\`${executablePath} --version\` gave no version (${detail}), and every report's key names the browser: nothing was printed.`,
    hint: "Run `semaforo doctor`, or set PUPPETEER_EXECUTABLE_PATH to a working Chromium or Chrome.",
    exitCode: ExitCode.usage,
  }),
  browserLaunchFailed: defineError({
    code: "browser-launch-failed",
    message: (executablePath: string, detail: string) =>
      `Chromium at ${executablePath} did not start: ${detail}`,
    hint: "Run `semaforo doctor`, or set PUPPETEER_EXECUTABLE_PATH to a working Chromium.",
    exitCode: ExitCode.usage,
  }),

  // The archive: OUT/PERIOD, its manifest and its locks.
  noManifest: defineError({
    code: "no-manifest",
    message: (dir: string, exists: boolean = true) =>
      exists
        ? `${dir} has no manifest.json: the report set was not built (or not completely).`
        : `${dir} does not exist: no report set was built there.`,
    hint: "Check the folder (OUT/YYYY-MM, e.g. out/2026-10), or build it first: semaforo build --data DIR --period YYYY-MM",
    exitCode: ExitCode.usage,
  }),
  badManifest: defineError({
    code: "bad-manifest",
    message: (file: string, why: string) => `${file} is damaged: ${why}. Nothing was read from it.`,
    hint: "Restore manifest.json from the archive's copy, or rebuild the period with `semaforo build` (a rebuild keeps every PDF that was delivered).",
    exitCode: ExitCode.usage,
  }),
  /** `code`: the file-system error code (ENOSPC…); `committing`: the journal was written, the next command completes it. */
  archiveWrite: defineError({
    code: "archive-write-failed",
    message: (path: string, code: string, detail: string, committing = false) =>
      `Cannot write ${path}: ${ARCHIVE_WRITE_WHY[code] ?? detail}. ${
        committing
          ? "The build had begun putting its PDFs in place: its plan is kept in .staging/journal.json, and the next `semaforo build` or `semaforo verify` completes it. Nothing archived is lost."
          : "Nothing previously archived was removed or changed."
      }`,
    hint: (_path, code) =>
      code === "ENOSPC" || code === "EDQUOT"
        ? "Free some space on that disk (or use --out on another one) and run the command again."
        : "Check that the output folder is writable (mounted read-write, owned by this user), or use --out DIR, then run the command again.",
    exitCode: ExitCode.usage,
  }),
  /** `code`: the file-system error code (ENOSPC…); `swapped`: the new public/ is in place but the manifest could not record it. */
  publishWrite: defineError({
    code: "publish-write-failed",
    message: (path: string, code: string, detail: string, swapped = false) =>
      `Cannot write ${path}: ${ARCHIVE_WRITE_WHY[code] ?? detail}. ${
        swapped
          ? "The new public folder is in place, but manifest.json does not list it yet: `semaforo verify` reports the difference until publish runs again."
          : "The public folder was not changed: the site published before (if any) stays whole, and the archived reports are untouched."
      }`,
    hint: (_path, code) =>
      code === "ENOSPC" || code === "EDQUOT"
        ? "Free some space on that disk (or use --out on another one) and run publish again."
        : "Check that the output folder is writable (mounted read-write, owned by this user), or use --out DIR, then run publish again.",
    exitCode: ExitCode.usage,
  }),
  outsidePeriod: defineError({
    code: "outside-period",
    message: (periodDir: string, file: string, source: string) =>
      `${source} names the file ${JSON.stringify(file)}, which lies outside the period folder ${periodDir}. Nothing was written or read there.`,
    hint: "Every archived file must stay inside OUT/PERIOD, and no file or folder there may be a symbolic link leading out of it (replace such a link with the real folder or file). Check the codes with `semaforo validate`, and restore manifest.json if it was edited.",
    exitCode: ExitCode.usage,
  }),
  unsafeCode: defineError({
    code: "unsafe-code",
    message: (level: string, code: string) =>
      `The ${level} code ${JSON.stringify(code.length > 60 ? `${code.slice(0, 60)}…` : code)} cannot name a file: codes are 1 to 32 letters, digits, "-" or "_". Nothing was built.`,
    hint: "Fix the code in units.csv (`semaforo validate` shows the line), then build again.",
    exitCode: ExitCode.usage,
  }),
  /** `why`: the ledger's damaged line (the `damaged-ledger` error's fields), or the file-system error code. */
  ledgerUnreadable: defineError({
    code: "ledger-unreadable",
    message: (file: string, why: { line: number; what: string } | { code: string }) =>
      `Cannot tell which PDFs were delivered: ${
        "line" in why ? `${file}:${why.line}: ${why.what}` : `${file} cannot be read (${why.code})`
      }. Nothing was built, so no PDF that someone received can be replaced.`,
    hint: (file) => `Repair ${file} (keep a copy; \`semaforo verify\` names the bad line), then build again.`,
    exitCode: ExitCode.usage,
  }),
  buildRunning: defineError({
    code: "build-running",
    message: (periodDir: string, holder: string) =>
      `Another build is running for ${periodDir} (${holder}). Nothing was printed or changed.`,
    hint: "Wait for it to finish. If none is running (it ran on another machine and was killed), delete .build.lock in that folder and run the command again.",
    exitCode: ExitCode.usage,
  }),
  sendRunning: defineError({
    code: "send-running",
    message: (periodDir: string, holder: string) =>
      `A send is running for ${periodDir} (${holder}): the build cannot put new PDFs in place while reports are being e-mailed. Nothing archived was changed.`,
    hint: "Wait for the send to finish, then build again.",
    exitCode: ExitCode.usage,
  }),
  unfinishedCommit: defineError({
    code: "unfinished-build",
    message: (periodDir: string, why: string) =>
      `${periodDir} holds a build that was interrupted while its PDFs were being put in place, and it cannot be completed here (${why}).`,
    hint: "Run `semaforo verify` or `semaforo build` for this period on a writable copy: either completes the interrupted build from .staging/journal.json.",
    exitCode: ExitCode.usage,
  }),
  /** `.staging/journal.json` asks for a step no build takes (checkJournal): nothing is done. */
  badJournal: defineError({
    code: "bad-journal",
    message: (periodDir: string, list: string, entry: string, why: string) =>
      `${periodDir}/.staging/journal.json asks to ${list === "removes" ? "remove" : list === "moves" ? "move" : "install"} ${JSON.stringify(entry)}, which no build does (${why}): the journal was edited or damaged. Nothing was changed.`,
    hint: "Restore the journal from a backup copy of the folder, or delete the .staging folder to drop the interrupted build (the set stays as manifest.json lists it), then run `semaforo verify`.",
    exitCode: ExitCode.usage,
  }),
  /** `views --out` (or another file the user names) inside an archived period folder. */
  outInArchive: defineError({
    code: "out-in-archive",
    message: (out: string, periodDir: string) =>
      `--out ${out} lies inside the archived period folder ${periodDir} (it holds manifest.json): nothing is written there but by build, send and publish. Nothing was written.`,
    hint: "Write the views somewhere else, e.g. --out views-2026-10.json, or - for stdout.",
    exitCode: ExitCode.usage,
  }),
  outIsFolder: defineError({
    code: "out-is-folder",
    message: (out: string) =>
      `--out ${out} is a folder; it takes the name of the file to write. Nothing was written.`,
    hint: "Give a file name, e.g. --out views.json (or - for stdout).",
    exitCode: ExitCode.usage,
  }),
  noRebuildRecord: defineError({
    code: "no-rebuild-record",
    message: (periodDir: string) =>
      `${periodDir}/manifest.json does not say which dataset folder the set was built from (it was built before manifests recorded it).`,
    hint: "Name the dataset folder: semaforo verify --rebuild --data DIR OUT/PERIOD",
    exitCode: ExitCode.usage,
  }),
  invalidRebuild: defineError({
    code: "invalid-rebuild-data",
    message: (dataDir: string, first: string) =>
      `${dataDir} is not a valid dataset now${first ? ` (${first})` : ""}, so the archived set cannot be rebuilt from it.`,
    hint: "Run `semaforo validate --data DIR` on it, or name the archived inputs' folder with --data.",
    exitCode: ExitCode.invalidDataset,
  }),
  browserChanged: defineError({
    code: "browser-changed",
    message: (expected: string, started: string) =>
      `Chromium said ${expected} before the build but started as ${started}: it was updated while the build ran, so the reports' keys would name the wrong browser.`,
    hint: "Run the build again: nothing was archived.",
    exitCode: ExitCode.usage,
  }),
  /** A send stopped by the SMTP server's configuration (credentials, TLS, certificate, host name). */
  smtpUnusable: defineError({
    code: "smtp-unusable",
    message: (reply: string) =>
      `The SMTP server cannot be used (${reply}): the send stopped, and the deliveries it did not send stay pending.`,
    hint: "Check the SMTP URL (--smtp, SEMAFORO_SMTP_URL or the config), the user and password, and the server's certificate, then run send again: it sends only what is not sent yet.",
    exitCode: ExitCode.usage,
  }),

  // Sending.
  /** `shown`: the URL with its password masked (`maskUrl`); null when it cannot be read, so it is not echoed at all. */
  badSmtpUrl: defineError({
    code: "bad-smtp-url",
    message: (shown: string | null, why: string) =>
      `The SMTP URL ${shown === null ? "" : `${JSON.stringify(shown)} `}cannot be used: ${why}.`,
    hint: "Example: --smtp smtps://user:password@smtp.example.org:465 (or set SEMAFORO_SMTP_URL; credentials may also come from SEMAFORO_SMTP_USER and SEMAFORO_SMTP_PASS).",
    exitCode: ExitCode.usage,
  }),
  badSmsUrl: defineError({
    code: "bad-sms-url",
    message: (shown: string, why: string) => `The SMS URL ${JSON.stringify(shown)} cannot be used: ${why}.`,
    hint: "Examples: --sms smpp://user:password@smsc.example.org:2775?source=MINEDU, or --sms https://gateway.example.org/sms (or set SEMAFORO_SMS_URL; the password may come from the variable named by the config's sms.passwordEnv).",
    exitCode: ExitCode.usage,
  }),
  smsUnusable: defineError({
    code: "sms-unusable",
    message: (reply: string) => `The SMS centre or gateway cannot be used: ${reply}.`,
    hint: "Check the SMS URL's system_id (or user) and password, and the host; nothing was marked sent, the SMS stay pending.",
    exitCode: ExitCode.usage,
  }),
  smsPasswordMissing: defineError({
    code: "sms-password-missing",
    message: (variable: string) =>
      `The config names ${variable} as the SMS password variable (sms.passwordEnv), but it is not set.`,
    hint: "Set it in the environment of the command (e.g. in the systemd unit's EnvironmentFile), or use --dry-run.",
    exitCode: ExitCode.usage,
  }),
  smtpPasswordMissing: defineError({
    code: "smtp-password-missing",
    message: (variable: string) =>
      `The config names ${variable} as the SMTP password variable (smtp.passwordEnv), but it is not set.`,
    hint: "Set it in the environment of the command (e.g. in the systemd unit's EnvironmentFile), or use --dry-run.",
    exitCode: ExitCode.usage,
  }),
  noSender: defineError({
    code: "no-sender",
    message: () => "The manifest names no sender (email.from): it was built before senders were recorded.",
    hint: "Rebuild the report set with semaforo build (dataset.json has email.from).",
    exitCode: ExitCode.usage,
  }),
  badSender: defineError({
    code: "bad-sender",
    message: (problems: string[]) =>
      `The sender settings cannot be used, so nothing was sent:\n  ${problems.join("\n  ")}`,
    hint: "Fix `email` in dataset.json and rebuild.",
    exitCode: ExitCode.usage,
  }),
  forceNeedsReason: defineError({
    code: "force-needs-reason",
    message: () =>
      "--force sends reports again on purpose: say why with --reason, it is kept in the delivery ledger.",
    hint: 'Example: semaforo send --period 2026-10 --force 150102 --reason "UGEL confirmed it never arrived"',
    exitCode: ExitCode.usage,
  }),
  toNeedsForce: defineError({
    code: "to-needs-force",
    message: () => "--to names addresses of the units given with --force; there is no --force.",
    hint: 'Example: semaforo send --period 2026-10 --force 150102 --to ana@ugel.example.org --reason "new build"',
    exitCode: ExitCode.usage,
  }),
  toNotRecipient: defineError({
    code: "to-not-recipient",
    message: (addresses: string[], codes: string[]) =>
      `--to ${addresses.map((a) => JSON.stringify(a)).join(", ")}: not a recipient of ${codes.join(", ")} in the manifest.`,
    hint: "Use the addresses `semaforo status` lists for that unit (capitals do not matter).",
    exitCode: ExitCode.usage,
  }),
  /** `who`: the lock's holder, e.g. `process 4242 on host-a, started 2026-11-03T…`. */
  sendLocked: defineError({
    code: "send-locked",
    message: (file: string, who: string) =>
      `Another send is running for this period: ${file} is held by ${who}.`,
    hint: (file) =>
      `Wait for it to finish. If no send is running (for example it ran on another machine and was killed), delete ${file} (and any ${file}.takeover-* left by a run killed while taking it over) and run send again.`,
    exitCode: ExitCode.usage,
  }),
  /** `code`: the file-system error code (ENOSPC, EROFS, EACCES…) of a write of the send: its lock, ledger or outbox. */
  sendWrite: defineError({
    code: "send-write-failed",
    message: (path: string, code: string, detail: string) =>
      `Cannot write ${path}: ${ARCHIVE_WRITE_WHY[code] ?? detail}. The send stopped there: what it recorded before is kept in the ledger, and a delivery it cut off is shown as it stands (\`unknown\` if its message had reached the server).`,
    hint: (_path, code) =>
      code === "ENOSPC" || code === "EDQUOT"
        ? "Free some space on that disk, then run send again: it sends only what is not sent yet (`semaforo status` shows every delivery)."
        : "Check that the period folder is writable (mounted read-write, owned by this user), then run send again: it sends only what is not sent yet.",
    exitCode: ExitCode.usage,
  }),
  buildCommitting: defineError({
    code: "build-committing",
    message: (file: string, who: string) =>
      `A build is putting this period's new PDFs in place: ${file} is held by ${who}. Nothing was sent.`,
    hint: (file) =>
      `Run send again in a moment: the build holds it for a few seconds at most. If no build is running (it was killed), run \`semaforo verify\` on the period (it completes the interrupted build), delete ${file}, and send again.`,
    exitCode: ExitCode.usage,
  }),
  damagedLedger: defineError({
    code: "damaged-ledger",
    message: (file: string, line: number, what: string) =>
      `${file}:${line}: ${what}. The delivery ledger is damaged, so nothing was sent (a guess could send a report twice).`,
    hint: "Look at that line: repair or delete it by hand (keep a copy of the file), then run send again.",
    exitCode: ExitCode.usage,
  }),

  // The demo generator (npm run demo).
  demoFolderTaken: defineError({
    code: "demo-folder-taken",
    message: (dir: string) =>
      `${dir} holds files that are not a synthetic dataset: the demo generator replaces only an earlier demo.`,
    hint: "Name a new or empty folder with --out (without it, the demo replaces fixtures/demo).",
    exitCode: ExitCode.usage,
  }),
} as const;

/** `errors.noBrowser(tried)`: the CliError of a catalogue entry, from its message's arguments. */
export type ErrorFactories = {
  readonly [Name in keyof typeof errorData]: (
    ...args: Parameters<(typeof errorData)[Name]["message"]>
  ) => CliError;
};

export const errors = Object.fromEntries(
  Object.entries(errorData).map(([name, data]) => [
    name,
    (...args: never[]) => {
      const entry = data as ErrorData<never[]>;
      const hint = typeof entry.hint === "function" ? entry.hint(...args) : entry.hint;
      return new CliError(entry.code, entry.message(...args), entry.exitCode, hint, args);
    },
  ]),
) as ErrorFactories;

/** Plain words for the file-system errors a build meets when writing the archive. */
const ARCHIVE_WRITE_WHY: Record<string, string> = {
  ENOSPC: "the disk is full (ENOSPC)",
  EDQUOT: "the disk quota is exhausted (EDQUOT)",
  EROFS: "the folder is on a read-only file system (EROFS)",
  EACCES: "permission denied (EACCES)",
  EPERM: "operation not permitted (EPERM)",
  EIO: "the disk reported an input/output error (EIO)",
  ENOTDIR: "a file sits where a folder should be (ENOTDIR)",
  EISDIR: "a folder sits where a file should be (EISDIR)",
  ENAMETOOLONG: "the file name is too long (ENAMETOOLONG)",
};
