/** A check of the demo generator failed: a bug in src/demo (or in its inputs geo/), not a user's mistake. */
export class DemoError extends Error {
  override name = "DemoError";
}
