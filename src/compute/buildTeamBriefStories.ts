import { compare } from "../dataset/compare.js";
import type { GoodPractice, SupportUnitView } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitProfile } from "./buildUnitProfile.js";

/** One story is offered to at most this many units of the capacity list. */
export const STORY_CAP = 3;
/** Stories per unit to accompany (the first one is guaranteed when any fits, the cap allowing). */
export const STORIES_PER_UNIT = 2;
/** Two units' rural shares within this are "alike". */
export const RURAL_ALIKE = 0.25;

/**
 * How well a story fits a unit (docs/decisions.md, "Stories that fit"): same region 3, alike rural
 * share 2, alike size (schools visited, within half to double) 1, and 2 when the story's unit
 * improved on the indicator (reliable now better than 12 months before). Pure.
 */
export function storyFit(
  unit: UnitProfile,
  from: UnitProfile,
  improved: boolean,
): { fit: number; region: boolean; rural: boolean; size: boolean } {
  const region = unit.regionCode === from.regionCode;
  const rural =
    unit.ruralShare !== null &&
    from.ruralShare !== null &&
    Math.abs(unit.ruralShare - from.ruralShare) <= RURAL_ALIKE;
  const size =
    unit.schools > 0 &&
    from.schools > 0 &&
    from.schools <= 2 * unit.schools &&
    unit.schools <= 2 * from.schools;
  return {
    fit: (region ? 3 : 0) + (rural ? 2 : 0) + (size ? 1 : 0) + (improved ? 2 : 0),
    region,
    rural,
    size,
  };
}

/**
 * Stories for the units to accompany, in rank order: a unit's weak indicators first pick stories on
 * that indicator, the best fit first (then the least used, the newest, the file). Each story goes
 * to at most STORY_CAP units; a first pass gives every unit one story, a second pass a second. Pure.
 */
export function matchStories(
  context: ViewContext,
  units: Pick<SupportUnitView, "unit" | "weak">[],
  profiles: Map<string, UnitProfile>,
): Map<string, SupportUnitView["stories"]> {
  const { index, period, locale } = context;
  const stories = index.dataset.goodPractices.filter(
    (story) =>
      story.period <= period && index.districts.has(story.district) && index.indicators.has(story.indicator),
  );
  const improved = new Map<string, boolean>();
  const improvedOn = (story: GoodPractice): boolean => {
    const key = `${story.district}|${story.indicator}`;
    let found = improved.get(key);
    if (found === undefined) {
      const indicator = index.indicators.get(story.indicator);
      const start = context.seriesPeriods[0];
      const unit = { level: "district" as const, code: story.district };
      const now = indicator ? index.cell(unit, indicator, period) : null;
      const then = indicator && start && start !== period ? index.cell(unit, indicator, start) : null;
      found =
        !!indicator &&
        !!now?.reliable &&
        !!then?.reliable &&
        now.shown !== null &&
        then.shown !== null &&
        (indicator.better === "higher" ? now.shown > then.shown : now.shown < then.shown);
      improved.set(key, found);
    }
    return found;
  };
  const uses = new Map<string, number>();
  const chosen = new Map<string, GoodPractice[]>();
  const pick = (entry: Pick<SupportUnitView, "unit" | "weak">) => {
    const profile = profiles.get(entry.unit.code);
    const taken = chosen.get(entry.unit.code) ?? [];
    const takenIndicators = new Set(taken.map((s) => s.indicator));
    const weak = new Set(entry.weak.map((w) => w.indicator));
    const options = stories
      .filter(
        (story) =>
          weak.has(story.indicator) &&
          story.district !== entry.unit.code &&
          !taken.includes(story) &&
          (uses.get(story.file) ?? 0) < STORY_CAP,
      )
      .map((story) => {
        const from = profiles.get(story.district);
        const fit = profile && from ? storyFit(profile, from, improvedOn(story)).fit : 0;
        // A second story on another indicator before a second one on the same.
        return { story, fit, again: takenIndicators.has(story.indicator) ? 1 : 0 };
      })
      .sort(
        (a, b) =>
          a.again - b.again ||
          b.fit - a.fit ||
          (uses.get(a.story.file) ?? 0) - (uses.get(b.story.file) ?? 0) ||
          compare(b.story.period, a.story.period) ||
          compare(a.story.file, b.story.file),
      );
    const best = options[0];
    if (!best) return;
    uses.set(best.story.file, (uses.get(best.story.file) ?? 0) + 1);
    chosen.set(entry.unit.code, [...taken, best.story]);
  };
  for (let pass = 0; pass < STORIES_PER_UNIT; pass += 1) for (const entry of units) pick(entry);
  const result = new Map<string, SupportUnitView["stories"]>();
  for (const entry of units) {
    result.set(
      entry.unit.code,
      (chosen.get(entry.unit.code) ?? []).map((story) => {
        const from = index.districts.get(story.district);
        return {
          title: locale === "en" && story.english ? story.english.title : story.title,
          file: story.file,
          district: from?.name ?? story.district,
          region: from ? (index.regions.get(from.regionCode)?.name ?? from.regionCode) : "",
          indicatorLabel: index.indicators.get(story.indicator)?.label[locale] ?? story.indicator,
        };
      }),
    );
  }
  return result;
}
