import { describe, expect, it } from "@jest/globals";
import { buildViews } from "../../src/compute/buildViews.js";
import type { Alert, DistrictView, ReportView } from "../../src/model.js";
import { trendChart, type TrendPoint } from "../../src/render/charts/trendChart.js";
import { uniqueLabels } from "../../src/render/charts/uniqueLabels.js";
import { STATUS_STYLES } from "../../src/render/palette.js";
import { renderReport } from "../../src/render/renderReport.js";
import { messagesOf } from "../helpers/messages.js";
import { readTinyDataset } from "../helpers/tiny.js";
import { tags, attr, tinyContext } from "./support.js";

async function tinyViews(): Promise<ReportView[]> {
  return buildViews(await readTinyDataset(), "2026-05", { locale: "es", messages: messagesOf("es") });
}

const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the district cover: what to do this month", () => {
  it("prints the change with its month, the year-ago change, the gap and the progress", async () => {
    const chachapoyas = (await tinyViews()).find((v) => v.code === "010001")!;
    const page = text(renderReport(chachapoyas, tinyContext()));
    expect(page).toContain("Cambio vs. abril");
    expect(page).toContain("vs. may. 2025");
    // Asistencia: 1218/1310 = 93.0 against a target of 94.0 → 1.0 missing;
    // progress (93.0 − 90.2) / (94.0 − 90.2) = 2.8 / 3.8 = 74 %.
    expect(page).toContain(
      "93.0% ↑ +1.0 p.p. ↑ +2.0 p.p. 90.0% 94.0% faltan 1.0 p.p. para la meta avance 74%",
    );
    // Servicios básicos: 10/11 = 90.9 ≥ 90.0; (90.9 − 83.3) / (90.0 − 83.3) = 7.6 / 6.7 = 113 %.
    expect(page).toContain("meta alcanzada avance 113%");
  });

  it("lists the schools to visit first with the failing indicators in words, most first", async () => {
    const chachapoyas = (await tinyViews()).find((v) => v.code === "010001")!;
    const page = text(renderReport(chachapoyas, tinyContext()));
    // IE 18027 Levanto: 12.5 % absent teachers (> 7.0) and no basic services (0 < 80): two.
    expect(page).toContain(
      "Escuelas a visitar primero Las escuelas monitoreadas con más indicadores bajo el mínimo de la UGEL (a igualdad, las más alejadas del mínimo). La lista completa está al final. IE 18027 Levanto 2 indicadores bajo el mínimo: Docentes ausentes, Servicios básicos (agua, luz y desagüe)",
    );
    // The full table carries the count column and reads yes/no indicators as Sí/No.
    expect(page).toMatch(/Bajo el mínimo .*IE 18027 Levanto 2 /);
    expect(page).toMatch(/IE 18027 Levanto 2 [^A-Z]*No/);
  });

  it("says how many alerts the cover leaves out, and where they are", async () => {
    const view = (await tinyViews()).find((v) => v.code === "010001")!;
    const alerts: Alert[] = Array.from({ length: 7 }, (_, i) => ({
      kind: "fell",
      indicator: view.indicators[0]!.id,
      priority: 1,
      text: `Alerta número ${i + 1}.`,
    }));
    const page = text(renderReport({ ...view, alerts }, tinyContext()));
    expect(page).toContain("Alerta número 5. y 2 más, en la página de cada indicador.");
    expect(page).not.toContain("Alerta número 6. Alerta número 7. Indicadores por estado");
  });

  it("prints the contact line, escaped", async () => {
    const view = (await tinyViews()).find((v) => v.code === "010001")!;
    const html = renderReport(
      {
        ...view,
        contact: {
          contact: { level: "district", code: "010001", name: "Ana <b>Ríos</b>", phone: "041 <i>1</i>" },
          replyTo: "semaforo@minedu.example",
        },
      },
      tinyContext(),
    );
    expect(html).toContain("Ana &lt;b&gt;Ríos&lt;/b&gt; · 041 &lt;i&gt;1&lt;/i&gt;");
    expect(text(html)).toContain("Equipo del Semáforo Escuela (responder a): semaforo@minedu.example");
  });

  it("gives a district without visits the short report: the last months, no indicator pages", async () => {
    const view = (await tinyViews()).find(
      (v): v is DistrictView => v.level === "district" && v.code === "010001",
    )!;
    const page = renderReport(
      {
        ...view,
        noVisits: {
          lastMonths: [
            {
              period: "2026-04",
              periodLabel: "abril de 2026",
              cells: view.indicators.map((i) => ({
                indicator: i.id,
                value: 90,
                text: "90.0%",
                status: "green",
              })),
            },
          ],
        },
      },
      tinyContext(),
    );
    expect(page).not.toContain('<section class="ind"');
    expect(page).not.toContain("Escuelas a visitar primero");
    expect(text(page)).toContain(
      "Sin visitas este mes En mayo de 2026 no se registraron visitas de monitoreo en",
    );
    expect(text(page)).toContain("abril de 2026 90.0% 90.0% 90.0%");
  });

  it("says when the unit has no polygon on the map rather than pointing at a black border", async () => {
    const view = (await tinyViews()).find((v) => v.code === "010001")!;
    const lost = {
      ...view,
      indicators: view.indicators.map((i) => ({ ...i, map: { ...i.map, highlight: "019999" } })),
    };
    const page = text(renderReport(lost, tinyContext()));
    expect(page).toContain("UGEL Chachapoyas no aparece en el mapa");
    expect(page).not.toContain("Con borde negro: UGEL Chachapoyas");
  });
});

describe("region and national additions", () => {
  it("show each district's monthly change in the region matrix and the movers on the cover", async () => {
    const views = await tinyViews();
    const amazonas = views.find((v) => v.code === "010000")!;
    const page = text(renderReport(amazonas, tinyContext()));
    expect(page).toContain("Bajo cada valor, el cambio vs. abril en puntos; no se muestra");
    // Under each ranking: the colours follow each unit's own target, the line is the region's.
    expect(page).toContain(
      "El color de cada barra es el estado de esa unidad frente a su propia meta; la línea discontinua es la meta de DRE Amazonas.",
    );
    // Ranks say against what, and no "0 sin puesto".
    expect(page).toContain("Puesto 2 de 2 regiones");
    expect(page).not.toContain(", 0 sin puesto");
    // Chachapoyas attendance: 93.0 in May, 92.0 in April → +1.0.
    expect(page).toMatch(/UGEL Chachapoyas ▲? ?93\.0% ↑ \+1\.0/);
    const national = views.find((v) => v.code === "PE")!;
    const nationalPage = text(renderReport(national, tinyContext()));
    expect(nationalPage).toContain(
      "UGEL que pasaron a «bajo el mínimo» o más bajaron respecto de abril de 2026",
    );
  });
});

describe("trend targets by school year", () => {
  const point = (month: string, year: string, value: number): TrendPoint => ({
    month,
    year,
    value,
    valueText: `${value}`,
    status: "green",
  });
  it("draws each school year's target over its own months only", () => {
    const svg = trendChart({
      title: "t",
      points: [
        point("nov.", "2025", 52.8),
        point("dic.", "", 53),
        point("mar.", "2026", 55),
        point("abr.", "", 57),
      ],
      target: 56.4,
      targetLabel: "Meta 56.4 %",
      targetSegments: [
        { first: 0, last: 1, value: 50, label: "" },
        { first: 2, last: 3, value: 56.4, label: "Meta 56.4 %" },
      ],
      gapLabel: "s/d",
      formatTick: String,
      width: 420,
      height: 96,
    });
    const lines = tags(svg, "path").filter((p) => attr(p, "class") === "target-line");
    expect(lines).toHaveLength(2);
    // Two horizontal segments that meet between December and March, at different heights.
    const [a, b] = lines.map((l) =>
      /M([\d.]+),([\d.]+)H([\d.]+)/
        .exec(attr(l, "d") ?? "")!
        .slice(1)
        .map(Number),
    );
    expect(a![2]).toBeCloseTo(b![0]!, 0);
    expect(a![1]).not.toBe(b![1]);
    expect(svg).toContain("Meta 56.4 %");
  });
});

describe("uniqueLabels", () => {
  it("keeps the distinguishing end of names that a plain cut would make identical", () => {
    const names = [
      "UGEL INTERCULTURAL BILINGÜE RIO SANTIAGO",
      "UGEL INTERCULTURAL BILINGÜE CENEPA",
      "UGEL LUYA",
    ];
    const labels = uniqueLabels(names, 28);
    expect(labels).toEqual(["UGEL INTERCULT… RIO SANTIAGO", "UGEL INTERCULTURAL B… CENEPA", "UGEL LUYA"]);
    expect(labels.every((label) => label.length <= 28)).toBe(true);
    expect(uniqueLabels(["UGEL X", "UGEL X"], 28)).toEqual(["UGEL X", "UGEL X (2)"]);
    // A cut that leaves them one letter apart ("… BILINGÜE C…", "… BILINGÜE R…") is ambiguous too.
    const thirty = uniqueLabels(names, 30);
    expect(thirty.slice(0, 2).map((label) => label.split("… ")[1])).toEqual(["RIO SANTIAGO", "CENEPA"]);
  });
});

describe("grey print", () => {
  it("keeps every status fill at least 10 grey points from the others (amber was 71 %, referential 80 %)", () => {
    const grey = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return (0.299 * r! + 0.587 * g! + 0.114 * b!) / 2.55;
    };
    const levels = Object.values(STATUS_STYLES)
      .map((style) => grey(style.fill))
      .sort((a, b) => a - b);
    const gaps = levels.slice(1).map((level, i) => level - levels[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10);
    // Amber 62 %: green 25 %, red 46 %, amber 62 %, referential 85 %, no data 96 %.
    expect(Math.round(grey(STATUS_STYLES.amber.fill))).toBe(62);
  });
});

describe("label collisions in the trend chart", () => {
  const point = (value: number): TrendPoint => ({
    month: "m",
    year: "",
    value,
    valueText: `${value.toFixed(1)} %`,
    status: "amber",
  });
  const chart = (values: number[], target: number) =>
    trendChart({
      title: "t",
      points: values.map(point),
      target,
      targetLabel: `Meta ${target} %`,
      gapLabel: "s/d",
      formatTick: String,
      width: 420,
      height: 96,
    });

  it("moves the target's label off the line: below it when the line runs just above at the left", () => {
    // The line runs at 60.0 over the left half, just above a target of 59.3: the label goes below.
    const svg = chart([60, 60, 60, 60, 50, 50, 50, 50], 59.3);
    const line = tags(svg, "path").find((p) => attr(p, "class") === "target-line")!;
    const lineY = Number(/M[\d.]+,([\d.]+)/.exec(attr(line, "d") ?? "")![1]);
    const label = /<text x="[\d.]+" y="([\d.]+)"[^>]*>Meta 59.3 %<\/text>/.exec(svg);
    expect(Number(label![1])).toBeGreaterThan(lineY);
  });

  it("keeps an end value of 100.0 % inside the chart (below its point)", () => {
    const svg = chart([90, 95, 100], 95);
    const label = /<rect x="[\d.-]+" y="([\d.-]+)"[^>]*\/><text[^>]*>100.0 %<\/text>/.exec(svg);
    expect(Number(label![1])).toBeGreaterThanOrEqual(0);
  });
});

describe("wording", () => {
  it("has no doubled parentheses, no 'Metas de:' and names what was counted (Spanish)", async () => {
    const chachapoyas = (await tinyViews()).find((v) => v.code === "010001")!;
    const page = text(renderReport(chachapoyas, tinyContext()));
    expect(page).not.toMatch(/\)\s*\(/);
    expect(page).not.toContain("Metas de:");
    expect(page).toContain("Metas: de la UGEL");
    expect(page).toContain("Estudiantes presentes: 1,218 de 1,310");
    expect(page).not.toMatch(/Límite (aceptable|\d)|límite aceptable|\)\)/);
    expect(page).toContain("UGEL de la DRE Amazonas");
  });

  it("says in English copies that stories are in Spanish, with no 'n/d' and the synthetic flag in English", async () => {
    const views = buildViews(await readTinyDataset(), "2026-05", {
      locale: "en",
      messages: messagesOf("en"),
    });
    const national = views.find((v) => v.code === "PE")!;
    const page = text(renderReport(national, { ...tinyContext("en") }));
    expect(national.goodPractices.length).toBeGreaterThan(0);
    expect(page).toContain("Story in Spanish, as its team wrote it.");
    expect(page).not.toMatch(/\bn\/d\b|on warning|Targets of|colour|datos sintéticos/);
    expect(page).toContain("· synthetic data");
  });
});
