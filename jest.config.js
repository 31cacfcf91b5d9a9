/**
 * Two projects: `fast` (pure code, in-memory) and `slow` (real Chromium, real SMTP server).
 *
 * Timeouts are sized for CI's shared 2-core machine under load (load average 4–13 was measured),
 * not for a quiet one: a test that parses the demo dataset or starts a server can take many times
 * its quiet duration there. No test asserts a wall-clock duration; speed is the benchmark's job.
 */
const common = {
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "ts-jest",
      { useESM: true, tsconfig: "tsconfig.json", diagnostics: { ignoreCodes: [151002] } },
    ],
  },
  testEnvironment: "node",
  setupFiles: ["<rootDir>/test/setupEnv.js"],
};

/**
 * The projects named with --selectProjects (all when none is named). Jest reads maxWorkers only at
 * the top, for every project, so the worker count below depends on what this run selects.
 */
function selectedProjects(argv = process.argv) {
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--selectProjects=")) names.push(...arg.slice(17).split(","));
    else if (arg === "--selectProjects")
      for (let j = i + 1; j < argv.length && !argv[j].startsWith("-"); j++) names.push(argv[j]);
  }
  return names;
}
const fastOnly = selectedProjects().every((name) => name === "fast") && selectedProjects().length > 0;

export default {
  // Jest reads testTimeout only here, for every project (a project's own is ignored).
  testTimeout: 120_000,
  // The fast project is CPU-bound (module loading, parsing, rendering to HTML): on the 2-core machine
  // two workers use both cores, where jest's default (cores − 1 = 1) runs it in one process. The
  // slow project keeps the default: one Chromium at a time.
  ...(fastOnly ? { maxWorkers: 2 } : {}),
  projects: [
    {
      ...common,
      displayName: "fast",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["\\.slow\\.test\\.ts$"],
    },
    {
      ...common,
      displayName: "slow",
      testMatch: ["<rootDir>/test/**/*.slow.test.ts"],
    },
  ],
};
