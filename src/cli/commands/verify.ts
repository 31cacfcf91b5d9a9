import type { RebuildResult } from "../../build/rebuildArchive.js";
import { rmSync } from "node:fs";
import { ExitCode } from "../../errors.js";
import type { Printer } from "../../pdf/launchPrinter.js";
import { findTool } from "../../pdf/findTool.js";
import { defineCommand, type Io } from "../command.js";
import { createProgress } from "../progress.js";
import { periodFolderArg } from "../periodFolderArg.js";

// Heavy modules (Puppeteer, d3, Handlebars…) are imported when the command runs, not when
// `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

/**
 * `semaforo verify OUT/PERIOD`. Exit 0 when the set (reports and superseded versions) matches its
 * manifest and holds every version the ledger says was delivered; exit 4 naming each file that is
 * missing, altered, unreadable or unexpected; exit 2 when there is no manifest or it is damaged.
 * Never exit 1 for anything found in the folder. Temporary files of an interrupted build are
 * noted, not problems; a commit a killed build left half-done is completed first.
 *
 * `--rebuild` then builds the set again from its inputs into a temporary folder (rebuildArchive)
 * and compares every PDF's sha256: exit 4 when one differs, naming it and why.
 */
export const verifyCommand = defineCommand<{ dir: string; rebuild?: boolean; data?: string }>({
  command: "verify <dir>",
  describe: "Re-check an archived set: sha256, sizes, PDFs open, nothing missing or extra (exit 4 if not)",
  examples: [
    ["$0 verify out/2026-10", "Check the October 2026 set against its manifest"],
    ["$0 verify out/2026-10 --json", "Machine-readable: {ok, checked, problems, notes}"],
    ["$0 verify out/2026-10 --rebuild", "Also build the set again from its inputs and compare every PDF"],
  ],
  builder: (y) =>
    y
      .positional("dir", {
        coerce: (value: string) => periodFolderArg(value),
        type: "string",
        demandOption: true,
        describe: "The period folder, OUT/PERIOD",
      })
      .option("rebuild", {
        type: "boolean",
        describe:
          "Rebuild the set from its archived inputs in a temporary folder and compare every PDF's sha256",
      })
      .option("data", {
        type: "string",
        describe: "With --rebuild: the dataset folder (default: the one the manifest records)",
      }),
  run: async (args, io) => {
    const { verifyArchive } = await import("../../archive/verifyArchive.js");
    let progress = createProgress(io, 0, "");
    const result = await verifyArchive(
      args.dir,
      findTool("qpdf"),
      (total) => (progress = createProgress(io, total, "Verifying", { json: args.json })),
      (file) => progress.tick(file),
    );
    progress.stop();
    const rebuilt = args.rebuild ? await rebuildRemovingOnSignals(args.dir, args.data) : null;
    const ok = result.problems.length === 0 && (rebuilt?.differences.length ?? 0) === 0;
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            ok,
            checked: result.checked,
            pdfs: result.pdfs,
            publicFiles: result.publicFiles,
            qpdf: result.qpdf !== null,
            problems: result.problems,
            notes: result.notes,
            ...(rebuilt ? { rebuild: rebuilt } : {}),
          },
          null,
          2,
        ),
      );
    } else {
      if (!io.quiet) for (const note of result.notes) io.err(`${args.dir}: note: ${note}`);
      for (const problem of result.problems)
        io.err(`${args.dir}/${problem.file}: ${problem.kind}: ${problem.detail}`);
      const how = result.qpdf
        ? "sha256, size, qpdf --check"
        : "sha256, size, PDF structure (qpdf not installed)";
      const what = `${result.pdfs} PDF${result.pdfs === 1 ? "" : "s"}${
        result.publicFiles > 0
          ? ` and ${result.publicFiles} public file${result.publicFiles === 1 ? "" : "s"}`
          : ""
      }`;
      io.out(
        result.problems.length === 0
          ? `${args.dir}: ${what} verified, nothing missing or extra (${how})`
          : `${args.dir}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} (${what} checked, and the rest of the folder)`,
      );
      if (rebuilt) reportRebuild(args.dir, rebuilt, io);
    }
    return ok ? ExitCode.ok : ExitCode.renderFailed;
  },
});

/**
 * `verify --rebuild`: the rebuild into a temporary folder; on Ctrl-C / SIGTERM / SIGHUP the browser
 * is killed and the temporary folder removed before the process exits (128 + the signal number).
 */
async function rebuildRemovingOnSignals(dir: string, data: string | undefined): Promise<RebuildResult> {
  const { rebuildArchive } = await import("../../build/rebuildArchive.js");
  const effects = (await import("../../build/defaultBuildEffects.js")).defaultBuildEffects();
  let scratch: string | undefined;
  let printer: Printer | undefined;
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      printer?.kill();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await rebuildArchive(
      dir,
      { dataDir: data, onScratch: (path) => (scratch = path) },
      {
        ...effects,
        onPrinter: (p) => {
          printer = p;
          effects.onPrinter?.(p);
        },
      },
    );
  } finally {
    handlers.forEach((off) => off());
  }
}

/** The rebuild's findings: changed inputs, then each PDF that differs and why, then one line. */
function reportRebuild(dir: string, rebuilt: RebuildResult, io: Io): void {
  for (const input of rebuilt.inputs.filter((i) => i.state !== "same"))
    io.err(`${dir}: input ${input.path} ${input.state} since the archived build (${rebuilt.dataDir})`);
  for (const d of rebuilt.differences) io.err(`${dir}/${d.file}: rebuilt with other bytes: ${d.why}`);
  const n = rebuilt.compared;
  io.out(
    rebuilt.differences.length === 0
      ? `${dir}: rebuilt from ${rebuilt.dataDir}: all ${n} PDFs byte-identical (${rebuilt.browser.now})`
      : `${dir}: rebuilt from ${rebuilt.dataDir}: ${rebuilt.differences.length} of ${n} PDFs differ`,
  );
}
