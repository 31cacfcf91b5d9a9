import { formatInteger } from "../../locale/format.js";
import type { CommitmentCounts, ReportView } from "../../model.js";
import type { T } from "./common.js";
import type { CommitmentsSummaryBlock } from "./types.js";

/** The national page of commitments: counts per indicator and level, and per region. */
export function buildCommitmentsSummaryBlock(view: ReportView, t: T): CommitmentsSummaryBlock | null {
  const s = view.level === "national" ? view.commitmentsSummary : undefined;
  if (!s) return null;
  const n = (value: number) => formatInteger(value, view.locale);
  const counts = (c: CommitmentCounts) => ({
    met: n(c.met),
    atRisk: n(c.atRisk),
    outOfReach: n(c.outOfReach),
    unknown: n(c.unknown),
  });
  const col = (key: string) => t(`commitments.col.${key}`);
  return {
    title: t("commitments.summary.title", { year: String(s.year) }),
    intro: t("commitments.summary.intro", {
      total: n(s.counts.met + s.counts.atRisk + s.counts.outOfReach + s.counts.unknown),
      met: n(s.counts.met),
      atRisk: n(s.counts.atRisk),
      outOfReach: n(s.counts.outOfReach),
      transfer: s.transferText,
      maximum: s.maximumText,
    }),
    byIndicatorTitle: t("commitments.summary.byIndicator"),
    byRegionTitle: t("commitments.summary.byRegion"),
    headers: {
      indicator: col("indicator"),
      level: col("level"),
      region: col("region"),
      met: col("met"),
      atRisk: col("atRisk"),
      outOfReach: col("outOfReach"),
      unknown: col("unknown"),
      estimate: col("estimate"),
    },
    byIndicator: s.byIndicator.map((row) => ({
      indicator: row.indicatorLabel,
      level: t(`commitments.summary.level.${row.level}`),
      ...counts(row.counts),
    })),
    regions: s.regions.map((row) => ({
      name: row.name,
      ...counts(row.counts),
      estimate: `${row.transferText} / ${row.maximumText}`,
    })),
    total: {
      label: t("commitments.total"),
      ...counts(s.counts),
      estimate: `${s.transferText} / ${s.maximumText}`,
    },
    assumptions: ["ytd", "state", "transfer"].map((key) => t(`commitments.assumption.${key}`)),
  };
}
