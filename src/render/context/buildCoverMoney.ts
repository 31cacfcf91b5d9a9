import type { MoneyTotals, ReportView } from "../../model.js";
import type { T } from "./common.js";
import type { CoverMoney } from "./types.js";

/**
 * The cover's money block: the unit's commitments (and, for a region, its UGELs'; for the nation,
 * every DRE's and UGEL's) in soles — secured, still winnable, lost, against the maximum — the one
 * commitment where most can still be won, and the units with most at stake. The figures are the
 * view's `money`, computed from the same standings as the commitments pages. Null without any.
 */
export function buildCoverMoney(view: ReportView, t: T): CoverMoney | null {
  const money = view.money;
  if (!money) return null;
  const rows: { label: string; totals: MoneyTotals }[] = [];
  if (money.own) rows.push({ label: t(`cover.money.own.${view.level}`), totals: money.own });
  if (money.units) rows.push({ label: t(`cover.money.units.${view.level}`), totals: money.units });
  const withUnknown = rows.some((row) => row.totals.unknown > 0);
  const winnable = rows.reduce((sum, row) => sum + row.totals.winnable, 0);
  return {
    title: t("cover.money.title", { year: String(money.year) }),
    headers: {
      secured: t("cover.money.secured"),
      winnable: t("cover.money.winnable"),
      lost: t("cover.money.lost"),
      unknown: withUnknown ? t("cover.money.unknown") : "",
      maximum: t("cover.money.maximum"),
    },
    rows: rows.map(({ label, totals }) => ({
      label,
      secured: totals.securedText,
      winnable: totals.winnableText,
      lost: totals.lostText,
      unknown: withUnknown ? totals.unknownText : "",
      maximum: totals.maximumText,
    })),
    stake:
      money.stake?.text ??
      (view.level === "national" || winnable > 0 ? "" : t("cover.money.nothingWinnable")),
    mostAtStake: money.mostAtStake.length
      ? t(`cover.money.mostAtStake.${view.level}`, {
          units: money.mostAtStake
            .map((unit) => t("cover.money.unitStake", { name: unit.name, amount: unit.totals.winnableText }))
            .join("; "),
        })
      : "",
    note: t("cover.money.note"),
  };
}
