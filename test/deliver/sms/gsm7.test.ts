import { describe, expect, it } from "@jest/globals";
import { checkPhone } from "../../../src/rules/checkPhone.js";
import { fitSms } from "../../../src/deliver/sms/fitSms.js";
import {
  countSegments,
  countSeptets,
  decodeGsm7,
  encodeGsm7,
  splitGsm7,
  transliterate,
} from "../../../src/deliver/sms/gsm7.js";
import { smsReference } from "../../../src/deliver/sms/smsReference.js";

describe("transliterate", () => {
  it("replaces what GSM-7 lacks and keeps é ñ ü ¿ ¡", () => {
    expect(transliterate("¿Matrícula? ¡Sí! Año, pingüino, é, Ó, 3º, 2ª, 20°")).toBe(
      "¿Matricula? ¡Si! Año, pingüino, é, O, 3o, 2a, 20o",
    );
    expect(transliterate("“Lima” – 82,0\u00a0% … ç â")).toBe('"Lima" - 82,0 % ... c a');
    expect(transliterate("olla 🍲 ok")).toBe("olla ? ok");
  });
});

describe("encodeGsm7", () => {
  it("gives the GSM 03.38 septets: ñ 0x7D, é 0x05, ¿ 0x60, ¡ 0x40, € escaped", () => {
    expect([...encodeGsm7("ñé¿¡@€")]).toEqual([0x7d, 0x05, 0x60, 0x40, 0x00, 0x1b, 0x65]);
    const text = transliterate("Niño ¿bien? ¡sí… no! {€}");
    expect(decodeGsm7(encodeGsm7(text))).toBe("Niño ¿bien? ¡si... no! {€}");
  });
  it("refuses a character outside GSM-7", () => {
    expect(() => encodeGsm7("á")).toThrow(/not a GSM-7 character/);
  });
});

describe("segments", () => {
  it("160 septets is one segment, 161 two, 306 two, 307 three; extension characters count two", () => {
    expect(countSegments("a".repeat(160))).toBe(1);
    expect(countSegments("a".repeat(161))).toBe(2);
    expect(countSegments("a".repeat(306))).toBe(2);
    expect(countSegments("a".repeat(307))).toBe(3);
    expect(countSeptets("€[")).toBe(4);
  });
  it("splits into 153-septet parts, never between an escape and its character", () => {
    const parts = splitGsm7(`${"a".repeat(152)}€${"b".repeat(10)}`);
    expect(parts.map((p) => p.length)).toEqual([152, 12]);
    expect(splitGsm7("a".repeat(160))).toHaveLength(1);
  });
});

describe("fitSms", () => {
  it("drops the least important pieces first (the lowest keep)", () => {
    const pieces = [
      { text: "UGEL Nombre Muy Largo De Una Unidad", shortenable: true },
      { text: "x".repeat(20), keep: 1 },
      { text: "y".repeat(20), keep: 2 },
    ];
    expect(fitSms(pieces, 60)).toBe(`UGEL Nombre Muy Largo De Una Unidad ${"y".repeat(20)}`);
    expect(fitSms(pieces, 80)).toBe(
      `UGEL Nombre Muy Largo De Una Unidad ${"x".repeat(20)} ${"y".repeat(20)}`,
    );
  });
  it("then shortens a name by whole words, marking the cut", () => {
    const text = fitSms(
      [{ text: "UGEL Nombre Muy Largo De Una Unidad", shortenable: true }, { text: "fin" }],
      25,
    );
    expect(text).toBe("UGEL Nombre Muy... fin");
  });
  it("never cuts a word and never exceeds the budget", () => {
    const words = Array.from({ length: 200 }, (_, i) => `palabra${i}`).join(" ");
    const text = fitSms([{ text: words }]);
    expect(countSeptets(text)).toBeLessThanOrEqual(306);
    expect(text.endsWith("...")).toBe(true);
    for (const word of text.replace(/\.\.\.$/, "").split(" ")) expect(words.split(" ")).toContain(word);
  });
});

describe("checkPhone", () => {
  it("accepts a Peruvian mobile in E.164 or as 9 national digits, and normalises to +51", () => {
    expect(checkPhone("+51987654321")).toEqual({ ok: true, phone: "+51987654321" });
    expect(checkPhone("920186849")).toEqual({ ok: true, phone: "+51920186849" });
    expect(checkPhone("987 654 321")).toEqual({ ok: true, phone: "+51987654321" });
  });
  it("refuses landlines, wrong lengths, letters and other countries unless international", () => {
    expect(checkPhone("+5114567890").ok).toBe(false);
    expect(checkPhone("014567890").ok).toBe(false);
    expect(checkPhone("98765432").ok).toBe(false);
    expect(checkPhone("+5198765432x").ok).toBe(false);
    expect(checkPhone("+34612345678").ok).toBe(false);
    expect(checkPhone("+34612345678", { international: true })).toEqual({ ok: true, phone: "+34612345678" });
    expect(checkPhone("+0123456789", { international: true }).ok).toBe(false);
  });
});

describe("smsReference", () => {
  it("is 5 Crockford base32 characters, stable for a delivery id", () => {
    const ref = smsReference("2026-10/district/150102/es/sms:+51987654321");
    expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(smsReference("2026-10/district/150102/es/sms:+51987654321")).toBe(ref);
    expect(smsReference("2026-10/district/150102/es/sms:+51987654322")).not.toBe(ref);
  });
});
