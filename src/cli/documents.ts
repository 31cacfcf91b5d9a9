import { z } from "zod";

/**
 * The `--json` documents of verify, doctor, init, views (with `--out FILE`), status and publish,
 * as docs/contract.md describes them: one schema per document, which the docs follow and
 * test/attack/jsonDocuments.test.ts checks each command's output against. Fields may be added
 * (the objects are not strict); none renamed or removed.
 */
const problem = z.object({ file: z.string(), kind: z.string(), detail: z.string() });

export const VERIFY_DOCUMENT = z.object({
  ok: z.boolean(),
  /** pdfs + publicFiles */
  checked: z.number().int().nonnegative(),
  pdfs: z.number().int().nonnegative(),
  publicFiles: z.number().int().nonnegative(),
  qpdf: z.boolean(),
  problems: z.array(problem),
  notes: z.array(z.string()),
  rebuild: z.object({}).passthrough().optional(),
});

export const DOCTOR_DOCUMENT = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({ name: z.string(), ok: z.boolean(), detail: z.string(), warning: z.string().optional() }),
  ),
});

export const INIT_DOCUMENT = z.object({ dir: z.string(), files: z.array(z.string()) });

export const VIEWS_DOCUMENT = z.object({
  ok: z.literal(true),
  period: z.string(),
  out: z.string(),
  views: z.number().int().nonnegative(),
  /** How many dataset warnings (validate lists them). */
  warnings: z.number().int().nonnegative(),
});

const delivery = z.object({
  id: z.string(),
  email: z.string(),
  state: z.string(),
  attempts: z.number().int(),
  outdated: z.boolean(),
});

export const STATUS_DOCUMENT = z.object({
  dir: z.string(),
  period: z.string(),
  generatedAt: z.string(),
  totals: z.object({
    built: z.number().int(),
    notBuilt: z.number().int(),
    pages: z.number().int(),
    bytes: z.number().int(),
    deliveries: z.record(z.string(), z.number().int()),
  }),
  reports: z.array(
    z.union([
      z.object({
        built: z.literal(true),
        level: z.string(),
        code: z.string(),
        name: z.string(),
        language: z.string(),
        file: z.string(),
        pages: z.number().int(),
        bytes: z.number().int(),
        deliveries: z.array(delivery),
      }),
      z.object({
        built: z.literal(false),
        level: z.string(),
        code: z.string(),
        name: z.string(),
        language: z.string(),
        error: z.string(),
      }),
    ]),
  ),
});

export const PUBLISH_DOCUMENT = z.object({
  ok: z.boolean(),
  periodDir: z.string(),
  publicDir: z.string(),
  periods: z.array(z.string()),
  languages: z.array(z.string()),
  pages: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  pdfLinks: z.number().int(),
  rows: z.number().int(),
  /** The warnings' sentences (a list, as the text output prints them). */
  warnings: z.array(z.string()),
  problems: z.array(z.object({}).passthrough()).optional(),
  ms: z.number(),
});
