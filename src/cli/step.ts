import type { ExitCode } from "../errors.js";

/**
 * What a step of the monthly cycle (validate, build, send, publish) returns: its exit code and its
 * typed summary, the document `--json` prints. The step prints nothing but progress and warnings
 * (stderr); its command, or `run`, prints the summary as text or JSON.
 */
export interface StepResult<S> {
  exitCode: ExitCode;
  summary: S;
}

/** A step that read a dataset folder: which one (`--data` or the config's), for its text summary. */
export interface DatasetStepResult<S> extends StepResult<S> {
  data: string;
}
