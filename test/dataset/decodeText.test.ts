import { describe, expect, it } from "@jest/globals";
import { decodeText } from "../../src/dataset/decodeText.js";

describe("latin1 files, read as Windows-1252 as Excel writes them", () => {
  it("decodes 0x80–0x9F as Windows-1252 (€, quotes, dashes), not as control characters", () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x99, 0x20, 0x8a, 0x9e]);
    expect(decodeText(bytes, "x.csv", "latin1")).toEqual({ text: "€ “A” – ™ Šž", problems: [] });
  });

  it("decodes the ISO-8859-1 letters of Spanish names", () => {
    const bytes = Uint8Array.from(Buffer.from("Áncash, Cañete, Ñuñoa, Güe", "latin1"));
    expect(decodeText(bytes, "x.csv", "latin1").text).toBe("Áncash, Cañete, Ñuñoa, Güe");
  });

  it("reports the five bytes Windows-1252 leaves undefined, at their place", () => {
    const { problems } = decodeText(Uint8Array.from([0x61, 0x0a, 0x62, 0x81]), "x.csv", "latin1");
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([["bad-encoding", 2, 2]]);
  });

  it("decodes a large file (more bytes than one call's argument list)", () => {
    const bytes = new Uint8Array(200_000).fill(0x80);
    expect(decodeText(bytes, "x.csv", "latin1").text).toBe("€".repeat(200_000));
  });
});
