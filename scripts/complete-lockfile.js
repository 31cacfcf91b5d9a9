#!/usr/bin/env node
// Some npm registry mirrors serve only the current platform's prebuilt binaries: `npm install` then
// leaves the other platforms' optional packages (e.g. @unrs/resolver-binding-* of jest) out of
// package-lock.json, and `npm ci` refuses the lock file ("Missing: … from lock file"). This adds
// those optional entries back with their os/cpu/libc, so `npm ci` skips them by platform.
// Run it after every `npm install` that changes package-lock.json: node scripts/complete-lockfile.js
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];
const added = [];
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const path = `node_modules/${name}`;
    if (packages[path]) continue;
    const base = name.split("/").pop();
    const os = OS.find((o) => base.includes(o));
    const cpu = CPU.find((c) => base.includes(`-${c}`));
    packages[path] = {
      version,
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      ...(base.includes("musl") ? { libc: ["musl"] } : base.includes("gnu") ? { libc: ["glibc"] } : {}),
    };
    added.push(name);
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(
  added.length ? `Added ${added.length} optional platform packages: ${added.join(", ")}` : "Nothing to add.",
);
