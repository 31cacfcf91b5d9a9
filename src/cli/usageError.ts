import { closest, distance } from "fastest-levenshtein";
import { CliError, ExitCode } from "../errors.js";

/** What the command line parser knows about the command being run (for suggestions). */
export interface ActiveCommand {
  /** `status`, `init`… */
  name: string;
  /** `init <dir>`: the usage line. */
  usage: string;
  /** Declared option names, without the leading dashes. */
  options: string[];
}

/**
 * Turns a yargs validation message into one clear paragraph with a suggestion (pure).
 * `argv` is the command line as typed, to tell `--perod` from a stray positional `perod`.
 */
export function usageError(message: string, argv: string[], active: ActiveCommand | undefined): CliError {
  const hint = active
    ? `Run \`semaforo ${active.name} --help\` for its options and a worked example.`
    : "Run `semaforo --help` for the commands and `semaforo COMMAND --help` for their options.";
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown?.[1]) {
    const names = unknown[1].split(", ");
    const parts = names.map((name) => describeUnknown(name, argv, active?.options ?? []));
    return new CliError("unknown-option", parts.join(" "), ExitCode.usage, hint);
  }
  const noValue = /^Not enough arguments following: (.*)$/.exec(message);
  if (noValue?.[1]) return missingValue(noValue[1], hint);
  if (/^Not enough non-option arguments/.test(message) && active) {
    return new CliError(
      "missing-argument",
      `semaforo ${active.name} needs ${missingPositionals(active.usage)}. Usage: semaforo ${active.usage}`,
      ExitCode.usage,
      hint,
    );
  }
  const missing = /^Missing required arguments?: (.*)$/.exec(message);
  if (missing?.[1]) {
    const flags = missing[1].split(", ").map((f) => `--${f}`);
    return new CliError(
      "missing-option",
      `semaforo${active ? ` ${active.name}` : ""} needs ${flags.join(" and ")}.`,
      ExitCode.usage,
      hint,
    );
  }
  return new CliError("usage", message.endsWith(".") ? message : `${message}.`, ExitCode.usage, hint);
}

/** `--period` given without a value (`--period` last, or `--period=`). */
export function missingValue(option: string, hint: string): CliError {
  return new CliError("missing-value", `--${option} needs a value.`, ExitCode.usage, hint);
}

function describeUnknown(name: string, argv: string[], options: string[]): string {
  const asFlag = argv.some(
    (a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `-${name}` || a === `--no-${name}`,
  );
  if (!asFlag) return `Unexpected argument ${JSON.stringify(name)}.`;
  const dashed = name.length === 1 ? `-${name}` : `--${name}`;
  const suggestion = suggestOption(name, options);
  return suggestion
    ? `Unknown option ${dashed} (did you mean --${suggestion}?).`
    : `Unknown option ${dashed}.`;
}

/** The closest declared option, when it is close enough to be a typo. */
export function suggestOption(name: string, options: string[]): string | undefined {
  const candidates = options.filter((o) => o.length > 1);
  if (candidates.length === 0) return undefined;
  const kebab = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  const best = closest(kebab, candidates);
  const prefix = candidates.find((o) => o.startsWith(kebab) || kebab.startsWith(o));
  if (distance(kebab, best) <= Math.max(2, Math.floor(kebab.length / 3))) return best;
  return prefix;
}

function missingPositionals(usage: string): string {
  const required = usage.match(/<[^>]+>/g) ?? [];
  return required.length ? required.join(" ") : "an argument";
}
