import type { CommitmentCounts, CommitmentsSummaryView, CommitmentStanding } from "../model.js";
import { buildCommitmentStanding, commitmentsOf, money } from "./buildCommitments.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";

const none = (): CommitmentCounts => ({ met: 0, atRisk: 0, outOfReach: 0, unknown: 0 });

function count(counts: CommitmentCounts, row: CommitmentStanding): void {
  if (row.state === "met") counts.met += 1;
  else if (row.state === "at-risk") counts.atRisk += 1;
  else if (row.state === "out-of-reach") counts.outOfReach += 1;
  else counts.unknown += 1;
}

/**
 * The national page: every DRE's and UGEL's commitments of the year, counted by state per
 * indicator and level, and per region (its DRE and its UGELs together) with the estimated
 * transfer against the maximum. Undefined when nobody signed a commitment for the year.
 */
export function buildCommitmentsSummary(context: ViewContext): CommitmentsSummaryView | undefined {
  const { index } = context;
  const year = Number(context.period.slice(0, 4));
  if (!index.dataset.commitments.some((c) => c.year === year)) return undefined;
  const byIndicator = new Map<string, CommitmentCounts>();
  const total = none();
  let transfer = 0;
  let maximum = 0;
  const regions = index.dataset.regions.map((region) => {
    const units: UnitKey[] = [
      { level: "region", code: region.code },
      ...region.districtCodes.map((code) => ({ level: "district" as const, code })),
    ];
    const counts = none();
    let regionTransfer = 0;
    let regionMaximum = 0;
    for (const unit of units) {
      for (const commitment of commitmentsOf(context, unit)) {
        const row = buildCommitmentStanding(context, unit, commitment);
        const key = `${unit.level}|${row.indicator}`;
        let perIndicator = byIndicator.get(key);
        if (!perIndicator) byIndicator.set(key, (perIndicator = none()));
        for (const target of [counts, perIndicator, total]) count(target, row);
        regionTransfer += row.transfer;
        regionMaximum += Math.round(commitment.amount);
      }
    }
    transfer += regionTransfer;
    maximum += regionMaximum;
    return {
      code: region.code,
      name: region.name,
      counts,
      transfer: regionTransfer,
      transferText: money(context, regionTransfer),
      maximum: regionMaximum,
      maximumText: money(context, regionMaximum),
    };
  });
  const rows: CommitmentsSummaryView["byIndicator"] = [];
  for (const level of ["region", "district"] as const) {
    for (const indicator of index.dataset.indicators) {
      const counts = byIndicator.get(`${level}|${indicator.id}`);
      if (counts)
        rows.push({
          indicator: indicator.id,
          indicatorLabel: indicator.label[context.locale],
          level,
          counts,
        });
    }
  }
  return {
    year,
    byIndicator: rows,
    regions: regions.filter((region) => region.maximum > 0),
    counts: total,
    transfer,
    transferText: money(context, transfer),
    maximum,
    maximumText: money(context, maximum),
  };
}
