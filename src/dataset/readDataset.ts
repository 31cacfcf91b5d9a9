import { createReadStream, type Stats } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { errors } from "../errors.js";
import { findProjectRoot } from "../findProjectRoot.js";
import {
  beginDataset,
  REQUIRED_FILES,
  type DatasetFiles,
  type DatasetReadResult,
  type ResultsOptions,
} from "./parseDataset.js";
import { readCsvStream } from "./readCsvStream.js";
import { parseDatasetConfig } from "./parseDatasetConfig.js";
import { decodeText } from "./decodeText.js";
import type { Problem } from "../model.js";
import { at, problems } from "./problems.js";

export type { DatasetReadResult } from "./parseDataset.js";

const RESULTS = "results.csv";
const OPTIONAL_FILES = ["schools.csv", "contacts.csv", "commitments.csv", "support.csv"];

const MB = 1024 * 1024;
/**
 * The largest file of each kind that is read at all: far above any real month (the demo's
 * results.csv is 1.3 MB, its map 0.7 MB), far below what would exhaust memory. A larger file is a
 * dataset problem (exit 3) naming it, never a crash.
 */
export function sizeLimit(file: string): number {
  if (file.endsWith(".csv")) return 256 * MB;
  if (file.endsWith(".md")) return 1 * MB;
  if (file === "dataset.json" || file === "indicators.json") return 1 * MB;
  return 64 * MB; // the TopoJSON map
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isFIFO()) return "a pipe";
  if (info.isSocket()) return "a socket";
  return "a special file";
}

/**
 * Reads a dataset folder and checks it: the typed Dataset (null when there is any error) and every
 * problem found. The IO edge of src/dataset: everything else is parsed in memory by parseDataset.
 * A missing or unreadable folder is a CliError (exit 2), not a dataset problem.
 *
 * results.csv is read as a stream, a megabyte at a time, and checked row by row: only the rows of
 * the months `options.keep` names are kept (every row is checked). Reading stops at the file's
 * size limit even when the file grows while read.
 */
export async function readDataset(dir: string, options: ResultsOptions = {}): Promise<DatasetReadResult> {
  const root = resolve(dir);
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw errors.noDataset(
      dir,
      error.code === "ENOENT" ? "nothing" : { unreadable: error.code ?? error.message },
    );
  });
  if (!info.isDirectory()) {
    throw errors.noDataset(dir, "a file");
  }

  const files = new Map<string, Uint8Array>();
  const refused: Problem[] = [];
  /** The file's stat when it may be read: a regular file within its size limit (else refused). */
  const checkStreamable = async (path: string, shown: string): Promise<Stats | null> => {
    try {
      const info = await stat(path);
      // A device (/dev/zero), a pipe or a folder: reading it could never end, or means nothing.
      if (!info.isFile()) {
        refused.push(at({ file: shown, line: 1, column: 1 }, problems.notAFile(kindOf(info))));
        return null;
      }
      const limit = sizeLimit(shown.split("/").pop() ?? shown);
      if (info.size > limit) {
        refused.push(at({ file: shown, line: 1, column: 1 }, problems.fileTooLarge(info.size, limit)));
        return null;
      }
      return info;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw errors.unreadableFile(path, (error as Error).message);
    }
  };
  const tryRead = async (path: string, shown: string = relative(root, path)): Promise<Uint8Array | null> => {
    if (!(await checkStreamable(path, shown))) return null;
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw errors.unreadableFile(path, (error as Error).message);
    }
  };
  // results.csv, the large file, is read as a stream once the files it is checked against are.
  let resultsInfo: Stats | null = null;
  for (const file of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
    if (file === RESULTS) {
      resultsInfo = await checkStreamable(join(root, file), file);
      continue;
    }
    const bytes = await tryRead(join(root, file));
    if (bytes) files.set(file, bytes);
  }
  const stories = await readdir(join(root, "good-practices")).catch(() => [] as string[]);
  for (const name of stories.filter((entry) => entry.endsWith(".md")).sort()) {
    const bytes = await tryRead(join(root, "good-practices", name));
    if (bytes) files.set(`good-practices/${name}`, bytes);
  }

  let geo: DatasetFiles["geo"] = null;
  const configBytes = files.get("dataset.json");
  const config = configBytes ? parseDatasetConfig(decodeText(configBytes, "dataset.json").text).config : null;
  if (config) {
    const tried = isAbsolute(config.geo.file)
      ? [config.geo.file]
      : [resolve(root, config.geo.file), resolve(findProjectRoot(), config.geo.file)];
    geo = { missing: config.geo.file, tried };
    for (const path of tried) {
      const bytes = await tryRead(path);
      if (!bytes) continue;
      const inside = relative(root, path);
      // Inside the dataset folder: relative to it; elsewhere (the project's geo/): absolute.
      geo = {
        path: inside.startsWith("..") || isAbsolute(inside) ? path : inside.split(sep).join("/"),
        bytes,
      };
      break;
    }
  }
  if (refused.length > 0) return { dataset: null, problems: refused };
  const dataset = beginDataset({ files, geo, now: new Date() }, resultsInfo !== null);
  if (!resultsInfo) return dataset.finish(null);
  const schema = dataset.schema(options);
  const stream = createReadStream(join(root, RESULTS), { highWaterMark: 1 << 20 });
  try {
    const read = await readCsvStream(stream, dataset.dialect, schema, sizeLimit(RESULTS));
    return dataset.finish({
      results: read.rows,
      problems: read.problems,
      reported: schema.reported,
      sha256: read.sha256,
    });
  } catch (error) {
    throw errors.unreadableFile(join(root, RESULTS), (error as Error).message);
  } finally {
    stream.destroy();
  }
}
