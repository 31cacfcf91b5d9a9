/** One file of a new dataset folder, path relative to it. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/** The CSV files of the dataset contract (SPEC "Input"), header row only: CSV cannot hold comments. */
export const CSV_HEADERS: Record<string, string[]> = {
  "units.csv": ["district_code", "district_name", "region_code", "region_name"],
  "results.csv": ["period", "district_code", "indicator", "numerator", "denominator", "schools", "cv"],
  "targets.csv": ["year", "level", "code", "indicator", "target", "baseline", "minimum"],
  "recipients.csv": ["level", "code", "name", "email", "language"],
  "schools.csv": ["period", "district_code", "school_code", "school_name", "indicator", "value"],
};

const datasetJson = {
  name: "CHANGE ME: name of the programme and country",
  description: "CHANGE ME: what this dataset holds and where it comes from (published in the open data)",
  geo: { file: "geo/peru.topojson", regions: "dre", districts: "ugel" },
  email: {
    from: "semaforo@example.org",
    fromName: "Semáforo Escuela",
    replyTo: "soporte-semaforo@example.org",
  },
  thresholds: { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 },
};

const indicatorsJson = [
  {
    id: "asistencia-estudiantes",
    label: { es: "Asistencia de estudiantes", en: "Student attendance" },
    category: "asistencia",
    better: "higher",
    unit: "percent",
  },
];

/** Everything `semaforo init DIR` writes (pure). `units`: rows for units.csv (e.g. Peru's 224 UGEL). */
export function scaffoldFiles(units: string[][] = []): ScaffoldFile[] {
  const files: ScaffoldFile[] = [
    { path: "README.md", content: README },
    { path: "dataset.json", content: JSON.stringify(datasetJson, null, 2) + "\n" },
    { path: "indicators.json", content: JSON.stringify(indicatorsJson, null, 2) + "\n" },
    ...Object.entries(CSV_HEADERS).map(([path, columns]) => ({
      path,
      content: [columns, ...(path === "units.csv" ? units : [])].map(csvLine).join(""),
    })),
    { path: "good-practices/.gitkeep", content: "" },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** One CSV line; a field with a comma, quote or line break is quoted. */
function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",") + "\n";
}

const README = `# Dataset folder

Created by \`semaforo init\`. Fill in every file below, then check it:

    semaforo validate --data <this folder>

It lists everything still missing or wrong (file, line, column) and exits 3 until the dataset is
complete; exit 0 means \`semaforo build\` can use it. All files are UTF-8. CSV files keep their header
row; codes are text and keep their leading zeros (\`010001\` stays \`010001\`). Exports from a
Spanish-locale Excel (\`;\` between fields, \`,\` as decimal mark, Latin-1) are read when
\`dataset.json\` says so: \`"csv": {"delimiter": ";", "decimal": ",", "encoding": "latin1"}\`.

## Checklist

1. \`dataset.json\`: set \`name\`, \`description\`, the sender \`email.from\`, and the map (\`geo\`);
   before publishing open data, \`license\` and \`source\`.
2. \`indicators.json\`: the indicator catalogue (keep, edit or replace the example).
3. \`units.csv\`: every district (UGEL) and its region (DRE).
4. \`results.csv\`: the month's results, one row per district × indicator.
5. \`targets.csv\`: the targets of the year.
6. \`recipients.csv\`: who receives which report.
7. Optional: \`schools.csv\` (school-level results) and \`good-practices/*.md\`.

## dataset.json

| key | meaning |
| --- | --- |
| \`name\` | shown on every report |
| \`geo.file\` | TopoJSON map, relative to this folder or to the project. For Peru the project ships \`geo/peru.topojson\`, whose objects \`dre\` (26 DRE/GRE) and \`ugel\` (224 UGEL) have the MINEDU codes as feature ids. Another country: put its TopoJSON here and name its objects. |
| \`geo.regions\`, \`geo.districts\` | TopoJSON objects whose feature \`id\` equals \`region_code\` / \`district_code\` of \`units.csv\` |
| \`email.from\`, \`email.fromName\`, \`email.replyTo\` | sender address (plain, \`semaforo@minedu.gob.pe\`), its display name, and the reply address of the e-mails |
| \`thresholds\` | traffic-light knobs: \`minSchools\` (fewer schools visited → referential), \`maxCv\` (cv in % above → referential), \`amberBand\` (points below target where amber starts when there is no minimum), \`fallAlert\` (points of monthly fall that raise an alert) |
| \`synthetic\` | optional, \`true\` for made-up figures: the reports then say so |
| \`description\` | what the data holds and where it comes from; published in the open data (\`datapackage.json\`) |
| \`license\` (or \`licenses\`) | the data's licence for \`semaforo publish\`: a title, or \`{"title": "Creative Commons Attribution 4.0", "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}\`; publish warns without one |
| \`source\` (or \`sources\`) | where the figures come from, in the same form (\`{"title": "Ministerio de Educación — Semáforo Escuela", "path": "https://…"}\`); publish warns without one |
| \`timeZone\` | optional IANA time zone in which times are shown to the operator (default \`America/Lima\`) |

## indicators.json

An array, in report order. \`better\` is \`higher\` or \`lower\`; \`unit\` is \`percent\`.

    { "id": "docentes-ausentes", "label": { "es": "Docentes ausentes", "en": "Absent teachers" },
      "category": "asistencia", "better": "lower", "unit": "percent" }

## units.csv

Every district in exactly one region.

    district_code,district_name,region_code,region_name
    010001,UGEL Chachapoyas,010000,DRE Amazonas

## results.csv

One row per month × district × indicator. \`period\` is \`YYYY-MM\`; the value is numerator ÷
denominator; \`schools\` is the number of schools visited; \`cv\` (optional) is the coefficient of
variation in %. A month without rows for a district is a gap (holidays, no visit), never a zero.

    period,district_code,indicator,numerator,denominator,schools,cv
    2026-10,010001,asistencia-estudiantes,1289,1416,12,4.5

## targets.csv

\`level\` is \`national\` (code \`PE\`), \`region\` or \`district\`. A district without its own target uses
its region's, then the national one. \`baseline\` and \`minimum\` are optional (percentage points).

    year,level,code,indicator,target,baseline,minimum
    2026,national,PE,asistencia-estudiantes,92,85,88

## recipients.csv

One row per address; several rows for the same unit send the same report to each.
\`language\` is \`es\` (default when empty) or \`en\`.

    level,code,name,email,language
    national,PE,Dirección de Gestión Escolar,dge-semaforo@example.org,es
    region,010000,DRE Amazonas,semaforo@dreamazonas.example.org,
    district,010001,UGEL Chachapoyas,semaforo@ugelchachapoyas.example.org,es
    team,PE,Equipo de acompañamiento,acompanamiento@example.org,es

A \`team\` row (code \`PE\`) gets the enabling team's monthly brief: the UGELs that need support,
with a CSV of the same list.

## schools.csv (optional)

School-level results of the month, \`value\` in % (0 or 100 for yes/no items). District reports list
the monitored schools. Leave only the header row if you have none.

    period,district_code,school_code,school_name,indicator,value
    2026-10,010001,0215012,IE 18001 Santa Rosa,asistencia-estudiantes,95.8

Optional columns \`director, phone, school_level, area\` make the district report's visit list.

## contacts.csv (optional, not created)

Each unit's monitoring contact, printed on its report ("who to call").

    level,code,name,role,email,phone
    district,010001,Luis Quispe,Especialista de monitoreo,luis.quispe@example.org,041 123456

## commitments.csv (optional, not created)

Performance commitments ("Compromisos de desempeño"): per year, unit and indicator, the type
(\`fija\`: paid only when the target is met; \`variable\`: in proportion to progress), the
evaluation months (\`03-10\`, \`07\` or \`03 07 10\`) and the amount in soles. Baseline, minimum and
target come from targets.csv.

    year,level,code,indicator,type,months,amount
    2026,district,010001,asistencia-estudiantes,variable,03-10,120000

## support.csv (optional, not created)

The enabling team's support actions, followed up in its brief.

    date,level,code,indicator,action
    2026-08-12,district,010001,asistencia-estudiantes,Taller con directores sobre alerta temprana

## good-practices/*.md (optional)

One Markdown file per story: what a district did and the concrete actions. The text is treated as
untrusted (no HTML, no scripts).

    ---
    district: "010001"
    period: "2026-10"
    indicator: asistencia-estudiantes
    title: Buen inicio del año escolar
    ---
    Al inicio del año escolar, la UGEL visitó las comunidades con mayor inasistencia…

An English version is optional: \`title_en\` in the front matter and the English text after a line
\`<!-- en -->\`; English reports show it, or the Spanish story with a note.
`;
