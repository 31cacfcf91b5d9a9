import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Topology } from "topojson-specification";
import type { Status } from "../../src/model.js";
import { choroplethMap, insetCaption } from "../../src/render/maps/choroplethMap.js";
import { compactPath } from "../../src/render/maps/compactPath.js";
import { GeoCache } from "../../src/render/maps/GeoCache.js";
import { INK } from "../../src/render/palette.js";
import { ROOT, attr, tags, tinyTopology } from "./support.js";

const legend = (["green", "amber", "red", "referential", "no-data"] as Status[]).map((status) => ({
  status,
  label: `L-${status}`,
}));

describe("insetCaption", () => {
  it("breaks at words into at most two lines that fit the width at 0.52 em a character", () => {
    expect(insetCaption("Lima Metropolitana y Callao", 98)).toEqual(["Lima Metropolitana", "y Callao"]);
    expect(insetCaption("Lima Metropolitana and Callao", 98)).toEqual(["Lima Metropolitana", "and Callao"]);
    expect(insetCaption("Lima", 98)).toEqual(["Lima"]);
    // Never a third line: what does not fit stays on the second.
    expect(insetCaption("aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbb cccc", 98)).toHaveLength(2);
  });
});

describe("compactPath", () => {
  it("writes relative commands on a rounded grid and drops points that round together", () => {
    expect(compactPath("M10.2,20.4L10.3,20.4L15,25L10,25ZM50,50L51,51Z")).toBe("m10,20l5,5 -5,0zm40,30l1,1z");
    expect(compactPath("M1.26,2.04L3.55,4.41Z", 1)).toBe("m1.3,2l2.3,2.4z");
  });
});

describe("GeoCache + choroplethMap on fixtures/tiny", () => {
  const geo = new GeoCache(tinyTopology(), { regions: "regions", districts: "districts" });

  it("marks each unit with its status's glyph in the status's ink, as the legend's swatches show it", () => {
    const map = geo.project({
      layer: "district",
      codes: ["010001", "010002"],
      width: 300,
      maxHeight: 250,
      inset: false,
    });
    for (const f of map.features) {
      expect(f.area).toBeGreaterThan(150);
      expect(f.anchor[0]).toBeGreaterThan(0);
      expect(f.anchor[0]).toBeLessThan(300);
    }
    const svg = choroplethMap({
      title: "t",
      map,
      values: [
        { code: "010001", status: "green", text: "95%" },
        { code: "010002", status: "red", text: "60%" },
      ],
      legend,
      insetLabel: "Lima",
    });
    const glyphs = /<g class="glyphs"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
    // Green: a white circle on the dark fill; red: a white square on the mid-grey fill.
    expect(tags(glyphs, "circle").map((c) => attr(c, "fill"))).toEqual(["#ffffff"]);
    expect(tags(glyphs, "rect").map((r) => attr(r, "fill"))).toEqual(["#ffffff"]);
    // The legend: a swatch of each fill with the same glyph on it (5 swatches, 5 glyphs).
    const legendItems = svg.split('<g class="legend-item">').slice(1);
    expect(legendItems).toHaveLength(5);
    expect(legendItems[0]).toContain('fill="#0b5d32"');
    expect(legendItems[0]).toMatch(/<circle[^>]*fill="#ffffff"/);
    expect(legendItems[1]).toMatch(/<path[^>]*fill="#1f1f1f"/); // amber: a dark triangle
  });

  it("draws one polygon per district of a region, fitted, with the own district outlined", () => {
    const map = geo.project({
      layer: "district",
      codes: ["010001", "010002", "010003"],
      width: 300,
      maxHeight: 250,
      inset: false,
    });
    expect(map.features.map((f) => f.code)).toEqual(["010001", "010002", "010003"]);
    expect(map.width).toBe(300);
    expect(map.height).toBeLessThanOrEqual(250);
    const svg = choroplethMap({
      title: "Asistencia: UGEL de DRE Amazonas",
      map,
      values: [
        { code: "010001", status: "green", text: "95%" },
        { code: "010002", status: "referential", text: "80%" },
      ],
      highlight: "010002",
      legend,
      insetLabel: "Lima",
    });
    const areas = tags(svg, "path").filter((p) => /class="area( outside)?"/.test(p));
    expect(areas).toHaveLength(3);
    expect(attr(areas[0] ?? "", "fill")).toBe("#0b5d32");
    expect(attr(areas[1] ?? "", "fill")).toBe("#c8c8c8"); // referential: flat grey, dashed outline
    // No entry at all: not a unit of the dataset (DRE Callao's own area), white, not "no data".
    expect(attr(areas[2] ?? "", "class")).toBe("area outside");
    expect(attr(areas[2] ?? "", "fill")).toBe("#ffffff");
    expect(tags(svg, "path").filter((p) => p.includes('class="highlight"'))).toHaveLength(1);
    // No <pattern> fill (Chromium rasterizes it): the referential area gets a dashed outline on top.
    expect(svg).not.toContain("<pattern");
    const dashed = tags(svg, "path").filter((p) => p.includes('class="referential"'));
    expect(dashed).toHaveLength(2); // the area and its legend swatch
    expect(attr(dashed[0] ?? "", "d")).toBe(map.features[1]?.d);
    expect(attr(dashed[0] ?? "", "stroke-dasharray")).toBeDefined();
    expect(svg.indexOf('class="referential"')).toBeGreaterThan(svg.lastIndexOf('class="area"'));
    expect(svg.match(/<g class="legend-item">/g)).toHaveLength(5);
    expect(svg).toContain(">L-referential</text>");
    expect(attr(tags(svg, "svg")[0] ?? "", "role")).toBe("img");
    expect(svg).not.toContain('class="inset"');
    // Every coordinate lies inside the viewBox.
    for (const f of map.features) expect(f.d).toMatch(/^m\d+,\d+l/);
  });

  it("projects each (layer, features, size) once per run", () => {
    const request = { layer: "region" as const, codes: [], width: 320, maxHeight: 400, inset: true };
    const before = geo.size;
    const a = geo.project(request);
    const b = geo.project({ ...request });
    expect(b).toBe(a);
    expect(geo.size).toBe(before + 1);
    expect(a.features).toHaveLength(2);
    expect(a.inset).toBeNull(); // no Lima/Callao in the tiny map
  });

  it("names the missing object when the map file lacks a layer", () => {
    const bad = new GeoCache(tinyTopology(), { regions: "dre", districts: "ugel" });
    expect(() =>
      bad.project({ layer: "region", codes: [], width: 100, maxHeight: 100, inset: false }),
    ).toThrow('The map file has no object "dre"');
  });

  it("escapes the title", () => {
    const map = geo.project({ layer: "region", codes: [], width: 200, maxHeight: 200, inset: false });
    const svg = choroplethMap({
      title: "<script>x</script>",
      map,
      values: [],
      legend: [],
      insetLabel: "",
    });
    expect(svg).not.toContain("<script");
  });
});

describe("national maps of the project's Peru map (geo/peru.topojson)", () => {
  const topology = JSON.parse(readFileSync(join(ROOT, "geo", "peru.topojson"), "utf8")) as Topology;
  const geo = new GeoCache(topology, { regions: "dre", districts: "ugel" });

  it("draws all 224 UGEL areas under 150 KB, with a Lima Metropolitana + Callao inset", () => {
    const map = geo.project({ layer: "district", codes: [], width: 330, maxHeight: 460, inset: true });
    expect(map.features.length).toBe(224);
    const svg = choroplethMap({
      title: "Por UGEL",
      map,
      values: map.features.map((f, i) => ({
        code: f.code,
        status: (["green", "amber", "red"] as const)[i % 3]!,
        text: "",
      })),
      legend,
      insetLabel: "Lima Metropolitana y Callao",
    });
    expect(Buffer.byteLength(svg)).toBeLessThan(150_000);
    expect(map.inset).not.toBeNull();
    // UGEL 01–07 of Lima Metropolitana and the Callao areas are in the inset.
    const insetCodes = map.inset?.features.map((f) => f.code) ?? [];
    expect(insetCodes).toEqual(expect.arrayContaining(["150102", "150107", "070101"]));
    // The caption at the legend's size, on two lines inside the frame (it was squeezed to ~5 pt).
    expect(svg).toContain(`font-size="10" fill="${INK.muted}">Lima Metropolitana</text>`);
    expect(svg).toContain(">y Callao</text>");
    expect(tags(svg, "path").filter((p) => p.includes('class="area"')).length).toBe(224 + insetCodes.length);
  });

  it("draws the 26 DRE with the inset holding 150101 and 070101", () => {
    const map = geo.project({ layer: "region", codes: [], width: 330, maxHeight: 460, inset: true });
    expect(map.features).toHaveLength(26);
    expect(map.inset?.features.map((f) => f.code).sort()).toEqual(["070101", "150101"]);
  });
});
