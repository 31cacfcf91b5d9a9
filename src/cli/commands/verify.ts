import { verifyArchive } from "../../archive/verifyArchive.js";
import { ExitCode } from "../../errors.js";
import { findTool } from "../../pdf/findTool.js";
import { defineCommand } from "../command.js";

/**
 * `semaforo verify OUT/PERIOD`. Exit 0 when the set (reports and superseded versions) matches its
 * manifest and holds every version the ledger says was delivered; exit 4 naming each file that is
 * missing, altered, unreadable or unexpected; exit 2 when there is no manifest or it is damaged.
 * Never exit 1 for anything found in the folder. Temporary files of an interrupted build are
 * noted, not problems; a commit a killed build left half-done is completed first.
 */
export const verifyCommand = defineCommand<{ dir: string }>({
  command: "verify <dir>",
  describe: "Re-check an archived set: sha256, sizes, PDFs open, nothing missing or extra (exit 4 if not)",
  examples: [
    ["$0 verify out/2026-10", "Check the October 2026 set against its manifest"],
    ["$0 verify out/2026-10 --json", "Machine-readable: {ok, checked, problems, notes}"],
  ],
  builder: (y) =>
    y.positional("dir", {
      type: "string",
      demandOption: true,
      describe: "The period folder, OUT/PERIOD",
    }),
  run: async (args, io) => {
    const result = await verifyArchive(args.dir, findTool("qpdf"));
    const ok = result.problems.length === 0;
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            ok,
            checked: result.checked,
            qpdf: result.qpdf !== null,
            problems: result.problems,
            notes: result.notes,
          },
          null,
          2,
        ),
      );
    } else {
      for (const note of result.notes) io.err(`${args.dir}: note: ${note}`);
      for (const problem of result.problems)
        io.err(`${args.dir}/${problem.file}: ${problem.kind}: ${problem.detail}`);
      const how = result.qpdf
        ? "sha256, size, qpdf --check"
        : "sha256, size, PDF structure (qpdf not installed)";
      io.out(
        ok
          ? `${args.dir}: ${result.checked} PDFs verified (${how})`
          : `${args.dir}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${result.checked} PDFs`,
      );
    }
    return ok ? ExitCode.ok : ExitCode.renderFailed;
  },
});
