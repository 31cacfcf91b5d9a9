import { describe, expect, it } from "@jest/globals";
import { checkAddress, checkHeaderText } from "../../src/deliver/checkAddress.js";
import { parseSender } from "../../src/deliver/parseSender.js";

describe("checkAddress", () => {
  it.each(["ugel.huaraz@example.org", "a+b@dre-ancash.example.org", "x_y-z@a.b.pe", "A.B@EXAMPLE.ORG"])(
    "accepts the plain address %s",
    (address) => expect(checkAddress(address)).toBeNull(),
  );

  it.each([
    ["a@b.com, c@d.com", /comma/],
    ["Ana <ana@example.org>", /bracket/],
    ['"ana"@example.org', /quote/],
    ["ana@example.org (Ana)", /parenthesis/],
    ["ana @example.org", /space/],
    ["ana@example.org\r\nBcc: x@evil.test", /control character/],
    ["ana@localhost", /plain form/],
    ["ana..b@example.org", /plain form/],
    ["josé@example.org", /ASCII only/],
    ["ana@-example.org", /plain form/],
    ["", /empty/],
    [`${"a".repeat(65)}@example.org`, /64/],
  ])("refuses %j", (address, reason) => {
    expect(checkAddress(address)).toMatch(reason);
  });
});

describe("checkHeaderText", () => {
  it("accepts accented names", () => expect(checkHeaderText("Directora DRE Áncash · Ñuñoa")).toBeNull());
  it.each([
    ["Ana\r\nBcc: x@evil.test", /line break/],
    ["Ana\nX", /line break/],
    ["Ana\tX", /U\+0009/],
    ["Ana\u2028X", /U\+2028/],
    ["Ana\u0000", /U\+0000/],
  ])("refuses %j", (value, reason) => expect(checkHeaderText(value)).toMatch(reason));
});

describe("parseSender", () => {
  it("reads `Name <address>` as in dataset.json", () => {
    expect(
      parseSender({ from: "Semáforo Escuela <semaforo@example.org>", replyTo: "soporte@example.org" }),
    ).toEqual({
      ok: true,
      sender: {
        address: "semaforo@example.org",
        name: "Semáforo Escuela",
        replyTo: "soporte@example.org",
        domain: "example.org",
      },
    });
  });

  it("lets fromName win and accepts a bare address", () => {
    const parsed = parseSender({ from: "semaforo@minedu.gob.pe", fromName: "Minedu" });
    expect(parsed).toEqual({
      ok: true,
      sender: { address: "semaforo@minedu.gob.pe", name: "Minedu", replyTo: null, domain: "minedu.gob.pe" },
    });
  });

  it("lists every problem", () => {
    const parsed = parseSender({
      from: "a@b.org, c@d.org",
      fromName: "X\r\nBcc: y@evil.test",
      replyTo: "<r@x.org>",
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(3);
  });
});
