import { z } from "zod";
import type { DatasetConfig, Problem } from "../model.js";
import { checkAddress, checkHeaderText } from "../rules/checkAddress.js";
import { checkSenderName, PLAIN_SENDER_ADVICE } from "../rules/sender.js";
import { checkName } from "./checkName.js";
import { DEFAULT_TIME_ZONE } from "../locale/formatLocalTime.js";
import { parseJsonFile } from "./parseJsonFile.js";
import { at, problems } from "./problems.js";

export const DEFAULT_THRESHOLDS = { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 } as const;
export const DEFAULT_DIALECT = { delimiter: ",", decimal: ".", encoding: "utf8" } as const;

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** A zod check from one of the shared rules: the rule's reason becomes the issue's message. */
const rule = (check: (value: string) => string | null, explain: (reason: string) => string) =>
  z.string().superRefine((value, ctx) => {
    const reason = check(value);
    if (reason) ctx.addIssue({ code: "custom", message: explain(reason) });
  });

/** The send's own address rule (checkAddress): a sender that validates is never refused at send. */
const address = z
  .string()
  .trim()
  .pipe(rule(checkAddress, (reason) => `${PLAIN_SENDER_ADVICE}: ${reason}`));

/** The sender's display name, as the send checks it: one header line, no quotes or backslashes. */
const fromName = nonEmpty.pipe(rule(checkSenderName, (reason) => `${reason}: it goes into the From header`));

/**
 * A link printed on the public site: only http(s) URLs, so a `javascript:` or `file:` address in
 * dataset.json can never become a link that runs or reads something.
 */
const webLink = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && checkHeaderText(value) === null;
    } catch {
      return false;
    }
  }, "must be a web address starting with https:// (or http://)");

/** A licence or a source: a title alone, or `{title, name?, path?}` as Frictionless writes them. */
const attribution = z.preprocess(
  (value) => (typeof value === "string" ? { title: value } : value),
  z
    .object(
      {
        title: z
          .string({ error: "needs a title (the licence's or the source's name as readers see it)" })
          .trim()
          .min(1, "needs a title (the licence's or the source's name as readers see it)")
          .pipe(rule(checkName, (reason) => reason)),
        name: nonEmpty.pipe(rule(checkName, (reason) => reason)).optional(),
        path: webLink.optional(),
      },
      { error: 'must be a title, or {"title": …, "name": …, "path": "https://…"}' },
    )
    .strict(),
);

/** An IANA time zone that this Node knows (Intl): the zone in which times are shown to the operator. */
const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "America/Lima"');

const schema = z.object({
  name: nonEmpty.pipe(
    rule(
      (value) =>
        /^CHANGE ME\b/i.test(value)
          ? "is still the placeholder that semaforo init wrote: give the programme's name and country, as the reports' title shows it"
          : checkName(value),
      (reason) => reason,
    ),
  ),
  description: z
    .string()
    .max(2000, "must be at most 2,000 characters (a short description of the data)")
    .refine(
      (value) => !/^CHANGE ME\b/i.test(value),
      "is still the placeholder that semaforo init wrote: say what the data holds and where it comes from (the open data's datapackage.json carries it), or remove the key",
    )
    .optional(),
  synthetic: z.boolean().default(false),
  timeZone: timeZone.default(DEFAULT_TIME_ZONE),
  license: attribution.optional(),
  licenses: z.array(attribution).optional(),
  source: attribution.optional(),
  sources: z.array(attribution).optional(),
  geo: z.object({ file: nonEmpty, regions: nonEmpty, districts: nonEmpty }),
  email: z.object({ from: address, fromName: fromName.optional(), replyTo: address.optional() }),
  csv: z
    .object({
      // A quote, a line break, a letter or "." as the delimiter only breaks every row confusingly.
      delimiter: z
        .enum([",", ";", "\t", "|"], { error: 'must be ",", ";", "\\t" (tab) or "|"' })
        .default(DEFAULT_DIALECT.delimiter),
      decimal: z.enum([".", ","]).default(DEFAULT_DIALECT.decimal),
      encoding: z.enum(["utf8", "latin1"]).default(DEFAULT_DIALECT.encoding),
    })
    .default({ ...DEFAULT_DIALECT }),
  thresholds: z
    .object({
      minSchools: z.number().int().min(0).default(DEFAULT_THRESHOLDS.minSchools),
      maxCv: z.number().min(0).default(DEFAULT_THRESHOLDS.maxCv),
      amberBand: z.number().min(0).max(100).default(DEFAULT_THRESHOLDS.amberBand),
      fallAlert: z.number().min(0).max(100).default(DEFAULT_THRESHOLDS.fallAlert),
    })
    .default({ ...DEFAULT_THRESHOLDS }),
  // SMS (issue #25): directors of visited schools as recipients; numbers of any country.
  sms: z
    .object({ schools: z.boolean().default(false), international: z.boolean().default(false) })
    .strict()
    .default({ schools: false, international: false }),
});

/** dataset.json → DatasetConfig (defaults filled in), or null with the problems. */
export function parseDatasetConfig(
  text: string,
  file = "dataset.json",
): { config: DatasetConfig | null; raw: unknown; problems: Problem[] } {
  const parsed = parseJsonFile(text, file, schema);
  if (!parsed.value) return { config: null, raw: parsed.raw, problems: parsed.problems };
  const value = parsed.value;
  if (value.csv.decimal === "," && value.csv.delimiter === ",") {
    return {
      config: null,
      raw: parsed.raw,
      problems: [at({ file, ...parsed.locate(["csv", "decimal"]) }, problems.ambiguousDialect())],
    };
  }
  const config: DatasetConfig = {
    name: value.name,
    ...(value.description !== undefined ? { description: value.description } : {}),
    synthetic: value.synthetic,
    geo: value.geo,
    email: {
      from: value.email.from,
      ...(value.email.fromName ? { fromName: value.email.fromName } : {}),
      ...(value.email.replyTo ? { replyTo: value.email.replyTo } : {}),
    },
    csv: value.csv,
    thresholds: value.thresholds,
    timeZone: value.timeZone,
    sms: value.sms,
    licenses: [...(value.licenses ?? []), ...(value.license ? [value.license] : [])],
    sources: [...(value.sources ?? []), ...(value.source ? [value.source] : [])].map(
      (item: { title: string; path?: string }) => ({
        title: item.title,
        ...(item.path ? { path: item.path } : {}),
      }),
    ),
  };
  return { config, raw: parsed.raw, problems: [] };
}

/** The CSV dialect declared by a dataset.json that may be invalid otherwise (to keep checking the CSV files). */
export function dialectOf(raw: unknown): DatasetConfig["csv"] {
  const csv = schema.shape.csv.safeParse((raw as { csv?: unknown } | undefined)?.csv);
  return csv.success && !(csv.data.decimal === "," && csv.data.delimiter === ",")
    ? csv.data
    : { ...DEFAULT_DIALECT };
}
