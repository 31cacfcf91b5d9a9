import { z } from "zod";
import { manifestSchema, sha256Schema } from "./manifest.js";
import { open } from "./open.js";

/**
 * `.staging/journal.json`: the steps that put a build in place (archive/planCommit.ts), written
 * before the first one runs so that a killed build is completed by the next command. The one
 * definition: `CommitPlan` is inferred from it and completeCommit reads the journal through it.
 */
const step = open({ from: z.string().min(1), to: z.string().min(1), sha256: sha256Schema });

export const commitPlanSchema = open({
  /** PDFs someone may hold that leave their place: to `superseded/<sha256>.pdf`. */
  moves: z.array(step),
  /** Staged PDFs (`.staging/<file>`) to their place. */
  installs: z.array(step),
  /** Removed once the manifest is written: earlier PDFs no one received, leftovers. */
  removes: z.array(z.string().min(1)),
  /** Written after the moves and installs; from then on it describes the folder. */
  manifest: manifestSchema,
});

export type CommitPlan = z.output<typeof commitPlanSchema>;
