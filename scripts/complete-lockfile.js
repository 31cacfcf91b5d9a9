#!/usr/bin/env node
// Some npm registry mirrors serve only the current platform's prebuilt binaries: `npm install` then
// leaves the other platforms' optional packages (e.g. @unrs/resolver-binding-* of jest) out of
// package-lock.json, and `npm ci` refuses the lock file ("Missing: … from lock file"). This adds
// those optional entries back as npm itself writes them: version, `resolved`, `integrity` (from the
// registry, so `npm ci` checks the tarball), the registry's os/cpu/libc (so `npm ci` skips them by
// platform), and `dev` when only development packages need them. Entries it finds without an
// integrity hash (written by an earlier version of this script) are completed the same way.
// Run it after every `npm install` that changes package-lock.json: node scripts/complete-lockfile.js
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

/** name → { version, dev } for every optional dependency named by a lock entry. */
const wanted = new Map();
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const previous = wanted.get(name);
    wanted.set(name, { version, dev: (previous?.dev ?? true) && entry.dev === true });
  }
}

const added = [];
const completed = [];
for (const [name, { version, dev }] of wanted) {
  const path = `node_modules/${name}`;
  const existing = packages[path];
  if (existing?.integrity) continue;
  const resolvedVersion = existing?.version ?? version;
  const meta = JSON.parse(
    execFileSync(
      "npm",
      [
        "view",
        `${name}@${resolvedVersion}`,
        "version",
        "dist.integrity",
        "dist.tarball",
        "os",
        "cpu",
        "libc",
        "--json",
      ],
      { encoding: "utf8" },
    ),
  );
  if (!meta["dist.integrity"] || !meta["dist.tarball"]) {
    throw new Error(`npm view ${name}@${resolvedVersion}: the registry gave no integrity or tarball`);
  }
  packages[path] = {
    version: meta.version ?? resolvedVersion,
    resolved: meta["dist.tarball"],
    integrity: meta["dist.integrity"],
    ...(dev ? { dev: true } : {}),
    optional: true,
    ...(meta.cpu ? { cpu: [].concat(meta.cpu) } : {}),
    ...(meta.os ? { os: [].concat(meta.os) } : {}),
    ...(meta.libc ? { libc: [].concat(meta.libc) } : {}),
  };
  (existing ? completed : added).push(name);
}
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(
  [
    added.length ? `Added ${added.length} optional platform packages: ${added.join(", ")}.` : "",
    completed.length
      ? `Completed ${completed.length} entries (integrity, resolved, dev): ${completed.join(", ")}.`
      : "",
  ]
    .filter(Boolean)
    .join("\n") || "Nothing to add.",
);
