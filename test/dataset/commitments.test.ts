import { describe, expect, it } from "@jest/globals";
import { parseDataset } from "../../src/dataset/parseDataset.js";
import { tinyFiles, withFile } from "./tinyFiles.js";

const INDICATOR = "asistencia-estudiantes";

describe("the optional commitments.csv and support.csv", () => {
  it("reads commitments: evaluation months as a range, one month or a list", () => {
    const files = withFile(
      tinyFiles(),
      "commitments.csv",
      "year,level,code,indicator,type,months,amount\n" +
        `2026,district,010001,${INDICATOR},variable,03-05,120000\n` +
        `2026,region,010000,${INDICATOR},fija,07,80000\n` +
        `2026,district,010002,${INDICATOR},fija,03 07 10,5000.5\n`,
    );
    const { dataset, problems } = parseDataset(files);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dataset?.commitments).toEqual([
      {
        year: 2026,
        level: "region",
        code: "010000",
        indicator: INDICATOR,
        type: "fija",
        months: ["2026-07"],
        amount: 80000,
      },
      {
        year: 2026,
        level: "district",
        code: "010001",
        indicator: INDICATOR,
        type: "variable",
        months: ["2026-03", "2026-04", "2026-05"],
        amount: 120000,
      },
      {
        year: 2026,
        level: "district",
        code: "010002",
        indicator: INDICATOR,
        type: "fija",
        months: ["2026-03", "2026-07", "2026-10"],
        amount: 5000.5,
      },
    ]);
  });

  it("names file:line:column for every bad field, all at once", () => {
    const files = withFile(
      tinyFiles(),
      "commitments.csv",
      "year,level,code,indicator,type,months,amount\n" +
        `2026,national,PE,${INDICATOR},fija,03-10,1\n` +
        `2026,district,010001,${INDICATOR},mixta,10-03,-5\n` +
        `2026,district,010001,${INDICATOR},fija,03,1\n`,
    );
    const { dataset, problems } = parseDataset(files);
    expect(dataset).toBeNull();
    expect(
      problems.filter((p) => p.file === "commitments.csv").map((p) => [p.code, p.line, p.column]),
    ).toEqual([
      ["commitment-level", 2, 2],
      ["commitment-type", 3, 5],
      ["commitment-months", 3, 6],
      ["commitment-amount", 3, 7],
      ["duplicate-commitment", 4, 1],
    ]);
  });

  it("reads support actions and refuses an impossible date or a control character", () => {
    const good = withFile(
      tinyFiles(),
      "support.csv",
      `date,level,code,indicator,action\n2026-05-14,district,010001,${INDICATOR},"Visita, y plan"\n`,
    );
    expect(parseDataset(good).dataset?.support).toEqual([
      {
        date: "2026-05-14",
        level: "district",
        code: "010001",
        indicator: INDICATOR,
        action: "Visita, y plan",
      },
    ]);
    const bad = withFile(
      tinyFiles(),
      "support.csv",
      `date,level,code,indicator,action\n2026-02-30,district,010001,${INDICATOR},Visita\n2026-05-01,district,010001,${INDICATOR},"a\u001b[2Jb"\n`,
    );
    const { dataset, problems } = parseDataset(bad);
    expect(dataset).toBeNull();
    expect(problems.filter((p) => p.file === "support.csv").map((p) => [p.code, p.line, p.column])).toEqual([
      ["bad-date", 2, 1],
      ["bad-name", 3, 5],
    ]);
  });
});

describe("a team recipient in recipients.csv", () => {
  it("is read with code PE; another code is refused with its place", () => {
    const ok = withFile(
      tinyFiles(),
      "recipients.csv",
      "level,code,name,email\nnational,PE,Ana,ana@example.org\nteam,PE,Equipo,equipo@example.org\n",
    );
    expect(parseDataset(ok).dataset?.recipients.find((r) => r.level === "team")).toEqual({
      level: "team",
      code: "PE",
      name: "Equipo",
      email: "equipo@example.org",
      language: "es",
    });
    const bad = withFile(
      tinyFiles(),
      "recipients.csv",
      "level,code,name,email\nteam,010001,Equipo,equipo@example.org\n",
    );
    expect(
      parseDataset(bad)
        .problems.filter((p) => p.file === "recipients.csv" && p.severity === "error")
        .map((p) => [p.code, p.line, p.column]),
    ).toEqual([["unknown-national-code", 2, 2]]);
  });
});
