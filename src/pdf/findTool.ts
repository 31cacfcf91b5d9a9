import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The path of an executable on PATH (qpdf, pdftotext…), or null when it is not installed. */
export function findTool(name: string, path: string = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
