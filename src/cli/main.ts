import yargs, { type Argv } from "yargs";
import { CliError, ExitCode } from "../errors.js";
import type { Command, GlobalArgs, Io } from "./command.js";
import { commands } from "./commands/index.js";

const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Runs `semaforo` with the given arguments and returns the exit code. The only place that decides it. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  let debug = argv.includes("--debug");
  let parser = yargs(argv)
    .scriptName("semaforo")
    .usage(
      "Semáforo Reports: monthly school-monitoring reports, one PDF per recipient.\n\nUsage: $0 <command> [options]",
    )
    .option("debug", { type: "boolean", default: false, describe: "Show stack traces of errors" })
    .option("json", { type: "boolean", default: false, describe: "Print a machine-readable summary" })
    .option("config", {
      type: "string",
      describe: "Config file (default: ./semaforo.config.json when present)",
    })
    .strict()
    .recommendCommands()
    .demandCommand(1, "Name a command: validate, build, send, run, preview, verify, status, doctor, init.")
    .help()
    .alias("help", "h")
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new CliError(
        "usage",
        message ?? "Invalid command line.",
        ExitCode.usage,
        "Run `semaforo --help` for the commands and `semaforo COMMAND --help` for their options.",
      );
    }) as unknown as Argv<GlobalArgs>;

  for (const command of commands as Command<object>[]) {
    parser = parser.command(
      command.command,
      command.describe,
      (y: Argv<GlobalArgs>) => {
        const built = command.builder(y);
        for (const [example, what] of command.examples) built.example(example, what);
        return built;
      },
      async (args: GlobalArgs) => {
        debug = Boolean(args.debug);
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
    return reportError(error, debug, io);
  }
}

function reportError(error: unknown, debug: boolean, io: Io): number {
  if (error instanceof CliError) {
    io.err(`semaforo: ${error.message}${error.hint ? `\n${error.hint}` : ""}`);
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
