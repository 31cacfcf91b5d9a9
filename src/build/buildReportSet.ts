import { buildReportSms } from "../deliver/sms/buildReportSms.js";
import { assertPeriod } from "../assertPeriod.js";
import { errors, InternalError } from "../errors.js";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type {
  Dataset,
  ReportLevel,
  Locale,
  Messages,
  Period,
  Problem,
  ReportView,
  TeamBriefView,
  TeamSettings,
  Thresholds,
} from "../model.js";
import { applySettings } from "../config/settings.js";
import { assertPeriodInDataset } from "../dataset/assertPeriodInDataset.js";
import type { ResultsOptions } from "../dataset/parseDataset.js";
import { findProjectRoot } from "../findProjectRoot.js";
import {
  CHROMIUM_ARGS,
  PDF_OPTIONS,
  PRINT_VIEWPORT,
  printerConcurrency,
  type Printer,
  type PrinterOptions,
} from "../pdf/launchPrinter.js";
import { planReports, type PlanOptions } from "./planReports.js";
import { planTeamReports } from "./planTeamReports.js";
import { renderTeamCsv } from "../render/renderTeamCsv.js";
import { printAndArchive, type ArchiveResult, type ReportJob } from "./printAndArchive.js";
import type { ArchiveEffects } from "./archiveEffects.js";
import { lazyPrinter } from "./lazyPrinter.js";
import { reportSource } from "./rendererFingerprint.js";
import { sourceDate } from "./sourceDate.js";

export interface BuildOptions extends PlanOptions {
  dataDir: string;
  period: Period;
  /** Default "out". */
  outDir?: string;
  concurrency?: number;
  /** Per-report print timeout, ms. */
  timeoutMs?: number;
  restartEvery?: number;
  /** Print every report, reusing none (`--full`). */
  full?: boolean;
  /** Thresholds from semaforo.config.json that replace dataset.json's (recorded for a rebuild). */
  thresholds?: Partial<Thresholds>;
  /** Team settings from semaforo.config.json that replace dataset.json's `team` (recorded for a rebuild). */
  team?: Partial<TeamSettings>;
}

/**
 * Turns one view into the report's HTML: made once per locale (templates compiled once). Its
 * fingerprint (rendererFingerprint) covers everything besides the view that reaches the HTML.
 */
export interface ViewRenderer<View = ReportView> {
  render: (view: View) => string;
  fingerprint: string;
}

/** The IO of a build, passed in so tests can use their own (Observable Framework's "effects"). */
export interface BuildEffects {
  /** `options.keep`: the months whose results rows are kept (a build needs none after its period). */
  readDataset: (
    dir: string,
    options?: ResultsOptions,
  ) => Promise<{ dataset: Dataset | null; problems: Problem[]; months?: Period[] }>;
  readMessages: (locale: Locale) => Promise<Messages>;
  buildViews: (
    dataset: Dataset,
    period: Period,
    options: { locale: Locale; messages: Messages },
  ) => ReportView[];
  /** Prepares the renderer of one locale for this run. */
  makeRenderer: (dataset: Dataset, messages: Messages, generatedAt: string) => Promise<ViewRenderer>;
  /**
   * The enabling team's brief (recipients of level `team`): its view and its HTML. Optional for
   * fakes whose datasets have no team recipient; a build that needs them and lacks them is a bug.
   */
  buildTeamBrief?: (
    dataset: Dataset,
    period: Period,
    options: { locale: Locale; messages: Messages },
  ) => TeamBriefView;
  makeTeamRenderer?: (messages: Messages, generatedAt: string) => Promise<ViewRenderer<TeamBriefView>>;
  /**
   * The version the browser launchPrinter would start reports ("Chrome/156.0.8078.114"), known
   * without starting it: part of every report's key. The browser is launched only when a report
   * must be printed.
   */
  browserVersion: () => Promise<string>;
  launchPrinter: (options: PrinterOptions) => Promise<Printer>;
  /** Every read and write of the period folder, its locks and its ledger (printAndArchive's IO). */
  archive: ArchiveEffects;
  now: () => Date;
  /** Called once the browser runs, so the CLI can kill it on Ctrl-C / SIGTERM. */
  onPrinter?: (printer: Printer) => void;
  onStart?: (total: number) => void;
  onReport?: Parameters<typeof printAndArchive>[2]["onReport"];
  /** A full garbage collection (collectGarbage.ts), run every GC_EVERY printed reports to bound Node's memory. */
  collectGarbage?: () => void;
}

export type BuildOutcome =
  | { kind: "invalid"; problems: Problem[] }
  | ({
      kind: "built";
      periodDir: string;
      ms: number;
      stages: Record<string, number>;
      warnings: Problem[];
    } & ArchiveResult);

export function readToolInfo(root: string = findProjectRoot()): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}

/** Printed reports between two full garbage collections (see collectGarbage.ts). */
const GC_EVERY = 8;

const LANGUAGE_TAG: Record<Locale, string> = { es: "es-PE", en: "en" };

/** What Chromium is told besides the HTML: recorded in the manifest and part of every report's key. */
export const PRINT_SETTINGS = { pdf: PDF_OPTIONS, viewport: PRINT_VIEWPORT, args: CHROMIUM_ARGS };

/**
 * `semaforo build`: read and validate the dataset (an invalid one stops here, nothing written) →
 * views → HTML → PDFs (printed, checked, stamped) → archive and manifest.
 */
export async function buildReportSet(options: BuildOptions, effects: BuildEffects): Promise<BuildOutcome> {
  const started = performance.now();
  const stages: Record<string, number> = {};
  const lap = (name: string, since: number) => (stages[name] = Math.round(performance.now() - since));
  assertPeriod(options.period);

  let t = performance.now();
  const read = await effects.readDataset(options.dataDir, { keep: (month) => month <= options.period });
  const { problems } = read;
  if (!read.dataset || problems.some((p) => p.severity === "error")) return { kind: "invalid", problems };
  assertPeriodInDataset(read.dataset, options.period, options.dataDir, read.months);
  // Thresholds from semaforo.config.json (or a rebuild's manifest) win over dataset.json.
  const dataset = applySettings(read.dataset, options);
  lap("read", t);

  // Chromium's version is read (≈ 40 ms) while the views are made; the browser itself starts
  // only when the first report that is not reused must be printed.
  const versionRead = effects.browserVersion();
  versionRead.catch(() => {}); // awaited below; a failure while the views are made is reported there
  const printer = lazyPrinter(
    () =>
      effects.launchPrinter({
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        restartEvery: options.restartEvery,
      }),
    {
      concurrency: printerConcurrency(options.concurrency),
      expected: versionRead,
      onLaunch: (launched, ms) => {
        stages.launch = ms;
        effects.onPrinter?.(launched);
      },
    },
  );
  // A build that can reuse nothing (into a new folder, or --full) starts the browser at once, so
  // that its start-up overlaps the views; any other starts it at the first report to print.
  const periodDir = join(options.outDir ?? "out", options.period);
  if (options.full || !effects.archive.hasManifest(periodDir)) printer.warm();
  try {
    return await prepareAndPrint(dataset);
  } finally {
    await printer.close();
  }

  /** The brief's jobs: its PDF, and its CSV archived and sent with it. */
  async function teamJobs(plans: ReturnType<typeof planTeamReports>, dataset: Dataset, reportDate: string) {
    if (plans.length === 0) return [];
    const { buildTeamBrief, makeTeamRenderer } = effects;
    if (!buildTeamBrief || !makeTeamRenderer) throw new InternalError("no team brief effects");
    const jobs: ReportJob[] = [];
    for (const plan of plans) {
      const m = await effects.readMessages(plan.language);
      const view = buildTeamBrief(dataset, options.period, { locale: plan.language, messages: m });
      const renderer = await makeTeamRenderer(m, reportDate);
      const title = m["team.title"] ?? "";
      jobs.push({
        ...plan,
        source: reportSource(renderer.fingerprint, view),
        html: () => renderer.render(view),
        mustContain: [title],
        // No headline: the e-mail's summary counts indicators, which the brief has none of.
        attachments: () => [
          { file: plan.file.replace(/\.pdf$/, ".csv"), bytes: new TextEncoder().encode(renderTeamCsv(view)) },
        ],
        info: {
          author: m["pdf.author"] ?? "Semáforo Escuela",
          subject: `${plan.name} · ${view.periodLabel}`,
          keywords: ["Semáforo Escuela", dataset.config.name, plan.level, plan.code, options.period],
          language: LANGUAGE_TAG[plan.language],
        },
      });
    }
    return jobs;
  }

  /** Views → HTML jobs → PDFs and archive, with the browser launched meanwhile. */
  async function prepareAndPrint(dataset: Dataset): Promise<BuildOutcome> {
    t = performance.now();
    const generatedAt = effects.now();
    // The date the reports carry (footer and PDF metadata): the period's, so rebuilds are identical.
    const reportDate = sourceDate(options.period);
    const locales: Locale[] = options.lang
      ? [options.lang]
      : dataset.recipients.some((r) => r.language === "en")
        ? ["es", "en"]
        : ["es"];
    const messages = new Map<Locale, Messages>();
    const views = new Map<Locale, Map<string, ReportView>>();
    const makeViews = async (locale: Locale, only?: ReadonlySet<string>) => {
      const m = await effects.readMessages(locale);
      messages.set(locale, m);
      const made = effects.buildViews(dataset, options.period, {
        locale,
        messages: m,
        ...(only ? { only } : {}),
      });
      views.set(locale, new Map(made.map((v) => [`${v.level}/${v.code}`, v])));
    };
    // Every unit in the first language (Spanish when there is any: units and their Spanish names,
    // for the plan and the file names, come from it); in the others, only the units planned in them.
    const [first = "es", ...others] = locales;
    await makeViews(first);
    const plans = planReports(
      [...(views.get(first) as Map<string, ReportView>).values()],
      dataset.recipients,
      options,
    );
    for (const locale of others) {
      await makeViews(
        locale,
        new Set(plans.filter((p) => p.language === locale).map((p) => `${p.level}/${p.code}`)),
      );
    }
    const teamPlans = planTeamReports(
      dataset.recipients,
      (messages.get("es") ?? (await effects.readMessages("es")))["team.recipientName"] ?? "Equipo",
      options,
    );
    if (plans.length + teamPlans.length === 0 && (options.only || options.level)) {
      throw errors.noReportMatches([
        ...(options.only ? [`--only ${options.only.join(",")}`] : []),
        ...(options.level ? [`--level ${options.level}`] : []),
      ]);
    }
    lap("views", t);

    t = performance.now();
    const renderers = new Map<Locale, ViewRenderer>();
    for (const locale of new Set(plans.map((p) => p.language))) {
      renderers.set(
        locale,
        await effects.makeRenderer(dataset, messages.get(locale) as Messages, reportDate.toISOString()),
      );
    }
    lap("templates", t);

    const tool = readToolInfo();
    const jobs: ReportJob[] = plans.map((plan) => {
      const view = views.get(plan.language)?.get(`${plan.level}/${plan.code}`);
      if (!view) throw new InternalError(`no ${plan.language} view for ${plan.level} ${plan.code}`);
      const m = messages.get(plan.language) as Messages;
      const renderer = renderers.get(plan.language) as ViewRenderer;
      return {
        ...plan,
        source: reportSource(renderer.fingerprint, view),
        html: () => renderer.render(view),
        mustContain: [view.name, ...view.indicators.map((i) => i.label)],
        sms: buildReportSms(options.period, plan, view, m, dataset.config.sms?.schools ?? false),
        headline: {
          green: view.headline.counts.green,
          amber: view.headline.counts.amber,
          red: view.headline.counts.red,
          referential: view.headline.counts.referential,
          noData: view.headline.counts["no-data"],
          text: view.headline.text,
        },
        info: {
          author: m["pdf.author"] ?? "Semáforo Escuela",
          subject: `${view.name} · ${view.periodLabel}`,
          keywords: ["Semáforo Escuela", dataset.config.name, plan.level, plan.code, options.period],
          language: LANGUAGE_TAG[plan.language],
        },
      };
    });
    jobs.push(...(await teamJobs(teamPlans, dataset, reportDate.toISOString())));
    effects.onStart?.(jobs.length);

    const partial = Boolean(options.only || options.level);
    const covers = partial
      ? (r: { level: ReportLevel; code: string; language: Locale }) =>
          (!options.only || options.only.includes(r.code)) &&
          (!options.level || r.level === options.level) &&
          (!options.lang || r.language === options.lang)
      : null;
    t = performance.now();
    let printed = 0;
    const browserVersion = await versionRead;
    const result = await printAndArchive(
      jobs,
      { ...printer, browserVersion },
      {
        periodDir,
        period: options.period,
        generatedAt,
        rebuild: {
          dataDir: resolve(options.dataDir),
          sourceDate: reportDate.toISOString(),
          ...(options.lang ? { lang: options.lang } : {}),
          ...(options.thresholds && Object.keys(options.thresholds).length > 0
            ? { thresholds: options.thresholds }
            : {}),
          ...(options.team && Object.keys(options.team).length > 0 ? { team: options.team } : {}),
          print: JSON.parse(JSON.stringify(PRINT_SETTINGS)) as Record<string, unknown>,
        },
        full: options.full,
        tool,
        dataset: {
          name: dataset.config.name,
          synthetic: dataset.config.synthetic,
          timeZone: dataset.config.timeZone,
        },
        inputs: dataset.inputs,
        email: dataset.config.email,
        covers,
        onReport: (event) => {
          if (event.error === undefined && !event.reused && ++printed % GC_EVERY === 0)
            effects.collectGarbage?.();
          effects.onReport?.(event);
        },
      },
      effects.archive,
    );
    lap("print+archive", t);
    return {
      kind: "built",
      periodDir,
      ms: Math.round(performance.now() - started),
      stages,
      warnings: problems.filter((p) => p.severity === "warning"),
      ...result,
    };
  }
}
