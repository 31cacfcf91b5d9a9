import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo verify`.
export const verifyCommand = defineCommand({
  command: "verify",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo verify is not implemented yet.", ExitCode.internal),
    ),
});
