import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo doctor`.
export const doctorCommand = defineCommand({
  command: "doctor",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo doctor is not implemented yet.", ExitCode.internal),
    ),
});
