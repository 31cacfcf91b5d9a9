import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo build`.
export const buildCommand = defineCommand({
  command: "build",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo build is not implemented yet.", ExitCode.internal),
    ),
});
