import type { TeamBriefView } from "../model.js";
import { protectFormula } from "../protectFormula.js";

/** The CSV's columns: one row per weak indicator of each unit that needs support, in rank order. */
export const TEAM_CSV_COLUMNS = [
  "rank",
  "region_code",
  "region",
  "district_code",
  "district",
  "indicator",
  "value",
  "status",
  "trend",
  "reasons",
  "red_streak_months",
  "fall_points",
  "contact_name",
  "contact_phone",
  "contact_email",
  "stories",
];

/**
 * The brief's list as CSV (RFC 4180, comma, UTF-8 with a BOM so spreadsheet programs read the
 * accents): every unit, not only those printed. A field that a spreadsheet would run as a formula
 * gets a leading apostrophe (protectFormula, as in the open data). Pure.
 */
export function renderTeamCsv(view: TeamBriefView): string {
  const rows: string[][] = [TEAM_CSV_COLUMNS];
  for (const unit of view.units) {
    for (const weak of unit.weak) {
      rows.push([
        String(unit.rank),
        unit.region?.code ?? "",
        unit.region?.name ?? "",
        unit.unit.code,
        unit.unit.name,
        weak.indicator,
        weak.value.value === null ? "" : weak.value.value.toFixed(1),
        weak.status,
        weak.trendText,
        weak.reasons.join(" "),
        String(weak.redStreak),
        weak.fall === null ? "" : weak.fall.toFixed(1),
        unit.contact?.name ?? "",
        unit.contact?.phone ?? "",
        unit.contact?.email ?? "",
        unit.stories.map((s) => s.file).join(" "),
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

function field(value: string): string {
  const safe = protectFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
