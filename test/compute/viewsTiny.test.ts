import { describe, expect, it } from "@jest/globals";
import { expectGolden } from "../helpers/golden.js";
import { readTinyDataset as tiny } from "../helpers/tiny.js";
import { buildViews } from "../../src/compute/buildViews.js";
import { messagesOf } from "../helpers/messages.js";
import { views } from "./support.js";

describe("views of fixtures/tiny", () => {
  it("match the golden views JSON for its last month (2026-05, es)", async () => {
    const dataset = await tiny();
    const last = [...new Set(dataset.results.map((row) => row.period))].sort().at(-1);
    expect(last).toBe("2026-05");
    expectGolden("views-tiny.json", views(dataset, "2026-05", "es"));
  });

  it("are the same for a unit whichever others are made (`only`, as a build does for English)", async () => {
    const dataset = await tiny();
    const messages = messagesOf("en");
    const all = buildViews(dataset, "2026-05", { locale: "en", messages });
    const only = new Set(["district/010003", "national/PE"]);
    const some = buildViews(dataset, "2026-05", { locale: "en", messages, only });
    expect(some.map((v) => `${v.level}/${v.code}`)).toEqual(["national/PE", "district/010003"]);
    expect(some).toEqual(all.filter((v) => only.has(`${v.level}/${v.code}`)));
  });

  it("have the figures worked out by hand", async () => {
    const all = views(await tiny(), "2026-05", "es");
    expect(all.map((view) => view.code)).toEqual([
      "PE",
      "010000",
      "020000",
      "010001",
      "010002",
      "010003",
      "020001",
      "020002",
      "020003",
    ]);
    const bongara = all.find((view) => view.code === "010003");
    const attendance = bongara?.indicators.find((indicator) => indicator.id === "asistencia-estudiantes");
    // 255/300 = 85.0 % with 3 schools: referential; previous month 488/581 = 84.0 %.
    expect(attendance).toMatchObject({
      value: { value: 85, text: "85.0%" },
      status: "referential",
      referentialReason: "few-schools",
      previous: { period: "2026-04", points: 1, text: "+1.0 p.p." },
    });
    // Aija has no row in 2026-04: a gap in its series, and no previous change.
    const aija = all.find((view) => view.code === "020002")?.indicators[0];
    expect(aija?.series.find((point) => point.period === "2026-04")?.value).toBeNull();
    expect(aija?.previous?.points).toBeNull();
    // Amazonas attendance: (1218 + 614 + 255) / (1310 + 740 + 300).
    const amazonas = all.find((view) => view.code === "010000")?.indicators[0];
    expect(amazonas?.value.value).toBeCloseTo((100 * 2087) / 2350, 10);
    expect(amazonas?.schools).toBe(21);
    // Antonio Raymondi attendance has cv 17.4 > 15.
    const raymondi = all.find((view) => view.code === "020003")?.indicators[0];
    expect(raymondi?.referentialReason).toBe("high-cv");
  });
});
