import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { InternalError } from "../../errors.js";

const FAMILY = "Source Sans 3";
const WEIGHTS = [400, 600, 700] as const;
const SUBSETS = ["latin-ext", "latin"] as const;

/**
 * Reads Source Sans 3 (latin + latin-ext, weights 400/600/700) from @fontsource/source-sans-3 and
 * returns @font-face rules with the woff2 files inlined as base64, so printing needs no machine
 * font and makes no request. IO: call once per run (loadTemplates does).
 */
export function readFontCss(weights: readonly number[] = WEIGHTS): string {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("@fontsource/source-sans-3/package.json"));
  const rules: string[] = [];
  for (const weight of weights) {
    const css = readFileSync(join(dir, `${weight}.css`), "utf8");
    for (const subset of SUBSETS) {
      const file = `source-sans-3-${subset}-${weight}-normal.woff2`;
      const block = css.split("@font-face").find((b) => b.includes(`/files/${file}`));
      const range = /unicode-range:\s*([^;]+);/.exec(block ?? "")?.[1];
      if (!range)
        throw new InternalError(`@fontsource/source-sans-3: no unicode-range for ${file} in ${weight}.css`);
      const data = readFileSync(join(dir, "files", file)).toString("base64");
      rules.push(
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range.trim()};}`,
      );
    }
  }
  return rules.join("\n");
}
