import { ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

interface InitArgs {
  dir: string;
  units: "peru" | "none";
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
    ["semaforo init datos --units peru", "Start with units.csv already holding Peru's 224 UGEL"],
  ],
  builder: (y) =>
    y
      .positional("dir", {
        type: "string",
        demandOption: true,
        describe: "The folder to create (must be new or empty)",
      })
      .option("units", {
        choices: ["peru", "none"] as const,
        default: "none" as const,
        describe: "peru: fill units.csv with Peru's 224 UGEL and 26 DRE (geo/ugel.csv); none: header only",
      })
      .epilog(
        "Exit code: 0 when the folder was written; 2 when it exists and is not empty (nothing is overwritten).",
      ),
  run: async (args, io) => {
    const { writeScaffold } = await import("../../init/writeScaffold.js");
    const files = await writeScaffold(args.dir, args.units);
    if (args.json) {
      io.out(JSON.stringify({ dir: args.dir, files }, null, 2));
    } else {
      io.out(
        [
          `Created ${args.dir}/ with ${files.filter((f) => !f.endsWith(".gitkeep")).join(", ")}.`,
          `Next: fill them in (${args.dir}/README.md explains each file, with an example row), then run`,
          `  semaforo validate --data ${args.dir}`,
          "until it exits 0.",
          ...(args.units === "none"
            ? [`Tip: semaforo init DIR --units peru fills units.csv with Peru's 224 UGEL and their DRE.`]
            : [`units.csv holds Peru's 224 UGEL and their DRE (from geo/ugel.csv).`]),
        ].join("\n"),
      );
    }
    return ExitCode.ok;
  },
});
