import { describe, expect, it } from "@jest/globals";
import { planReports } from "../../src/build/planReports.js";
import type { Recipient, ReportView } from "../../src/model.js";

const unit = (level: ReportView["level"], code: string, name: string) =>
  ({ level, code, name }) as ReportView;
const UNITS = [
  unit("national", "PE", "Perú"),
  unit("region", "020000", "DRE Áncash"),
  unit("district", "020003", "UGEL Antonio Raymondi"),
  unit("district", "020001", "UGEL Huaraz"),
];
const r = (
  level: Recipient["level"],
  code: string,
  email: string,
  language: Recipient["language"] = "es",
): Recipient => ({ level, code, name: email, email, language });
const RECIPIENTS = [
  r("national", "PE", "b@x.org"),
  r("national", "PE", "a@x.org"),
  r("district", "020003", "es@x.org"),
  r("district", "020003", "en@x.org", "en"),
];

describe("planReports", () => {
  it("Spanish for every unit, English too where a recipient reads it; recipients by language", () => {
    const plans = planReports(UNITS, RECIPIENTS);
    expect(plans.map((p) => `${p.file} ${p.recipients.join(",")}`)).toEqual([
      "national/PE-peru.pdf a@x.org,b@x.org",
      "region/020000-dre-ancash.pdf ",
      "district/020003-ugel-antonio-raymondi.pdf es@x.org",
      "district/020003-ugel-antonio-raymondi.en.pdf en@x.org",
      "district/020001-ugel-huaraz.pdf ",
    ]);
    expect(Object.keys(plans[0]?.recipientNames ?? {})).toEqual(["a@x.org", "b@x.org"]);
  });

  it("--lang forces one language for all, sent to all the unit's recipients", () => {
    const plans = planReports(UNITS, RECIPIENTS, { lang: "en" });
    expect(plans.map((p) => p.file)).toContain("national/PE-peru.en.pdf");
    expect(plans.find((p) => p.code === "020003")?.recipients).toEqual(["en@x.org", "es@x.org"]);
    expect(plans).toHaveLength(4);
  });

  it("--only and --level pick a subset; an unknown code is a usage error", () => {
    expect(planReports(UNITS, RECIPIENTS, { only: ["PE", "020001"] }).map((p) => p.code)).toEqual([
      "PE",
      "020001",
    ]);
    expect(planReports(UNITS, RECIPIENTS, { level: "district" }).map((p) => p.code)).toEqual([
      "020003",
      "020003",
      "020001",
    ]);
    expect(() => planReports(UNITS, RECIPIENTS, { only: ["020004"] })).toThrow(/020004/);
  });
});
