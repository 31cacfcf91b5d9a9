/**
 * The publishing stage's own vocabulary (used by src/publish only, so it stays here, not in
 * model.ts). `fromViews.ts` is the one place that turns report views into these types: when the
 * view types change, only that file changes.
 */
import type { Level, Locale, Period, Status } from "../model.js";

/** One row of `datos/valores.csv`: one unit × indicator × month, as the reports computed it. */
export interface ValueRow {
  period: Period;
  level: Level;
  code: string;
  indicator: string;
  numerator: number;
  denominator: number;
  schools: number;
  /** In %, unrounded; null never reaches the CSV (months without data have no row). */
  value: number;
  status: Status;
  referentialReason: "few-schools" | "high-cv" | "no-target" | null;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  targetSource: Level | "none";
}

export interface SitePoint {
  period: Period;
  label: string;
  value: number | null;
  text: string;
  status: Status;
}

export interface SiteIndicator {
  id: string;
  label: string;
  status: Status;
  statusLabel: string;
  valueText: string;
  target: number | null;
  targetText: string;
  minimumText: string;
  changeText: string;
  schools: number;
  /** The last 12 school months, oldest first. */
  series: SitePoint[];
  /** National only: one value per region for the map. */
  mapValues: { code: string; status: Status; text: string }[];
}

export interface SiteCell {
  indicator: string;
  text: string;
  status: Status;
}

/** What one public page shows about one unit, in one language. */
export interface SiteUnit {
  level: Level;
  code: string;
  name: string;
  region: { code: string; name: string } | null;
  period: Period;
  periodLabel: string;
  locale: Locale;
  datasetName: string;
  synthetic: boolean;
  headline: { text: string; counts: Record<Status, number> };
  indicators: SiteIndicator[];
  /**
   * National: regions × indicators, as the report's league table orders and ranks them; region:
   * its districts × indicators (rank and score empty).
   */
  table: { level: Level; code: string; name: string; rank: string; score: string; cells: SiteCell[] }[];
  /** National: how the league table is ordered (the report's own note); "" otherwise. */
  tableNote: string;
}

/** A file of the public folder, made in memory before anything is written. */
export interface PublicFile {
  /** Relative to `public/`, with forward slashes. */
  path: string;
  content: string;
}
