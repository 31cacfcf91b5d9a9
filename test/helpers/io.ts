import type { Io } from "../../src/cli/command.js";

/** An Io that records what a command prints. */
export function captureIo(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    isTTY: false,
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}
