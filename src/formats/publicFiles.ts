import { z } from "zod";
import { countSchema, periodSchema, sha256Schema } from "./manifest.js";
import { open } from "./open.js";

/**
 * `OUT/PERIOD/public/files.json`: every file of the public folder with its size and sha256 (the
 * manifest's `public` lists the same files, with `public/` in front). The one definition: publish
 * writes a `PublicListing`, and a reader (a mirror, a test) checks it with this schema.
 */
export const publicFileEntrySchema = open({
  path: z.string().min(1),
  sha256: sha256Schema,
  bytes: countSchema,
});

export const publicListingSchema = open({
  version: z.literal(1),
  period: periodSchema,
  generatedAt: z.string(),
  files: z.array(publicFileEntrySchema),
});

export type PublicFileEntry = z.output<typeof publicFileEntrySchema>;
export type PublicListing = z.output<typeof publicListingSchema>;
