import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PublicationInfo } from "./buildOpenData.js";

type Raw = Record<string, unknown>;

/**
 * The licence and source of the data from `dataset.json` (optional keys `license` / `licenses`
 * and `source` / `sources`, each a string or `{title, path, name}`). The dataset parser does not
 * keep these keys yet, so publishing reads them here; when DatasetConfig gains them, this file
 * goes. Missing keys give empty lists (the publish summary then warns).
 */
export async function readPublicationInfo(dataDir: string): Promise<PublicationInfo> {
  let raw: Raw = {};
  try {
    raw = JSON.parse((await readFile(join(dataDir, "dataset.json"), "utf8")).replace(/^\uFEFF/, "")) as Raw;
  } catch {
    // readDataset has already reported an unreadable dataset.json; nothing more to say here.
  }
  const list = (one: unknown, many: unknown): Raw[] =>
    [...(Array.isArray(many) ? (many as unknown[]) : []), ...(one === undefined ? [] : [one])]
      .map((item): Raw | null =>
        typeof item === "string" ? { title: item } : item && typeof item === "object" ? (item as Raw) : null,
      )
      .filter((item): item is Raw => item !== null);
  const text = (value: unknown): string | undefined =>
    typeof value === "string" && value.trim() ? value.trim() : undefined;
  return {
    licenses: list(raw.license, raw.licenses).flatMap((item) => {
      const title = text(item.title) ?? text(item.name);
      if (!title) return [];
      const name = text(item.name);
      const path = text(item.path);
      return [{ ...(name ? { name } : {}), ...(path ? { path } : {}), title }];
    }),
    sources: list(raw.source, raw.sources).flatMap((item) => {
      const title = text(item.title);
      if (!title) return [];
      const path = text(item.path);
      return [{ title, ...(path ? { path } : {}) }];
    }),
  };
}
