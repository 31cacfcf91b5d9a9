import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { errors } from "../errors.js";
import { findProjectRoot } from "../findProjectRoot.js";
import { readMessages } from "../locale/readMessages.js";
import type { Locale } from "../model.js";
import type { EmailContext, EmailTemplates } from "./renderEmail.js";

const LOCALES: readonly Locale[] = ["es", "en"];

/**
 * Reads and compiles `templates/email/{subject,body}.<locale>.*.hbs` once per run, in one strict
 * Handlebars environment. The subject and text body are compiled without HTML escaping (they are
 * not HTML); the HTML body escapes every value.
 */
export async function readEmailTemplates(root: string = findProjectRoot()): Promise<EmailTemplates> {
  const handlebars = Handlebars.create();
  const dir = join(root, "templates", "email");
  const load = async (name: string, html: boolean) => {
    const file = join(dir, name);
    let source: string;
    try {
      source = await readFile(file, "utf8");
    } catch (error) {
      throw errors.missingEmailTemplate(file, error instanceof Error ? error.message : String(error));
    }
    return handlebars.compile<EmailContext>(source, { strict: true, noEscape: !html });
  };
  const templates = {} as EmailTemplates;
  for (const locale of LOCALES) {
    templates[locale] = {
      subject: await load(`subject.${locale}.hbs`, false),
      text: await load(`body.${locale}.txt.hbs`, false),
      html: await load(`body.${locale}.html.hbs`, true),
      // The report's own words (status names, headings), so the e-mail says what the PDF says.
      messages: await readMessages(locale, root),
    };
  }
  return templates;
}
