import { formatInteger, formatMonth, formatPercent } from "../locale/format.js";
import type { Commitment, CommitmentStanding, CommitmentState, CommitmentsView, Status } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import { computeCommitment } from "./computeCommitment.js";
import { describeProgress } from "./describeProgress.js";
import type { UnitKey } from "./indexDataset.js";
import { InternalError } from "../errors.js";

const STATE_STATUS: Record<CommitmentState, Status> = {
  met: "green",
  "at-risk": "amber",
  "out-of-reach": "red",
  "no-data": "no-data",
  "no-target": "referential",
};

/** The commitments of the report's year signed by `unit`, in the order of the catalogue. */
export function commitmentsOf(context: ViewContext, unit: UnitKey): Commitment[] {
  const year = Number(context.period.slice(0, 4));
  const order = new Map(context.index.dataset.indicators.map((indicator, i) => [indicator.id, i]));
  return context.index.dataset.commitments
    .filter((c) => c.year === year && c.level === unit.level && c.code === unit.code)
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0));
}

/** One commitment's standing at the report's month (the rule: computeCommitment). Pure. */
export function buildCommitmentStanding(
  context: ViewContext,
  unit: UnitKey,
  commitment: Commitment,
): CommitmentStanding {
  const { index, period, locale, t } = context;
  const indicator = index.indicators.get(commitment.indicator);
  if (!indicator) throw new InternalError(`Commitment on unknown indicator ${commitment.indicator}.`);
  const soFar = commitment.months.filter((month) => month <= period);
  const later = commitment.months.filter((month) => month > period);
  // The shown (one-decimal) monthly values: the ones the page prints, so a reader can redo the
  // average with a calculator (docs/decisions.md, "Values, precision and rounding").
  const monthly = soFar.map((month) => index.cell(unit, indicator, month).shown);
  const targets = index.cell(unit, indicator, commitment.months[0] ?? period).targets;
  const figures = computeCommitment({
    type: commitment.type,
    better: indicator.better,
    monthly,
    remaining: commitment.months.length - soFar.length,
    target: targets.target,
    baseline: targets.baseline,
    minimum: targets.minimum,
    amount: commitment.amount,
  });
  const figure = (value: number | null) => ({ value, text: formatPercent(value, locale) });
  const first = commitment.months[0] ?? period;
  const last = commitment.months[commitment.months.length - 1] ?? period;
  return {
    indicator: indicator.id,
    indicatorLabel: indicator.label[locale],
    type: commitment.type,
    typeLabel: t(`commitments.type.${commitment.type}`),
    monthsLabel:
      first === last
        ? formatMonth(first, locale)
        : t("commitments.months", {
            from: formatMonth(first, locale, "short"),
            to: formatMonth(last, locale, "short"),
            count: formatInteger(commitment.months.length, locale),
          }),
    monthly: soFar.map((month, i) => ({
      period: month,
      label: formatMonth(month, locale, "short"),
      value: monthly[i] ?? null,
      text: formatPercent(monthly[i] ?? null, locale),
    })),
    remainingLabel: monthsLabel(context, later),
    monthsSoFar: soFar.length,
    monthsWithData: monthly.filter((value) => value !== null).length,
    monthsRemaining: commitment.months.length - soFar.length,
    ytd: figure(figures.ytd),
    baseline: figure(targets.baseline),
    minimum: figure(targets.minimum),
    target: figure(targets.target),
    progress: figures.progress,
    progressText: describeProgress(context, figures.progress, targets.baseline, targets.target),
    needed: figure(figures.needed),
    state: figures.state,
    stateLabel: t(`commitments.state.${figures.state}`),
    status: STATE_STATUS[figures.state],
    amount: commitment.amount,
    amountText: money(context, commitment.amount),
    transfer: figures.transfer,
    transferText: money(context, figures.transfer),
  };
}

/**
 * The months still to be evaluated, in words: "noviembre de 2026", "nov. 2026–dic. 2026"; "" when
 * none remain.
 */
function monthsLabel(context: ViewContext, months: string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return "";
  if (first === last) return formatMonth(first, context.locale);
  return context.t("commitments.monthRange", {
    from: formatMonth(first, context.locale, "short"),
    to: formatMonth(last, context.locale, "short"),
  });
}

/** The unit's commitments section, or undefined when it signed none for the report's year. */
export function buildCommitments(context: ViewContext, unit: UnitKey): CommitmentsView | undefined {
  const commitments = commitmentsOf(context, unit);
  if (commitments.length === 0) return undefined;
  const rows = commitments.map((c) => buildCommitmentStanding(context, unit, c));
  const transfer = rows.reduce((total, row) => total + row.transfer, 0);
  const maximum = commitments.reduce((total, c) => total + Math.round(c.amount), 0);
  return {
    year: commitments[0]?.year ?? 0,
    rows,
    transfer,
    transferText: money(context, transfer),
    maximum,
    maximumText: money(context, maximum),
  };
}

/** Soles, whole: "S/ 60 000". */
export function money(context: ViewContext, amount: number): string {
  return context.t("commitments.money", { amount: formatInteger(amount, context.locale) });
}
