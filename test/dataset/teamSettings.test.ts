import { describe, expect, it } from "@jest/globals";
import { parseDataset } from "../../src/dataset/parseDataset.js";
import { tinyFiles, text, withFile } from "./tinyFiles.js";

const INDICATOR = "asistencia-estudiantes";

/** tiny's dataset.json with a `team` member written as given (raw JSON text), on its own line. */
function withTeam(team: string) {
  const files = tinyFiles();
  const json = text(files, "dataset.json").replace(/\n}\s*$/, `,\n  "team": ${team}\n}\n`);
  return withFile(files, "dataset.json", json);
}

describe("dataset.json team settings", () => {
  it("defaults to no team member; a valid capacity and supportMonths are read", () => {
    expect(parseDataset(tinyFiles()).dataset?.config.team).toBeUndefined();
    const { dataset, problems } = parseDataset(withTeam('{ "capacity": 2 }'));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    // supportMonths not given: the default 3 is filled in.
    expect(dataset?.config.team).toEqual({ capacity: 2, supportMonths: 3 });
    expect(parseDataset(withTeam('{ "capacity": 224, "supportMonths": 6 }')).dataset?.config.team).toEqual({
      capacity: 224,
      supportMonths: 6,
    });
  });

  it.each([["0"], ["225"], ["1.5"], ['"15"'], ["-3"]])(
    "refuses capacity %s with dataset.json's line and column (nothing is built)",
    (value) => {
      const files = withTeam(`{ "capacity": ${value} }`);
      const { dataset, problems } = parseDataset(files);
      expect(dataset).toBeNull();
      const lines = text(files, "dataset.json").split("\n");
      const line = lines.findIndex((l) => l.includes('"team"')) + 1;
      const errors = problems.filter((p) => p.severity === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: "dataset.json", line });
      // The column points at the member: `  "team": { ` is 12 characters, "capacity" starts at 13.
      expect(errors[0]?.column).toBe(13);
      expect(errors[0]?.message).toMatch(/whole number from 1 to 224/);
    },
  );
});

describe("support.csv rows the brief cannot use", () => {
  const support = (rows: string) =>
    withFile(tinyFiles(), "support.csv", `date,level,code,indicator,action\n${rows}`);

  it("an unknown unit or indicator is an error with its line and column", () => {
    const { dataset, problems } = parseDataset(
      support(
        `2026-05-14,district,019999,${INDICATOR},Visita\n2026-05-14,district,010001,asistencia-x,Visita\n`,
      ),
    );
    expect(dataset).toBeNull();
    expect(problems.filter((p) => p.file === "support.csv").map((p) => [p.code, p.line, p.column])).toEqual([
      ["unknown-district", 2, 3],
      ["unknown-indicator", 3, 4],
    ]);
  });

  it("a date after today (in the dataset's time zone) is an error; today itself is fine", () => {
    // 2026-05-20 03:00 UTC is still 2026-05-19 in Lima (UTC−5).
    const now = new Date("2026-05-20T03:00:00Z");
    const files = support(
      `2026-05-19,district,010001,${INDICATOR},Hoy\n2026-05-20,district,010001,${INDICATOR},Mañana\n2027-05-01,district,010002,${INDICATOR},Año equivocado\n`,
    );
    const { dataset, problems } = parseDataset({ ...files, now });
    expect(dataset).toBeNull();
    expect(
      problems.filter((p) => p.file === "support.csv").map((p) => [p.code, p.line, p.column, p.message]),
    ).toEqual([
      ["future-date", 3, 1, 'date "2026-05-20" is in the future (today is 2026-05-19)'],
      ["future-date", 4, 1, 'date "2027-05-01" is in the future (today is 2026-05-19)'],
    ]);
    // Without a clock (pure parsing in tests), no date is "future".
    expect(parseDataset(files).dataset).not.toBeNull();
  });
});
