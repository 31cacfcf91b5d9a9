import { compareNames } from "../locale/format.js";
import type {
  CommitmentStanding,
  CommitmentsView,
  MoneyStake,
  MoneyTotals,
  MoneyUnit,
  MoneyView,
} from "../model.js";
import { buildCommitments, money } from "./buildCommitments.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";

/** Most units listed as those with most at stake. */
const MOST_AT_STAKE = 3;

interface Soles {
  maximum: number;
  secured: number;
  winnable: number;
  lost: number;
  unknown: number;
}

const zero = (): Soles => ({ maximum: 0, secured: 0, winnable: 0, lost: 0, unknown: 0 });

/**
 * One commitment's soles, if the year ended today. Secured: the estimated transfer (the figure of
 * the commitments page). The rest of its amount is still winnable when it is at risk (or has no
 * data yet and months to go), lost when it is out of reach (or has no data and no month left),
 * unknown without a target. Met: nothing left.
 */
export function solesOf(row: CommitmentStanding): Soles {
  const maximum = Math.round(row.amount);
  const rest = maximum - row.transfer;
  const soles = { ...zero(), maximum, secured: row.transfer };
  if (row.state === "at-risk" || (row.state === "no-data" && row.monthsRemaining > 0)) soles.winnable = rest;
  else if (row.state === "out-of-reach" || row.state === "no-data") soles.lost = rest;
  else if (row.state === "no-target") soles.unknown = rest;
  return soles;
}

function add(a: Soles, b: Soles): Soles {
  return {
    maximum: a.maximum + b.maximum,
    secured: a.secured + b.secured,
    winnable: a.winnable + b.winnable,
    lost: a.lost + b.lost,
    unknown: a.unknown + b.unknown,
  };
}

function sumRows(rows: CommitmentStanding[]): Soles {
  return rows.map(solesOf).reduce(add, zero());
}

function totals(context: ViewContext, soles: Soles): MoneyTotals {
  return {
    ...soles,
    maximumText: money(context, soles.maximum),
    securedText: money(context, soles.secured),
    winnableText: money(context, soles.winnable),
    lostText: money(context, soles.lost),
    unknownText: money(context, soles.unknown),
  };
}

/** The own commitment where most can still be won (ties: catalogue order), with the value it needs. */
export function buildStake(
  context: ViewContext,
  commitments: CommitmentsView | undefined,
): MoneyStake | null {
  let best: { row: CommitmentStanding; amount: number } | null = null;
  for (const row of commitments?.rows ?? []) {
    const amount = solesOf(row).winnable;
    if (amount > 0 && (!best || amount > best.amount)) best = { row, amount };
  }
  if (!best) return null;
  const { row, amount } = best;
  const amountText = money(context, amount);
  const needed = row.needed.value === null ? row.target : row.needed;
  return {
    indicator: row.indicator,
    indicatorLabel: row.indicatorLabel,
    amount,
    amountText,
    needed,
    monthsLabel: row.remainingLabel,
    text: context.t(row.monthsRemaining === 1 ? "money.stake.one" : "money.stake.other", {
      amount: amountText,
      indicator: row.indicatorLabel,
      needed: needed.text,
      months: row.remainingLabel,
    }),
  };
}

function byStake(a: MoneyUnit, b: MoneyUnit): number {
  return b.totals.winnable - a.totals.winnable || compareNames(a.name, b.name) || (a.code < b.code ? -1 : 1);
}

/**
 * The money a report's cover tells, from the same standings as its commitments pages: a
 * district's and a region's own commitments (secured, still winnable, lost, against the maximum)
 * and the one where most can still be won; a region adds its UGELs' sum and the UGELs with most at
 * stake; the nation every DRE's and UGEL's total and the regions with most at stake. Undefined when
 * nobody concerned signed a commitment for the year. Pure.
 */
export function buildMoney(
  context: ViewContext,
  unit: UnitKey,
  own: CommitmentsView | undefined,
): MoneyView | undefined {
  const { index } = context;
  const year = Number(context.period.slice(0, 4));
  const districtMoney = (code: string): MoneyUnit | null => {
    const rows = buildCommitments(context, { level: "district", code })?.rows;
    return rows
      ? { code, name: index.name({ level: "district", code }), totals: totals(context, sumRows(rows)) }
      : null;
  };
  const ownTotals = own ? totals(context, sumRows(own.rows)) : null;

  if (unit.level === "district") {
    if (!ownTotals) return undefined;
    return { year, own: ownTotals, units: null, stake: buildStake(context, own), mostAtStake: [] };
  }

  if (unit.level === "region") {
    const districts = (index.regions.get(unit.code)?.districtCodes ?? [])
      .map(districtMoney)
      .filter((d): d is MoneyUnit => d !== null);
    if (!ownTotals && districts.length === 0) return undefined;
    const sum = districts.map((d) => d.totals as Soles).reduce(add, zero());
    return {
      year,
      own: ownTotals,
      units: districts.length ? totals(context, sum) : null,
      stake: buildStake(context, own),
      mostAtStake: districts
        .filter((d) => d.totals.winnable > 0)
        .sort(byStake)
        .slice(0, MOST_AT_STAKE),
    };
  }

  const regions: MoneyUnit[] = [];
  for (const region of index.dataset.regions) {
    const regionRows = buildCommitments(context, { level: "region", code: region.code })?.rows ?? [];
    let soles = sumRows(regionRows);
    for (const code of region.districtCodes) {
      const rows = buildCommitments(context, { level: "district", code })?.rows;
      if (rows) soles = add(soles, sumRows(rows));
    }
    if (soles.maximum > 0 || regionRows.length > 0)
      regions.push({ code: region.code, name: region.name, totals: totals(context, soles) });
  }
  if (!index.dataset.commitments.some((c) => c.year === year)) return undefined;
  const all = regions.map((r) => r.totals as Soles).reduce(add, zero());
  return {
    year,
    own: null,
    units: totals(context, all),
    stake: null,
    mostAtStake: regions
      .filter((r) => r.totals.winnable > 0)
      .sort(byStake)
      .slice(0, MOST_AT_STAKE),
  };
}
