import { CliError, ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Placeholder: replaced by the issue that delivers `semaforo preview`.
export const previewCommand = defineCommand({
  command: "preview",
  describe: "(not implemented yet)",
  examples: [],
  builder: (y) => y,
  run: () =>
    Promise.reject(
      new CliError("not-implemented", "semaforo preview is not implemented yet.", ExitCode.internal),
    ),
});
