import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { findProjectRoot } from "../dataset/findProjectRoot.js";
import { cssPageLabel, cssString } from "./cssString.js";
import { readFontCss } from "./fonts/readFontCss.js";
import type { Templates } from "./renderReport.js";

const PAGES = ["national", "region", "district", "index", "team"] as const;

/**
 * Reads and compiles every template once (IO): one Handlebars environment, strict mode,
 * `layouts/` and `partials/` registered as partials by file name, `pages/` compiled, and the
 * embedded font CSS registered as the `fonts` partial. Status icons are CSS boxes (statusIcon.ts).
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
      if (!template) throw new Error(`No page template "${page}".`);
      return template(context, { allowProtoPropertiesByDefault: false });
    },
  };
}
