import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { maskUrl, UNREADABLE_URL } from "../../src/maskUrl.js";
import { makeArchive, PERIOD, removeArchives } from "../deliver/makeArchive.js";
import { captureIo } from "../helpers/io.js";

// #27 item 1: no command prints the SMTP password, whatever it holds, and a URL that cannot be
// read is never echoed at all. One masking function (src/maskUrl.ts) serves every command.

afterAll(removeArchives);
const saved = process.env.SEMAFORO_SMTP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SEMAFORO_SMTP_URL;
  else process.env.SEMAFORO_SMTP_URL = saved;
});

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, text: `${io.stdout()}\n${io.stderr()}` };
}

const READABLE = [
  "smtp://mailer:a/b@cSecretK1@127.0.0.1:2609",
  "smtp://mailer:a#b@cSecretK1@127.0.0.1:2609",
  "smtp://mailer:a?b@cSecretK1@127.0.0.1:2609",
  "smtp://mailer:Secret@K1@127.0.0.1:2609",
];
const UNREADABLE = ["mailer:SecretK1@host", "smtp:/mailer:SecretK1@host", "smtp://mailer:SecretK1"];

describe("maskUrl", () => {
  it.each(READABLE)("masks the whole password of %s", (url) => {
    expect(maskUrl(url)).toEqual({ ok: true, shown: "smtp://mailer:***@127.0.0.1:2609" });
  });

  it.each(UNREADABLE)("never echoes %s, and says what is wrong", (url) => {
    const masked = maskUrl(url);
    expect(masked).toMatchObject({ ok: false, shown: UNREADABLE_URL });
    expect(JSON.stringify(masked)).not.toMatch(/Secret|mailer/);
  });

  it("says what is wrong", () => {
    expect(maskUrl("smtp://mailer:SecretK1")).toMatchObject({ problem: expect.stringMatching(/no host/) });
    expect(maskUrl("smtp:/mailer:Secret@host")).toMatchObject({ problem: expect.stringMatching(/\/\//) });
    expect(maskUrl("smtp://mailer:Secret@")).toMatchObject({ problem: "it names no host" });
  });

  it("masks query values and fragments, keeps URLs without secrets as they are", () => {
    expect(maskUrl("https://sms.example.org/send?user=a&token=SecretT&x").shown).toBe(
      "https://sms.example.org/send?user=***&token=***&x",
    );
    expect(maskUrl("smtp://h:25").shown).toBe("smtp://h:25");
    expect(maskUrl("smtp://u@h:25").shown).toBe("smtp://u@h:25");
    expect(maskUrl("smtps://[::1]:465").shown).toBe("smtps://[::1]:465");
  });
});

describe("doctor", () => {
  it.each(
    READABLE.flatMap(
      (url) =>
        [
          [url, []],
          [url, ["--json"]],
          [url, ["--debug"]],
        ] as const,
    ),
  )(
    "SEMAFORO_SMTP_URL=%s %p: the password masked whole",
    async (url, flags) => {
      process.env.SEMAFORO_SMTP_URL = url;
      const { text } = await run(["doctor", ...flags]);
      expect(text).toContain("smtp://mailer:***@127.0.0.1:2609");
      expect(text).not.toMatch(/Secret|cSecret|@K1/);
    },
    60_000,
  );

  it.each(
    UNREADABLE.flatMap(
      (url) =>
        [
          [url, []],
          [url, ["--json"]],
          [url, ["--debug"]],
        ] as const,
    ),
  )(
    "SEMAFORO_SMTP_URL=%s %p: not echoed, a failed smtp check that says why",
    async (url, flags) => {
      process.env.SEMAFORO_SMTP_URL = url;
      const { code, text } = await run(["doctor", ...flags]);
      expect(text).not.toMatch(/Secret/);
      expect(code).toBe(2);
      if (flags[0] === "--json") {
        const doc = JSON.parse(text.split("\n\n")[0] ?? text) as {
          checks: { name: string; ok: boolean; detail: string }[];
        };
        expect(doc.checks.find((c) => c.name === "smtp")).toMatchObject({
          ok: false,
          detail: expect.stringMatching(/cannot be used: /),
        });
      } else expect(text).toMatch(/FAIL smtp .*cannot be used: /);
    },
    60_000,
  );
});

describe("send and run", () => {
  it.each([[[]], [["--json"]], [["--debug"]]] as const)(
    "send --smtp smtp://mailer:SecretM1 %p: exit 2, the URL not echoed",
    async (flags) => {
      const { out } = makeArchive();
      const { code, text } = await run([
        "send",
        "--out",
        out,
        "--period",
        PERIOD,
        "--smtp",
        "smtp://mailer:SecretM1",
        ...flags,
      ]);
      expect(code).toBe(2);
      expect(text).toMatch(/cannot be used: it names no host/);
      expect(text).not.toMatch(/SecretM1/);
      if (flags[0] === "--json")
        expect(JSON.parse(text)).toMatchObject({ error: { code: "bad-smtp-url", exitCode: 2 } });
    },
    30_000,
  );

  it.each([[[]], [["--json"]]] as const)(
    "run --smtp smtp://mailer:SecretM1 %p: exit 2 before anything is built, the URL not echoed",
    async (flags) => {
      const { out } = makeArchive();
      const { code, text } = await run([
        "run",
        "--data",
        "fixtures/tiny",
        "--out",
        out,
        "--period",
        "2026-05",
        "--smtp",
        "smtp://mailer:SecretM1",
        ...flags,
      ]);
      expect(code).toBe(2);
      expect(text).toMatch(/cannot be used: it names no host/);
      expect(text).not.toMatch(/SecretM1/);
    },
    30_000,
  );
});
