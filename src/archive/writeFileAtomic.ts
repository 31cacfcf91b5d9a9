import { randomBytes } from "node:crypto";
import { makeDirs } from "../makeDirs.js";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The temporary name a file is written under before it is renamed into place. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes `data` to a temporary file beside `path` and flushes it to disk; returns the temp path. */
export async function writeSynced(path: string, data: Uint8Array | string): Promise<string> {
  await makeDirs(dirname(path));
  const temp = tempPath(path);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/** Makes renames in a folder durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a file so that readers see either the old content or the whole new one, never a part. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeSynced(path, data);
  await rename(temp, path);
  await syncDir(dirname(path));
}
