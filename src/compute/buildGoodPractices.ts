import type { GoodPracticeView, Indicator, UnitRef } from "../model.js";
import { formatMonth } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";
import { renderMarkdown } from "./renderMarkdown.js";

/** How many stories a report shows at most. */
export const MAX_GOOD_PRACTICES = 3;

/**
 * Up to three stories, most relevant first: about an indicator where the recipient is red or
 * amber this month; then from the recipient's own region (every story is "own" for the nation);
 * then the most recent; then by file name. Stories dated after the period are not shown, so a
 * report rebuilt later is the same.
 */
export function buildGoodPractices(
  context: ViewContext,
  unit: UnitKey,
  regionCode: string | null,
  html: Map<string, string | null>,
): GoodPracticeView[] {
  const { index, period, locale } = context;
  const candidates = index.dataset.goodPractices.flatMap((story) => {
    const district = index.districts.get(story.district);
    const region = district ? index.regions.get(district.regionCode) : undefined;
    const indicator: Indicator | undefined = index.indicators.get(story.indicator);
    if (!district || !region || !indicator || story.period > period) return [];
    const status = index.cell(unit, indicator, period).status;
    return [
      {
        story,
        district,
        region,
        indicator,
        weak: status === "red" || status === "amber" ? 0 : 1,
        own: regionCode === null || region.code === regionCode ? 0 : 1,
      },
    ];
  });
  candidates.sort(
    (a, b) =>
      a.weak - b.weak ||
      a.own - b.own ||
      (a.story.period < b.story.period ? 1 : a.story.period > b.story.period ? -1 : 0) ||
      (a.story.file < b.story.file ? -1 : a.story.file > b.story.file ? 1 : 0),
  );
  const shown: GoodPracticeView[] = [];
  for (const { story, district, region, indicator } of candidates) {
    if (shown.length === MAX_GOOD_PRACTICES) break;
    // An English report shows the story's English version when the file has one.
    const english = locale === "en" ? story.english : undefined;
    const key = english ? `${story.file}#en` : story.file;
    const body = html.has(key) ? html.get(key) : renderOrNull(english ? english.body : story.body);
    html.set(key, body ?? null);
    // A story the Markdown parser cannot render (validate bounds its nesting, so only a dataset that
    // skipped validate gets here) is left out: one story never stops the month's reports.
    if (body === null || body === undefined) continue;
    const districtRef: UnitRef = { level: "district", code: district.code, name: district.name };
    const regionRef: UnitRef = { level: "region", code: region.code, name: region.name };
    shown.push({
      title: english ? english.title : story.title,
      language: english ? "en" : "es",
      district: districtRef,
      region: regionRef,
      period: story.period,
      periodLabel: formatMonth(story.period, locale),
      indicator: indicator.id,
      indicatorLabel: indicator.label[locale],
      html: body,
    });
  }
  return shown;
}

function renderOrNull(markdown: string): string | null {
  try {
    return renderMarkdown(markdown);
  } catch {
    return null;
  }
}
