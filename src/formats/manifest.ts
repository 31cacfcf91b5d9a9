import { z } from "zod";
import { insidePeriod } from "./insidePeriod.js";
import { open } from "./open.js";

/**
 * `OUT/PERIOD/manifest.json`: the one definition of its shape. The TypeScript types below are
 * inferred from this schema (model.ts re-exports them), archive/manifest.ts reads every field
 * through it, and every object is `loose`: a field this version does not know (written by a newer
 * one, or added by hand) is kept through every rewrite — publish, a partial build, a completed
 * commit — never dropped.
 */

export const levelSchema = z.enum(["national", "region", "district", "team"]);
export const languageSchema = z.enum(["es", "en"]);
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "is not a sha256 (64 hex digits)");
export const countSchema = z.number().int().nonnegative();
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "is not a month YYYY-MM");
/** A path relative to the period folder that stays inside it (checked again when resolved). */
export const relativeFileSchema = z
  .string()
  .min(1)
  .refine((file) => insidePeriod("/period", file) !== null, "points outside the period folder");

/** A file that goes with a report (e.g. `team/PE-equipo-de-acompanamiento.csv`), path relative to the period folder. */
const attachment = open({ file: relativeFileSchema, sha256: sha256Schema, bytes: countSchema });

/** What the e-mail body says about a report: indicator counts by status and the headline sentence (in the report's language). */
const headline = open({
  green: countSchema,
  amber: countSchema,
  red: countSchema,
  referential: countSchema,
  noData: countSchema,
  text: z.string(),
});

/** One SMS of a report: its whole text, as sent. */
const sms = open({
  /** E.164. */
  to: z.string().regex(/^\+[1-9][0-9]{7,14}$/),
  /** The recipient's name, or the school director's (or the school's when none is given). */
  name: z.string(),
  /** For a school director's SMS: the school. */
  school: open({ code: z.string().min(1), name: z.string() }).optional(),
  /** GSM-7, at most two segments (306 characters), ending with the 5-character reference. */
  text: z.string().max(320),
});

/** What identifies an archived PDF: the unit, its file (relative to the period folder), and the bytes as hashed. */
const archivedPdf = {
  level: levelSchema,
  code: z.string().min(1),
  name: z.string(),
  language: languageSchema,
  file: relativeFileSchema,
  sha256: sha256Schema,
  bytes: countSchema,
  pages: countSchema,
};

export const manifestReportSchema = open({
  ...archivedPdf,
  recipients: z.array(z.string()),
  /** Recipient names by address (from recipients.csv), for the e-mail's To: header; send falls back to the address. */
  recipientNames: z.record(z.string(), z.string()).optional(),
  /** The view's headline, for the e-mail body; without it send omits the summary. */
  headline: headline.optional(),
  /** Files archived and sent with the PDF (the team brief's CSV). */
  attachments: z.array(attachment).optional(),
  /**
   * The report's SMS (issue #25), one per phone: to the unit's recipients with a phone and, on a
   * district's Spanish report with dataset.json `sms.schools`, to the directors of the schools
   * visited. Made by the build from the report's view, so `send` needs only the period folder.
   */
  sms: z.array(sms).optional(),
  /**
   * sha256 of everything that reaches Chromium for this report (final HTML, print options,
   * browser version, PDF metadata, attachments): a later build with the same key reuses the
   * archived PDF. Older manifests have none, and their reports are printed again.
   */
  key: sha256Schema.optional(),
  /**
   * The same, with the source of the HTML (its view and the renderer's fingerprint) in place of
   * the HTML, hashed together with `key`: a later build with the same source knows the key
   * without rendering the report (and a `key` edited by hand no longer matches).
   */
  source: sha256Schema.optional(),
});

/** A delivered PDF that a later build replaced, kept in the archive as `superseded/<sha256>.pdf`. */
const superseded = open({
  ...archivedPdf,
  /** When the build that made it ran. */
  generatedAt: z.string(),
  /** When the build that replaced it ran. */
  supersededAt: z.string(),
  /** The report's attachments as delivered with it (the team brief's CSV), kept beside it. */
  attachments: z.array(attachment).optional(),
});

const failure = open({
  level: levelSchema,
  code: z.string().min(1),
  language: languageSchema,
  error: z.string(),
  previous: z.enum(["kept", "none"]).optional(),
});

/** How a set was built, beyond its inputs, tool and browser: enough to build it again. */
const rebuild = open({
  /** The dataset folder, absolute, as the build read it. */
  dataDir: z.string().min(1),
  /** The date inside every PDF and in its footer (ISO 8601): the close of the period, not the clock. */
  sourceDate: z.string(),
  /** `--lang`, when the build had it. */
  lang: languageSchema.optional(),
  /** Thresholds from the settings (semaforo.config.json) that replaced dataset.json's. */
  thresholds: open({
    minSchools: z.number().optional(),
    maxCv: z.number().optional(),
    amberBand: z.number().optional(),
    fallAlert: z.number().optional(),
  }).optional(),
  /** Chromium's page.pdf options, viewport and launch flags (also part of each report's key). */
  print: z.record(z.string(), z.unknown()),
});

export const manifestSchema = open({
  version: z.literal(1),
  period: periodSchema,
  /** ISO 8601. */
  generatedAt: z.string(),
  tool: open({ name: z.string(), version: z.string() }),
  browser: z.string(),
  /** `timeZone`: the dataset's, in which status shows times (older manifests lack it). */
  dataset: open({ name: z.string(), synthetic: z.boolean(), timeZone: z.string().optional() }).default({
    name: "",
    synthetic: false,
  }),
  inputs: z.array(open({ path: z.string(), sha256: z.string() })),
  /** What `verify --rebuild` needs to build the set again. Optional in older manifests. */
  rebuild: rebuild.optional(),
  reports: z.array(manifestReportSchema),
  /** The dataset's sender (dataset.json `email`), for `send`. Optional in older manifests. */
  email: open({
    from: z.string(),
    fromName: z.string().optional(),
    replyTo: z.string().optional(),
  }).optional(),
  /**
   * Reports that could not be rendered in the last build, with the reason. `previous: "kept"`:
   * the archived PDF listed in `reports` is an earlier build's, kept because this one failed.
   */
  failures: z.array(failure).default([]),
  /**
   * Earlier builds of reports that someone may have received (a `sent` or `unknown` delivery),
   * kept byte for byte in `superseded/<sha256>.pdf` when a rebuild replaced them.
   */
  superseded: z.array(superseded).default([]),
  /**
   * The public site and open data of `semaforo publish` (`public/…`, paths relative to the
   * period folder), hashed like the PDFs; absent until the month is published.
   */
  public: open({
    generatedAt: z.string(),
    files: z.array(open({ path: relativeFileSchema, sha256: sha256Schema, bytes: countSchema })),
  }).optional(),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestReport = z.output<typeof manifestReportSchema>;
export type ManifestAttachment = z.output<typeof attachment>;
export type ManifestHeadline = z.output<typeof headline>;
export type ManifestRebuild = z.output<typeof rebuild>;
export type SupersededReport = z.output<typeof superseded>;
export type ManifestFailure = z.output<typeof failure>;
export type ManifestSms = z.output<typeof sms>;
