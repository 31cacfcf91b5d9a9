import path from "node:path";

/**
 * The period folder a command was given: `out/2026-10`, or the manifest in it
 * (`out/2026-10/manifest.json`, as a shell's completion offers it), which names the same folder.
 */
export function periodFolderArg(value: string): string {
  return path.basename(value) === "manifest.json" ? path.dirname(value) : value;
}
