import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { findProjectRoot } from "../findProjectRoot.js";
import { cssPageLabel, cssString } from "./cssString.js";
import { readFontCss } from "./fonts/readFontCss.js";
import type { Templates } from "./renderReport.js";
import { InternalError } from "../errors.js";

const PAGES = ["national", "region", "district", "index", "team"] as const;

/**
 * The report's style sheets (`templates/styles/NAME.css`, one per block), in cascade order: later
 * rules override earlier ones, so the order is part of the style. Every `.css` file of the folder
 * must be listed, and every listed one must exist.
 */
export const STYLE_SHEETS = [
  "base",
  "status",
  "cover",
  "actions",
  "tables",
  "indicators",
  "sections",
  "page",
  "media",
  "index",
  "cover-fit",
  "region",
  "commitments",
  "breaks",
] as const;

/**
 * The report's CSS: the style sheets' bytes joined in STYLE_SHEETS order, as they are (no
 * separator: a sheet that a blank line should follow ends with one). IO.
 */
export function readStyles(dir: string = join(findProjectRoot(), "templates")): string {
  const folder = join(dir, "styles");
  const present = readdirSync(folder)
    .filter((f) => f.endsWith(".css"))
    .map((f) => basename(f, ".css"))
    .sort();
  const listed = [...STYLE_SHEETS].sort();
  if (present.join("\n") !== listed.join("\n")) {
    throw new InternalError(
      `${folder} must hold exactly the style sheets of STYLE_SHEETS (loadTemplates.ts): found ${present.join(", ")}`,
    );
  }
  return STYLE_SHEETS.map((name) => readFileSync(join(folder, `${name}.css`), "utf8")).join("");
}

/**
 * Reads and compiles every template once (IO): one Handlebars environment, strict mode,
 * `layouts/` and `partials/` registered as partials by file name, `pages/` compiled, the
 * embedded font CSS registered as the `fonts` partial and the style sheets (readStyles) as the
 * `styles` partial, both inlined as they are. Status icons are CSS boxes (statusIcon.ts).
 */
export function loadTemplates(dir: string = join(findProjectRoot(), "templates")): Templates {
  const hbs = Handlebars.create();
  for (const folder of ["layouts", "partials"]) {
    for (const file of readdirSync(join(dir, folder))
      .filter((f) => f.endsWith(".hbs"))
      .sort()) {
      hbs.registerPartial(basename(file, ".hbs"), readFileSync(join(dir, folder, file), "utf8"));
    }
  }
  hbs.registerPartial("fonts", readFontCss());
  // A function partial: the CSS goes in byte for byte, never read as a template.
  const styles = readStyles(dir);
  hbs.registerPartial("styles", () => styles);
  // CSS string literals for the @page margin boxes: the helpers escape the text themselves.
  hbs.registerHelper("cssString", (text: unknown) => new hbs.SafeString(cssString(String(text))));
  hbs.registerHelper("cssPageLabel", (label: unknown) => new hbs.SafeString(cssPageLabel(String(label))));
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const page of PAGES) {
    const source = readFileSync(join(dir, "pages", `${page}.hbs`), "utf8");
    pages.set(page, hbs.compile(source, { strict: true, noEscape: false, preventIndent: true }));
  }
  return {
    render(page, context) {
      const template = pages.get(page);
      if (!template) throw new InternalError(`No page template "${page}".`);
      return template(context, { allowProtoPropertiesByDefault: false });
    },
  };
}
