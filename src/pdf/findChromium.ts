import { accessSync, constants, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { errors } from "../errors.js";

/** Where a Chromium was found, and how (for `semaforo doctor`). */
export interface ChromiumLocation {
  path: string;
  source: "PUPPETEER_EXECUTABLE_PATH" | "system" | "puppeteer-cache";
  /** Set when PUPPETEER_EXECUTABLE_PATH names no executable file and another browser was taken. */
  ignored?: string;
}

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Binaries under Puppeteer's cache (`~/.cache/puppeteer/chrome/<platform>-<version>/…`), newest first. */
function puppeteerCacheCandidates(cacheDir: string): string[] {
  const found: string[] = [];
  for (const product of ["chrome", "chrome-headless-shell"]) {
    let versions: string[];
    try {
      versions = readdirSync(join(cacheDir, product));
    } catch {
      continue;
    }
    for (const version of versions.sort().reverse()) {
      found.push(
        join(cacheDir, product, version, "chrome-linux64", "chrome"),
        join(cacheDir, product, version, "chrome-headless-shell-linux64", "chrome-headless-shell"),
      );
    }
  }
  return found;
}

/**
 * Finds a Chromium or Chrome binary: PUPPETEER_EXECUTABLE_PATH, then the usual system paths, then
 * Puppeteer's own cache. Throws the catalogue's `no-browser` error, listing what was tried.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = isExecutable,
): ChromiumLocation {
  const tried: string[] = [];
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  let ignored: { ignored: string } | object = {};
  if (fromEnv) {
    if (exists(fromEnv)) return { path: fromEnv, source: "PUPPETEER_EXECUTABLE_PATH" };
    tried.push(`PUPPETEER_EXECUTABLE_PATH=${fromEnv}`);
    ignored = { ignored: `PUPPETEER_EXECUTABLE_PATH=${fromEnv} is not an executable file` };
  }
  for (const path of SYSTEM_PATHS) {
    if (exists(path)) return { path, source: "system", ...ignored };
    tried.push(path);
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer");
  for (const path of puppeteerCacheCandidates(cacheDir)) {
    if (exists(path)) return { path, source: "puppeteer-cache", ...ignored };
  }
  tried.push(cacheDir);
  throw errors.noBrowser(tried);
}

/**
 * The browser that build, preview and publish use: as findChromium, but a PUPPETEER_EXECUTABLE_PATH
 * that names no executable stops the command (`bad-browser-variable`) instead of silently taking
 * another browser. Only `semaforo doctor` looks past it, with a warning.
 */
export function requireChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = isExecutable,
): ChromiumLocation {
  const found = findChromium(env, exists);
  if (found.ignored) throw errors.badBrowserVariable(env.PUPPETEER_EXECUTABLE_PATH ?? "");
  return found;
}
