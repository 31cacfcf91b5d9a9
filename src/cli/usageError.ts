import { errors, type CliError } from "../errors.js";
import { suggest } from "../rules/suggest.js";

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
export function usageError(
  message: string,
  argv: string[],
  active: ActiveCommand | undefined,
  commandNames: readonly string[] = [],
): CliError {
  const command = active?.name;
  // An unknown flag is the mistake to name first: the "missing --data" that follows from
  // `--dta x` only hides it.
  const typed = unknownFlags(argv, active ? [...active.options, ...GLOBAL_OPTIONS] : GLOBAL_OPTIONS);
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  // `semaforo biuld --data x`: the mistyped command is the mistake to name, not the flags that
  // only the real command declares.
  const first = argv[0];
  if (!active && first !== undefined && !first.startsWith("-") && !commandNames.includes(first)) {
    return unknownCommand(first, commandNames);
  }
  if (!active && unknown?.[1]) {
    const word = unknown[1].split(", ")[0] ?? "";
    if (argv.find((a) => !a.startsWith("-")) === word) return unknownCommand(word, commandNames);
  }
  if (typed.length > 0) {
    return errors.unknownOption(
      typed.map((name) => describeUnknown(name, argv, active?.options ?? GLOBAL_OPTIONS)),
      command,
    );
  }
  if (unknown?.[1]) {
    const names = dropCamelCopies(unknown[1].split(", "));
    const parts = names.map((name) => describeUnknown(name, argv, active?.options ?? []));
    return errors.unknownOption(parts, command);
  }
  if (!active && /^Name a command/.test(message)) {
    return errors.missingCommand(commandNames);
  }
  const noValue = /^Not enough arguments following: (.*)$/.exec(message);
  if (noValue?.[1]) return errors.missingValue(noValue[1], command);
  if (/^Not enough non-option arguments/.test(message) && active) {
    return errors.missingArgument(active.name, missingPositionals(active.usage), active.usage);
  }
  const missing = /^Missing required arguments?: (.*)$/.exec(message);
  if (missing?.[1]) {
    const flags = missing[1].split(", ").map((f) => `--${f}`);
    return errors.missingOption(flags, command);
  }
  const invalid = /^Invalid values?:\s*Argument: ([^,]+), Given: (.*), Choices: (.*?)\.?$/s.exec(message);
  if (invalid?.[1] && invalid[2] && invalid[3]) {
    const choices = invalid[3].split(", ").map((c) => c.replace(/^"|"$/g, ""));
    const given = invalid[2].replace(/^"|"$/g, "");
    return errors.badChoice(invalid[1], given, choices, suggest(given, choices), command);
  }
  return errors.usage(message, command);
}

/** Options every command takes (yargs adds help and version). */
const GLOBAL_OPTIONS = ["debug", "json", "quiet", "q", "config", "help", "version", "h"];

/** Words that are global flags when typed with dashes: `semaforo version` means `--version`. */
const GLOBAL_FLAG_WORDS = ["version"];

/** `semaforo biuld`: the word typed, and the command it was probably meant to be. */
function unknownCommand(word: string, names: readonly string[]): CliError {
  // `semaforo version` / `semaforo help`-like words name a global flag, not a command.
  const flag = GLOBAL_FLAG_WORDS.find((name) => name === word.toLowerCase());
  if (flag) return errors.unknownCommand(word, names, `--${flag}`);
  return errors.unknownCommand(word, names, suggest(word, names));
}

/** The `--flags` of the command line that the command does not declare, as typed (without dashes). */
function unknownFlags(argv: string[], known: readonly string[]): string[] {
  const declared = new Set(known);
  const found: string[] = [];
  for (const arg of argv) {
    if (arg === "--") break;
    const match = /^--(?:no-)?([^=]+)/.exec(arg);
    if (!match?.[1]) continue;
    const name = match[1];
    const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!declared.has(name) && !declared.has(camel) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** yargs reports `--dry-rn` twice, as `dry-rn` and `dryRn`: keep the form that was typed. */
function dropCamelCopies(names: string[]): string[] {
  const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  return names.filter((name) => name === kebab(name) || !names.includes(kebab(name)));
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

/**
 * The declared option a typo was meant to be: the project's one "did you mean" rule (rules/suggest,
 * the one the codes and the config keys use), else an option the name begins or is the start of.
 */
export function suggestOption(name: string, options: string[]): string | undefined {
  const candidates = options.filter((o) => o.length > 1);
  if (candidates.length === 0) return undefined;
  const kebab = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  return suggest(kebab, candidates) ?? candidates.find((o) => o.startsWith(kebab) || kebab.startsWith(o));
}

function missingPositionals(usage: string): string {
  const required = usage.match(/<[^>]+>/g) ?? [];
  return required.length ? required.join(" ") : "an argument";
}
