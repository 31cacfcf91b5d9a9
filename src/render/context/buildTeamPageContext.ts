import { formatDate, formatInteger } from "../../locale/format.js";
import { createTranslator } from "../../locale/translate.js";
import type { Messages, TeamBriefView } from "../../model.js";
import { chip, nestLabels } from "./common.js";
import type { TeamPageContext } from "./types.js";

/** Units described in full in the PDF; the CSV lists every one. */
export const TEAM_PDF_UNITS = 15;

/** TeamBriefView → the plain object pages/team.hbs places. Pure. */
export function buildTeamPageContext(
  view: TeamBriefView,
  deps: { messages: Messages; generatedAt: string },
): TeamPageContext {
  const { messages } = deps;
  const t = createTranslator(messages);
  const n = (value: number) => formatInteger(value, view.locale);
  const shown = view.units.slice(0, TEAM_PDF_UNITS);
  const title = t("team.title");
  const generated = t("footer.generated", { month: view.periodLabel });
  const datasetName = view.synthetic ? `${view.datasetName} · ${t("footer.synthetic")}` : view.datasetName;
  return {
    lang: view.locale,
    level: "team",
    labels: nestLabels(messages),
    docTitle: t("team.docTitle", { period: view.periodLabel }),
    running: {
      unit: t("team.recipientName"),
      period: view.periodLabel,
      pageLabel: t("pdf.pageLabel", { page: "{page}", pages: "{pages}" }),
    },
    kicker: t("team.kicker", { period: view.periodLabel }),
    cover: {
      brand: t("report.brand"),
      title,
      periodLabel: view.periodLabel,
      datasetName,
      generated,
      syntheticNote: view.synthetic ? t("report.synthetic") : null,
    },
    intro:
      view.units.length === 0
        ? t("team.none")
        : view.units.length > shown.length
          ? t("team.intro", { count: n(view.units.length), shown: n(shown.length) })
          : t("team.introAll", { count: n(view.units.length) }),
    ruleTitle: t("team.ruleTitle"),
    rule: t("team.rule", { fall: n(view.fallAlert) }),
    unitsTitle: t("team.section.units"),
    headers: {
      indicator: t("team.col.indicator"),
      status: t("team.col.status"),
      value: t("team.col.value"),
      trend: t("team.col.trend"),
      why: t("team.col.why"),
    },
    contactLabel: t("team.contact"),
    storiesLabel: t("team.stories"),
    units: shown.map((unit) => ({
      rank: n(unit.rank),
      name: unit.unit.name,
      region: unit.region?.name ?? "",
      contact: unit.contact
        ? [unit.contact.name, unit.contact.role, unit.contact.phone, unit.contact.email]
            .filter((part): part is string => Boolean(part))
            .join(" · ")
        : t("team.noContact"),
      stories:
        unit.stories.length === 0
          ? t("team.noStories")
          : unit.stories
              .map((s) =>
                t("team.story", {
                  title: s.title,
                  district: s.district,
                  region: s.region,
                  indicator: s.indicatorLabel,
                }),
              )
              .join("; "),
      weak: unit.weak.map((w) => ({
        indicator: w.indicatorLabel,
        chip: chip(messages, t, w.status, w.statusLabel),
        value: w.value.text,
        // The report font has no "→" (a system font would be embedded for it): "›" in print.
        trend: w.trendText.replaceAll("→", "›"),
        why: w.reasonTexts.join("; "),
      })),
    })),
    more:
      view.units.length > shown.length ? t("team.more", { count: n(view.units.length - shown.length) }) : "",
    followUp: {
      title: t("team.section.followUp"),
      intro: view.followUp.length === 0 ? t("team.followUp.none") : t("team.followUp.intro"),
      headers: {
        unit: t("team.followUp.col.unit"),
        indicator: t("team.col.indicator"),
        since: t("team.followUp.col.since"),
        actions: t("team.followUp.col.actions"),
        before: t("team.followUp.col.before"),
        now: t("team.followUp.col.now"),
        change: t("team.followUp.col.change"),
      },
      rows: view.followUp.map((f) => ({
        unit: f.unit.name,
        indicator: f.indicatorLabel,
        since: formatDate(f.since, view.locale),
        actions: f.actions.map((a) => `${formatDate(a.date, view.locale, "short")}: ${a.action}`),
        before: f.before.text,
        beforeLabel: f.beforeLabel,
        now: f.now.text,
        change: f.change.text,
        changeClass: f.change.good === null ? "flat" : f.change.good ? "good change-good" : "bad change-bad",
      })),
    },
    quality: {
      title: t("team.section.quality"),
      none: t("team.quality.none"),
      groups: [
        {
          title: t("team.quality.noVisits", { count: n(view.quality.noVisits.length) }),
          items: view.quality.noVisits.map((u) => `${u.code} ${u.name}`),
        },
        {
          title: t("team.quality.missing", { count: n(view.quality.missingMonths.length) }),
          items: view.quality.missingMonths.map(
            (m) => `${m.unit.code} ${m.unit.name}: ${m.months.join(", ")}`,
          ),
        },
        {
          title: t("team.quality.referential", { count: n(view.quality.referential.length) }),
          items: view.quality.referential.map((r) => `${r.unit.code} ${r.unit.name}: ${r.items.join("; ")}`),
        },
      ],
    },
    footer: `${generated} · ${datasetName}`,
  };
}
