import { DEFF, LAST, PERIODS, REGION_WITHOUT_TARGETS, SCHOOL_MONTHS, STRIKE } from "./demoSettings.js";
import type { DemoFacts } from "./demoFacts.js";

/** fixtures/demo/README.md: what is in the demo, in Spanish and English, with its figures. */
export function demoReadme(f: DemoFacts): string {
  const months = `${PERIODS[0] as string} … 2025-11, 2026-03 … ${LAST}`;
  return `# Demo dataset — Semáforo Escuela (datos sintéticos)

## Español

**Todas las cifras de este conjunto de datos son sintéticas.** También son inventados los nombres de
las personas, las direcciones de correo (dominios \`.example\`), las escuelas y las historias de
buenas prácticas. Solo son reales los códigos y nombres de las ${f.regions} DRE/GRE y ${f.districts} UGEL
(de \`geo/ugel.csv\`) y los límites del mapa (\`geo/peru.topojson\`). No use estas cifras para
describir el sistema educativo peruano.

Regenerar (determinista, sobrescribe esta carpeta): \`npm run demo\` (el generador está en \`src/demo/\`).

Contenido:

| archivo | contenido |
| --- | --- |
| \`dataset.json\` | nombre, \`synthetic: true\`, mapa \`geo/peru.topojson\` (objetos \`dre\` y \`ugel\`), remitente |
| \`indicators.json\` | los 7 indicadores del Semáforo Escuela |
| \`units.csv\` | ${f.districts} UGEL en ${f.regions} DRE/GRE (sin el ámbito de gestión directa de la DRE Callao) |
| \`results.csv\` | ${f.results} filas: ${f.periods} meses escolares (${months}), unas 5 000 visitas al mes (${f.visitsMinOther}–${f.visitsMax}; ${f.visitsMin} en el mes de huelga) |
| \`targets.csv\` | ${f.targets} metas 2025 y 2026 (nacional, regional y por UGEL, desde la línea de base de abril) |
| \`recipients.csv\` | ${f.recipients} destinatarios (1–3 por unidad; ${f.english} en inglés) |
| \`good-practices/\` | ${f.stories} historias de buenas prácticas |
| \`schools.csv\` | ${f.schoolRows} filas: ${f.schools} escuelas visitadas en ${SCHOOL_MONTHS.join(", ")}, con director, teléfono, nivel y área (sintéticos) |
| \`contacts.csv\` | un contacto de monitoreo por unidad (sintético) |
| \`commitments.csv\` | ${f.commitments} compromisos de desempeño 2026 (sintéticos): cada DRE y UGEL en asistencia docente (variable, promedio marzo–noviembre) y de directores (fija, marzo–octubre), y materiales a tiempo (julio, fija); un tercio de las UGEL también en asistencia de estudiantes |
| \`support.csv\` | ${f.support} acciones del equipo de acompañamiento (jul.–set. 2026) en UGEL débiles en junio |

Situaciones incluidas a propósito: una huelga en ${STRIKE.period} (sin datos de ${STRIKE.regions.map(f.label).join(", ")}),
UGEL que visitan solo 1–4 escuelas en un mes (${f.referentialShare.toFixed(1).replace(".", ",")} % de los meses-UGEL),
filas con \`cv\` mayor que 15 (${f.highCvShare.toFixed(1).replace(".", ",")} % de las filas), ${f.noDataLast.length} UGEL sin visitas en ${LAST}
(${f.noDataLast.map(f.label).join(", ")}), caídas de 5 puntos o más, semáforos rojos tres meses seguidos y UGEL
que pasan a verde en ${LAST}; ${f.withoutTargets} UGEL sin metas propias (usan las de su región) y la
región ${f.label(REGION_WITHOUT_TARGETS)} sin metas (usa las nacionales). La UGEL ${f.noPolygon.map(f.label).join(", ")} no tiene polígono en el mapa.

## English

**All figures in this dataset are synthetic**, and so are the people's names, the e-mail addresses
(\`.example\` domains), the schools and the good-practice stories. Only the codes and names of the
${f.regions} regional authorities (DRE/GRE) and ${f.districts} districts (UGEL) and the map boundaries are real.

Regenerate (deterministic, overwrites this folder): \`npm run demo\` (the generator is in \`src/demo/\`).

What is in it: ${f.periods} school months (${months}); about 5,000 school visits a month
(${f.visitsMinOther}–${f.visitsMax}; ${f.visitsMin} in the strike month) spread by district size; ${f.results} result rows for 7 indicators; ${f.targets}
targets for 2025 and 2026 set from each unit's April baseline; ${f.recipients} recipients; ${f.stories}
good-practice stories in Spanish; ${f.schoolRows} school-level rows for ${SCHOOL_MONTHS.join(", ")}.
Built in: a teachers' strike in ${STRIKE.period} (no rows for ${STRIKE.regions.map(f.label).join(", ")}), small samples,
high \`cv\`, districts without a visit in ${LAST}, falls, red streaks and districts turning green in
${LAST}, districts and one region without their own targets (fallback), and a district without a
polygon (${f.noPolygon.map(f.label).join(", ")}).

How the figures are made: per district, indicator and month a probability combines a national
level, regional effects (Amazon regions lower on basic services, rural districts lower on
materials, Lima and Callao higher), a mild upward trend and monthly noise; each visited school is
then simulated and summed. \`cv\` is the coefficient of variation of the ratio estimator over the
visited schools, with a finite population correction and an assumed design effect of ${DEFF}
(a stratified sample; chosen so that most district estimates are precise enough to be coloured)
(empty when it is undefined: fewer than two schools, or a value of zero).
`;
}
