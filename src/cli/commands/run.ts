import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo run`.
export const runCommand = defineCommand({
  command: "run",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo run is not implemented yet.", ExitCode.internal),
    ),
});
