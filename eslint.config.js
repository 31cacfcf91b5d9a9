import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The stage order (README "How it is built"): data flows dataset → compute → render → pdf →
 * archive → deliver, and a stage imports only the stages before it and the shared layer below
 * them all (model.ts, errors.ts, formats/, rules/, locale/ and the top-level helpers). The
 * orchestrators and edges (build/, publish/, preview/, status/, config/, init/, cli/) and the demo
 * generator (demo/) sit above every stage: no stage imports them.
 */
const STAGES = ["dataset", "compute", "render", "pdf", "archive", "deliver"];
const ABOVE = ["build", "publish", "preview", "status", "config", "init", "cli", "demo"];
const SHARED = ["formats", "rules", "locale"];
const folders = (names) => names.join("|");
/** Imports of `names` from a file `depth` folders below src/ (an import climbs out with ../). */
const importsOf = (names, message) => ({
  regex: `^(\\./|(\\.\\./)+)(${folders(names)})/`,
  message,
});
const stageOrder = (stage) => {
  const later = STAGES.slice(STAGES.indexOf(stage) + 1);
  return importsOf(
    [...later, ...ABOVE],
    `${stage}/ comes before ${later.join(", ") || "nothing"} in the stage order (dataset → compute → render → pdf → archive → deliver) and below build/cli/config/publish/preview/status/init/demo: move a rule several stages share down to rules/ or formats/.`,
  );
};
const PURE_CORE = [
  { group: ["node:*"], message: "compute/, render/ and the model are pure: do IO at the edges." },
  {
    group: ["fs", "fs/*", "path", "child_process", "http", "https", "net", "os"],
    message: "compute/, render/ and the model are pure: do IO at the edges.",
  },
  {
    group: ["puppeteer-core", "puppeteer", "nodemailer", "smtp-server"],
    message: "Printing and mail belong to pdf/ and deliver/, not to the pure core.",
  },
];

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
    // recursive mkdir, which spins forever on a path under /proc or behind a dangling symlink; and
    // one error vocabulary: an expected condition is a catalogue entry (errors.NAME(…)), an
    // unexpected one an InternalError (exit 1, "this is a bug"), never a bare Error.
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
            "ThrowStatement > NewExpression[callee.name='Error'], CallExpression[callee.object.name='Promise'][callee.property.name='reject'] > NewExpression[callee.name='Error']",
          message:
            "No bare Error in src/: throw errors.NAME(…) for what a user can cause or fix (src/errors.ts), or new InternalError(…) for a bug.",
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
  // The stage order, one block per stage (compute/ and render/ are also the pure core, below).
  ...["dataset", "pdf", "archive", "deliver"].map((stage) => ({
    files: [`src/${stage}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns: [stageOrder(stage)] }] },
  })),
  {
    // The shared layer imports no stage and nothing above.
    files: [...SHARED.map((folder) => `src/${folder}/**/*.ts`), "src/*.ts"],
    ignores: ["src/model.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            importsOf(
              [...STAGES, ...ABOVE],
              "formats/, rules/, locale/ and the top-level modules lie below every stage: they import none.",
            ),
          ],
        },
      ],
    },
  },
  {
    // The pure core: the model, the views and the HTML are functions of their inputs. IO (files,
    // processes, the network, the browser, mail) stays at the edges; only the two loaders of
    // templates and fonts read files. The model is shared too, so it imports no stage.
    files: ["src/model.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...PURE_CORE,
            importsOf([...STAGES, ...ABOVE], "model.ts lies below every stage: it imports none."),
          ],
        },
      ],
    },
  },
  ...["compute", "render"].map((stage) => ({
    files: [`src/${stage}/**/*.ts`],
    ignores: ["src/render/loadTemplates.ts", "src/render/fonts/readFontCss.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...PURE_CORE, stageOrder(stage)] }] },
  })),
  {
    // The two loaders of render/ read files, but keep the stage order.
    files: ["src/render/loadTemplates.ts", "src/render/fonts/readFontCss.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [stageOrder("render")] }] },
  },
);
