/**
 * The shared vocabulary of Semáforo Reports: types only, no code.
 *
 * Data flows one way: dataset/ (read + validate) → compute/ (Dataset → ReportView[]) →
 * render/ (ReportView → HTML) → pdf/ (HTML → PDF bytes) → archive/ (files + manifest) →
 * deliver/ (manifest + ledger → e-mails). A type used by one stage only stays in that stage.
 */
import type { Topology } from "topojson-specification";
import type { SenderSettings } from "./rules/sender.js";

export type Level = "national" | "region" | "district";
export const LEVELS: readonly Level[] = ["national", "region", "district"];
/**
 * The levels of report: one per unit level, and `team`, the enabling team's monthly brief (one
 * per dataset, code PE). Recipients, the manifest and deliveries are keyed by report level.
 */
export type ReportLevel = Level | "team";
export const REPORT_LEVELS: readonly ReportLevel[] = [...LEVELS, "team"];

/** Traffic-light status of one value against its unit's own targets. */
export type Status = "green" | "amber" | "red" | "referential" | "no-data";

export type Locale = "es" | "en";

/** A school month, `YYYY-MM`. */
export type Period = string;

/** The national unit's code. */
export const NATIONAL_CODE = "PE";

// ---------------------------------------------------------------------------------------------
// Dataset: the typed, checked form of a dataset folder.
// ---------------------------------------------------------------------------------------------

export interface Localized {
  es: string;
  en: string;
}

export interface Indicator {
  id: string;
  label: Localized;
  category: string;
  better: "higher" | "lower";
  unit: "percent";
}

export interface Region {
  code: string;
  name: string;
  /** Sorted district codes. */
  districtCodes: string[];
}

export interface District {
  code: string;
  name: string;
  regionCode: string;
}

export interface Result {
  period: Period;
  districtCode: string;
  indicator: string;
  numerator: number;
  denominator: number;
  /** Schools visited. */
  schools: number;
  /** Coefficient of variation, in %, when the source gives one. */
  cv?: number;
}

export interface Target {
  year: number;
  level: Level;
  code: string;
  indicator: string;
  /** All in percentage points, 0–100. */
  target: number;
  baseline?: number;
  minimum?: number;
}

export interface Recipient {
  level: ReportLevel;
  code: string;
  name: string;
  /** Empty when the row has only a phone. */
  email: string;
  /** recipients.csv `phone`, optional, in E.164 (checkPhone): the recipient also gets an SMS. */
  phone?: string;
  language: Locale;
}

export interface GoodPractice {
  /** Path relative to the dataset folder, e.g. `good-practices/agua-segura.md`. */
  file: string;
  district: string;
  period: Period;
  indicator: string;
  title: string;
  /** Untrusted Markdown. */
  body: string;
  /**
   * The story in English, when its file has one: front matter `title_en` and a body after a line
   * `<!-- en -->`. English reports show it; without it they show the Spanish story and say so.
   */
  english?: { title: string; body: string };
}

export interface SchoolResult {
  period: Period;
  districtCode: string;
  schoolCode: string;
  schoolName: string;
  indicator: string;
  /** In %, 0–100. */
  value: number;
  /** Optional schools.csv columns, for the visit list: who to call and where the school is. */
  info?: SchoolInfo;
}

/** Optional facts about a school (schools.csv `director`, `phone`, `school_level`, `area`). Untrusted. */
export interface SchoolInfo {
  director?: string;
  phone?: string;
  /** `phone` in E.164 when it is a mobile number (checkPhone) and dataset.json has `sms.schools`. */
  mobile?: string;
  /** Level of education, e.g. "Primaria". */
  level?: string;
  /** "rural" or "urbana", as written in the file. */
  area?: string;
}

/** A unit's monitoring contact (contacts.csv, optional): who the report's reader can call. Untrusted. */
export interface Contact {
  level: Level;
  code: string;
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

/**
 * One performance commitment ("Compromisos de Desempeño"), commitments.csv: a unit's indicator,
 * judged over evaluation months of a year against the unit's own baseline / minimum / target
 * (targets.csv). `fija` pays all or nothing; `variable` pays in proportion to progress.
 */
export interface Commitment {
  year: number;
  level: "region" | "district";
  code: string;
  indicator: string;
  type: "fija" | "variable";
  /** Evaluation months, ascending, all in `year`. */
  months: Period[];
  /** Amount assignable for this commitment (soles); the unit's maximum is the sum of its amounts. */
  amount: number;
}

/** One action of the enabling team (support.csv, optional). `action` is untrusted text. */
export interface SupportAction {
  /** `YYYY-MM-DD`. */
  date: string;
  level: "region" | "district";
  code: string;
  indicator: string;
  action: string;
}

/** The traffic-light rule's knobs (dataset.json `thresholds`). */
export interface Thresholds {
  /** Fewer schools visited than this makes a value referential. Default 5. */
  minSchools: number;
  /** A cv (in %) above this makes a value referential. Default 15. */
  maxCv: number;
  /** Without a minimum, amber starts this many points below the target. Default 5. */
  amberBand: number;
  /** A fall of at least this many points since last month raises an alert. Default 5. */
  fallAlert: number;
}

export interface CsvDialect {
  delimiter: string;
  decimal: "." | ",";
  encoding: "utf8" | "latin1";
}

export interface DatasetConfig {
  name: string;
  description?: string;
  /** True for the demo: reports say the figures are synthetic. */
  synthetic: boolean;
  geo: {
    /** Path as written in dataset.json. */
    file: string;
    /** TopoJSON object whose feature ids are the region codes. */
    regions: string;
    /** TopoJSON object whose feature ids are the district codes. */
    districts: string;
  };
  /** `from` is a plain address; `fromName` its optional display name. */
  email: SenderSettings;
  csv: CsvDialect;
  thresholds: Thresholds;
  /** IANA time zone in which the operator reads times (status, logs); default America/Lima. */
  timeZone: string;
  /**
   * SMS (dataset.json `sms`): `schools` makes the director of each school visited in the month the
   * recipient of a school SMS (schools.csv `phone`); `international` accepts any E.164 number, not
   * only Peruvian mobiles. Both default false.
   */
  sms?: { schools: boolean; international: boolean };
  /** The data's licences (`license` / `licenses`), for the open data and the public site. */
  licenses: { title: string; name?: string; path?: string }[];
  /** Where the data comes from (`source` / `sources`). */
  sources: { title: string; path?: string }[];
  /** The enabling team's brief (dataset.json `team`); defaults when absent (TEAM_DEFAULTS). */
  team?: TeamSettings;
}

/** The enabling team's settings (dataset.json `team`, the config's `team` overrides). */
export interface TeamSettings {
  /** UGELs the team can accompany in a month: the brief's first list. Default 15; 1–224. */
  capacity: number;
  /** support.csv actions in this many months, ending with the report's, mark a unit as accompanied. Default 3. */
  supportMonths: number;
}

/** One input file, for the manifest. */
export interface InputFile {
  /** Relative to the dataset folder (or absolute for the geo file when outside it). */
  path: string;
  sha256: string;
}

export interface Dataset {
  config: DatasetConfig;
  /** Catalogue order is report order. */
  indicators: Indicator[];
  /** Sorted by code. */
  regions: Region[];
  /** Sorted by code. */
  districts: District[];
  results: Result[];
  targets: Target[];
  recipients: Recipient[];
  goodPractices: GoodPractice[];
  /** Empty when there is no schools.csv. */
  schools: SchoolResult[];
  /** Monitoring contacts per unit (contacts.csv); empty when the dataset has none. */
  contacts: Contact[];
  /** Performance commitments (commitments.csv, optional); empty when none. */
  commitments: Commitment[];
  /** The enabling team's support actions (support.csv, optional); empty when none. */
  support: SupportAction[];
  topology: Topology;
  inputs: InputFile[];
}

/** A problem found in a dataset: every one is listed before anything is rendered. */
export interface Problem {
  severity: "error" | "warning";
  /** Stable name from the error catalogue, e.g. `unknown-district`. */
  code: string;
  /** Relative to the dataset folder. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

// ---------------------------------------------------------------------------------------------
// ReportView: everything one report shows, already computed and formatted (compute/ → render/).
// Raw numbers are kept beside their formatted text: charts need the numbers, tables the text.
// ---------------------------------------------------------------------------------------------

/** A value in percentage points with its formatted text ("87,3 %", or "—" when null). */
export interface Figure {
  value: number | null;
  text: string;
}

export interface UnitRef {
  level: Level;
  code: string;
  name: string;
}

export interface SeriesPoint {
  period: Period;
  /** Short month label, e.g. "oct. 2026". */
  label: string;
  /** null = gap (holiday, strike, no visit): drawn as a break, never as zero. */
  value: number | null;
  status: Status;
  /** The target of that month's school year (the status is decided against it); null when none. */
  target: number | null;
}

/** One unit's value in a comparison, a ranking or a map. */
export interface UnitValue extends UnitRef {
  value: number | null;
  text: string;
  status: Status;
  /** Rank among the ranked units (ties share a rank); null when left out (referential, no data). */
  rank: number | null;
  /** True for the report's own unit. */
  self: boolean;
}

export interface Ranking {
  /** Ranked units first (best first), then those left out, by name. */
  units: UnitValue[];
  /** How many were ranked. */
  ranked: number;
  /** How many were left out because referential or without data. */
  excluded: number;
}

/** A unit's rank in one ranking: "Puesto 175 de 210 UGEL del país, empatada con 2 más". */
export interface RankSummary {
  rank: number | null;
  of: number;
  excluded: number;
  /** How many units hold this rank, the unit included (1 = alone); 0 when left out. */
  tied: number;
  text: string;
}

export interface TargetsView {
  baseline: Figure;
  /** The minimum actually used by the rule (given, or target − amberBand). */
  minimum: Figure;
  target: Figure;
  /** Whose targets these are after the fallback district → region → national. */
  source: Level | "none";
  /** Share of the way from baseline to target, 0–1 (may exceed the range); null when unknown. */
  progress: number | null;
  /**
   * The phrase that replaces a progress share that would be noise (target within 1 point of the
   * baseline, or outside −100 % … 200 %: compute/describeProgress.ts); null when the share is printed.
   */
  progressPhrase: string | null;
  progressText: string;
  /**
   * Points still missing to reach the target, on the shown value (target − value, or value − target
   * when lower is better); 0 when reached; null without a value or a target.
   */
  gap: number | null;
  /** "faltan 2,6 p.p. para la meta", "meta alcanzada", or "—". */
  gapText: string;
}

export interface ChangeView {
  /** Change in percentage points; null when either side is missing. */
  points: number | null;
  /** "+2.1 p.p.", "−0.4 p.p.", "—" (English "pts"). */
  text: string;
  /** Whether the change is good news given `better`; null when no change. */
  good: boolean | null;
  /** The period compared with. */
  period: Period;
  periodLabel: string;
  /** Short label naming the month compared with: "vs. setiembre", "vs. oct. 2025". */
  vsLabel: string;
}

export interface MapSpec {
  /** Which TopoJSON layer is drawn. */
  layer: "region" | "district";
  /** Codes of the features drawn and fitted; empty = the whole layer. */
  features: string[];
  /** Code of the feature outlined as "this unit". */
  highlight?: string;
  values: { code: string; value: number | null; status: Status; text: string }[];
}

/** Why a value is only referential (grey). `no-target`: no target for the year at any level. */
export type ReferentialReason = "few-schools" | "high-cv" | "no-target";

export type AlertKind = "fell" | "red-streak" | "below-minimum" | "turned-green" | "no-data" | "referential";

export interface Alert {
  kind: AlertKind;
  indicator: string;
  /** Lower is more important; alerts are sorted by it. */
  priority: number;
  /** Plain sentence in the view's locale. */
  text: string;
  /** red-streak only: how many school months in a row the value has been red (≥ 3). */
  months?: number;
}

export interface IndicatorView {
  id: string;
  label: string;
  category: string;
  better: "higher" | "lower";
  value: Figure;
  numerator: number;
  denominator: number;
  schools: number;
  status: Status;
  /** Locale label of the status ("En meta", "Alerta", …). */
  statusLabel: string;
  /** Why the status is grey: too few schools, cv too high, or no target for the year. */
  referentialReason: ReferentialReason | null;
  previous: ChangeView | null;
  yearAgo: ChangeView | null;
  targets: TargetsView;
  /** The last 12 school months, oldest first, ending at the report's period. */
  series: SeriesPoint[];
  /** Own value, region (for a district), national, and for a district its neighbours. */
  comparisons: UnitValue[];
  /** District: the other districts of its region; region: its districts; national: regions. */
  peers: Ranking;
  /** Rank among all units of the same level (district: all districts; region: all regions). */
  rankNational: RankSummary | null;
  /** District only: rank within its region. */
  rankRegional: RankSummary | null;
  /** National only: top and bottom 10 districts, labelled "DRE … – UGEL …". */
  top: UnitValue[];
  bottom: UnitValue[];
  /** National only: "27 UGEL empatadas en el puesto 1; se muestran 10" when a list cuts a tie; "" otherwise. */
  topTie: string;
  bottomTie: string;
  /** Region and national: districts by status. */
  statusCounts: Record<Status, number> | null;
  map: MapSpec;
  /** National only: the district-level map. */
  districtMap: MapSpec | null;
}

export interface Headline {
  counts: Record<Status, number>;
  biggestImprovement: { indicator: string; label: string; change: ChangeView } | null;
  biggestFall: { indicator: string; label: string; change: ChangeView } | null;
  /** One sentence summarising the month. */
  text: string;
}

export interface GoodPracticeView {
  title: string;
  district: UnitRef;
  region: UnitRef;
  period: Period;
  periodLabel: string;
  indicator: string;
  indicatorLabel: string;
  /** Sanitized HTML made from the untrusted Markdown (allow-list only). */
  html: string;
  /** The language the story is shown in: an English report shows a Spanish story when it has no translation. */
  language: Locale;
}

export interface SchoolRow {
  code: string;
  name: string;
  /** District the school belongs to (for region lists). */
  districtCode: string;
  cells: { value: number | null; text: string; belowMinimum: boolean }[];
  /** Below the district's minimum on at least one indicator. */
  flagged: boolean;
  /** How many indicators are below the district's minimum. */
  belowCount: number;
  /** Sum of the points past the minimum over those indicators: "how far", the second sort key. */
  shortfall: number;
  /** Labels of the indicators below the minimum, catalogue order. */
  failing: string[];
  info: SchoolInfo | null;
}

export interface SchoolsView {
  period: Period;
  /** Indicator ids of the columns, catalogue order; `yesNo` when every school value of the month is 0 or 100. */
  indicators: { id: string; label: string; yesNo: boolean }[];
  /** Most indicators below the minimum first, then the largest shortfall, then name and code. */
  rows: SchoolRow[];
  /** The visit plan: the first rows with at least one indicator below the minimum (at most 5). */
  visitFirst: SchoolRow[];
}

/** A unit's contact line: its monitoring contact and the enabling team's reply address. */
export interface ContactView {
  contact: Contact | null;
  /** dataset.json `email.replyTo`, else `email.from`. */
  replyTo: string;
}

/** A district without any visit this month: the last months it had, newest first. */
export interface NoVisitsView {
  lastMonths: {
    period: Period;
    periodLabel: string;
    cells: { indicator: string; value: number | null; text: string; status: Status }[];
  }[];
}

/** One district's notable fall or turn to red (region and national lists). */
export interface MoverView {
  district: UnitRef;
  /** "DRE … – UGEL …" on national lists, the UGEL's name on region lists. */
  label: string;
  indicator: string;
  indicatorLabel: string;
  change: ChangeView;
  previousText: string;
  currentText: string;
  status: Status;
  turnedRed: boolean;
}

/** Where a commitment stands if the year ended today (compute/computeCommitment.ts). */
export type CommitmentState = "met" | "at-risk" | "out-of-reach" | "no-data" | "no-target";

/** One commitment of the report's unit, judged on the months so far. */
export interface CommitmentStanding {
  indicator: string;
  indicatorLabel: string;
  type: "fija" | "variable";
  typeLabel: string;
  /** "mar.–oct. 2026 (8 meses)". */
  monthsLabel: string;
  /**
   * The shown (one-decimal) value of each evaluation month so far, the figures the average is
   * taken of, printed on the page so that a reader can redo it; value null = no data that month.
   */
  monthly: { period: Period; label: string; value: number | null; text: string }[];
  /** The evaluation months still to come, in words ("noviembre de 2026"); "" when none remain. */
  remainingLabel: string;
  /** Evaluation months up to the report's month, and how many of them had data. */
  monthsSoFar: number;
  monthsWithData: number;
  monthsRemaining: number;
  ytd: Figure;
  baseline: Figure;
  minimum: Figure;
  target: Figure;
  progress: number | null;
  progressText: string;
  /** Average needed in the remaining months; value null when met or no month remains. */
  needed: Figure;
  state: CommitmentState;
  stateLabel: string;
  /** Status colour the state is drawn with (met green, at risk amber, out of reach red). */
  status: Status;
  amount: number;
  amountText: string;
  transfer: number;
  transferText: string;
}

/** A unit's commitments of the report's year: each standing, and the estimated transfer. */
export interface CommitmentsView {
  year: number;
  rows: CommitmentStanding[];
  transfer: number;
  transferText: string;
  /** The unit's maximum assignable amount: the sum of its commitments' amounts. */
  maximum: number;
  maximumText: string;
}

/**
 * Soles of a set of commitments, "if the year ended today" (compute/buildMoney.ts): secured is the
 * estimated transfer (the commitments page's figure); still winnable, what the commitments at risk
 * (or without data yet, with months to go) can still add; lost, what those out of reach cannot;
 * unknown, commitments without a target. secured + winnable + lost + unknown = maximum.
 */
export interface MoneyTotals {
  maximum: number;
  secured: number;
  winnable: number;
  lost: number;
  unknown: number;
  maximumText: string;
  securedText: string;
  winnableText: string;
  lostText: string;
  unknownText: string;
}

/** The one commitment where most can still be won, and the value it needs. */
export interface MoneyStake {
  indicator: string;
  indicatorLabel: string;
  /** Soles still winnable on it. */
  amount: number;
  amountText: string;
  /** Average needed in the remaining evaluation months. */
  needed: Figure;
  /** "noviembre de 2026". */
  monthsLabel: string;
  /** "S/ 80 000 aún en juego: Asistencia de docentes necesita 95.8% en noviembre de 2026." */
  text: string;
}

/** A unit of a list of those with most at stake (a region's UGELs, the nation's regions). */
export interface MoneyUnit {
  code: string;
  name: string;
  totals: MoneyTotals;
}

/** Money on the cover: the same figures as the commitments pages, told in soles. */
export interface MoneyView {
  year: number;
  /** The unit's own commitments (district, region); null for the nation or when it signed none. */
  own: MoneyTotals | null;
  /** Region: its UGELs' commitments summed; national: every DRE's and UGEL's. Null for a district. */
  units: MoneyTotals | null;
  /** The own commitment where most can still be won; null when nothing is winnable. */
  stake: MoneyStake | null;
  /** Region: its UGELs with most still winnable; national: the regions (DRE and UGELs). At most 3. */
  mostAtStake: MoneyUnit[];
}

/** Counts of commitments by state. */
export interface CommitmentCounts {
  met: number;
  atRisk: number;
  outOfReach: number;
  /** No data yet, or no target to judge against. */
  unknown: number;
}

/** The national page: every region's and UGEL's standing. */
export interface CommitmentsSummaryView {
  year: number;
  /** Per indicator and level (DRE commitments, UGEL commitments). */
  byIndicator: {
    indicator: string;
    indicatorLabel: string;
    level: "region" | "district";
    counts: CommitmentCounts;
  }[];
  /** Per region: its DRE's and its UGELs' commitments together. */
  regions: {
    code: string;
    name: string;
    counts: CommitmentCounts;
    transfer: number;
    transferText: string;
    maximum: number;
    maximumText: string;
  }[];
  counts: CommitmentCounts;
  transfer: number;
  transferText: string;
  maximum: number;
  maximumText: string;
}

/** One row of a report's table: a region (national report) or a district (region report). */
export interface TableRow {
  unit: UnitRef;
  cells: {
    indicator: string;
    value: number | null;
    text: string;
    status: Status;
    /** Change since last school month; null without a reliable value in both months. */
    change: ChangeView | null;
  }[];
}

/** What every report shows, whatever its level. */
interface UnitViewBase {
  code: string;
  name: string;
  period: Period;
  /** "octubre de 2026". */
  periodLabel: string;
  locale: Locale;
  /** Dataset name, and whether its figures are synthetic (the report then says so). */
  datasetName: string;
  synthetic: boolean;
  /** The traffic-light rule's knobs, written out on the methodology page. */
  thresholds: Thresholds;
  headline: Headline;
  indicators: IndicatorView[];
  alerts: Alert[];
  goodPractices: GoodPracticeView[];
  /** Who to call. */
  contact: ContactView;
}

/**
 * The national report. Fields of other levels are kept with their empty value (`null`, `[]`) so
 * that every view has the same keys (`semaforo views` writes them), but typed as always empty.
 */
export interface NationalView extends UnitViewBase {
  level: "national";
  region: null;
  schools: null;
  noVisits: null;
  /** Districts that turned red or fell most. */
  movers: MoverView[];
  regionSchools: [];
  /** Every region's and UGEL's commitments (absent when the dataset has none for the year). */
  commitmentsSummary?: CommitmentsSummaryView;
  /** Regions × indicators. */
  /** Money on the cover (absent when the dataset has no commitments for the year). */
  money?: MoneyView;
  table: TableRow[];
}

export interface RegionView extends UnitViewBase {
  level: "region";
  region: null;
  schools: null;
  noVisits: null;
  /** Districts that fell most. */
  movers: MoverView[];
  /** The schools of the region with most indicators below the minimum. */
  regionSchools: SchoolRow[];
  /** The region's performance commitments of the year (absent when none). */
  commitments?: CommitmentsView;
  /** Its districts on the enabling team's list "a acompañar" this month, in the brief's order. */
  teamPriority: { rank: number; unit: UnitRef }[];
  /** Money on the cover (absent when the dataset has no commitments for the year). */
  money?: MoneyView;
  /** Its districts × indicators. */
  table: TableRow[];
}

export interface DistrictView extends UnitViewBase {
  level: "district";
  /** The district's region. */
  region: UnitRef;
  /** Null when the dataset has no school results for the district this month. */
  schools: SchoolsView | null;
  /** Set when the district has no result at all this month: the short report. */
  noVisits: NoVisitsView | null;
  movers: [];
  regionSchools: [];
  /** The district's performance commitments of the year (absent when none). */
  commitments?: CommitmentsView;
  /** Money on the cover (absent when the dataset has no commitments for the year). */
  money?: MoneyView;
  table: [];
}

/** Everything one unit's report shows: one shape per level, narrowed on `level`. */
export type ReportView = NationalView | RegionView | DistrictView;

/**
 * The view of one level of report, `LevelView<"district">` = `DistrictView`; `LevelView` alone is
 * any report's view, a unit's or the enabling team's brief, narrowed on `level` like `ReportView`.
 */
export type LevelView<L extends ReportLevel = ReportLevel> = Extract<
  ReportView | TeamBriefView,
  { level: L }
>;

// ---------------------------------------------------------------------------------------------
// The enabling team's monthly brief (level `team`): compute/buildTeamBrief.ts → render.
// ---------------------------------------------------------------------------------------------

/** Why an indicator of a unit needs support this month (docs/decisions.md, "The team's brief"). */
export type WeakReason = "below-minimum" | "red-streak" | "fell" | "commitment";

/** One month of a short series: the value, and whether it is referential (and why). */
export interface BriefTrendPoint {
  period: Period;
  label: string;
  value: Figure;
  /** Few schools or a high cv: shown grey with "ref.", never as a plain value. */
  referential: boolean;
  /** Why it is referential, in the brief's locale ("1 escuela visitada"); null when reliable. */
  reason: string | null;
}

/** One weak indicator of a unit that needs support. */
export interface WeakIndicatorView {
  indicator: string;
  indicatorLabel: string;
  value: Figure;
  status: Status;
  statusLabel: string;
  reasons: WeakReason[];
  /** Plain sentences, one per reason, in the brief's locale. */
  reasonTexts: string[];
  /** The last school months, oldest first, referential ones marked. */
  trend: BriefTrendPoint[];
  /** The same as text: "82,0 % → ref. 79,5 % → 76,1 %". */
  trendText: string;
  /** School months in a row below the minimum, ending this month. */
  redStreak: number;
  /** Worsening since last school month in points (positive = worse); null when not reliable. */
  fall: number | null;
  /** Points below the minimum this month (reliable values only); 0 when not below. */
  gap: number;
  /** A commitment on this indicator that is still winnable (plausible), its amount in soles. */
  winnable: { amount: number; needed: number } | null;
}

/** The severity score's parts (docs/decisions.md, "The team's brief"); `total` is their sum. */
export interface SeverityScore {
  /** 10 per indicator below the minimum this month. */
  red: number;
  /** Points below the minimum, each indicator capped at 20. */
  gap: number;
  /** 5 per month of each red streak beyond the first, each capped at 20. */
  streak: number;
  /** Points fallen, each fall of at least the alert capped at 20. */
  fall: number;
  /** 10 per winnable commitment. */
  commitment: number;
  total: number;
}

export type TeamPriority = "acompañar" | "observar" | "resto";

/** Since support began, per accompanied indicator: improving, flat, or no improvement after N months. */
export type SupportOutcome = "improving" | "flat" | "no-improvement";

/** A unit that needs support, in rank order. */
export interface SupportUnitView {
  rank: number;
  priority: TeamPriority;
  unit: UnitRef;
  region: UnitRef | null;
  score: SeverityScore;
  /** Indicators below the minimum this month (reliable values). */
  reds: number;
  /** Indicators below the minimum for two or more school months in a row. */
  streaks: number;
  /** Winnable commitments (at risk, and the value needed is plausible). */
  commitmentsAtRisk: number;
  /** Largest worsening since last month, in points; 0 when none. */
  worstFall: number;
  weak: WeakIndicatorView[];
  /** Green values that fell at least the alert: not weak, a note to watch. */
  watch: string[];
  contact: Contact | null;
  /** Set when support.csv has actions for the unit in the last `supportMonths` months. */
  supported: { since: string; outcome: SupportOutcome; text: string } | null;
  /** Matched stories (units to accompany only): titles and places. */
  stories: { title: string; file: string; district: string; region: string; indicatorLabel: string }[];
}

/** A unit to learn from: strong or clearly improving reliable results in a hard context. */
export interface LearnFromView {
  unit: UnitRef;
  region: UnitRef | null;
  indicator: string;
  indicatorLabel: string;
  value: Figure;
  /** Change over 3 and 12 months, points in the good direction positive; null without reliable values. */
  change3: number | null;
  change12: number | null;
  regionValue: Figure;
  /** Share of rural schools visited this month (0–1), null without schools.csv `area`. */
  ruralShare: number | null;
  /** Why the context is hard: "rural" (most schools rural), "region-red" (its region below the minimum). */
  hard: ("rural" | "region-red")[];
  /** A story from this unit on this indicator already exists. */
  story: string | null;
}

/** What changed in a supported unit's indicator since support started. */
export interface FollowUpView {
  unit: UnitRef;
  indicator: string;
  indicatorLabel: string;
  /** The first support action's date, and every action taken, oldest first (untrusted text). */
  since: string;
  actions: { date: string; action: string }[];
  /** The last school month before support started, and its value. */
  beforePeriod: Period | null;
  beforeLabel: string;
  before: Figure;
  now: Figure;
  /** now − before, points; good is judged with the indicator's direction. */
  change: { points: number | null; text: string; good: boolean | null };
  /** Before or now is referential (few schools, high cv): marked "ref.". */
  beforeReferential: boolean;
  nowReferential: boolean;
  /** The result since support began, and school months since then. */
  outcome: SupportOutcome;
  months: number;
  /** Actions in the last `supportMonths` months: the unit is accompanied now. */
  current: boolean;
}

/** The month's data quality. */
export interface DataQualityView {
  /** Districts without any result this month. */
  noVisits: UnitRef[];
  /** Districts with referential values this month: which indicators, and why. */
  referential: { unit: UnitRef; items: string[] }[];
  /** Districts missing school months of the year so far (this month included), by month label. */
  missingMonths: { unit: UnitRef; months: string[] }[];
}

/** The enabling team's brief: one per dataset (code PE); `level` is the discriminant of `LevelView`. */
export interface TeamBriefView {
  level: "team";
  period: Period;
  periodLabel: string;
  locale: Locale;
  datasetName: string;
  synthetic: boolean;
  /** dataset.json `thresholds.fallAlert`: the fall that lists a unit, stated in the rule. */
  fallAlert: number;
  /** The team's settings in force (capacity, months that count as "accompanied"). */
  settings: TeamSettings;
  /** Every unit that needs support, ranked, with its priority (the CSV lists them all). */
  units: SupportUnitView[];
  /** UGEL to document good practices from (up to 10). */
  learnFrom: LearnFromView[];
  followUp: FollowUpView[];
  quality: DataQualityView;
}

// ---------------------------------------------------------------------------------------------
// Archive and delivery.
// ---------------------------------------------------------------------------------------------

// The manifest's types are inferred from its schema, the one definition of manifest.json.
export type {
  Manifest,
  ManifestAttachment,
  ManifestFailure,
  ManifestHeadline,
  ManifestRebuild,
  ManifestReport,
  ManifestSms,
  SupersededReport,
} from "./formats/manifest.js";

// The ledger's types are inferred from its schema, the one definition of a deliveries.jsonl line.
export type { DeliveryEvent, DeliveryState } from "./formats/ledger.js";
export { DELIVERY_STATES } from "./formats/ledger.js";

/**
 * The visible strings of one locale (`templates/locales/<locale>.json`), flat dotted keys
 * such as `status.green` or `alert.fell`. Placeholders are written `{name}`.
 */
export type Messages = Record<string, string>;
