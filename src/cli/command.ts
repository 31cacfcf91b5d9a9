import type { Argv } from "yargs";

/** Where a command prints: injected so tests can capture it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  isTTY: boolean;
  /** `--quiet`: no progress and no notes on stderr; the summary, warnings and errors stay. */
  quiet?: boolean;
}

export interface GlobalArgs {
  debug: boolean;
  json: boolean;
  quiet?: boolean;
  config?: string;
}

/** One `semaforo` sub-command: flags, a worked example, and a function that returns the exit code. */
export interface Command<A = object> {
  command: string;
  describe: string;
  examples: [string, string][];
  builder: (yargs: Argv<GlobalArgs>) => Argv<A & GlobalArgs>;
  run: (args: A & GlobalArgs, io: Io) => Promise<number>;
}

export const defineCommand = <A>(command: Command<A>): Command<A> => command;
