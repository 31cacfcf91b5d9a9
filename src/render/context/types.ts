import type { Level, Locale, Status } from "../../model.js";
import type { StatusIcon } from "../statusIcon.js";

/**
 * The plain, JSON-serialisable object a page template receives. Everything is decided here
 * (wording, colours, glyphs, chart SVG); templates only place it. Fields named `svg` hold SVG
 * made by our own renderers and `html` the sanitized good-practice HTML: the only triple-stashed
 * values. Everything else is escaped by `{{ }}`; status icons are `{{> statusIcon icon}}`.
 */
export interface Chip {
  status: Status;
  label: string;
  /** CSS class of the status colours, e.g. `st-green`. */
  className: string;
  /** The status icon (partials/statusIcon.hbs: a CSS-drawn inline box). */
  icon: StatusIcon;
}

export interface CoverChip {
  indicator: string;
  valueText: string;
  changeText: string;
  chip: Chip;
}

export interface ChangeCell {
  text: string;
  /** ↑ ↓ = or "" when there is no change. */
  arrow: string;
  /** `good`, `bad` or `flat`. */
  className: string;
}

export interface SummaryRow {
  label: string;
  /** National position by value: "207 de 211"; "—" without a rank. */
  standing: string;
  valueText: string;
  change: ChangeCell;
  /** The change against the same month a year earlier. */
  yearAgo: ChangeCell;
  minimumText: string;
  targetText: string;
  /** "faltan 2,6 p.p. para la meta" or "meta alcanzada". */
  gapText: string;
  /** "avance 50 %" from the year's baseline, or "". */
  progressText: string;
  chip: Chip;
}

/** One school of the visit plan: name, its facts and the failing indicators in words. */
export interface VisitItem {
  name: string;
  /** District (region lists) · level · area · director · phone, as given. */
  meta: string;
  /** "2 indicadores bajo el mínimo: Asistencia de directores, …". */
  failing: string;
}

export interface MoverItem {
  label: string;
  indicator: string;
  /** "95,0 % → 85,0 % (−10,0 pts)". */
  text: string;
  note: string;
  icon: StatusIcon;
}

export interface CountItem {
  count: string;
  chip: Chip;
}

export interface Fact {
  label: string;
  value: string;
}

export interface FigureBlock {
  title: string;
  svg: string;
  /** Notes under the figure (map credit, highlight note). */
  notes: string[];
}

export interface RankRow {
  rank: string;
  name: string;
  valueText: string;
  chip: Chip;
  self: boolean;
}

export interface HeatTable {
  caption: string;
  /** The change's column label ("vs. setiembre"); "" when there is no previous month. */
  changeLabel: string;
  /** National: the league-table note (how rows are ordered); "" otherwise. */
  note: string;
  unitHeader: string;
  /** National: rows are ranked, with a rank and an "n on target" column. */
  ranked: boolean;
  columns: { id: string; label: string }[];
  rows: {
    rank: string;
    name: string;
    score: string;
    self: boolean;
    cells: { text: string; className: string; icon: StatusIcon; change: string }[];
  }[];
}

export interface IndicatorSection {
  id: string;
  number: string;
  title: string;
  category: string;
  valueText: string;
  change: ChangeCell;
  chip: Chip;
  facts: Fact[];
  notes: string[];
  bullet: FigureBlock | null;
  trend: FigureBlock;
  comparison: FigureBlock | null;
  ranking: FigureBlock | null;
  maps: FigureBlock[];
  rankTexts: string[];
  /**
   * The ranks go under the shorter column: beside the charts (under the map) or under them, so
   * that a district block stays within half a page.
   */
  ranksBeside: boolean;
  alerts: { text: string; icon: StatusIcon }[];
  counts: CountItem[];
  /** Under the top/bottom lists: each status is against the unit's own target. */
  listNote: string;
  /** `note`: the tie the list cuts ("27 UGEL empatadas en el puesto 1; se muestran 10…"), or "". */
  top: { title: string; rows: RankRow[]; note: string } | null;
  bottom: { title: string; rows: RankRow[]; note: string } | null;
}

export interface GoodPracticeBlock {
  title: string;
  meta: string;
  html: string;
  /** English copies of a story without an English version: "Story in Spanish, as its team wrote it." */
  note?: string;
  /** The story's own language when it differs from the report's (the `lang` of its article). */
  lang?: string;
}

export interface SchoolsBlock {
  intro: string;
  columns: { id: string; label: string }[];
  /** Optional school facts shown as columns (director, phone, level, area), only those the data has. */
  infoColumns: { key: string; label: string }[];
  rows: {
    code: string;
    name: string;
    flagged: boolean;
    belowCount: string;
    info: string[];
    cells: { text: string; below: boolean; icon: StatusIcon | null }[];
  }[];
  /** The legend's text before and after the below-minimum icon it shows (`{icon}` in the locale). */
  legend: { before: string; icon: StatusIcon; after: string };
}

export interface MethodBlock {
  title: string;
  paragraphs: { heading: string; text: string }[];
  legend: { chip: Chip; text: string }[];
  credit: string;
}

export interface RunningText {
  unit: string;
  period: string;
  pageLabel: string;
}

export interface PageContext {
  lang: Locale;
  level: Level;
  /** Nested locale strings of the render prefixes (`labels.section.summary`). */
  labels: Record<string, unknown>;
  docTitle: string;
  /**
   * The running header and footer printed in every page's margins (`@page` margin boxes in
   * layouts/report.hbs): the unit's name, the period, and the page label with `{page}` and `{pages}`.
   */
  running: RunningText | null;
  kicker: string;
  cover: {
    brand: string;
    levelLabel: string;
    unitName: string;
    parentName: string;
    periodLabel: string;
    datasetName: string;
    generated: string;
    syntheticNote: string | null;
    headline: string;
    chips: CoverChip[];
    counts: CountItem[];
    countsTitle: string;
    alerts: { text: string; icon: StatusIcon }[];
    /** "y 2 más, en la página de cada indicador." when the cover shows only some alerts; "" otherwise. */
    moreAlerts: string;
    /** Contact lines ("Contacto de monitoreo: …", "Equipo del Semáforo Escuela: …"). */
    contacts: Fact[];
    /** District: the visit plan (null elsewhere). */
    visitFirst: { title: string; intro: string; items: VisitItem[]; empty: string } | null;
    /** Money at stake in the performance commitments (null when the report has none). */
    money: CoverMoney | null;
    /** District without visits this month: the short report (null otherwise). */
    noVisits: {
      title: string;
      text: string;
      empty: string;
      monthHeader: string;
      columns: { id: string; label: string }[];
      rows: { label: string; cells: { text: string; className: string; icon: StatusIcon }[] }[];
    } | null;
  };
  /** Column headers of the cover's summary ("Cambio vs. setiembre", "vs. oct. 2025"). */
  /** `standing`/`standingNote`: the national-position column's header and note ("" for the nation). */
  summaryLabels: { change: string; yearAgo: string; gap: string; standing: string; standingNote: string };
  summary: SummaryRow[];
  /** Region: districts that fell most; national: turned red or fell most. */
  movers: { title: string; items: MoverItem[]; empty: string } | null;
  /** Region: its schools with most indicators below the minimum. */
  regionSchools: { title: string; items: VisitItem[]; empty: string } | null;
  /** Every alert of the report, most important first. */
  alerts: { text: string; icon: StatusIcon }[];
  heatTable: HeatTable | null;
  sections: IndicatorSection[];
  goodPractices: GoodPracticeBlock[];
  schools: SchoolsBlock | null;
  method: MethodBlock;
  /** District and region: the unit's performance commitments (null when none). */
  commitments: CommitmentsBlock | null;
  /** National: every DRE's and UGEL's commitments (null when none). */
  commitmentsSummary: CommitmentsSummaryBlock | null;
}

/** The "Compromisos de desempeño" section of a unit: every text decided, the state as a chip. */
export interface CommitmentsBlock {
  title: string;
  intro: string;
  headers: Record<
    | "indicator"
    | "type"
    | "ytd"
    | "minimum"
    | "target"
    | "progress"
    | "needed"
    | "state"
    | "amount"
    | "transfer",
    string
  >;
  rows: {
    indicator: string;
    type: string;
    months: string;
    soFar: string;
    /** "Promedio de …: mar. 95.0% · abr. 88.9% …"; "" before the first evaluation month. */
    monthly: string;
    ytd: string;
    minimum: string;
    target: string;
    progress: string;
    needed: string;
    chip: Chip;
    amount: string;
    transfer: string;
  }[];
  total: { label: string; amount: string; transfer: string };
  assumptionsTitle: string;
  assumptions: string[];
}

interface CountTexts {
  met: string;
  atRisk: string;
  outOfReach: string;
  unknown: string;
}

/** The national page of commitments. */
export interface CommitmentsSummaryBlock {
  title: string;
  intro: string;
  byIndicatorTitle: string;
  byRegionTitle: string;
  headers: Record<
    "indicator" | "level" | "region" | "met" | "atRisk" | "outOfReach" | "unknown" | "estimate",
    string
  >;
  byIndicator: ({ indicator: string; level: string } & CountTexts)[];
  regions: ({ name: string; estimate: string } & CountTexts)[];
  total: { label: string; estimate: string } & CountTexts;
  assumptions: string[];
}

/** The enabling team's brief (pages/team.hbs): every text decided; data escaped by `{{ }}`. */
export interface TeamPageContext {
  lang: Locale;
  level: "team";
  labels: Record<string, unknown>;
  docTitle: string;
  running: RunningText;
  kicker: string;
  cover: {
    brand: string;
    title: string;
    periodLabel: string;
    datasetName: string;
    generated: string;
    syntheticNote: string | null;
  };
  intro: string;
  ruleTitle: string;
  rule: string;
  unitsTitle: string;
  headers: Record<"indicator" | "status" | "value" | "trend" | "why", string>;
  contactLabel: string;
  storiesLabel: string;
  units: {
    rank: string;
    name: string;
    region: string;
    contact: string;
    stories: string;
    weak: { indicator: string; chip: Chip; value: string; trend: string; why: string }[];
  }[];
  /** "… y 184 UGEL más en el CSV." or "". */
  more: string;
  followUp: {
    title: string;
    intro: string;
    headers: Record<"unit" | "indicator" | "since" | "actions" | "before" | "now" | "change", string>;
    rows: {
      unit: string;
      indicator: string;
      since: string;
      actions: string[];
      before: string;
      beforeLabel: string;
      now: string;
      change: string;
      changeClass: string;
    }[];
  };
  quality: { title: string; none: string; groups: { title: string; items: string[] }[] };
  footer: string;
}

/** The cover's money block (buildCoverMoney.ts): soles if the year ended today. */
export interface CoverMoney {
  title: string;
  /** Column headers; `unknown` is "" when no row has commitments without a target. */
  headers: { secured: string; winnable: string; lost: string; unknown: string; maximum: string };
  rows: {
    label: string;
    secured: string;
    winnable: string;
    lost: string;
    unknown: string;
    maximum: string;
  }[];
  /** "S/ 80 000 aún en juego: …", or why nothing is; "" for none to say. */
  stake: string;
  /** "UGEL con más en juego: …"; "" when none has any. */
  mostAtStake: string;
  /** Where the figures come from (the commitments page) and that they are an estimate. */
  note: string;
}
