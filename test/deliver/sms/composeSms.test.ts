import { beforeAll, describe, expect, it } from "@jest/globals";
import { composeSchoolSms, composeUnitSms } from "../../../src/deliver/sms/composeSms.js";
import { countSegments, encodeGsm7, transliterate } from "../../../src/deliver/sms/gsm7.js";
import type { Dataset, DistrictView, ReportView } from "../../../src/model.js";
import { views } from "../../compute/support.js";
import { messagesOf } from "../../helpers/messages.js";
import { readTinyDataset } from "../../helpers/tiny.js";

let dataset: Dataset;
let es: ReportView[];
let en: ReportView[];
beforeAll(async () => {
  dataset = await readTinyDataset();
  es = views(dataset, "2026-05", "es");
  en = views(dataset, "2026-05", "en");
});

/** GSM-7 (encodes), at most 2 segments, ends with the reference. */
function expectSendable(text: string, reference: string): void {
  expect(() => encodeGsm7(text)).not.toThrow();
  expect(countSegments(text)).toBeLessThanOrEqual(2);
  expect(text.endsWith(` Ref ${reference}`)).toBe(true);
}

describe("composeUnitSms: a unit's SMS from the same view and words as its PDF", () => {
  it("names the unit and month, the red / amber / green counts, the worst gap and the e-mail note", () => {
    const view = es.find((v) => v.level === "district") as ReportView;
    const text = composeUnitSms(view, messagesOf("es"), { emailed: true, reference: "AB3CD" });
    expectSendable(text, "AB3CD");
    const { red, amber, green } = view.headline.counts;
    expect(text).toContain(transliterate(`${view.name}, ${view.periodLabel}:`));
    expect(text).toContain(`Indicadores: ${red} en rojo, ${amber} en ambar, ${green} en verde.`);
    // The worst gap: the rated indicator furthest below its target, as the PDF shows its value.
    const gaps = view.indicators.filter(
      (i) =>
        i.targets.gap !== null && i.targets.gap > 0 && i.status !== "referential" && i.status !== "no-data",
    );
    const worst = gaps.sort((a, b) => (b.targets.gap as number) - (a.targets.gap as number))[0];
    if (worst) expect(text).toContain(`Mayor brecha: ${transliterate(worst.label)}`);
    expect(text).toContain("Reporte completo enviado a su correo.");
    expect(composeUnitSms(view, messagesOf("es"), { emailed: false, reference: "AB3CD" })).not.toContain(
      "correo",
    );
  });

  it("in English for an English reader", () => {
    const view = en.find((v) => v.level === "region") as ReportView;
    const text = composeUnitSms(view, messagesOf("en"), { emailed: true, reference: "ZZ9ZZ" });
    expectSendable(text, "ZZ9ZZ");
    expect(text).toMatch(/Indicators: \d+ red, \d+ amber, \d+ green\./);
    expect(text).toContain("Full report sent to your e-mail.");
    expect(text).not.toMatch(/indicadores|correo/);
  });

  it("says how many indicators have no colour, in the PDF headline's words; needed when none has one", () => {
    const view = es.find((v) => v.level === "district") as ReportView;
    const grey: ReportView = {
      ...view,
      headline: {
        ...view.headline,
        counts: { red: 0, amber: 0, green: 0, referential: 5, "no-data": 2 },
      },
    };
    const text = composeUnitSms(grey, messagesOf("es"), { emailed: false, reference: "AAAAA" });
    expect(text).toContain(
      "Indicadores: 0 en rojo, 0 en ambar, 0 en verde. 7 sin color (referencial o sin datos).",
    );
  });

  it("a very long unit name is shortened by whole words to fit 2 segments; the month and counts stay", () => {
    const view = es.find((v) => v.level === "district") as ReportView;
    const words = Array.from({ length: 60 }, (_, i) => `Nombreñ${i}`);
    const long: ReportView = { ...view, name: `UGEL ${words.join(" ")}` };
    const text = composeUnitSms(long, messagesOf("es"), { emailed: true, reference: "QQQQQ" });
    expectSendable(text, "QQQQQ");
    expect(countSegments(text)).toBe(2);
    const { red, amber, green } = view.headline.counts;
    expect(text).toContain(`Indicadores: ${red} en rojo, ${amber} en ambar, ${green} en verde.`);
    const name = /^Semaforo Escuela UGEL (.*)\.\.\., /.exec(text)?.[1] ?? "";
    expect(name.length).toBeGreaterThan(0);
    // The month stays: only the name is shortened.
    expect(text).toContain(`..., ${transliterate(view.periodLabel)}: Indicadores:`);
    // Every word kept is a whole word of the name, in order: never cut mid-word.
    expect(name.split(" ")).toEqual(words.slice(0, name.split(" ").length));
  });
});

describe("composeSchoolSms: the director's SMS", () => {
  it("gives the school's values against its district's minimum, those below first", () => {
    const district = es.find((v) => v.level === "district" && v.schools && v.schools.rows.length > 0) as
      DistrictView | undefined;
    expect(district).toBeDefined();
    const view = district as DistrictView;
    const row = view.schools?.rows.find((r) => r.cells.some((c) => c?.belowMinimum)) ?? view.schools?.rows[0];
    if (!row) throw new Error("no school row");
    const text = composeSchoolSms(view, row, messagesOf("es"), "SCH00");
    expectSendable(text, "SCH00");
    expect(text).toContain(transliterate(`(${view.name}), visita de ${view.periodLabel}:`));
    const below = row.cells.filter((c) => c?.belowMinimum).length;
    const total = view.schools?.indicators.length ?? 0;
    if (below > 0) {
      expect(text).toContain(`${below} de ${total} indicadores bajo el minimo de su UGEL:`);
      // The first indicator named after the count is one below the minimum.
      const after = text.split("bajo el minimo de su UGEL:")[1] ?? "";
      const columns = view.schools?.indicators ?? [];
      const firstNamed = columns
        .map((column, index) => ({ at: after.indexOf(transliterate(column.label)), index }))
        .filter((c) => c.at >= 0)
        .sort((x, y) => x.at - y.at)[0];
      expect(row.cells[firstNamed?.index ?? -1]?.belowMinimum).toBe(true);
    } else expect(text).toContain("Todos los indicadores sobre el minimo de su UGEL.");
  });
});
