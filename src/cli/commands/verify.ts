import { verifyArchive } from "../../archive/verifyArchive.js";
import { ExitCode } from "../../errors.js";
import { findTool } from "../../pdf/findTool.js";
import { defineCommand } from "../command.js";

/**
 * `semaforo verify OUT/PERIOD`. Exit 0 when the set matches its manifest; exit 4 (the reports are
 * not as rendered) naming each file that is missing, altered, unreadable or unexpected; exit 2
 * when there is no manifest.
 */
export const verifyCommand = defineCommand<{ dir: string }>({
  command: "verify <dir>",
  describe: "Re-check an archived set: sha256, sizes, PDFs open, nothing missing or extra (exit 4 if not)",
  examples: [
    ["$0 verify out/2026-10", "Check the October 2026 set against its manifest"],
    ["$0 verify out/2026-10 --json", "Machine-readable: {ok, checked, problems}"],
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
          { ok, checked: result.checked, qpdf: result.qpdf !== null, problems: result.problems },
          null,
          2,
        ),
      );
    } else {
      for (const problem of result.problems)
        io.err(`${args.dir}/${problem.file}: ${problem.kind}: ${problem.detail}`);
      const how = result.qpdf
        ? "sha256, size, qpdf --check"
        : "sha256, size, PDF structure (qpdf not installed)";
      io.out(
        ok
          ? `${args.dir}: ${result.checked} reports verified (${how})`
          : `${args.dir}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${result.checked} reports`,
      );
    }
    return ok ? ExitCode.ok : ExitCode.renderFailed;
  },
});
