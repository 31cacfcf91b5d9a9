import { describe, expect, it } from "@jest/globals";
import { maskUrl } from "../../src/maskUrl.js";
import { parseSmtpUrl } from "../../src/deliver/parseSmtpUrl.js";
import { classify } from "../../src/deliver/createSmtpTransport.js";

describe("parseSmtpUrl", () => {
  it("reads smtps:// with credentials in the URL, and hides the password", () => {
    expect(parseSmtpUrl("smtps://ana%40minedu:s3cr%3At@smtp.example.org")).toEqual({
      host: "smtp.example.org",
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: "ana@minedu", pass: "s3cr:t" },
      display: "smtps://ana%40minedu@smtp.example.org",
    });
  });

  it("takes credentials from the environment and requires STARTTLS before sending them", () => {
    const settings = parseSmtpUrl("smtp://smtp.example.org:2525", {
      SEMAFORO_SMTP_USER: "u",
      SEMAFORO_SMTP_PASS: "p",
    });
    expect(settings).toMatchObject({
      port: 2525,
      secure: false,
      requireTLS: true,
      auth: { user: "u", pass: "p" },
    });
    expect(parseSmtpUrl("smtp://127.0.0.1:2525")).toMatchObject({
      requireTLS: false,
      auth: null,
      port: 2525,
    });
    expect(parseSmtpUrl("smtp://mail.example.org")).toMatchObject({ port: 587 });
  });

  it.each([
    ["http://smtp.example.org", /scheme must be smtp/],
    ["smtp://smtp.example.org?tls.rejectUnauthorized=false", /takes only user, password, host and port/],
    ["not a url", /does not start with a scheme/],
  ])("refuses %s", (url, reason) => {
    expect(() => parseSmtpUrl(url)).toThrow(reason);
  });

  it("never shows the password in an error", () => {
    expect(() => parseSmtpUrl("ftp://u:hunter2@h")).toThrow(/u:\*\*\*@h/);
  });

  it.each([
    ["smtp://mailer:pa/ss-Secret@127.0.0.1:2525", "pa/ss-Secret"],
    ["smtp://mailer:50%off-Secret@127.0.0.1:2525", "50%off-Secret"],
    ["smtp://mailer:p%40ss%2FSecret@127.0.0.1:2525", "p@ss/Secret"],
    ["smtp://mailer:p@ss#?Secret@127.0.0.1:2525", "p@ss#?Secret"],
  ])("reads the password of %s as typed", (url, pass) => {
    expect(parseSmtpUrl(url)).toMatchObject({
      host: "127.0.0.1",
      port: 2525,
      auth: { user: "mailer", pass },
      display: "smtp://mailer@127.0.0.1:2525",
    });
  });

  it.each(["smtp://mailer:50%off-Secret@h:25/path", "http://mailer:pa/ss%-Secret@h"])(
    "masks the password of %s in the error, whatever it holds",
    (url) => {
      let message = "";
      try {
        parseSmtpUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/cannot be used/);
      expect(message).not.toMatch(/Secret/);
      expect(message).toMatch(/mailer:\*\*\*@/);
    },
  );

  it.each(["smtp://mailer:pa/ss-Secret@no host here:2525", "smtp://mailer:p@ss#?Secret@h:notaport"])(
    "does not echo %s, which cannot be read, at all",
    (url) => {
      expect(() => parseSmtpUrl(url)).toThrow(/^The SMTP URL cannot be used: the host and port/);
      expect(() => parseSmtpUrl(url)).not.toThrow(/mailer|Secret/);
    },
  );

  it("masks URLs without a password as they are", () => {
    expect(maskUrl("smtp://h:25").shown).toBe("smtp://h:25");
    expect(maskUrl("smtp://u@h:25").shown).toBe("smtp://u@h:25");
  });
});

describe("classify (SMTP errors)", () => {
  const error = (props: object) => Object.assign(new Error("x"), props);
  it("sorts replies, handed-over losses and connection failures", () => {
    expect(classify(error({ code: "EENVELOPE", responseCode: 550, permanent: true }), false)).toMatchObject({
      status: "failed",
    });
    expect(classify(error({ code: "EMESSAGE", responseCode: 451, permanent: false }), true)).toMatchObject({
      status: "retry",
      reached: true,
    });
    expect(classify(error({ code: "ECONNECTION" }), true)).toMatchObject({
      status: "unknown",
      reply: "the connection broke after the message was handed over: ECONNECTION: x",
    });
    expect(classify(error({ code: "ECONNECTION" }), false)).toMatchObject({
      status: "retry",
      reached: false,
    });
    expect(classify(error({ code: "EAUTH", responseCode: 535 }), false)).toMatchObject({ status: "stop" });
    expect(classify(error({ code: "ETLS" }), false)).toMatchObject({ status: "stop" });
  });

  it("stops at once on DNS and certificate errors, retries a temporary DNS failure", () => {
    const notSent = (props: object) => classify(error(props), false).status;
    expect(notSent({ code: "EDNS", originalCode: "ENOTFOUND" })).toBe("stop");
    expect(notSent({ code: "EDNS", originalCode: "EAI_AGAIN" })).toBe("retry");
    expect(notSent({ code: "ESOCKET", originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT" })).toBe("stop");
    expect(notSent({ code: "ESOCKET", originalCode: "ERR_TLS_CERT_ALTNAME_INVALID" })).toBe("stop");
    expect(notSent({ code: "ESOCKET", originalCode: "ECONNREFUSED" })).toBe("retry");
  });
});
