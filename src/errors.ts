import { suggest } from "./dataset/suggest.js";

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

export class CliError extends Error {
  constructor(
    /** Stable name, e.g. `no-browser`. */
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The catalogue of expected errors that are not dataset problems. */
export const errors = {
  noBrowser: (tried: string[]) =>
    new CliError(
      "no-browser",
      `No Chromium found (tried ${tried.join(", ")}).`,
      ExitCode.usage,
      "Install one with `apt-get install -y chromium`, or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome binary.",
    ),
  badPeriod: (value: string) =>
    new CliError(
      "bad-period",
      `--period ${JSON.stringify(value)} is not a month of the form YYYY-MM.`,
      ExitCode.usage,
      "Example: --period 2026-10",
    ),
  noManifest: (dir: string) =>
    new CliError(
      "no-manifest",
      `${dir} has no manifest.json: the report set was not built (or not completely).`,
      ExitCode.usage,
      "Build it first: semaforo build --data DIR --period YYYY-MM",
    ),
  badConfig: (file: string, problems: string[]) =>
    new CliError(
      "bad-config",
      `${file} has ${problems.length === 1 ? "a mistake" : `${problems.length} mistakes`}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
      ExitCode.usage,
      'Fix them and run again. Every key is described in schema/semaforo.config.schema.json (point "$schema" at it for editor completion).',
    ),
  configNotFound: (file: string) =>
    new CliError(
      "config-not-found",
      `Config file ${file} not found.`,
      ExitCode.usage,
      "Check the --config path, or leave --config out to use ./semaforo.config.json when present.",
    ),
  noData: () =>
    new CliError(
      "no-data",
      "Name the dataset folder: --data DIR.",
      ExitCode.usage,
      'Or set "data" in semaforo.config.json (or the file given with --config).',
    ),
  periodNotInDataset: (period: string, dataDir: string, periods: string[]) =>
    new CliError(
      "period-not-in-dataset",
      `${dataDir} has no results for ${period}${periods.length ? ` (its months: ${periods[0]} … ${periods[periods.length - 1]})` : " (results.csv has no rows)"}.`,
      ExitCode.usage,
      "Check --period (a month that results.csv has), or add that month's results first.",
    ),
  smtpPasswordMissing: (variable: string) =>
    new CliError(
      "smtp-password-missing",
      `The config names ${variable} as the SMTP password variable (smtp.passwordEnv), but it is not set.`,
      ExitCode.usage,
      `Set it in the environment of the command (e.g. in the systemd unit's EnvironmentFile), or use --dry-run.`,
    ),
  forceNeedsReason: () =>
    new CliError(
      "force-needs-reason",
      "--force sends reports again on purpose: say why with --reason, it is kept in the delivery ledger.",
      ExitCode.usage,
      'Example: semaforo send --period 2026-10 --force 150102 --reason "UGEL confirmed it never arrived"',
    ),
  toNeedsForce: () =>
    new CliError(
      "to-needs-force",
      "--to names addresses of the units given with --force; there is no --force.",
      ExitCode.usage,
      'Example: semaforo send --period 2026-10 --force 150102 --to ana@ugel.example.org --reason "new build"',
    ),
  toNotRecipient: (addresses: string[], codes: string[]) =>
    new CliError(
      "to-not-recipient",
      `--to ${addresses.map((a) => JSON.stringify(a)).join(", ")}: not a recipient of ${codes.join(", ")} in the manifest.`,
      ExitCode.usage,
      "Use the addresses `semaforo status` lists for that unit (capitals do not matter).",
    ),
  /** A code given with --only / --force that names no unit; `known`: the codes there are, for "did you mean". */
  unknownUnit: (codes: string[], where: string, known: Iterable<string>) =>
    new CliError(
      "unknown-unit",
      `${codes
        .map((code) => {
          const near = suggest(code, known);
          return `${code}${near ? ` (did you mean ${near}?)` : ""}`;
        })
        .join(", ")} ${codes.length === 1 ? "is not a unit" : "are not units"} of ${where}.`,
      ExitCode.usage,
      "Use PE for the national report, a region code or a district code (semaforo status lists the period's units).",
    ),
  archiveWrite: (path: string, code: string, detail: string, committing = false) =>
    new CliError(
      "archive-write-failed",
      `Cannot write ${path}: ${ARCHIVE_WRITE_WHY[code] ?? detail}. ${
        committing
          ? "The build had begun putting its PDFs in place: its plan is kept in .staging/journal.json, and the next `semaforo build` or `semaforo verify` completes it. Nothing archived is lost."
          : "Nothing previously archived was removed or changed."
      }`,
      ExitCode.usage,
      code === "ENOSPC" || code === "EDQUOT"
        ? "Free some space on that disk (or use --out on another one) and run the build again."
        : "Check that the output folder is writable (mounted read-write, owned by this user), or use --out DIR, then build again.",
    ),
  outsidePeriod: (periodDir: string, file: string, source: string) =>
    new CliError(
      "outside-period",
      `${source} names the file ${JSON.stringify(file)}, which lies outside the period folder ${periodDir}. Nothing was written or read there.`,
      ExitCode.usage,
      "Every archived file must stay inside OUT/PERIOD. Check the codes with `semaforo validate`, and restore manifest.json if it was edited.",
    ),
  unsafeCode: (level: string, code: string) =>
    new CliError(
      "unsafe-code",
      `The ${level} code ${JSON.stringify(code.length > 60 ? `${code.slice(0, 60)}…` : code)} cannot name a file: codes are 1 to 32 letters, digits, "-" or "_". Nothing was built.`,
      ExitCode.usage,
      "Fix the code in units.csv (`semaforo validate` shows the line), then build again.",
    ),
  ledgerUnreadable: (file: string, why: string) =>
    new CliError(
      "ledger-unreadable",
      `Cannot tell which PDFs were delivered: ${why}. Nothing was built, so no PDF that someone received can be replaced.`,
      ExitCode.usage,
      `Repair ${file} (keep a copy; \`semaforo verify\` names the bad line), then build again.`,
    ),
  buildRunning: (periodDir: string, holder: string) =>
    new CliError(
      "build-running",
      `Another build is running for ${periodDir} (${holder}). Nothing was printed or changed.`,
      ExitCode.usage,
      "Wait for it to finish. If none is running (it ran on another machine and was killed), delete .build.lock in that folder and build again.",
    ),
  sendRunning: (periodDir: string, holder: string) =>
    new CliError(
      "send-running",
      `A send is running for ${periodDir} (${holder}): the build cannot put new PDFs in place while reports are being e-mailed. Nothing archived was changed.`,
      ExitCode.usage,
      "Wait for the send to finish, then build again.",
    ),
  unfinishedCommit: (periodDir: string, why: string) =>
    new CliError(
      "unfinished-build",
      `${periodDir} holds a build that was interrupted while its PDFs were being put in place, and it cannot be completed here (${why}).`,
      ExitCode.usage,
      "Run `semaforo verify` or `semaforo build` for this period on a writable copy: either completes the interrupted build from .staging/journal.json.",
    ),
  noRebuildRecord: (periodDir: string) =>
    new CliError(
      "no-rebuild-record",
      `${periodDir}/manifest.json does not say which dataset folder the set was built from (it was built before manifests recorded it).`,
      ExitCode.usage,
      "Name the dataset folder: semaforo verify --rebuild --data DIR OUT/PERIOD",
    ),
  invalidRebuild: (dataDir: string, first: string) =>
    new CliError(
      "invalid-rebuild-data",
      `${dataDir} is not a valid dataset now${first ? ` (${first})` : ""}, so the archived set cannot be rebuilt from it.`,
      ExitCode.invalidDataset,
      "Run `semaforo validate --data DIR` on it, or name the archived inputs' folder with --data.",
    ),
  browserChanged: (expected: string, started: string) =>
    new CliError(
      "browser-changed",
      `Chromium said ${expected} before the build but started as ${started}: it was updated while the build ran, so the reports' keys would name the wrong browser.`,
      ExitCode.usage,
      "Run the build again: nothing was archived.",
    ),
  /** A send stopped by the SMTP server's configuration (credentials, TLS, certificate, host name). */
  smtpUnusable: (reply: string) =>
    new CliError(
      "smtp-unusable",
      `The SMTP server cannot be used (${reply}): the send stopped, and the deliveries it did not send stay pending.`,
      ExitCode.usage,
      "Check the SMTP URL (--smtp, SEMAFORO_SMTP_URL or the config), the user and password, and the server's certificate, then run send again: it sends only what is not sent yet.",
    ),
} as const;

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
