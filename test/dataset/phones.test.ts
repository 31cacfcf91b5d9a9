import { describe, expect, it } from "@jest/globals";
import { parseDataset } from "../../src/dataset/parseDataset.js";
import { text, tinyFiles, withFile } from "./tinyFiles.js";

/** The tiny dataset with dataset.json's `sms` set. */
function withSms(sms: Record<string, boolean>) {
  const files = tinyFiles();
  const config = JSON.parse(text(files, "dataset.json")) as Record<string, unknown>;
  return withFile(files, "dataset.json", JSON.stringify({ ...config, sms }));
}

const place = (p: { file?: string; line?: number; column?: number }) => `${p.file}:${p.line}:${p.column}`;

describe("phone numbers for SMS (issue #25)", () => {
  it("recipients.csv: a row may have a phone instead of an e-mail; mobiles are read as +51…", () => {
    const files = withFile(
      tinyFiles(),
      "recipients.csv",
      "level,code,name,email,language,phone\n" +
        "national,PE,Ana,ana@example.org,es,+51 987 654 321\n" +
        "district,010001,Luis,,es,987-123-456\n",
    );
    const { dataset, problems } = parseDataset(files);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dataset?.recipients.map((r) => [r.code, r.email, r.phone])).toEqual([
      ["PE", "ana@example.org", "+51987654321"],
      ["010001", "", "+51987123456"],
    ]);
  });

  it("recipients.csv: a landline, a wrong length, letters or another country are errors at file:line:column", () => {
    const files = withFile(
      tinyFiles(),
      "recipients.csv",
      "level,code,name,email,language,phone\n" +
        "national,PE,Ana,ana@example.org,es,+51 1 4567890\n" +
        "region,010000,Eva,eva@example.org,es,98765432\n" +
        "district,010001,Luis,,es,nueve-ocho\n" +
        "district,010002,Rosa,,es,+14155550123\n",
    );
    const { dataset, problems } = parseDataset(files);
    expect(dataset).toBeNull();
    const found = problems.filter((p) => p.code === "invalid-phone");
    expect(found.map(place)).toEqual([
      "recipients.csv:2:6",
      "recipients.csv:3:6",
      "recipients.csv:4:6",
      "recipients.csv:5:6",
    ]);
    expect(found.every((p) => p.severity === "error")).toBe(true);
    expect(found[0]?.message).toContain("+51 1 4567890");
  });

  it('recipients.csv: any E.164 number with "sms": {"international": true}', () => {
    const files = withFile(
      withSms({ international: true }),
      "recipients.csv",
      "level,code,name,email,language,phone\nnational,PE,Ana,,es,+14155550123\n",
    );
    const { dataset, problems } = parseDataset(files);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dataset?.recipients[0]?.phone).toBe("+14155550123");
  });

  it("schools.csv with sms.schools: a mobile is the director's SMS, a landline a warning, not a number an error", () => {
    const header = "period,district_code,school_code,school_name,indicator,value,director,phone\n";
    const row = (school: string, phone: string) =>
      `2026-05,010001,${school},IE ${school},asistencia-estudiantes,95.8,Rosa Mamani,${phone}\n`;
    const good = withFile(
      withSms({ schools: true }),
      "schools.csv",
      header + row("0215012", "987654321") + row("0215013", "041 123456"),
    );
    const read = parseDataset(good);
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const landline = read.problems.filter((p) => p.code === "school-phone-not-mobile");
    expect(landline.map(place)).toEqual(["schools.csv:3:8"]);
    expect(landline[0]?.severity).toBe("warning");
    const infos = read.dataset?.schools.map((s) => [s.schoolCode, s.info?.mobile]);
    expect(infos).toEqual([
      ["0215012", "+51987654321"],
      ["0215013", undefined],
    ]);

    const bad = parseDataset(
      withFile(withSms({ schools: true }), "schools.csv", header + row("0215012", "llamar a Rosa")),
    );
    expect(bad.dataset).toBeNull();
    expect(bad.problems.filter((p) => p.code === "invalid-phone").map(place)).toEqual(["schools.csv:2:8"]);

    // Without sms.schools, schools.csv's phone is only printed: not checked, no SMS.
    const off = parseDataset(withFile(tinyFiles(), "schools.csv", header + row("0215012", "llamar a Rosa")));
    expect(off.problems.filter((p) => p.file === "schools.csv")).toEqual([]);
    expect(off.dataset?.schools[0]?.info?.mobile).toBeUndefined();
  });
});
