import { rename, rm } from "node:fs/promises";
import { makeDirs } from "../makeDirs.js";
import { dirname, join } from "node:path";
import { syncDir, writeSynced } from "../archive/writeFileAtomic.js";
import { publishWorkFolder, removeDeadPublishFolders } from "./publishLeftovers.js";
import { publishWriteError } from "./publishWriteError.js";

/**
 * Writes the whole public folder beside the old one, then swaps it in: a reader (or a web server
 * serving the folder) sees the old site or the new one, never half of each. Files are flushed
 * before the swap. The work folders a killed publish left beside it are removed first. A full
 * disk or a read-only folder is the `publish-write-failed` error naming the file (exit 2), with
 * the old folder in place.
 */
export async function writePublicFolder(
  target: string,
  files: { path: string; content: string | Uint8Array }[],
): Promise<void> {
  const parent = dirname(target);
  let writing = parent;
  const staging = join(parent, publishWorkFolder());
  const old = `${staging}-old`;
  try {
    await makeDirs(parent);
    await removeDeadPublishFolders(parent);
    for (const file of files) {
      writing = join(target, ...file.path.split("/"));
      const path = join(staging, ...file.path.split("/"));
      await makeDirs(dirname(path));
      await rename(await writeSynced(path, file.content), path);
    }
    writing = target;
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target);
    await syncDir(parent);
  } catch (error) {
    throw publishWriteError(writing, error);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}
