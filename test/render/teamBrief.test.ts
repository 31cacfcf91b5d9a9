import { describe, expect, it } from "@jest/globals";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { buildViews } from "../../src/compute/buildViews.js";
import type { Dataset } from "../../src/model.js";
import { loadTemplates } from "../../src/render/loadTemplates.js";
import { renderReport } from "../../src/render/renderReport.js";
import { renderTeamBrief } from "../../src/render/renderTeamBrief.js";
import { renderTeamCsv, TEAM_CSV_COLUMNS } from "../../src/render/renderTeamCsv.js";
import { messagesOf } from "../helpers/messages.js";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";

const months = ["2026-03", "2026-04", "2026-05"];
const hostile = '<img src=x onerror="alert(1)">';
const dataset: Dataset = {
  ...makeDataset({
    districts: [makeDistrict("010001", "010000", `UGEL ${hostile}`), makeDistrict("010002")],
    targets: [makeTarget({ target: 90, baseline: 80, minimum: 85 })],
    results: [
      ...[80, 82, 83].map((value, i) => makeResult({ districtCode: "010001", period: months[i], value })),
      ...[91, 92, 93].map((value, i) => makeResult({ districtCode: "010002", period: months[i], value })),
    ],
  }),
  contacts: [{ level: "district", code: "010001", name: '=HYPERLINK("http://x")', phone: "+51 1 234" }],
  support: [
    { date: "2026-04-02", level: "district", code: "010001", indicator: "asistencia", action: hostile },
  ],
  commitments: [
    {
      year: 2026,
      level: "district",
      code: "010001",
      indicator: "asistencia",
      type: "variable",
      months: ["2026-03", "2026-04", "2026-05", "2026-06"],
      amount: 100000,
    },
  ],
};
const messages = messagesOf("es");
const view = buildTeamBrief(dataset, "2026-05", { locale: "es", messages });

describe("the team brief's HTML and CSV", () => {
  const html = renderTeamBrief(view, {
    templates: loadTemplates(),
    messages,
    generatedAt: "2026-06-05T14:00:00Z",
  });

  it("places the ranked units, the follow-up and the quality, with every data text escaped", () => {
    expect(html).toContain("Informe mensual del equipo de acompañamiento");
    expect(html).toContain("bajo el mínimo 3 meses seguidos");
    expect(html).toContain("80.0% › 82.0% › 83.0%");
    expect(html).toContain("Seguimiento del acompañamiento");
    expect(html).not.toContain(hostile);
    expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt;");
  });

  it("lists one row per weak indicator, quoting and defusing spreadsheet formulas", () => {
    const csv = renderTeamCsv(view);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(TEAM_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(2);
    // The contact's name starts with "=": an apostrophe keeps a spreadsheet from running it.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain("'+51 1 234");
    // Rank, priority, the score and its parts: red 10 + gap (85 − 83 = 2) + streak 5 × 2 = 22.
    expect(lines[1]?.startsWith("1,acompañar,22.0,10.0,2.0,10.0,0.0,0.0,010000,DRE 010000,010001,")).toBe(
      true,
    );
    // Its commitment is out of reach (81.7 on average needs 115.0), so only the streak lists it;
    // it rose 1.0 point since April: a negative fall, kept a number.
    expect(lines[1]).toContain(",red-streak,3,-1.0,2.0,");
    // Accompanied since 2026-04-02: March 80.0 → May 83.0 (+3.0): improving.
    expect(lines[1]).toContain(",Acompañada desde 2026-04-02: mejora,");
  });
});

describe("the commitments section in the reports", () => {
  const templates = loadTemplates();
  const views = buildViews(dataset, "2026-05", { locale: "es", messages });
  const render = (code: string) => {
    const found = views.find((v) => v.code === code);
    if (!found) throw new Error(code);
    return renderReport(found, {
      templates,
      messages,
      topology: dataset.topology,
      geo: dataset.config.geo,
      generatedAt: "2026-06-05T14:00:00Z",
    });
  };

  it("a district with commitments shows its standing and the rule's assumptions", () => {
    const html = render("010001");
    expect(html).toContain("Compromisos de desempeño 2026");
    // (80 + 82 + 83) / 3 = 81.7; (90 × 4 − 245) / 1 = 115: out of reach; below the minimum: S/ 0.
    expect(html).toContain("81.7%");
    expect(html).toContain("115.0%");
    expect(html).toContain("Fuera de alcance");
    expect(html).toContain("Cómo se estima");
  });

  it("a district without commitments, and the national page", () => {
    // The page's text, not its inlined CSS (whose comments may name the section).
    expect(render("010002").replace(/<style[\s\S]*?<\/style>/g, "")).not.toContain(
      "Compromisos de desempeño",
    );
    const national = render("PE");
    expect(national).toContain("Compromisos de desempeño 2026: DRE y UGEL");
    expect(national).toContain("S/\u00a00 / S/\u00a0100,000");
  });
});
