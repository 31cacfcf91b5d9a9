import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".scratch/",
      ".r4/",
      "dist/",
      "out/",
      "node_modules/",
      "coverage/",
      "fixtures/",
      "**/*.js",
      "!scripts/**/*.js",
      "!bench/**/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["**/*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One error catalogue: every expected error is an entry of src/errors.ts, thrown as errors.NAME(…).
    files: ["**/*.ts"],
    ignores: ["src/errors.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='CliError']",
          message: "Add an entry to the catalogue in src/errors.ts and throw errors.NAME(…) instead.",
        },
      ],
    },
  },
  {
    // The same in src/, plus: folders are made with makeDirs (src/makeDirs.ts), never with Node's
    // recursive mkdir, which spins forever on a path under /proc or behind a dangling symlink.
    files: ["src/**/*.ts"],
    ignores: ["src/errors.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='CliError']",
          message: "Add an entry to the catalogue in src/errors.ts and throw errors.NAME(…) instead.",
        },
        {
          selector:
            "CallExpression[callee.name=/^mkdir(Sync)?$/] > ObjectExpression > Property[key.name='recursive']",
          message:
            "Use makeDirs / makeDirsSync (src/makeDirs.ts): a recursive mkdir never returns for some paths.",
        },
      ],
    },
  },
  {
    // The pure core: the model, the views and the HTML are functions of their inputs. IO (files,
    // processes, the network, the browser, mail) stays at the edges; only the two loaders of
    // templates and fonts read files.
    files: ["src/model.ts", "src/compute/**/*.ts", "src/render/**/*.ts"],
    ignores: ["src/render/loadTemplates.ts", "src/render/fonts/readFontCss.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "compute/, render/ and the model are pure: do IO at the edges." },
            {
              group: ["fs", "fs/*", "path", "child_process", "http", "https", "net", "os"],
              message: "compute/, render/ and the model are pure: do IO at the edges.",
            },
            {
              group: ["puppeteer-core", "puppeteer", "nodemailer", "smtp-server"],
              message: "Printing and mail belong to pdf/ and deliver/, not to the pure core.",
            },
          ],
        },
      ],
    },
  },
);
