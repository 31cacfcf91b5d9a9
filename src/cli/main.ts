import yargs, { type Argv } from "yargs";
import { loadConfig } from "../config/loadConfig.js";
import { CliError, ExitCode, errors } from "../errors.js";
import type { Command, GlobalArgs, Io } from "./command.js";
import { commands } from "./commands/index.js";
import { errorDocument } from "./errorDocument.js";
import { usageError, type ActiveCommand } from "./usageError.js";

/**
 * `semaforo send --dry-run | head -2`: once the reader has gone (EPIPE), output stops quietly and
 * the command runs to its end (a send is never cut between an attempt and its outcome).
 */
const gone = { stdout: false, stderr: false };
for (const name of ["stdout", "stderr"] as const) {
  process[name].on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    gone[name] = true;
  });
}

const processIo: Io = {
  out: (text) => void (gone.stdout || process.stdout.write(text.endsWith("\n") ? text : text + "\n")),
  err: (text) => void (gone.stderr || process.stderr.write(text.endsWith("\n") ? text : text + "\n")),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Runs `semaforo` with the given arguments and returns the exit code. The only place that decides it. */
export async function main(typed: string[], given: Io = processIo): Promise<number> {
  const argv = helpAsFlag(typed);
  const io: Io = argv.includes("--quiet") || argv.includes("-q") ? { ...given, quiet: true } : given;
  const names = (commands as Command<object>[]).map(nameOf);
  const json = argv.includes("--json");
  let exitCode: number = ExitCode.ok;
  let debug = argv.includes("--debug");
  /** The command whose builder ran (the one being parsed): its options feed the suggestions. */
  let active: ActiveCommand | undefined;
  let parser = yargs(argv)
    .scriptName("semaforo")
    .usage(
      "Semáforo Reports: monthly school-monitoring reports, one PDF per recipient.\n\nUsage: $0 <command> [options]",
    )
    .option("debug", { type: "boolean", default: false, describe: "Show stack traces of errors" })
    .option("json", { type: "boolean", default: false, describe: "Print a machine-readable summary" })
    .option("quiet", {
      alias: "q",
      type: "boolean",
      default: false,
      describe: "No progress and no notes on stderr: only the summary, warnings and errors",
    })
    .option("config", {
      type: "string",
      requiresArg: true,
      describe: "Config file (default: ./semaforo.config.json when present)",
    })
    .strict()
    .demandCommand(1, "Name a command")
    .completion("completion", "Print a bash/zsh completion script: semaforo completion >> ~/.bashrc")
    .help()
    .alias("help", "h")
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own parse errors (YError, e.g. "Not enough arguments following") are usage errors too.
      if (error && error.name !== "YError") throw error;
      throw usageError(message ?? error?.message ?? "Invalid command line.", argv, active, names);
    }) as unknown as Argv<GlobalArgs>;

  for (const command of commands as Command<object>[]) {
    parser = parser.command(
      command.command,
      command.describe,
      (y: Argv<GlobalArgs>) => {
        // Examples as a block of their own (purpose, then the whole command on one line, ready to
        // copy), before the command's own epilog; yargs' two-column .example() splits long commands.
        if (command.examples.length) y.epilog(formatExamples(command.examples));
        const built = command.builder(y);
        const options = (built as unknown as { getOptions(): ParserOptions }).getOptions();
        // An option that takes a value must get one: `--period` alone is an error, not "".
        const valued = [...options.string, ...options.number].filter(
          (key) => !options.array.includes(key) && options.narg[key] === undefined && key !== "config",
        );
        if (valued.length) built.requiresArg(valued);
        active = {
          name: nameOf(command),
          usage: command.command,
          options: Object.keys(options.key),
        };
        return built;
      },
      async (args: GlobalArgs) => {
        debug = Boolean(args.debug);
        checkValues(args as unknown as Record<string, unknown>, active);
        // Every command reads the config the same way: a missing or broken --config file is exit 2
        // for all of them, before anything runs.
        await loadConfig(process.cwd(), args.config);
        exitCode = await command.run(args, io);
      },
    );
  }

  try {
    let helpShown = false;
    await parser.parseAsync(argv, {}, (err: Error | undefined, _argv: unknown, output: string) => {
      if (output && !err) {
        io.out(output);
        helpShown = true;
      }
    });
    return helpShown ? ExitCode.ok : exitCode;
  } catch (error) {
    return reportError(error, debug, json, io);
  }
}

const nameOf = (command: Command<object>): string => command.command.split(" ")[0] ?? command.command;

/** `semaforo help build` is `semaforo build --help`; `semaforo help` is `semaforo --help`. */
function helpAsFlag(argv: string[]): string[] {
  if (argv[0] !== "help") return argv;
  const [, topic, ...rest] = argv;
  return topic && !topic.startsWith("-") ? [topic, "--help", ...rest] : ["--help", ...argv.slice(1)];
}

function formatExamples(examples: [string, string][]): string {
  const blocks = examples.map(([example, what]) => `  ${what}:\n    ${example}`);
  return `Examples:\n${blocks.join("\n\n")}\n`;
}

/** What yargs' (untyped) `getOptions()` returns, as far as it is used here. */
interface ParserOptions {
  key: Record<string, boolean>;
  string: string[];
  number: string[];
  array: string[];
  narg: Record<string, number>;
}

/** `--period=` (empty) and `--port abc` (NaN) slip through yargs: reject them like a missing value. */
function checkValues(args: Record<string, unknown>, active: ActiveCommand | undefined): void {
  for (const name of active?.options ?? []) {
    const value = args[name];
    if (value === "" || (typeof value === "number" && Number.isNaN(value))) {
      throw typeof value === "number"
        ? errors.badNumber(`--${name}`, "number", active?.name)
        : errors.missingValue(name, active?.name);
    }
  }
}

/**
 * Prints an error and returns its exit code. Under `--json` the error is a JSON document on stdout,
 * where a script reads the summary: `{"error": {code, message, hint, exitCode}}`.
 */
function reportError(error: unknown, debug: boolean, json: boolean, io: Io): number {
  if (json) {
    const document = errorDocument(error, debug);
    io.out(JSON.stringify(document, null, 2));
    return document.error.exitCode;
  }
  if (error instanceof CliError) {
    io.err(`semaforo: ${printable(error.message)}${error.hint ? `\n${printable(error.hint)}` : ""}`);
    if (debug && error.stack) io.err(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(
    `semaforo: unexpected error: ${message}\nThis is a bug. Run the same command with --debug to see the stack trace, and report it.`,
  );
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  return ExitCode.internal;
}

/**
 * A message as the terminal shows it: control characters that came from the command line or the
 * data (a CR/LF or an escape sequence in an address) are written as escapes, so they can neither
 * split the line nor drive the terminal. Line breaks of the message itself are kept.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
