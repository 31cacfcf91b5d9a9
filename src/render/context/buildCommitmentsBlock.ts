import { formatInteger } from "../../locale/format.js";
import type { Messages, ReportView } from "../../model.js";
import { chip, type T } from "./common.js";
import type { CommitmentsBlock } from "./types.js";

/** The "Compromisos de desempeño" section of a district or region report; null when it has none. */
export function buildCommitmentsBlock(view: ReportView, messages: Messages, t: T): CommitmentsBlock | null {
  const c = view.level === "national" ? undefined : view.commitments;
  if (!c) return null;
  const col = (key: string) => t(`commitments.col.${key}`);
  return {
    title: t("commitments.title", { year: String(c.year) }),
    intro: t("commitments.intro", { transfer: c.transferText, maximum: c.maximumText }),
    headers: {
      indicator: col("indicator"),
      type: col("type"),
      ytd: col("ytd"),
      minimum: col("minimum"),
      target: col("target"),
      progress: col("progress"),
      needed: col("needed"),
      state: col("state"),
      amount: col("amount"),
      transfer: col("transfer"),
    },
    rows: c.rows.map((row) => ({
      indicator: row.indicatorLabel,
      type: row.typeLabel,
      months: row.monthsLabel,
      soFar: t(row.monthsSoFar === 1 ? "commitments.monthsSoFarOne" : "commitments.monthsSoFar", {
        withData: formatInteger(row.monthsWithData, view.locale),
        soFar: formatInteger(row.monthsSoFar, view.locale),
        remaining: formatInteger(row.monthsRemaining, view.locale),
      }),
      // The shown monthly values the average is taken of, so a reader can redo it.
      monthly: row.monthly.length
        ? t("commitments.monthlyValues", {
            values: row.monthly.map((m) => `${m.label} ${m.text}`).join(" · "),
          })
        : "",
      ytd: row.ytd.text,
      minimum: row.minimum.text,
      target: row.target.text,
      progress: row.progressText,
      needed: row.needed.text,
      chip: chip(messages, t, row.status, row.stateLabel),
      amount: row.amountText,
      transfer: row.transferText,
    })),
    total: { label: t("commitments.total"), amount: c.maximumText, transfer: c.transferText },
    assumptionsTitle: t("commitments.assumptionsTitle"),
    assumptions: ["ytd", "state", "transfer"].map((key) => t(`commitments.assumption.${key}`)),
  };
}
