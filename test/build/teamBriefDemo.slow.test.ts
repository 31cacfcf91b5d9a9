import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { buildViews } from "../../src/compute/buildViews.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Dataset, Manifest, TeamBriefView } from "../../src/model.js";
import { messagesOf } from "../helpers/messages.js";

jest.setTimeout(400_000);

/** The demo month (2026-10): the brief is a plan the team can act on (issue #23's acceptance). */
const work = mkdtempSync(join(tmpdir(), "semaforo-team-demo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let dataset: Dataset;
let brief: TeamBriefView;
const messages = messagesOf("es");
beforeAll(async () => {
  const read = await readDataset("fixtures/demo");
  if (!read.dataset) throw new Error("the demo does not validate");
  dataset = read.dataset;
  brief = buildTeamBrief(dataset, "2026-10", { locale: "es", messages });
});

describe("the team brief on the demo month", () => {
  it("holds exactly the capacity, puts the acute case first and a commitment alone never first", () => {
    const accompany = brief.units.filter((u) => u.priority === "acompañar");
    expect(brief.settings.capacity).toBe(15);
    expect(accompany).toHaveLength(15);
    expect(brief.units.filter((u) => u.priority === "observar")).toHaveLength(30);
    // UGEL ANTA: 5 of 7 indicators below the minimum, falls of 7.7–15.4 points.
    const anta = brief.units.find((u) => u.unit.name === "UGEL ANTA");
    expect(anta?.reds).toBe(5);
    expect(anta?.rank).toBeLessThanOrEqual(10);
    // No unit whose only reason is a commitment is in the capacity list; the leader has reds.
    const commitmentOnly = brief.units.filter((u) => u.weak.every((w) => w.reasons.join() === "commitment"));
    expect(commitmentOnly.every((u) => u.priority !== "acompañar")).toBe(true);
    expect(brief.units[0]?.reds).toBeGreaterThan(0);
    // UGEL MELGAR's commitment needed 96.5 % after 84.7 %: not winnable.
    const melgar = brief.units.find((u) => u.unit.name === "UGEL MELGAR");
    expect(melgar?.weak.some((w) => w.reasons.includes("commitment"))).toBe(false);
    // A green value that fell is never weak for its fall (a green one is weak only for a winnable commitment).
    const green = brief.units.flatMap((u) => u.weak).filter((w) => w.status === "green");
    expect(green.every((w) => w.reasons.join() === "commitment")).toBe(true);
    expect(brief.units.some((u) => u.watch.length > 0)).toBe(true);
  });

  it("gives each story to at most 3 units of the capacity list, and every unit one when a story fits", () => {
    const accompany = brief.units.filter((u) => u.priority === "acompañar");
    const uses = new Map<string, number>();
    for (const unit of accompany) for (const s of unit.stories) uses.set(s.file, (uses.get(s.file) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(3);
    expect(uses.size).toBeGreaterThanOrEqual(8);
    const storyIndicators = new Set(dataset.goodPractices.map((s) => s.indicator));
    for (const unit of accompany) {
      if (unit.weak.some((w) => storyIndicators.has(w.indicator)))
        expect(unit.stories.length).toBeGreaterThan(0);
    }
  });

  it("region views list the same prioritised units in the same order", () => {
    const regions = buildViews(dataset, "2026-10", { locale: "es", messages }).flatMap((v) =>
      v.level === "region" ? v.teamPriority : [],
    );
    const fromRegions = [...regions].sort((a, b) => a.rank - b.rank).map((p) => [p.rank, p.unit.code]);
    expect(fromRegions).toEqual(
      brief.units.filter((u) => u.priority === "acompañar").map((u) => [u.rank, u.unit.code]),
    );
  });

  it("prints the brief and a region report that agree with the CSV row for row", () => {
    const out = join(work, "out");
    // The brief (team) and DRE Cusco (080000), where UGEL ANTA is: the real CLI, in its own process.
    for (const args of [
      ["--level", "team"],
      ["--only", "080000"],
    ]) {
      execFileSync(
        "node",
        ["bin/semaforo.js", "build", "--data", "fixtures/demo", "--period", "2026-10", "--out", out, ...args],
        { stdio: "pipe", timeout: 300_000 },
      );
    }
    const dir = join(out, "2026-10");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    const team = manifest.reports.find((r) => r.level === "team");
    const region = manifest.reports.find((r) => r.level === "region" && r.code === "080000");
    const pdf = (file: string) =>
      execFileSync("pdftotext", [join(dir, file), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const text = pdf(team?.file ?? "");
    const csv = readFileSync(join(dir, team?.attachments?.[0]?.file ?? ""), "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(","));

    // The capacity list: 15 units in the PDF, in the CSV's order, each weak indicator in both.
    expect(text).toContain("A acompañar este mes (15)");
    const accompany = brief.units.filter((u) => u.priority === "acompañar");
    const csvAccompany = csv.filter((row) => row[1] === "acompañar").map((row) => [row[10], row[12]]);
    expect(csvAccompany).toEqual(accompany.flatMap((u) => u.weak.map((w) => [u.unit.code, w.indicator])));
    let at = 0;
    for (const unit of accompany) {
      const found = text.indexOf(`${unit.rank}. ${unit.unit.name}`, at);
      expect(found).toBeGreaterThan(at - 1);
      at = found;
      for (const weak of unit.weak)
        expect(text).toContain(weak.trendText.replaceAll("→", "›").replace(/\s+/g, " "));
    }
    // The watch table in the CSV's order, then one line for the rest.
    const watch = brief.units.filter((u) => u.priority === "observar");
    expect(text).toContain(`En observación (${watch.length})`);
    const csvWatch = [...new Set(csv.filter((row) => row[1] === "observar").map((row) => row[10]))];
    expect(csvWatch).toEqual(watch.map((u) => u.unit.code));
    const rest = brief.units.filter((u) => u.priority === "resto").length;
    expect(text).toContain(`Y ${rest} UGEL más con algún indicador débil`);
    expect(new Set(csv.map((row) => row[10])).size).toBe(brief.units.length);

    // Referential months are marked in the PDF and the CSV, with the reason in a note.
    expect(text).toMatch(/ref\. \d+\.\d% ›/);
    expect(text).toContain("ref. = valor referencial");
    expect(csv.some((row) => (row[15] ?? "").includes("ref. "))).toBe(true);
    // The CSV names stories by title, never by file.
    expect(csv.some((row) => (row[24] ?? "").includes("good-practices/"))).toBe(false);

    // Places to learn from: not empty, each with its evidence.
    expect(brief.learnFrom.length).toBeGreaterThan(0);
    expect(text).toContain("UGEL para documentar buenas prácticas");
    for (const entry of brief.learnFrom) {
      expect(text).toContain(entry.unit.name);
      expect(text).toContain(entry.value.text);
      expect(text).toContain(entry.regionValue.text);
    }

    // DRE Cusco's report names its UGELs on the list, with their rank, in the brief's order.
    const regionText = pdf(region?.file ?? "");
    expect(regionText).toContain("UGEL que el equipo de acompañamiento prioriza este mes");
    const cusco = accompany.filter((u) => u.region?.code === "080000");
    expect(cusco.map((u) => u.unit.name)).toContain("UGEL ANTA");
    let position = 0;
    for (const unit of cusco) {
      const found = regionText.indexOf(`${unit.rank}. ${unit.unit.name}`, position);
      expect(found).toBeGreaterThanOrEqual(position);
      position = found;
    }
  });
});
