import { describe, expect, it } from "@jest/globals";
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
    ["not a url", /not a URL/],
  ])("refuses %s", (url, reason) => {
    expect(() => parseSmtpUrl(url)).toThrow(reason);
  });

  it("never shows the password in an error", () => {
    expect(() => parseSmtpUrl("ftp://u:hunter2@h")).toThrow(/u:\*\*\*@h/);
  });
});

describe("classify (SMTP errors)", () => {
  const error = (props: object) => Object.assign(new Error("x"), props);
  it("sorts replies, handed-over losses and connection failures", () => {
    expect(classify(error({ code: "EENVELOPE", responseCode: 550, permanent: true }), false)).toMatchObject({
      status: "rejected",
      permanent: true,
    });
    expect(classify(error({ code: "EMESSAGE", responseCode: 451, permanent: false }), true)).toMatchObject({
      status: "rejected",
      permanent: false,
    });
    expect(classify(error({ code: "ECONNECTION" }), true)).toMatchObject({ status: "lost" });
    expect(classify(error({ code: "ECONNECTION" }), false)).toMatchObject({
      status: "not-sent",
      fatal: false,
    });
    expect(classify(error({ code: "EAUTH", responseCode: 535 }), false)).toMatchObject({
      status: "not-sent",
      fatal: true,
    });
    expect(classify(error({ code: "ETLS" }), false)).toMatchObject({ status: "not-sent", fatal: true });
  });
});
