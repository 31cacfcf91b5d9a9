import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { errors } from "../errors.js";
import { BROWSER_START_TIMEOUT_MS } from "./printSettings.js";

/**
 * The version of the Chromium at `path`, as Puppeteer's `browser.version()` gives it
 * ("Chrome/156.0.8078.114"), read from `--version` (≈ 40 ms) without launching a browser: a build
 * whose reports are all reused never starts one. When the binary cannot say: `browser-version-unknown`.
 */
export async function chromiumVersion(path: string): Promise<string> {
  // Debian's /usr/bin/chromium is a shell script that greps /proc/cpuinfo and runs findmnt first:
  // on a loaded machine that took over 10 s, so it gets the browser's start-up limit.
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(path, ["--version"], { timeout: BROWSER_START_TIMEOUT_MS }));
  } catch (error) {
    throw errors.browserVersionUnknown(path, (error as Error).message.split("\n")[0] ?? "");
  }
  const version = /\b(\d+\.\d+\.\d+\.\d+)\b/.exec(stdout)?.[1];
  if (!version)
    throw errors.browserVersionUnknown(path, `it printed ${JSON.stringify(stdout.trim().slice(0, 200))}`);
  return `Chrome/${version}`;
}

/** The version numbers of a `browser.version()` string, to compare a launched browser with chromiumVersion. */
export function versionNumber(version: string): string {
  return /\d+(?:\.\d+)+/.exec(version)?.[0] ?? version;
}
