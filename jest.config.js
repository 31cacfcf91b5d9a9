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

export default {
  // Jest reads testTimeout only here, for every project (a project's own is ignored).
  testTimeout: 120_000,
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
