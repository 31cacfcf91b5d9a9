import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8's full garbage collection, or null when this Node does not offer it. A build calls it every
 * few printed reports: each report leaves megabytes of short-lived strings and buffers (its HTML,
 * the CDP messages, the PDF), and V8 otherwise lets its heap grow to several times what is live
 * before collecting. Measured on the demo month: Node's peak RSS 276 MB instead of 484 MB, with no
 * measurable cost in time (Node waits on Chromium most of the build).
 *
 * `--expose-gc` set at run time makes `gc` available to new contexts only, hence the one made here.
 */
export function fullGc(): (() => void) | null {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return own as () => void;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
