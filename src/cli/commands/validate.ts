import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo validate`.
export const validateCommand = defineCommand({
  command: "validate",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo validate is not implemented yet.", ExitCode.internal),
    ),
});
