import { describe, expect, it } from "@jest/globals";
import { planTeamReports } from "../../src/build/planTeamReports.js";
import type { Recipient } from "../../src/model.js";

const team = (email: string, language: "es" | "en" = "es"): Recipient => ({
  level: "team",
  code: "PE",
  name: `Equipo ${email}`,
  email,
  language,
});
const national: Recipient = {
  level: "national",
  code: "PE",
  name: "Jefa",
  email: "jefa@example.org",
  language: "es",
};

describe("planning the enabling team's brief", () => {
  it("one PDF per language its recipients read, in team/", () => {
    const plans = planTeamReports(
      [national, team("b@example.org"), team("a@example.org"), team("c@example.org", "en")],
      "Equipo de acompañamiento",
    );
    expect(plans.map((p) => [p.file, p.recipients])).toEqual([
      ["team/PE-equipo-de-acompanamiento.pdf", ["a@example.org", "b@example.org"]],
      ["team/PE-equipo-de-acompanamiento.en.pdf", ["c@example.org"]],
    ]);
  });

  it("none without a team recipient, or when --level or --only leave it out", () => {
    const name = "Equipo de acompañamiento";
    expect(planTeamReports([national], name)).toEqual([]);
    expect(planTeamReports([team("a@example.org")], name, { level: "district" })).toEqual([]);
    expect(planTeamReports([team("a@example.org")], name, { only: ["010001"] })).toEqual([]);
    expect(planTeamReports([team("a@example.org")], name, { only: ["PE"] })).toHaveLength(1);
    expect(planTeamReports([team("a@example.org")], name, { level: "team" })).toHaveLength(1);
  });
});
