import { describe, expect, it } from "@jest/globals";
import { formatConfigProblem, parseConfig } from "../../src/config/parseConfig.js";

const parse = (value: unknown) => parseConfig(JSON.stringify(value, null, 2), "semaforo.config.json");
const lines = (value: unknown) => parse(value).problems.map(formatConfigProblem);

describe("parseConfig", () => {
  it("accepts a complete, valid config", () => {
    const text = JSON.stringify({
      $schema: "./schema/semaforo.config.schema.json",
      data: "data/2026",
      out: "/srv/semaforo/out",
      smtp: { url: "smtp://semaforo@mail.minedu.example:587", passwordEnv: "SEMAFORO_SMTP_PASSWORD" },
      email: {
        from: "semaforo@minedu.example",
        fromName: "Semáforo Escuela",
        replyTo: "soporte@minedu.example",
      },
      concurrency: 3,
      thresholds: { minSchools: 4, maxCv: 20, amberBand: 5, fallAlert: 3 },
      rate: 60,
    });
    const { config, problems } = parseConfig("\uFEFF" + text, "semaforo.config.json");
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ data: "data/2026", concurrency: 3, rate: 60 });
    expect(config?.smtp?.passwordEnv).toBe("SEMAFORO_SMTP_PASSWORD");
  });

  it("accepts an empty object", () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it("lists all three mistakes at once, each with its path", () => {
    const result = parse({
      concurrency: "4",
      locale: "fr",
      smtp: { url: "smtp://mail.example.org", port: 25 },
    });
    expect(result.config).toBeNull();
    expect(
      lines({ concurrency: "4", locale: "fr", smtp: { url: "smtp://mail.example.org", port: 25 } }),
    ).toEqual([
      'semaforo.config.json: concurrency: expected a number, got the string "4"',
      "semaforo.config.json: locale: not a setting (it never changed anything): each recipient's language is the language column of recipients.csv, es when blank",
      'semaforo.config.json: smtp.port: unknown key: the server is one URL, smtp.url, e.g. "smtp://user@mail.example.org:587" (smtps:// for TLS on 465)',
    ]);
  });

  it("suggests the key that was meant", () => {
    expect(lines({ concurency: 2, email: { replyto: "a@b.org" } })).toEqual([
      'semaforo.config.json: concurency: unknown key (did you mean "concurrency"?)',
      'semaforo.config.json: email.replyto: unknown key (did you mean "replyTo"?)',
    ]);
    // Two letters swapped in a short key (two edits in four letters) is still the key that was meant.
    expect(lines({ smpt: { url: "smtp://mail.example.org" } })).toEqual([
      'semaforo.config.json: smpt: unknown key (did you mean "smtp"?)',
    ]);
  });

  it("rejects a password in the SMTP URL and says to use passwordEnv", () => {
    const problems = parse({ smtp: { url: "smtps://semaforo:s3cret@mail.example.org:465" } }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("smtp.url");
    expect(problems[0]?.message).toMatch(/contains a password/);
    expect(problems[0]?.message).toMatch(/smtp\.passwordEnv/);
    // The secret itself is never echoed back.
    expect(formatConfigProblem(problems[0]!)).not.toContain("s3cret");
  });

  it("checks ranges, types and formats", () => {
    expect(
      lines({
        concurrency: 0,
        rate: -1,
        thresholds: { maxCv: 150, minSchools: 2.5 },
        email: { from: "not an address" },
        smtp: { url: "http://mail.example.org", urlEnv: "MY-VAR" },
        data: "",
      }),
    ).toEqual([
      "semaforo.config.json: concurrency: expected a number ≥ 1, got 0",
      "semaforo.config.json: data: must not be empty",
      "semaforo.config.json: email.from: must be a plain e-mail address like semaforo@minedu.gob.pe (put a display name in fromName)",
      "semaforo.config.json: rate: expected a number > 0, got -1",
      "semaforo.config.json: smtp.url: must start with smtp:// or smtps://, not http://",
      "semaforo.config.json: smtp.urlEnv: must be an environment variable name such as SEMAFORO_SMTP_PASSWORD",
      "semaforo.config.json: thresholds.maxCv: expected a number ≤ 100, got 150",
      "semaforo.config.json: thresholds.minSchools: expected a whole number, got 2.5",
    ]);
  });

  it("reports a JSON syntax error with line and column", () => {
    const { config, problems } = parseConfig(
      '{\n  "data": "x",\n  "out": "y"\n  "locale": "es"\n}',
      "cfg.json",
    );
    expect(config).toBeNull();
    expect(problems).toHaveLength(1);
    expect(formatConfigProblem(problems[0]!)).toMatch(/^cfg\.json:4:3: is not valid JSON: /);
  });

  it("rejects a config that is not an object", () => {
    expect(lines([1, 2])).toEqual(["semaforo.config.json: expected an object, got a list"]);
  });
});

describe("parseConfig, unknown keys", () => {
  it("lists the known keys when nothing is close", () => {
    expect(lines({ email: { signature: "x" } })).toEqual([
      "semaforo.config.json: email.signature: unknown key. Known keys here: from, fromName, replyTo.",
    ]);
  });

  it("says where the SMTP password goes when someone writes it as a key", () => {
    expect(lines({ smtp: { password: "s3cret" } })[0]).toMatch(/smtp\.password: .*smtp\.passwordEnv/);
  });
});
