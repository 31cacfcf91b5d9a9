import { formatDate, formatDecimal, formatInteger, formatPoints, formatShare } from "../../locale/format.js";
import { createTranslator } from "../../locale/translate.js";
import type { Messages, SupportUnitView, TeamBriefView } from "../../model.js";
import { chip, nestLabels } from "./common.js";
import type { TeamPageContext, TeamUnitContext } from "./types.js";

/** TeamBriefView → the plain object pages/team.hbs places. Pure. */
export function buildTeamPageContext(
  view: TeamBriefView,
  deps: { messages: Messages; generatedAt: string },
): TeamPageContext {
  const { messages } = deps;
  const t = createTranslator(messages);
  const n = (value: number) => formatInteger(value, view.locale);
  const d = (value: number) => formatDecimal(value, view.locale);
  const accompany = view.units.filter((u) => u.priority === "acompañar");
  const watch = view.units.filter((u) => u.priority === "observar");
  const rest = view.units.filter((u) => u.priority === "resto");
  const title = t("team.title");
  const generated = t("footer.generated", { month: view.periodLabel });
  const datasetName = view.synthetic ? `${view.datasetName} · ${t("footer.synthetic")}` : view.datasetName;
  const unitContext = (unit: SupportUnitView): TeamUnitContext => {
    const refItems = unit.weak.flatMap((w) =>
      w.trend
        .filter((p) => p.referential)
        .map((p) =>
          t("team.refItem", { indicator: w.indicatorLabel, month: p.label, reason: p.reason ?? "" }),
        ),
    );
    return {
      rank: n(unit.rank),
      name: unit.unit.name,
      region: unit.region?.name ?? "",
      score: t("team.score", {
        total: d(unit.score.total),
        red: d(unit.score.red),
        gap: d(unit.score.gap),
        streak: d(unit.score.streak),
        fall: d(unit.score.fall),
        commitment: d(unit.score.commitment),
      }),
      supported: unit.supported?.text ?? "",
      supportedClass: unit.supported ? `outcome-${unit.supported.outcome}` : "",
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
      watch: unit.watch,
      weak: unit.weak.map((w) => ({
        indicator: w.indicatorLabel,
        chip: chip(messages, t, w.status, w.statusLabel),
        value: w.value.text,
        trend: w.trend.map((p) => ({
          text: p.referential ? `${t("team.ref")} ${p.value.text}` : p.value.text,
          ref: p.referential,
        })),
        why: w.reasonTexts.join("; "),
      })),
      refNote: refItems.length === 0 ? "" : t("team.refNote", { items: refItems.join("; ") }),
    };
  };
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
        : view.units.length > accompany.length
          ? t("team.intro", {
              count: n(view.units.length),
              capacity: n(view.settings.capacity),
              watch: n(watch.length),
              rest: n(rest.length),
            })
          : t("team.introAll", { count: n(view.units.length), capacity: n(view.settings.capacity) }),
    ruleTitle: t("team.ruleTitle"),
    rule: t("team.rule", { fall: n(view.fallAlert) }),
    unitsTitle: t("team.section.units", { count: n(accompany.length) }),
    headers: {
      indicator: t("team.col.indicator"),
      status: t("team.col.status"),
      value: t("team.col.value"),
      trend: t("team.col.trend"),
      why: t("team.col.why"),
    },
    contactLabel: t("team.contact"),
    storiesLabel: t("team.stories"),
    supportedLabel: t("team.supportedLabel"),
    units: accompany.map(unitContext),
    watch: {
      title: watch.length === 0 ? "" : t("team.section.watch", { count: n(watch.length) }),
      headers: {
        rank: t("team.watchCol.rank"),
        unit: t("team.watchCol.unit"),
        region: t("team.watchCol.region"),
        score: t("team.watchCol.score"),
        reds: t("team.watchCol.reds"),
        indicators: t("team.watchCol.indicators"),
        supported: t("team.watchCol.supported"),
      },
      rows: watch.map((u) => ({
        rank: n(u.rank),
        unit: u.unit.name,
        region: u.region?.name ?? "",
        score: d(u.score.total),
        reds: n(u.reds),
        indicators: u.weak.map((w) => w.indicatorLabel).join(", "),
        supported: u.supported?.text ?? "",
      })),
    },
    more: rest.length > 0 ? t("team.more", { count: n(rest.length) }) : "",
    learnFrom: {
      title: t("team.section.learnFrom"),
      intro: t("team.learnFrom.intro"),
      rule: t("team.learnFrom.rule", { fall: n(view.fallAlert) }),
      none: t("team.learnFrom.none"),
      headers: {
        unit: t("team.learnFrom.col.unit"),
        indicator: t("team.learnFrom.col.indicator"),
        value: t("team.learnFrom.col.value"),
        change3: t("team.learnFrom.col.change3"),
        change12: t("team.learnFrom.col.change12"),
        region: t("team.learnFrom.col.region"),
        context: t("team.learnFrom.col.context"),
        story: t("team.learnFrom.col.story"),
      },
      rows: view.learnFrom.map((l) => ({
        unit: l.unit.name,
        region: l.region?.name ?? "",
        indicator: l.indicatorLabel,
        value: l.value.text,
        change3: formatPoints(l.change3, view.locale),
        change12: formatPoints(l.change12, view.locale),
        regionValue: l.regionValue.text,
        context: l.hard
          .map((h) =>
            h === "rural"
              ? t("team.learnFrom.rural", { share: formatShare(l.ruralShare, view.locale) })
              : t("team.learnFrom.regionRed"),
          )
          .join("; "),
        story: l.story ?? t("team.learnFrom.noStory"),
        storyMissing: l.story === null,
      })),
    },
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
        outcome: t("team.followUp.col.outcome"),
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
        beforeRef: f.beforeReferential,
        nowRef: f.nowReferential,
        outcome: t(`team.outcome.${f.outcome}`, { months: n(f.months) }),
        outcomeClass: `outcome-${f.outcome}`,
      })),
      refLabel: t("team.ref"),
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
