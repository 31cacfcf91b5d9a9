import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeManifest } from "../../src/archive/manifest.js";
import { defaultPublishEffects } from "../../src/publish/defaultPublishEffects.js";
import { publishPeriod } from "../../src/publish/publishPeriod.js";
import { makeManifest, makeReport } from "../helpers/manifest.js";

export const PERIOD = "2026-05";
export const NOW = new Date("2026-06-10T14:00:00Z");

/**
 * The tiny dataset copied with a licence and a source in dataset.json, an archive manifest that
 * lists two PDFs, and the month published into a temporary out folder.
 */
export async function publishTiny(): Promise<{
  data: string;
  out: string;
  publicDir: string;
  result: Awaited<ReturnType<typeof publishPeriod>>;
}> {
  const root = await mkdtemp(join(tmpdir(), "semaforo-publish-"));
  const data = join(root, "data");
  const out = join(root, "out");
  await cp("fixtures/tiny", data, { recursive: true });
  const config = JSON.parse(await readFile(join(data, "dataset.json"), "utf8")) as Record<string, unknown>;
  config.license = {
    name: "CC-BY-4.0",
    path: "https://creativecommons.org/licenses/by/4.0/",
    title: "Creative Commons Attribution 4.0",
  };
  config.source = { title: "Ministerio de Educación — Semáforo Escuela", path: "https://www.minedu.gob.pe/" };
  await writeFile(join(data, "dataset.json"), JSON.stringify(config, null, 2));
  const pdf = (level: "national" | "district", code: string, name: string, file: string) =>
    makeReport({ level, code, name, file, sha256: "0".repeat(64), bytes: 1, pages: 1, recipients: [] });
  await writeManifest(
    join(out, PERIOD),
    makeManifest(
      [
        pdf("national", "PE", "Perú", "national/PE-peru.pdf"),
        pdf("district", "010001", "UGEL Chachapoyas", "district/010001-ugel-chachapoyas.pdf"),
      ],
      { period: PERIOD, generatedAt: NOW.toISOString(), dataset: { name: "tiny", synthetic: true } },
    ),
  );
  const result = await publishPeriod(
    { dataDir: data, period: PERIOD, outDir: out },
    { ...defaultPublishEffects(), now: () => NOW },
  );
  return { data, out, publicDir: join(out, PERIOD, "public"), result };
}
