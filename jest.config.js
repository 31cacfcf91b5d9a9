/** Two projects: `fast` (pure code, in-memory) and `slow` (real Chromium, real SMTP server). */
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
  projects: [
    {
      ...common,
      displayName: "fast",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["\\.slow\\.test\\.ts$"],
    },
    { ...common, displayName: "slow", testMatch: ["<rootDir>/test/**/*.slow.test.ts"] },
  ],
};
