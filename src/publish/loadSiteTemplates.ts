import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { findProjectRoot } from "../findProjectRoot.js";
import { InternalError } from "../errors.js";

export type SitePage = "national" | "unit" | "about" | "data";

/** The public site's compiled templates and its static files (CSS, the search script). */
export interface SiteTemplates {
  render: (page: SitePage, context: object) => string;
  /** Files copied as they are into `public/`: `site.css`, `search.js`. */
  assets: { path: string; content: string }[];
}

/**
 * Reads and compiles `templates/site/` once (IO): its own Handlebars environment, strict, with
 * `partials/` registered by file name and `pages/` compiled. The site shares nothing with the
 * report templates but the charts and maps, which come in as SVG strings.
 */
export function loadSiteTemplates(dir: string = join(findProjectRoot(), "templates", "site")): SiteTemplates {
  const hbs = Handlebars.create();
  for (const file of readdirSync(join(dir, "partials"))
    .filter((f) => f.endsWith(".hbs"))
    .sort()) {
    hbs.registerPartial(basename(file, ".hbs"), readFileSync(join(dir, "partials", file), "utf8"));
  }
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const page of ["national", "unit", "about", "data"] as const) {
    const source = readFileSync(join(dir, "pages", `${page}.hbs`), "utf8");
    pages.set(page, hbs.compile(source, { strict: true, preventIndent: true }));
  }
  return {
    render(page, context) {
      const template = pages.get(page);
      if (!template) throw new InternalError(`No site template "${page}".`);
      return template(context, { allowProtoPropertiesByDefault: false });
    },
    assets: ["site.css", "search.js"].map((file) => ({
      path: file,
      content: readFileSync(join(dir, "assets", file), "utf8"),
    })),
  };
}
