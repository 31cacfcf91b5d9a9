import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Level, Locale, Manifest, ManifestReport } from "../../src/model.js";
import { makeManifest } from "../helpers/manifest.js";

export interface FakeReport {
  level: Level;
  code: string;
  name: string;
  language?: Locale;
  recipients: { email: string; name?: string }[];
  /** Size of the fake PDF in bytes. */
  size?: number;
  headline?: boolean;
}

export const PERIOD = "2026-10";

const made: string[] = [];

/** Removes every folder makeArchive made (call in afterAll). */
export function removeArchives(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The tiny fixture's recipients, as a build would archive them. */
export const TINY_REPORTS: FakeReport[] = [
  {
    level: "national",
    code: "PE",
    name: "Perú",
    recipients: [
      { email: "dge-semaforo@example.org", name: "Dirección de Gestión Escolar" },
      { email: "use@example.org", name: "Unidad de Seguimiento y Evaluación" },
    ],
  },
  {
    level: "region",
    code: "010000",
    name: "DRE Amazonas",
    recipients: [{ email: "direccion@dre-amazonas.example.org", name: "Director DRE Amazonas" }],
  },
  {
    level: "region",
    code: "020000",
    name: "DRE Áncash",
    recipients: [{ email: "direccion@dre-ancash.example.org", name: "Directora DRE Áncash" }],
  },
  {
    level: "district",
    code: "010001",
    name: "UGEL Chachapoyas",
    recipients: [{ email: "ugel.chachapoyas@example.org", name: "Director UGEL Chachapoyas" }],
  },
  {
    level: "district",
    code: "010002",
    name: "UGEL Bagua",
    recipients: [{ email: "ugel.bagua@example.org", name: "Directora UGEL Bagua" }],
  },
  {
    level: "district",
    code: "010003",
    name: "UGEL Bongará",
    recipients: [{ email: "ugel.bongara@example.org", name: "Director UGEL Bongará" }],
  },
  {
    level: "district",
    code: "020001",
    name: "UGEL Huaraz",
    recipients: [
      { email: "ugel.huaraz@example.org", name: "Directora UGEL Huaraz" },
      { email: "gestion.huaraz@example.org", name: "Especialista de gestión UGEL Huaraz" },
    ],
  },
  {
    level: "district",
    code: "020002",
    name: "UGEL Aija",
    recipients: [{ email: "ugel.aija@example.org", name: "Director UGEL Aija" }],
  },
  {
    level: "district",
    code: "020003",
    name: "UGEL Antonio Raymondi",
    language: "en",
    recipients: [{ email: "liaison.raymondi@example.org", name: "Partner liaison UGEL Antonio Raymondi" }],
  },
];

export const TINY_ADDRESSES = TINY_REPORTS.flatMap((r) => r.recipients.map((x) => x.email)).sort();

/** A fake PDF: real bytes, different per report, `size` long. */
export function fakePdf(code: string, size = 3000): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% Semáforo test report ${code}\n`, "utf8");
  const body = Buffer.alloc(Math.max(0, size - head.length - 6));
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + code.charCodeAt(i % code.length)) % 256;
  return Buffer.concat([head, body, Buffer.from("\n%%EOF")]);
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Writes OUT/PERIOD with fake PDFs and a manifest; returns OUT and the manifest. */
export function makeArchive(
  reports: FakeReport[] = TINY_REPORTS,
  options: { out?: string; email?: Manifest["email"] | null } = {},
): { out: string; periodDir: string; manifest: Manifest } {
  const out = options.out ?? mkdtempSync(join(tmpdir(), "semaforo-send-"));
  if (!options.out) made.push(out);
  const periodDir = join(out, PERIOD);
  const entries: ManifestReport[] = [];
  for (const report of reports) {
    const language = report.language ?? "es";
    const file = `${report.level}/${report.code}-${language}-report.pdf`;
    mkdirSync(join(periodDir, report.level), { recursive: true });
    const bytes = fakePdf(report.code, report.size);
    writeFileSync(join(periodDir, file), bytes);
    const names: Record<string, string> = {};
    for (const r of report.recipients) if (r.name !== undefined) names[r.email] = r.name;
    entries.push({
      level: report.level,
      code: report.code,
      name: report.name,
      language,
      file,
      sha256: sha256(bytes),
      bytes: bytes.length,
      pages: 6,
      recipients: report.recipients.map((r) => r.email),
      recipientNames: names,
      ...(report.headline === false
        ? {}
        : {
            headline: {
              green: 3,
              amber: 2,
              red: 1,
              referential: 1,
              noData: 0,
              text:
                language === "es"
                  ? "3 de 7 indicadores en meta; la asistencia docente subió 2,1 pts."
                  : "3 of 7 indicators on target; teacher attendance rose 2.1 pts.",
            },
          }),
    });
  }
  const manifest = makeManifest(entries, {
    period: PERIOD,
    generatedAt: "2026-11-05T15:00:00.000Z",
    browser: "Chromium test",
    dataset: { name: "Conjunto mínimo de prueba", synthetic: true },
    ...(options.email === null
      ? {}
      : {
          email: options.email ?? {
            from: "Semáforo Escuela <semaforo@example.org>",
            replyTo: "soporte-semaforo@example.org",
          },
        }),
  });
  writeFileSync(join(periodDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return { out, periodDir, manifest };
}
