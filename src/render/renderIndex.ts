import { createTranslator } from "../locale/translate.js";
import type { Locale, Messages, ReportLevel, ReportView } from "../model.js";
import { LEVELS, NATIONAL_CODE } from "../model.js";
import { countItems, nestLabels } from "./context/common.js";
import type { CountItem } from "./context/types.js";
import type { Templates } from "./renderReport.js";

export interface IndexEntry {
  view: ReportView;
  /** Link to the report's HTML (relative or absolute URL path). */
  href: string;
}

export interface IndexContext {
  lang: Locale;
  level: "index";
  labels: Record<string, unknown>;
  docTitle: string;
  /** The preview's index is never printed: no running header. */
  running: null;
  title: string;
  intro: string;
  /** The other languages' indexes (the preview serves `/es/` and `/en/`); empty with one language. */
  languages: { lang: Locale; label: string; href: string; current: boolean }[];
  groups: {
    title: string;
    rows: { level: ReportLevel; code: string; name: string; href: string; counts: CountItem[] }[];
  }[];
}

/** Each language named in itself, as a language switch shows it. */
const LANGUAGE_NAMES: Record<Locale, string> = { es: "Español", en: "English" };

/** The plain context of the preview's index page: every report of the period, by level. */
export function buildIndexContext(
  entries: IndexEntry[],
  options: {
    messages: Messages;
    locale: Locale;
    periodLabel: string;
    datasetName: string;
    /** Every language the index exists in. */
    locales?: readonly Locale[];
    /** The enabling team's brief, when the period has one: listed last, without status counts. */
    team?: { name: string; href: string };
  },
): IndexContext {
  const t = createTranslator(options.messages);
  const title = t("report.indexTitle", { period: options.periodLabel });
  return {
    lang: options.locale,
    level: "index",
    labels: nestLabels(options.messages),
    docTitle: title,
    running: null,
    title,
    intro: t("report.indexIntro", {
      count: entries.length + (options.team ? 1 : 0),
      dataset: options.datasetName,
    }),
    languages:
      (options.locales?.length ?? 0) > 1
        ? (options.locales ?? []).map((lang) => ({
            lang,
            label: LANGUAGE_NAMES[lang],
            href: `/${lang}/`,
            current: lang === options.locale,
          }))
        : [],
    groups: LEVELS.map((level): IndexContext["groups"][number] => ({
      title: t(`report.level.${level}`),
      rows: entries
        .filter((e) => e.view.level === level)
        .sort((a, b) => a.view.code.localeCompare(b.view.code) || a.view.locale.localeCompare(b.view.locale))
        .map((e) => ({
          level,
          code: e.view.code,
          name: e.view.name,
          href: e.href,
          counts: countItems(options.messages, t, e.view.headline.counts, options.locale),
        })),
    }))
      .concat(
        options.team
          ? [
              {
                title: t("team.title"),
                rows: [{ level: "team", code: NATIONAL_CODE, ...options.team, counts: [] }],
              },
            ]
          : [],
      )
      .filter((g) => g.rows.length > 0),
  };
}

/** The preview's index page as HTML. Pure (given compiled templates). */
export function renderIndex(
  entries: IndexEntry[],
  options: {
    templates: Templates;
    messages: Messages;
    locale: Locale;
    periodLabel: string;
    datasetName: string;
    locales?: readonly Locale[];
    team?: { name: string; href: string };
  },
): string {
  return options.templates.render("index", buildIndexContext(entries, options));
}
