import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { errors, type CliError } from "../errors.js";
import { sha256Hex } from "../formats/sha256Hex.js";

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** What holds it: a send, or a build putting its PDFs in place (locks written before say nothing). */
  command?: "send" | "build";
}

export interface SendLock {
  readonly file: string;
  release(): void;
}

export interface LockOptions {
  clock?: () => Date;
  warn?: (text: string) => void;
  /** Whether a process runs on this host; injectable for tests. */
  isAlive?: (pid: number) => boolean;
  host?: string;
  pid?: number;
  /** What takes the lock, recorded in it so that a run that finds it held can say what holds it. Default "send". */
  command?: "send" | "build";
  /**
   * The error when a live run holds the lock (`who`: its process, host and start; `holder`: what
   * it is): send's `send-locked` (or `build-committing` when a build holds it) unless the caller
   * names its own (`build-running`, `send-running`).
   */
  held?: (who: string, holder: LockHolder | null) => CliError;
}

/**
 * One `send` per period at a time: `OUT/PERIOD/.send.lock`, created with O_EXCL, holding the pid,
 * host and start time. A second run refuses while the holder lives; a lock left by a dead process
 * on this host is taken over with a warning. A lock from another host is never guessed about.
 *
 * The takeover is atomic: several runs may find the same stale lock at once, but only the one that
 * creates (O_EXCL) the marker `.send.lock.takeover-<pid>-<start>` for that very holder may delete
 * it, and only after reading it again under the marker; then every run competes for the lock with
 * O_EXCL again, so exactly one wins.
 */
export function acquireSendLock(file: string, options: LockOptions = {}): SendLock {
  const host = options.host ?? hostname();
  const me: LockHolder = {
    pid: options.pid ?? process.pid,
    hostname: host,
    startedAt: (options.clock?.() ?? new Date()).toISOString(),
    command: options.command ?? "send",
  };
  const isAlive = options.isAlive ?? processIsAlive;
  for (let tries = 0; tries < 3; tries++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (holder && holder.hostname === host && !isAlive(holder.pid)) {
        if (removeStale(file, holder)) {
          options.warn?.(
            `${file}: taking over a stale lock of process ${holder.pid} (started ${holder.startedAt}), which is no longer running.`,
          );
        }
        // Whoever removed it, the lock is now competed for with O_EXCL again.
        continue;
      }
      throw lockHeld(file, holder, options.held);
    }
    try {
      writeSync(fd, JSON.stringify(me) + "\n");
      fsyncSync(fd);
    } catch (error) {
      // A full disk: the lock was created empty. Left there, it would read as held by "another
      // run" and block every later command; it is ours, so it goes.
      closeSync(fd);
      unlinkSync(file);
      throw error;
    }
    closeSync(fd);
    let held = true;
    return {
      file,
      release() {
        if (!held) return;
        held = false;
        try {
          if (readHolder(file)?.pid === me.pid) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
  throw lockHeld(file, readHolder(file), options.held);
}

/**
 * Deletes the stale lock of `holder`, unless another run is doing so (it holds the marker) or has
 * done so already (the file no longer holds `holder`). True when this run deleted it.
 */
function removeStale(file: string, holder: LockHolder): boolean {
  const tag = sha256Hex(`${holder.hostname}\n${holder.startedAt}`).slice(0, 12);
  const marker = `${file}.takeover-${holder.pid}-${tag}`;
  try {
    closeSync(openSync(marker, "wx", 0o644));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    const again = readHolder(file);
    if (
      !again ||
      again.pid !== holder.pid ||
      again.hostname !== holder.hostname ||
      again.startedAt !== holder.startedAt
    )
      return false;
    unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  } finally {
    try {
      unlinkSync(marker);
    } catch {
      // Already gone.
    }
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string") {
      return {
        pid: parsed.pid,
        hostname: parsed.hostname,
        startedAt: String(parsed.startedAt ?? "?"),
        ...(parsed.command === "send" || parsed.command === "build" ? { command: parsed.command } : {}),
      };
    }
  } catch {
    // Unreadable or half-written: treated as held, never guessed stale.
  }
  return null;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockHeld(
  file: string,
  holder: LockHolder | null,
  held: (who: string, holder: LockHolder | null) => CliError = (who, holder) =>
    holder?.command === "build" ? errors.buildCommitting(file, who) : errors.sendLocked(file, who),
): CliError {
  const who = holder
    ? `process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}`
    : "another run (the lock file could not be read)";
  return held(who, holder);
}
