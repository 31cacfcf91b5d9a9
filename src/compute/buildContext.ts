import type { Indicator, Locale, Messages, Period, Status, UnitValue } from "../model.js";
import { NATIONAL_CODE } from "../model.js";
import { addMonths } from "../locale/format.js";
import { createTranslator, type MessageParams } from "../locale/translate.js";
import { indexDataset, type DatasetIndex, type UnitKey } from "./indexDataset.js";
import { rankUnits, type RankResult } from "./rankUnits.js";
import type { Dataset } from "../model.js";

/** Everything shared by the views of one period, computed once: calendar, rankings, wording. */
export interface ViewContext {
  index: DatasetIndex;
  period: Period;
  locale: Locale;
  t: (key: string, params?: MessageParams) => string;
  previousPeriod: Period | null;
  /** The same month a year earlier, when the dataset has results for it. */
  yearAgoPeriod: Period | null;
  /** The last 12 school months up to the period, ascending. */
  seriesPeriods: Period[];
  /** The three latest school months ending at the period (red-streak alert), when there are three. */
  streakPeriods: Period[] | null;
  /** Every school month up to the period, ascending (how long a red streak has lasted). */
  calendar: Period[];
  national: UnitKey;
  rankDistricts: (indicator: Indicator) => RankResult;
  rankRegions: (indicator: Indicator) => RankResult;
  rankWithinRegion: (regionCode: string, indicator: Indicator) => RankResult;
  unitValue: (
    unit: UnitKey,
    indicator: Indicator,
    rank: number | null,
    self: boolean,
    name?: string,
  ) => UnitValue;
  statusLabel: (status: Status) => string;
}

export function buildContext(
  dataset: Dataset,
  period: Period,
  locale: Locale,
  messages: Messages,
): ViewContext {
  const t = createTranslator(messages);
  const index = indexDataset(dataset, t("unit.national"), locale);
  const calendar = [...new Set([...index.periods.filter((p) => p <= period), period])].sort();
  const yearAgo = addMonths(period, -12);
  const memo = new Map<string, RankResult>();
  const remember = (key: string, make: () => RankResult): RankResult => {
    let found = memo.get(key);
    if (!found) {
      found = make();
      memo.set(key, found);
    }
    return found;
  };
  const rankOf = (units: UnitKey[], indicator: Indicator) =>
    rankUnits(
      units.map((unit) => {
        const cell = index.cell(unit, indicator, period);
        return { code: unit.code, name: index.name(unit), value: cell.value, rankable: cell.reliable };
      }),
      indicator.better,
    );
  const districtUnits = dataset.districts.map((d) => ({ level: "district" as const, code: d.code }));
  const regionUnits = dataset.regions.map((r) => ({ level: "region" as const, code: r.code }));

  return {
    index,
    period,
    locale,
    t,
    previousPeriod: index.previousPeriod(period),
    yearAgoPeriod: index.hasPeriod(yearAgo) ? yearAgo : null,
    seriesPeriods: calendar.slice(-12),
    streakPeriods: calendar.length >= 3 ? calendar.slice(-3) : null,
    calendar,
    national: { level: "national", code: NATIONAL_CODE },
    rankDistricts: (indicator) => remember(`d|${indicator.id}`, () => rankOf(districtUnits, indicator)),
    rankRegions: (indicator) => remember(`r|${indicator.id}`, () => rankOf(regionUnits, indicator)),
    rankWithinRegion: (regionCode, indicator) =>
      remember(`w|${regionCode}|${indicator.id}`, () =>
        rankOf(
          (index.regions.get(regionCode)?.districtCodes ?? []).map((code) => ({ level: "district", code })),
          indicator,
        ),
      ),
    unitValue: (unit, indicator, rank, self, name) => {
      const cell = index.cell(unit, indicator, period);
      return {
        level: unit.level,
        code: unit.code,
        name: name ?? index.name(unit),
        value: cell.value,
        text: cell.text,
        status: cell.status,
        rank,
        self,
      };
    },
    statusLabel: (status) => t(`status.${status}`),
  };
}
