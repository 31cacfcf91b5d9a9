import { ExitCode } from "../../errors.js";
import { writeScaffold } from "../../init/writeScaffold.js";
import { defineCommand } from "../command.js";

interface InitArgs {
  dir: string;
}

export const initCommand = defineCommand<InitArgs>({
  command: "init <dir>",
  describe:
    "Create a new dataset folder: every file of the contract with its header row, and a README explaining each",
  examples: [
    [
      "semaforo init my-dataset && semaforo validate --data my-dataset",
      "Start a dataset, then see what is still missing",
    ],
  ],
  builder: (y) =>
    y
      .positional("dir", {
        type: "string",
        demandOption: true,
        describe: "The folder to create (must be new or empty)",
      })
      .epilog(
        "Exit code: 0 when the folder was written; 2 when it exists and is not empty (nothing is overwritten).",
      ),
  run: async (args, io) => {
    const files = await writeScaffold(args.dir);
    if (args.json) {
      io.out(JSON.stringify({ dir: args.dir, files }, null, 2));
    } else {
      io.out(
        [
          `Created ${args.dir}/ with ${files.filter((f) => !f.endsWith(".gitkeep")).join(", ")}.`,
          `Next: fill them in (${args.dir}/README.md explains each file, with an example row), then run`,
          `  semaforo validate --data ${args.dir}`,
          "until it exits 0.",
        ].join("\n"),
      );
    }
    return ExitCode.ok;
  },
});
