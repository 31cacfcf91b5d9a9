import { formatInteger, formatShare } from "../../locale/format.js";
import { createTranslator } from "../../locale/translate.js";
import type { Locale, Messages, RankSummary, ReportView, Status } from "../../model.js";
import type { GeoCache } from "../maps/GeoCache.js";
import { STATUS_ORDER } from "../palette.js";
import { statusIcon, type StatusIcon } from "../statusIcon.js";
import { buildCommitmentsBlock } from "./buildCommitmentsBlock.js";
import { buildCommitmentsSummaryBlock } from "./buildCommitmentsSummaryBlock.js";
import { buildCoverActions } from "./buildCoverActions.js";
import { buildCoverMoney } from "./buildCoverMoney.js";
import { alertsFor, buildIndicatorSection } from "./buildIndicatorSection.js";
import { changeCell, chip, countItems, nestLabels, type T } from "./common.js";
import type { HeatTable, MethodBlock, PageContext, SchoolsBlock } from "./types.js";
import { translateValue } from "./translateValue.js";

export interface PageContextDeps {
  messages: Messages;
  geo: GeoCache;
  /** ISO time of the run. */
  generatedAt: string;
}

/** Most alerts shown on the cover. */
const COVER_ALERTS = 5;

/** ReportView → the plain object the level's page template places. Pure. */
export function buildPageContext(view: ReportView, deps: PageContextDeps): PageContext {
  const { messages } = deps;
  const t = createTranslator(messages);
  const levelLabel = t(`report.level.${view.level}`);
  // The national report's title is already the country: no subtitle repeating it.
  const parentName = view.region?.name ?? "";
  // The figures' month, not the build's clock: a rebuild prints the same bytes (reproducible PDFs),
  // and the footer stays true whenever the report is printed.
  const generated = t("footer.generated", { month: view.periodLabel });
  const actions = buildCoverActions(view, t, messages);
  const coverAlerts = alertsFor(view.alerts);
  const firstChange = view.indicators.find((ind) => ind.previous)?.previous ?? null;
  const firstYearAgo = view.indicators.find((ind) => ind.yearAgo)?.yearAgo ?? null;

  return {
    lang: view.locale,
    level: view.level,
    labels: nestLabels(messages),
    docTitle: t("report.docTitle", { level: levelLabel, unit: view.name, period: view.periodLabel }),
    running: {
      unit: view.name,
      period: view.periodLabel,
      pageLabel: t("pdf.pageLabel", { page: "{page}", pages: "{pages}" }),
    },
    kicker: t("report.kicker", { unit: view.name, period: view.periodLabel }),
    cover: {
      brand: t("report.brand"),
      levelLabel,
      unitName: view.name,
      parentName,
      periodLabel: view.periodLabel,
      // The synthetic flag in the report's language (a dataset name is one language only).
      datasetName: view.synthetic ? `${view.datasetName} · ${t("footer.synthetic")}` : view.datasetName,
      generated,
      syntheticNote: view.synthetic ? t("report.synthetic") : null,
      headline: view.headline.text,
      chips: view.indicators.map((ind) => ({
        indicator: ind.label,
        valueText: ind.value.text,
        changeText: ind.previous?.text ?? "—",
        chip: chip(messages, t, ind.status, ind.statusLabel),
      })),
      counts: countItems(messages, t, view.headline.counts, view.locale),
      countsTitle: t("cover.counts"),
      alerts: coverAlerts.slice(0, COVER_ALERTS),
      // Never a silent cap: say how many more there are and where.
      moreAlerts:
        coverAlerts.length > COVER_ALERTS
          ? t("cover.moreAlerts", { count: formatInteger(coverAlerts.length - COVER_ALERTS, view.locale) })
          : "",
      contacts: actions.contacts,
      visitFirst: actions.visitFirst,
      money: buildCoverMoney(view, t),
      noVisits: actions.noVisits,
    },
    summaryLabels: {
      change: firstChange ? t("table.changeVs", { vs: firstChange.vsLabel }) : t("table.change"),
      yearAgo: firstYearAgo ? firstYearAgo.vsLabel : "",
      gap: t("table.gapHeader"),
      // The national standing beside the status against the unit's own targets (none for the nation).
      standing: view.level === "national" ? "" : t(`table.standingHeader.${view.level}`),
      standingNote: view.level === "national" ? "" : t(`cover.standingNote.${view.level}`),
    },
    summary: view.indicators.map((ind) => ({
      label: ind.label,
      valueText: ind.value.text,
      change: changeCell(ind.previous),
      yearAgo: changeCell(ind.yearAgo),
      minimumText: ind.targets.minimum.text,
      targetText: ind.targets.target.text,
      gapText: ind.targets.gapText,
      progressText:
        ind.targets.progress === null
          ? ""
          : (ind.targets.progressPhrase ??
            t("table.progressShort", { share: formatShare(ind.targets.progress, view.locale) })),
      chip: chip(messages, t, ind.status, ind.statusLabel),
      standing: standingText(ind.rankNational, view.locale, t),
    })),
    movers: actions.movers,
    regionSchools: actions.regionSchools,
    alerts: alertsFor(view.alerts),
    heatTable: view.level === "district" ? null : heatTable(view, t),
    sections: (view.noVisits ? [] : view.indicators).map((ind, i) =>
      buildIndicatorSection(view, ind, i, { messages, t, geo: deps.geo }),
    ),
    goodPractices: (view.noVisits ? [] : view.goodPractices).map((g) => ({
      title: g.title,
      meta: t("section.goodPracticeMeta", {
        district: g.district.name,
        region: g.region.name,
        indicator: g.indicatorLabel,
        period: g.periodLabel,
      }),
      html: g.html,
      // A story without an English version stays in Spanish: an English copy says so rather than
      // switch language silently.
      ...(g.language === view.locale ? {} : { note: t("section.storyLanguage"), lang: g.language }),
    })),
    schools: schools(view, t, messages),
    method: method(view, messages, t),
    commitments: buildCommitmentsBlock(view, messages, t),
    commitmentsSummary: buildCommitmentsSummaryBlock(view, t),
  };
}

/** "207 de 211", "1 de 211 (empate)", "—" without a rank. */
function standingText(rank: RankSummary | null, locale: Locale, t: T): string {
  if (!rank || rank.rank === null) return "—";
  const text = t("table.standingValue", {
    rank: formatInteger(rank.rank, locale),
    of: formatInteger(rank.of, locale),
  });
  return rank.tied > 1 ? `${text} ${t("table.standingTied")}` : text;
}

function heatTable(view: ReportView, t: T): HeatTable {
  const national = view.level === "national";
  const scored = view.table.map((row) => {
    const count = (s: Status): number => row.cells.filter((c) => c.status === s).length;
    return { row, green: count("green"), red: count("red") };
  });
  // National: a league table — most indicators on target first, then fewest below the minimum.
  if (national)
    scored.sort(
      (a, b) => b.green - a.green || a.red - b.red || a.row.unit.name.localeCompare(b.row.unit.name),
    );
  let rank = 0;
  let previous = "";
  const lastMonth = view.indicators.find((ind) => ind.previous)?.previous ?? null;
  return {
    caption: t(national ? "section.league" : "section.heatRegion"),
    // The region's matrix carries each district's monthly change; the national league stays one page.
    changeLabel: lastMonth && !national ? t("table.heatChange", { vs: lastMonth.vsLabel }) : "",
    note: national ? t("section.leagueNote") : "",
    unitHeader: t(national ? "table.region" : "table.district"),
    ranked: national,
    columns: view.indicators.map((i) => ({ id: i.id, label: i.label })),
    rows: scored.map((s, index) => {
      const key = `${s.green}|${s.red}`;
      if (key !== previous) rank = index + 1;
      previous = key;
      return {
        rank: national ? String(rank) : "",
        name: s.row.unit.name,
        score: national
          ? t("table.onTargetOf", {
              count: formatInteger(s.green, view.locale),
              of: formatInteger(view.indicators.length, view.locale),
            })
          : "",
        self: s.row.unit.code === view.code,
        cells: view.indicators.map((ind) => {
          const cell = s.row.cells.find((c) => c.indicator === ind.id);
          const status: Status = cell?.status ?? "no-data";
          const change = national ? null : cell?.change;
          const arrow =
            !change || change.points === null ? "" : change.points > 0 ? "↑" : change.points < 0 ? "↓" : "=";
          return {
            text: cell?.text ?? "—",
            className: `st-${status}`,
            icon: statusIcon(status, 10),
            change:
              change && change.points !== null
                ? `${arrow} ${change.text.replace(/\s*(pts|p\.p\.)$/, "")}`
                : "",
          };
        }),
      };
    }),
  };
}

function schools(view: ReportView, t: T, messages: Messages): SchoolsBlock | null {
  if (!view.schools) return null;
  const s = view.schools;
  const infoKeys = (["director", "phone", "level", "area"] as const).filter((key) =>
    s.rows.some((r) => r.info?.[key]),
  );
  const infoLabel = {
    director: "table.director",
    phone: "table.phone",
    level: "table.schoolLevel",
    area: "table.area",
  };
  return {
    intro: t(s.rows.length === 1 ? "section.schoolsIntroOne" : "section.schoolsIntro", {
      count: formatInteger(s.rows.length, view.locale),
    }),
    columns: s.indicators.map((i) => ({ id: i.id, label: i.label })),
    infoColumns: infoKeys.map((key) => ({ key, label: t(infoLabel[key]) })),
    rows: s.rows.map((r) => ({
      code: r.code,
      name: r.name,
      flagged: r.flagged,
      belowCount: formatInteger(r.belowCount, view.locale),
      info: infoKeys.map((key) => {
        const value = r.info?.[key] ?? "";
        return value && (key === "level" || key === "area")
          ? translateValue(messages, `school.${key}`, value)
          : value;
      }),
      cells: r.cells.map((c) => ({
        text: c.text,
        below: c.belowMinimum,
        icon: c.belowMinimum ? statusIcon("red", 9) : null,
      })),
    })),
    legend: legendAround(t("section.schoolsLegend", { icon: "\u0000" }), statusIcon("red", 9)),
  };
}

/** A text with one icon inside it (at the NUL character), as the template places it. */
function legendAround(text: string, icon: StatusIcon): { before: string; icon: StatusIcon; after: string } {
  const [before = "", after = ""] = text.split("\u0000");
  return { before, icon, after };
}

function method(view: ReportView, messages: Messages, t: T): MethodBlock {
  const th = view.thresholds;
  const rule = t("method.ruleWith", { band: formatInteger(th.amberBand, view.locale) });
  const referential = t("method.referentialWith", {
    schools: formatInteger(th.minSchools, view.locale),
    cv: formatInteger(th.maxCv, view.locale),
  });
  return {
    title: t("section.methodology"),
    paragraphs: [
      { heading: t("method.howToReadTitle"), text: t(`method.howToRead.${view.level}`) },
      { heading: t("method.ruleTitle"), text: rule },
      { heading: t("method.referentialTitle"), text: referential },
      { heading: t("method.gapsTitle"), text: t("method.gaps") },
      { heading: t("method.rollupTitle"), text: t("method.rollup") },
      { heading: t("method.rankTitle"), text: t("method.rank") },
      { heading: t("method.sourcesTitle"), text: t("method.sources", { dataset: view.datasetName }) },
    ],
    legend: STATUS_ORDER.map((s) => ({ chip: chip(messages, t, s), text: t(`method.legend.${s}`) })),
    credit: t("map.credit"),
  };
}
