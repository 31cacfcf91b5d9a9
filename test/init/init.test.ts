import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import { scaffoldFiles } from "../../src/init/scaffoldFiles.js";
import { captureIo } from "../helpers/io.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "semaforo-init-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFile(path.join(dir, file), "utf8");

describe("semaforo init", () => {
  it("scaffolds every file of the dataset contract, CSVs with their header row only", async () => {
    const dir = path.join(root, "my-dataset");
    const io = captureIo();
    expect(await main(["init", dir], io)).toBe(0);

    expect((await readdir(dir)).sort()).toEqual([
      "README.md",
      "dataset.json",
      "good-practices",
      "indicators.json",
      "recipients.csv",
      "results.csv",
      "schools.csv",
      "targets.csv",
      "units.csv",
    ]);
    expect(await read(dir, "units.csv")).toBe("district_code,district_name,region_code,region_name\n");
    expect(await read(dir, "results.csv")).toBe(
      "period,district_code,indicator,numerator,denominator,schools,cv\n",
    );
    expect(await read(dir, "targets.csv")).toBe("year,level,code,indicator,target,baseline,minimum\n");
    expect(await read(dir, "recipients.csv")).toBe("level,code,name,email,language\n");
    expect(await read(dir, "schools.csv")).toBe(
      "period,district_code,school_code,school_name,indicator,value\n",
    );
    expect(await readdir(path.join(dir, "good-practices"))).toEqual([".gitkeep"]);

    const dataset = JSON.parse(await read(dir, "dataset.json")) as Record<string, unknown>;
    expect(Object.keys(dataset)).toEqual(expect.arrayContaining(["name", "geo", "email"]));
    expect(dataset.geo).toEqual({
      file: expect.any(String),
      regions: expect.any(String),
      districts: expect.any(String),
    });
    const indicators = JSON.parse(await read(dir, "indicators.json")) as Record<string, unknown>[];
    expect(indicators).toHaveLength(1);
    expect(Object.keys(indicators[0]!).sort()).toEqual(["better", "category", "id", "label", "unit"]);

    expect(io.stdout()).toContain(`semaforo validate --data ${dir}`);
  });

  it("explains every file in the folder's README, with an example row under each CSV header", () => {
    const readme = scaffoldFiles().find((f) => f.path === "README.md")!.content;
    for (const file of scaffoldFiles()) {
      if (file.path.endsWith(".csv")) {
        const header = file.content.trim();
        expect(readme).toContain(`## ${file.path}`);
        // The header as written in the file, followed by an example row with as many fields.
        const lines = readme.split("\n").map((l) => l.trim());
        const at = lines.indexOf(header);
        expect(at).toBeGreaterThan(0);
        expect(lines[at + 1]?.split(",")).toHaveLength(header.split(",").length);
      }
    }
    expect(readme).toContain("## dataset.json");
    expect(readme).toContain("## indicators.json");
    expect(readme).toContain("## good-practices/*.md");
  });

  it("creates the folder inside an existing empty one", async () => {
    expect(await main(["init", root], captureIo())).toBe(0);
    expect(await readdir(root)).toContain("dataset.json");
  });

  it("refuses a non-empty folder (exit 2) and leaves it untouched", async () => {
    await writeFile(path.join(root, "units.csv"), "mine\n");
    const io = captureIo();
    expect(await main(["init", root], io)).toBe(2);
    expect(io.stderr()).toMatch(/is not empty .*never overwrites/);
    expect(await readdir(root)).toEqual(["units.csv"]);
    expect(await read(root, "units.csv")).toBe("mine\n");
  });

  it("refuses a path that is a file", async () => {
    const file = path.join(root, "f.txt");
    await writeFile(file, "");
    const io = captureIo();
    expect(await main(["init", file], io)).toBe(2);
    expect(io.stderr()).toMatch(/not a folder/);
  });

  it("needs a folder name", async () => {
    await mkdir(path.join(root, "x"));
    const io = captureIo();
    expect(await main(["init"], io)).toBe(2);
    expect(io.stderr()).toMatch(/dir/);
  });

  it("leaves a dataset that validate explains as not ready yet (exit 3, no stack trace)", async () => {
    const dir = path.join(root, "my-dataset");
    expect(await main(["init", dir], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(["validate", "--data", dir], io)).toBe(3);
    expect(io.stdout() + io.stderr()).toContain("units.csv:2:1: the file has no districts yet");
    expect(io.stdout() + io.stderr()).toContain("results.csv:2:1: the file has no results yet");
    expect(io.stdout() + io.stderr()).toMatch(
      /dataset\.json:2:\d+: .*is still the placeholder that semaforo init wrote/,
    );
    expect(io.stdout() + io.stderr()).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});

describe("semaforo init --units peru", () => {
  it("fills units.csv with the 224 UGEL of the shipped list and their 26 DRE", async () => {
    const dir = path.join(root, "peru");
    const io = captureIo();
    expect(await main(["init", dir, "--units", "peru"], io)).toBe(0);
    const lines = (await read(dir, "units.csv")).trimEnd().split("\n");
    expect(lines[0]).toBe("district_code,district_name,region_code,region_name");
    expect(lines).toHaveLength(1 + 224);
    expect(lines).toContain("010001,UGEL CHACHAPOYAS,010000,DRE AMAZONAS");
    expect(new Set(lines.slice(1).map((l) => l.split(",")[2])).size).toBe(26);
    // The same units as the demo dataset, which uses the real list.
    const demo = (await readFile("fixtures/demo/units.csv", "utf8")).trimEnd().split("\n").slice(1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(demo.map((l) => l.split(",")[0]).sort());
    expect(io.stdout()).toContain("units.csv holds Peru's 224 UGEL");
  });

  it("offers the list when it is not used", async () => {
    const io = captureIo();
    expect(await main(["init", path.join(root, "empty")], io)).toBe(0);
    expect(io.stdout()).toContain("Tip: semaforo init DIR --units peru fills units.csv");
  });
});
