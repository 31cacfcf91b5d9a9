import type { Topology } from "topojson-specification";
import { formatInteger, formatPercent } from "../locale/format.js";
import { createTranslator } from "../locale/translate.js";
import type { Locale, Messages, Status, Thresholds } from "../model.js";
import { choroplethMap } from "../render/maps/choroplethMap.js";
import { GeoCache } from "../render/maps/GeoCache.js";
import { STATUS_ORDER } from "../render/palette.js";
import { statusShape } from "../render/statusIcon.js";
import type { PublicationInfo } from "./buildOpenData.js";
import type { SiteTemplates } from "./loadSiteTemplates.js";
import { sparkline } from "./sparkline.js";
import { TABLES } from "./tableSchemas.js";
import type { PublicFile, SiteIndicator, SiteUnit } from "./types.js";
import { InternalError } from "../errors.js";

export interface Download {
  /** Relative to `public/`. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface SiteInput {
  locale: Locale;
  /** Languages the site is made in; Spanish first. */
  locales: Locale[];
  messages: Messages;
  /** The month's units in `locale`: the national one first, then regions, then districts. */
  units: SiteUnit[];
  topology: Topology;
  geo: { regions: string; districts: string };
  /** Shared by both languages: the projected map paths. */
  geoCache?: GeoCache;
  /** Archived PDF of a unit, by `level:code:locale`, relative to the period folder. */
  pdfs: Map<string, string>;
  downloads: Download[];
  info: PublicationInfo;
  thresholds: Thresholds;
  /** First and last month of the open data. */
  periods: string[];
  generatedAt: string;
}

/** The site's root (Spanish) or `en/`. */
const langDir = (locale: Locale): string => (locale === "es" ? "" : `${locale}/`);

/** Where a unit's page is, relative to the language root. */
const unitPath = (level: SiteUnit["level"], code: string): string =>
  level === "national" ? "index.html" : `${level}/${encodeURIComponent(code)}.html`;

/**
 * Every page of the site in one language: the national page, one per region and district, "about
 * the data" and the downloads. Pure: the templates, the units and the file list come in; HTML
 * strings go out. Links are relative, so the folder works from any web server or from file://.
 */
export function renderSite(input: SiteInput, templates: SiteTemplates): PublicFile[] {
  const t = createTranslator(input.messages);
  const geoCache = input.geoCache ?? new GeoCache(input.topology, input.geo);
  const labels = nest(input.messages, "site.");
  const statusLabel = (status: Status): string => input.messages[`status.${status}`] ?? t(`legend.${status}`);
  const byKey = new Map(input.units.map((unit) => [`${unit.level}:${unit.code}`, unit]));
  const national = input.units.find((unit) => unit.level === "national");
  if (!national) throw new InternalError("renderSite: the views have no national unit.");

  /** Everything a page's frame needs: relative roots, navigation, language switch, footer. */
  const frame = (path: string, title: string) => {
    const full = `${langDir(input.locale)}${path}`;
    const depth = full.split("/").length - 1;
    const base = "../".repeat(depth);
    const root = `${base}${langDir(input.locale)}`;
    return {
      lang: input.locale,
      title,
      base,
      root,
      labels,
      nav: {
        home: `${root}index.html`,
        about: `${root}about.html`,
        data: `${root}data.html`,
      },
      languages: input.locales
        .filter((locale) => locale !== input.locale)
        .map((locale) => ({
          href: `${base}${langDir(locale)}${path}`,
          lang: locale,
          label: t(`site.language.${locale}`),
        })),
      synthetic: national.synthetic,
      datasetName: national.datasetName,
      periodLabel: national.periodLabel,
      generated: t("site.footer.generated", { date: input.generatedAt.slice(0, 10) }),
    };
  };
  const mark = (status: Status) => ({
    svg: `<svg class="mark" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">${statusShape(status, 7, 7, 5.5)}</svg>`,
    label: statusLabel(status),
    status,
  });
  const pdfLink = (unit: SiteUnit, base: string) => {
    // The unit's PDF in the page's language, else the Spanish one (said so in the link).
    const own = input.pdfs.get(`${unit.level}:${unit.code}:${unit.locale}`);
    const file = own ?? input.pdfs.get(`${unit.level}:${unit.code}:es`);
    if (!file) return null;
    const label = t("site.unit.pdf", { name: unit.name });
    return {
      href: `${base}../${file.split("/").map(encodeURIComponent).join("/")}`,
      hreflang: own ? unit.locale : "es",
      label: own ? label : `${label} ${t("site.unit.pdfInSpanish")}`,
    };
  };
  const indicatorRows = (unit: SiteUnit) =>
    unit.indicators.map((ind) => ({
      id: ind.id,
      label: ind.label,
      mark: mark(ind.status),
      value: ind.valueText,
      target: ind.targetText,
      minimum: ind.minimumText,
      change: ind.changeText,
      schools: formatInteger(ind.schools, unit.locale),
      sparkSvg: sparkline(ind.series, ind.target, sparkLabel(ind)),
    }));
  const sparkLabel = (ind: SiteIndicator): string => {
    const known = ind.series.filter((p) => p.value !== null);
    const first = known[0];
    const last = known[known.length - 1];
    return first && last
      ? t("site.spark.label", {
          indicator: ind.label,
          from: first.text,
          fromMonth: first.label,
          to: last.text,
          toMonth: last.label,
        })
      : t("site.spark.empty", { indicator: ind.label });
  };
  /** The 12 months × indicators table: the figures behind the sparklines. */
  const monthsTable = (unit: SiteUnit) => ({
    indicators: unit.indicators.map((ind) => ind.label),
    rows: (unit.indicators[0]?.series ?? []).map((point, i) => ({
      month: point.label,
      cells: unit.indicators.map((ind) => {
        const p = ind.series[i];
        return { text: p?.text ?? "—", status: p ? statusLabel(p.status) : "" };
      }),
    })),
  });
  const unitTable = (unit: SiteUnit, root: string) => ({
    ranked: unit.table.some((row) => row.rank !== ""),
    note: unit.tableNote,
    indicators: unit.indicators.map((ind) => ({ id: ind.id, label: ind.label })),
    rows: unit.table.map((row) => ({
      rank: row.rank,
      score: row.score,
      name: row.name,
      href: byKey.has(`${row.level}:${row.code}`) ? `${root}${unitPath(row.level, row.code)}` : null,
      cells: row.cells.map((cell) => ({ text: cell.text, mark: mark(cell.status) })),
    })),
  });
  const headline = (unit: SiteUnit) => ({
    text: unit.headline.text,
    counts: STATUS_ORDER.filter((s) => unit.headline.counts[s] > 0).map((s) => ({
      mark: mark(s),
      count: formatInteger(unit.headline.counts[s], unit.locale),
    })),
  });

  const pages: PublicFile[] = [];
  const add = (path: string, html: string) =>
    pages.push({ path: `${langDir(input.locale)}${path}`, content: html });

  // National page: the headline, the indicators, a map per indicator, the regions' table, and the
  // list of every unit (filtered by the optional search script).
  {
    const f = frame(
      "index.html",
      t("site.national.title", { name: national.name, period: national.periodLabel }),
    );
    const legend = STATUS_ORDER.map((status) => ({ status, label: statusLabel(status) }));
    const maps = national.indicators.map((ind) => {
      const title = t("site.national.mapTitle", { indicator: ind.label });
      const projected = geoCache.project({
        layer: "region",
        codes: [],
        width: 300,
        maxHeight: 400,
        inset: true,
      });
      return {
        title,
        svg: choroplethMap({
          title,
          map: projected,
          values: ind.mapValues,
          legend,
          insetLabel: t("map.inset"),
        }),
      };
    });
    const regions = input.units.filter((u) => u.level === "region");
    const districts = input.units.filter((u) => u.level === "district");
    const directory = regions.map((region) => ({
      name: region.name,
      href: `${f.root}${unitPath("region", region.code)}`,
      districts: districts
        .filter((d) => d.region?.code === region.code)
        .map((d) => ({ name: d.name, code: d.code, href: `${f.root}${unitPath("district", d.code)}` })),
    }));
    add(
      "index.html",
      templates.render("national", {
        ...f,
        unit: { name: national.name, periodLabel: national.periodLabel },
        headline: headline(national),
        pdf: pdfLink(national, f.base),
        indicators: indicatorRows(national),
        months: monthsTable(national),
        maps,
        mapCredit: t("map.credit"),
        table: unitTable(national, f.root),
        directory,
        counts: t("site.national.directoryCount", {
          regions: formatInteger(regions.length, input.locale),
          districts: formatInteger(districts.length, input.locale),
        }),
      }),
    );
  }

  // One page per region and per district.
  for (const unit of input.units) {
    if (unit.level === "national") continue;
    const path = unitPath(unit.level, unit.code);
    const levelLabel = t(`site.level.${unit.level}`);
    const f = frame(path, `${unit.name} — ${unit.periodLabel}`);
    const region = unit.region ? byKey.get(`region:${unit.region.code}`) : undefined;
    const crumbs = [
      { name: national.name, href: `${f.root}index.html` },
      ...(region ? [{ name: region.name, href: `${f.root}${unitPath("region", region.code)}` }] : []),
    ];
    add(
      path,
      templates.render("unit", {
        ...f,
        unit: { name: unit.name, code: unit.code, level: levelLabel, periodLabel: unit.periodLabel },
        crumbs,
        headline: headline(unit),
        pdf: pdfLink(unit, f.base),
        indicators: indicatorRows(unit),
        months: monthsTable(unit),
        table: unit.level === "region" ? unitTable(unit, f.root) : null,
      }),
    );
  }

  // About the data, and the downloads.
  {
    const f = frame("about.html", t("site.about.title"));
    const th = input.thresholds;
    add(
      "about.html",
      templates.render("about", {
        ...f,
        rule: STATUS_ORDER.map((status) => ({ mark: mark(status), text: t(`site.about.status.${status}`) })),
        thresholds: t("site.about.thresholds", {
          minSchools: formatInteger(th.minSchools, input.locale),
          maxCv: formatPercent(th.maxCv, input.locale),
          band: formatInteger(th.amberBand, input.locale),
        }),
        periods: t("site.about.periods", {
          first: input.periods[0] ?? "",
          last: input.periods[input.periods.length - 1] ?? "",
          count: formatInteger(input.periods.length, input.locale),
        }),
        licenses: input.info.licenses,
        sources: input.info.sources,
        dictionary: TABLES.map((table) => ({
          path: table.path,
          title: input.locale === "es" ? table.title : table.description,
          fields: table.schema.fields.map((field) => ({
            name: field.name,
            type: field.type,
            required: field.constraints?.required ? t("site.about.yes") : t("site.about.no"),
            description: input.locale === "es" ? field.description_es : field.description,
          })),
        })),
      }),
    );
  }
  {
    const f = frame("data.html", t("site.data.title"));
    add(
      "data.html",
      templates.render("data", {
        ...f,
        files: input.downloads.map((d) => ({
          href: `${f.base}${d.path}`,
          path: d.path,
          description: t(`site.data.describe.${d.path.replace(/^datos\//, "").replace(/\.[a-z]+$/, "")}`),
          size: formatBytes(d.bytes, input.locale),
          sha256: d.sha256,
        })),
      }),
    );
  }
  return pages;
}

/** `site.*` messages as a nested object, so templates say `{{labels.nav.home}}` (strict mode). */
function nest(messages: Messages, prefix: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of Object.keys(messages).sort()) {
    if (!key.startsWith(prefix)) continue;
    const path = key.slice(prefix.length).split(".");
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      // A key that is also another key's prefix ("site.data.file" and "site.data.file.x") would
      // print "[object Object]" in a page: a mistake in the locale file, said at once.
      if (typeof next === "string")
        throw new InternalError(`locale key ${key} extends the message ${prefix}${part}`);
      node =
        typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (node[part] = {});
    }
    const leaf = path[path.length - 1] ?? key;
    if (typeof node[leaf] === "object")
      throw new InternalError(`locale key ${key} is also a prefix of other keys`);
    node[leaf] = messages[key];
  }
  return root;
}

function formatBytes(bytes: number, locale: Locale): string {
  const kb = bytes / 1024;
  const format = new Intl.NumberFormat(locale === "es" ? "es-PE" : "en-US", { maximumFractionDigits: 1 });
  return kb < 1024 ? `${format.format(kb)} KB` : `${format.format(kb / 1024)} MB`;
}
