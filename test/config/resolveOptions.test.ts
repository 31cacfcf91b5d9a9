import { describe, expect, it } from "@jest/globals";
import { resolveOptions, smtpUrlOrThrow } from "../../src/config/resolveOptions.js";
import { CliError } from "../../src/errors.js";

describe("resolveOptions", () => {
  it("uses the defaults when neither flags nor config say anything", () => {
    expect(resolveOptions({}, {}, {})).toEqual({
      data: undefined,
      out: "out",
      smtp: { url: undefined, display: undefined, source: "none" },
      email: {},
      concurrency: undefined,
      thresholds: {},
      team: {},
      rate: undefined,
      sms: { url: undefined, passwordEnv: undefined },
    });
  });

  it("takes the SMS URL from --sms, else SEMAFORO_SMS_URL, else the config's sms.url", () => {
    const config = { sms: { url: "smpp://semaforo@smsc.example.org", passwordEnv: "SMS_PASS" } };
    expect(resolveOptions({}, config, {}).sms).toEqual(config.sms);
    expect(resolveOptions({}, config, { SEMAFORO_SMS_URL: "https://gw.example.org/sms" }).sms.url).toBe(
      "https://gw.example.org/sms",
    );
    expect(resolveOptions({ sms: "smpp://a:b@127.0.0.1" }, config, { SEMAFORO_SMS_URL: "x" }).sms.url).toBe(
      "smpp://a:b@127.0.0.1",
    );
  });

  it("lets flags override the config, and the config override the defaults", () => {
    const config = { data: "datos", out: "salida", concurrency: 4, rate: 30 };
    const options = resolveOptions({ out: "otra", concurrency: 1 }, config, {});
    expect(options).toMatchObject({ data: "datos", out: "otra", concurrency: 1, rate: 30 });
  });

  it("takes the SMTP URL from the flag, then the environment, then the config", () => {
    const config = { smtp: { url: "smtp://cfg.example.org:25" } };
    const env = { SEMAFORO_SMTP_URL: "smtp://env.example.org:25" };
    expect(resolveOptions({ smtp: "smtp://flag.example.org" }, config, env).smtp).toMatchObject({
      url: "smtp://flag.example.org",
      source: "flag",
    });
    expect(resolveOptions({}, config, env).smtp).toMatchObject({
      url: "smtp://env.example.org:25",
      source: "env",
    });
    expect(resolveOptions({}, config, {}).smtp).toMatchObject({
      url: "smtp://cfg.example.org:25",
      source: "config",
    });
    expect(
      resolveOptions({}, { smtp: { urlEnv: "MAIL_URL" } }, { MAIL_URL: "smtps://m.example.org" }).smtp.url,
    ).toBe("smtps://m.example.org");
  });

  it("inserts the password from passwordEnv, and never shows it", () => {
    const config = { smtp: { url: "smtp://semaforo@mail.example.org:587", passwordEnv: "SMTP_PASS" } };
    const options = resolveOptions({}, config, { SMTP_PASS: "p@ss:word" });
    expect(options.smtp.url).toBe("smtp://semaforo:p%40ss%3Aword@mail.example.org:587");
    expect(new URL(options.smtp.url!).password).toBe("p%40ss%3Aword");
    expect(options.smtp.display).toBe("smtp://semaforo:***@mail.example.org:587");
    expect(smtpUrlOrThrow(options)).toBe(options.smtp.url);
  });

  it("reports a missing password variable only when the URL is actually used", () => {
    const config = { smtp: { url: "smtp://semaforo@mail.example.org:587", passwordEnv: "SMTP_PASS" } };
    const options = resolveOptions({}, config, {});
    expect(options.smtp).toMatchObject({
      url: "smtp://semaforo@mail.example.org:587",
      missingPasswordEnv: "SMTP_PASS",
    });
    expect(() => smtpUrlOrThrow(options)).toThrow(CliError);
    expect(() => smtpUrlOrThrow(options)).toThrow(/SMTP_PASS/);
  });

  it("passes the config thresholds and sender through", () => {
    const options = resolveOptions(
      { replyTo: "x@example.org" },
      { thresholds: { maxCv: 20 }, email: { from: "a@example.org", fromName: "Semáforo" } },
      {},
    );
    expect(options.thresholds).toEqual({ maxCv: 20 });
    expect(options.email).toEqual({ from: "a@example.org", fromName: "Semáforo", replyTo: "x@example.org" });
  });

  it("masks passwords in URLs (maskUrl), and never shows one it cannot read", () => {
    const display = (url: string) => resolveOptions({ smtp: url }, {}, {}).smtp;
    expect(display("smtps://u:secret@h.example.org:465").display).toBe("smtps://u:***@h.example.org:465");
    expect(display("smtp://h.example.org").display).toBe("smtp://h.example.org");
    expect(display("smtp://u:secret")).toMatchObject({
      display: expect.not.stringMatching(/secret/),
      problem: expect.stringMatching(/no host/),
    });
  });
});
