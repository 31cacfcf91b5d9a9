import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * The folders writePublicFolder works in beside `public/`: `.public-<pid>-<stamp>` (the new site
 * being written) and `.public-<pid>-<stamp>-old` (the old one being swapped out). A publish killed
 * with SIGKILL (or a power cut) leaves them behind.
 */
export const PUBLISH_WORK_FOLDER = /^\.public-(\d+)-[0-9a-z]+(-old)?$/;

/** The name of this process's work folder for a publish started now. */
export function publishWorkFolder(): string {
  return `.public-${process.pid}-${Date.now().toString(36)}`;
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the work folders of publishes whose process no longer runs, in `periodDir`; returns
 * their names. A running publish's folder is left alone. Used by publish (before it writes) and
 * verify.
 */
export async function removeDeadPublishFolders(periodDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(periodDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const match = PUBLISH_WORK_FOLDER.exec(name);
    if (!match || processRuns(Number(match[1]))) continue;
    await rm(join(periodDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
