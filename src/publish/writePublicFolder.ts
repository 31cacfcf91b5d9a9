import { rename, rm } from "node:fs/promises";
import { makeDirs } from "../makeDirs.js";
import { dirname, join } from "node:path";
import { syncDir, writeSynced } from "../archive/writeFileAtomic.js";

/**
 * Writes the whole public folder beside the old one, then swaps it in: a reader (or a web server
 * serving the folder) sees the old site or the new one, never half of each. Files are flushed
 * before the swap.
 */
export async function writePublicFolder(
  target: string,
  files: { path: string; content: string | Uint8Array }[],
): Promise<void> {
  const parent = dirname(target);
  await makeDirs(parent);
  const staging = join(parent, `.public-${process.pid}-${Date.now().toString(36)}`);
  const old = `${staging}-old`;
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split("/"));
      await makeDirs(dirname(path));
      await rename(await writeSynced(path, file.content), path);
    }
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target);
    await syncDir(parent);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}
