import { describe, expect, it } from "@jest/globals";
import { checkAddress, checkHeaderText } from "../../src/rules/checkAddress.js";
import { parseSender } from "../../src/deliver/parseSender.js";
import { parseDatasetConfig } from "../../src/dataset/parseDatasetConfig.js";
import { parseRecipients } from "../../src/dataset/parseRecipients.js";
import { parseUnits } from "../../src/dataset/parseUnits.js";

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

describe("a dataset that validates can always be sent", () => {
  // Hand-picked attacks plus strings drawn (deterministically) from the characters that matter in
  // headers; whatever validate accepts must pass the send's own checks.
  const ALPHABET = [
    ..."aZ0.@-_+'\",;<> \t\r\n()\\`!#|~é😀",
    "\u0000",
    "\u007f",
    "\u0085",
    "\u2028",
    "\ud800",
  ];
  let seed = 20260501;
  /** mulberry32: deterministic, and its low bits are as random as its high ones. */
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const draw = (length: number) => Array.from({ length }, () => ALPHABET[random(ALPHABET.length)]).join("");
  const candidates = [
    "ana@example.org",
    "o'neil@ugel.example.org",
    "ana@example.org\r\nBcc: x@evil.example",
    "Ana <ana@example.org>",
    "a@b.org, c@d.org",
    '"ana"@example.org',
    "Dirección\r\nBcc: todos@evil.example",
    "UGEL\u0000Chachapoyas",
    "x".repeat(10_000),
    "Rosa Ñahui Huancané (especialista de gestión)",
    ...Array.from(
      { length: 300 },
      () => `${draw(1 + random(8))}@${draw(1 + random(6))}.${draw(1 + random(4))}`,
    ),
    ...Array.from({ length: 300 }, () => draw(1 + random(30))),
  ];
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const known = { districts: null, regions: null, indicators: null };
  const dialect = { delimiter: ",", decimal: ".", encoding: "utf8" } as const;

  /** Each candidate in its own file: what validate accepts is a file without errors. */
  const clean = (problems: { severity: string }[]) => problems.every((p) => p.severity !== "error");

  it("recipients.csv: every address and name that validates passes checkAddress / checkHeaderText", () => {
    let valid = 0;
    for (const value of candidates) {
      for (const row of [`national,PE,${quote(value)},ana@example.org`, `national,PE,Ana,${quote(value)}`]) {
        const { recipients, problems } = parseRecipients(`level,code,name,email\n${row}\n`, dialect, known);
        if (!clean(problems)) continue;
        valid++;
        const [recipient] = recipients!;
        expect([value, checkAddress(recipient!.email), checkHeaderText(recipient!.name)]).toEqual([
          value,
          null,
          null,
        ]);
      }
      // And validate is not stricter than the send for addresses: the rule is the same.
      const { problems } = parseRecipients(
        `level,code,name,email\nnational,PE,Ana,${quote(value)}\n`,
        dialect,
        known,
      );
      expect([value, clean(problems)]).toEqual([value, checkAddress(value) === null]);
    }
    expect(valid).toBeGreaterThan(50);
  });

  it("units.csv: every unit name that validates passes checkHeaderText (it goes into the subject)", () => {
    let valid = 0;
    for (const value of candidates) {
      const csv = `district_code,district_name,region_code,region_name\n010001,${quote(value)},010000,DRE\n`;
      const { units, problems } = parseUnits(csv, ",");
      if (!clean(problems)) continue;
      valid++;
      const name = units!.districts[0]!.name;
      expect([value, checkHeaderText(name)]).toEqual([value, null]);
    }
    expect(valid).toBeGreaterThan(50);
  });

  it("dataset.json: every sender that validates passes parseSender", () => {
    let valid = 0;
    for (const value of candidates) {
      for (const email of [
        { from: value },
        { from: "a@example.org", fromName: value },
        { from: "a@example.org", replyTo: value },
      ]) {
        const json = JSON.stringify({ name: "x", geo: { file: "g", regions: "r", districts: "d" }, email });
        const { config } = parseDatasetConfig(json);
        if (!config) continue;
        valid++;
        expect([email, parseSender(config.email)]).toEqual([email, expect.objectContaining({ ok: true })]);
      }
    }
    expect(valid).toBeGreaterThan(50);
  });
});
