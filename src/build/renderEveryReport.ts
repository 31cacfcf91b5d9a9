import { NATIONAL_CODE, type Dataset, type Locale, type Period, type ReportLevel } from "../model.js";
import type { BuildEffects } from "./buildReportSet.js";
import { sourceDate } from "./sourceDate.js";

export interface RenderedReport {
  level: ReportLevel;
  code: string;
  /** The view's name (the team brief's: its recipient name), in `locale`. */
  name: string;
  locale: Locale;
  html: string;
}

/**
 * The HTML of every report of a period in one language — every unit, then the enabling team's
 * brief — rendered as a build renders it (the same views, renderers and report date). For what
 * compares HTML with a build's (scripts/hash-renders.js, the bench's floor, the reproducible
 * test); a build itself renders only the reports it prints.
 */
export async function* renderEveryReport(
  effects: BuildEffects,
  dataset: Dataset,
  period: Period,
  locale: Locale,
): AsyncGenerator<RenderedReport> {
  const messages = await effects.readMessages(locale);
  const date = sourceDate(period).toISOString();
  const renderer = await effects.makeRenderer(dataset, messages, date);
  for (const view of effects.buildViews(dataset, period, { locale, messages })) {
    yield { level: view.level, code: view.code, name: view.name, locale, html: renderer.render(view) };
  }
  const { makeTeamRenderer, buildTeamBrief } = effects;
  if (!makeTeamRenderer || !buildTeamBrief) return;
  const team = await makeTeamRenderer(messages, date);
  yield {
    level: "team",
    code: NATIONAL_CODE,
    name: messages["team.recipientName"] ?? "",
    locale,
    html: team.render(buildTeamBrief(dataset, period, { locale, messages })),
  };
}
