import { formatInteger, formatMonth, formatPercent, formatShare } from "../locale/format.js";
import type { Commitment, CommitmentStanding, CommitmentState, CommitmentsView, Status } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import { computeCommitment } from "./computeCommitment.js";
import type { UnitKey } from "./indexDataset.js";

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
  if (!indicator) throw new Error(`Commitment on unknown indicator ${commitment.indicator}: this is a bug.`);
  const soFar = commitment.months.filter((month) => month <= period);
  const monthly = soFar.map((month) => index.cell(unit, indicator, month).value);
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
    monthsSoFar: soFar.length,
    monthsWithData: monthly.filter((value) => value !== null).length,
    monthsRemaining: commitment.months.length - soFar.length,
    ytd: figure(figures.ytd),
    baseline: figure(targets.baseline),
    minimum: figure(targets.minimum),
    target: figure(targets.target),
    progress: figures.progress,
    progressText: formatShare(figures.progress, locale),
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
