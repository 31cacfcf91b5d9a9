import { describe, expect, it } from "@jest/globals";
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLedger } from "../../src/deliver/openLedger.js";
import { planDeliveries } from "../../src/deliver/planDeliveries.js";
import { readLedger } from "../../src/archive/readLedger.js";
import { replayLedger } from "../../src/deliver/replayLedger.js";
import { CliError } from "../../src/errors.js";
import type { DeliveryEvent, Manifest } from "../../src/model.js";
import { computeBackoff } from "../../src/deliver/computeBackoff.js";
import { heldVersions } from "../../src/archive/heldVersions.js";

let clock = 0;
function event(
  id: string,
  state: DeliveryEvent["state"],
  reply?: string,
  extra: Partial<DeliveryEvent> = {},
): DeliveryEvent {
  clock += 1;
  return {
    id,
    messageId: "<m@example.org>",
    at: new Date(Date.UTC(2026, 10, 5, 0, 0, clock)).toISOString(),
    level: "district",
    code: id.split("/")[2] ?? "",
    email: id.split("/")[4] ?? "",
    file: "district/x.pdf",
    sha256: "ab",
    state,
    ...(reply ? { reply } : {}),
    transport: "smtp",
    ...extra,
  };
}
const outbox = { transport: "outbox" } as const;

const A = "2026-10/district/010001/es/a@example.org";
const B = "2026-10/district/010002/es/b@example.org";
const C = "2026-10/district/010003/es/c@example.org";
const D = "2026-10/district/010003/es/d@example.org";

describe("replayLedger", () => {
  it("keeps the last state, counts attempts, and reads a dangling attempt as unknown", () => {
    const ledger = replayLedger([
      event(A, "attempt"),
      event(A, "pending", "421 try later"),
      event(A, "attempt"),
      event(A, "sent", "250 OK"),
      event(B, "attempt"),
      event(B, "failed", "550 no such user"),
      event(C, "attempt"),
    ]);
    expect(ledger.get(A)).toMatchObject({ state: "sent", attempts: 2, reply: "250 OK" });
    expect(ledger.get(B)).toMatchObject({ state: "failed", attempts: 1, reply: "550 no such user" });
    expect(ledger.get(C)).toMatchObject({ state: "unknown", attempts: 1 });
    expect(ledger.get(C)?.reply).toMatch(/run stopped after the message was handed to the SMTP server/);
    expect(ledger.has(D)).toBe(false);
  });

  it("reads an outbox message as written, legacy `sent` outbox events included, never as sent", () => {
    const ledger = replayLedger([
      event(A, "attempt", undefined, outbox),
      event(A, "sent", "written to outbox/a.eml", outbox),
      event(B, "attempt", undefined, outbox),
      event(B, "written", "written to outbox/b.eml", outbox),
      event(C, "attempt", undefined, outbox),
    ]);
    expect(ledger.get(A)).toMatchObject({ state: "written", transport: "outbox", attempts: 1 });
    expect(ledger.get(B)).toMatchObject({ state: "written", transport: "outbox" });
    // An outbox write that never finished reached nobody: still pending, not unknown.
    expect(ledger.get(C)).toMatchObject({ state: "pending", attempts: 1 });
  });

  it("a later SMTP send makes a written delivery sent; an outbox write never hides sent or unknown", () => {
    const ledger = replayLedger([
      event(A, "written", undefined, outbox),
      event(A, "attempt"),
      event(A, "sent", "250 OK"),
      event(A, "written", undefined, outbox),
      event(B, "attempt"),
      event(B, "written", undefined, outbox),
    ]);
    expect(ledger.get(A)).toMatchObject({ state: "sent", transport: "smtp", sentSha256: "ab" });
    expect(ledger.get(B)).toMatchObject({ state: "unknown", transport: "smtp" });
  });

  it("a written delivery whose SMTP send did not reach the server stays written, with the reply", () => {
    const ledger = replayLedger([
      event(A, "written", "written to outbox/a.eml", outbox),
      event(A, "attempt"),
      event(A, "pending", "535 5.7.8 authentication failed"),
      event(B, "attempt"),
      event(B, "pending", "421 try later"),
    ]);
    expect(ledger.get(A)).toMatchObject({ state: "written", reply: "535 5.7.8 authentication failed" });
    expect(ledger.get(B)).toMatchObject({ state: "pending", reply: "421 try later" });
  });

  it("a forced re-send refused before sending leaves a sent delivery sent, with the refusal as its reply", () => {
    const ledger = replayLedger([
      event(A, "attempt", undefined, { attempt: 1 }),
      event(A, "sent", "250 OK", { attempt: 1 }),
      event(A, "failed", "refused, nothing sent: district/x.pdf does not match the manifest", {
        forced: { by: "ops", reason: "x" },
      }),
      event(B, "failed", "refused, nothing sent: the address is not plain"),
    ]);
    expect(ledger.get(A)).toMatchObject({
      state: "sent",
      sentSha256: "ab",
      reply: "refused, nothing sent: district/x.pdf does not match the manifest",
      forced: { by: "ops", reason: "x" },
    });
    expect(ledger.get(B)).toMatchObject({ state: "failed" });
  });

  it("keys deliveries by id with the address in any capitals, as earlier versions wrote it", () => {
    const ledger = replayLedger([
      event("2026-10/district/010001/es/Ana.Perez@UGEL.example.org", "sent", "250 OK"),
    ]);
    expect(ledger.get("2026-10/district/010001/es/ana.perez@ugel.example.org")).toMatchObject({
      state: "sent",
    });
  });

  it("keeps who forced a re-send and why", () => {
    const ledger = replayLedger([
      event(A, "attempt", undefined, { forced: { by: "ops", reason: "asked by the UGEL" } }),
      event(A, "sent", "250 OK", { forced: { by: "ops", reason: "asked by the UGEL" } }),
    ]);
    expect(ledger.get(A)?.forced).toEqual({ by: "ops", reason: "asked by the UGEL", at: expect.any(String) });
  });
});

describe("heldVersions", () => {
  it("names the versions handed to an SMTP server, never those only written to the outbox", () => {
    expect(
      [
        ...heldVersions([
          event(A, "attempt", undefined, { sha256: "s1" }),
          event(A, "sent", undefined, { sha256: "s1" }),
          event(B, "attempt", undefined, { sha256: "u1" }),
          event(B, "failed", undefined, { sha256: "f1" }),
          event(C, "attempt", undefined, { ...outbox, sha256: "o1" }),
          event(C, "sent", undefined, { ...outbox, sha256: "o1" }),
          event(D, "written", undefined, { ...outbox, sha256: "o2" }),
        ]),
      ].sort(),
    ).toEqual(["s1", "u1"]);
  });
});

const manifest = {
  period: "2026-10",
  reports: [
    {
      level: "district",
      code: "010003",
      name: "C",
      language: "es",
      file: "district/c.pdf",
      sha256: "cc",
      bytes: 1,
      pages: 1,
      recipients: ["d@example.org", "c@example.org", "c@example.org"],
      recipientNames: { "c@example.org": "Ce" },
    },
    {
      level: "district",
      code: "010001",
      name: "A",
      language: "es",
      file: "district/a.pdf",
      sha256: "aa",
      bytes: 1,
      pages: 1,
      recipients: ["a@example.org"],
    },
    {
      level: "district",
      code: "010002",
      name: "B",
      language: "es",
      file: "district/b.pdf",
      sha256: "bb",
      bytes: 1,
      pages: 1,
      recipients: ["b@example.org"],
    },
    {
      level: "national",
      code: "PE",
      name: "Perú",
      language: "es",
      file: "national/pe.pdf",
      sha256: "pe",
      bytes: 1,
      pages: 1,
      recipients: ["n@example.org"],
    },
  ],
} as unknown as Manifest;

describe("planDeliveries", () => {
  const ledger = replayLedger([
    event(A, "sent", undefined, { sha256: "aa" }),
    event(B, "failed", "550"),
    event(C, "attempt"),
  ]);
  const base = {
    only: [],
    force: [],
    resendFailed: false,
    domain: "example.org",
    transport: "smtp" as const,
  };
  const summary = (plan: ReturnType<typeof planDeliveries>) =>
    plan.map((p) => `${p.email}:${p.action}:${p.why}`);

  it("sends new deliveries only, once per address, national first then by code", () => {
    expect(summary(planDeliveries(manifest, ledger, base))).toEqual([
      "n@example.org:send:new",
      "a@example.org:skip:already-sent",
      "b@example.org:skip:failed",
      "d@example.org:send:new",
      "c@example.org:skip:unknown",
    ]);
  });

  it("takes names from the manifest and falls back to the address", () => {
    const plan = planDeliveries(manifest, ledger, base);
    expect(plan.find((p) => p.email === "c@example.org")).toMatchObject({ name: "Ce", named: true });
    expect(plan.find((p) => p.email === "d@example.org")).toMatchObject({
      name: "d@example.org",
      named: false,
    });
  });

  it("re-sends failed ones with resendFailed; --force re-sends unknown ones only, never a sent one", () => {
    expect(summary(planDeliveries(manifest, ledger, { ...base, resendFailed: true }))).toContain(
      "b@example.org:send:resend-failed",
    );
    expect(summary(planDeliveries(manifest, ledger, { ...base, force: ["010003", "010001"] }))).toEqual([
      "a@example.org:skip:already-sent",
      "d@example.org:send:new",
      "c@example.org:send:forced-unknown",
    ]);
  });

  it("sends a sent address again only when --to names it (any capitals)", () => {
    const plan = planDeliveries(manifest, ledger, { ...base, force: ["010001"], forceTo: ["A@Example.org"] });
    expect(summary(plan)).toEqual(["a@example.org:send:forced-to"]);
  });

  it("an SMTP run sends what was only written to the outbox; an outbox run does not write it twice", () => {
    const written = replayLedger([event(A, "sent", undefined, outbox)]);
    const only = { ...base, only: ["010001"] };
    expect(summary(planDeliveries(manifest, written, only))).toEqual(["a@example.org:send:written"]);
    expect(summary(planDeliveries(manifest, written, { ...only, transport: "outbox" }))).toEqual([
      "a@example.org:skip:already-written",
    ]);
  });

  it("marks a delivery sent with an older build of the PDF as outdated, and does not send it", () => {
    const older = replayLedger([event(A, "sent", "250 OK", { sha256: "an-older-build" })]);
    const plan = planDeliveries(manifest, older, { ...base, only: ["010001"] });
    expect(summary(plan)).toEqual(["a@example.org:skip:outdated"]);
    expect(plan[0]?.outdated).toBe(true);
  });

  it("limits to --only codes", () => {
    expect(summary(planDeliveries(manifest, ledger, { ...base, only: ["010002", "PE"] }))).toEqual([
      "n@example.org:send:new",
      "b@example.org:skip:failed",
    ]);
  });
});

describe("the ledger file", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "semaforo-ledger-"));

  it("appends one JSON line per event and reads them back", () => {
    const file = join(dir(), "deliveries.jsonl");
    const ledger = openLedger(file, () => undefined);
    ledger.append(event(A, "attempt"));
    ledger.append(event(A, "sent"));
    ledger.close();
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
    expect(readLedger(file).events.map((e) => e.state)).toEqual(["attempt", "sent"]);
  });

  it("cuts off a partial last line left by a killed run, with a warning", () => {
    const file = join(dir(), "deliveries.jsonl");
    writeFileSync(file, JSON.stringify(event(A, "attempt")) + "\n" + '{"id":"2026-10/distr');
    expect(readLedger(file)).toMatchObject({ partialLine: true });
    const warnings: string[] = [];
    const ledger = openLedger(file, (w) => warnings.push(w));
    ledger.append(event(A, "unknown"));
    ledger.close();
    expect(warnings.join()).toMatch(/incomplete last line/);
    expect(readLedger(file).events.map((e) => e.state)).toEqual(["attempt", "unknown"]);
  });

  it("keeps a whole last event saved without its newline, and appends the next on its own line (#27 item 9)", () => {
    const file = join(dir(), "deliveries.jsonl");
    writeFileSync(file, JSON.stringify(event(A, "attempt")) + "\n" + JSON.stringify(event(A, "sent")));
    expect(readLedger(file)).toMatchObject({ partialLine: false, unterminated: true });
    expect(readLedger(file).events.map((e) => e.state)).toEqual(["attempt", "sent"]);
    const warnings: string[] = [];
    const ledger = openLedger(file, (w) => warnings.push(w));
    expect(ledger.events.map((e) => e.state)).toEqual(["attempt", "sent"]);
    ledger.append(event(B, "attempt"));
    ledger.close();
    expect(warnings).toEqual([]);
    expect(readFileSync(file, "utf8").endsWith("\n")).toBe(true);
    expect(readLedger(file).events.map((e) => `${e.id} ${e.state}`)).toEqual([
      `${A} attempt`,
      `${A} sent`,
      `${B} attempt`,
    ]);
    expect(replayLedger(readLedger(file).events).get(A)?.state).toBe("sent");
  });

  it("refuses a last line without its newline that parses but is not an event", () => {
    const file = join(dir(), "deliveries.jsonl");
    writeFileSync(file, JSON.stringify(event(A, "sent")) + "\n" + JSON.stringify({ hello: 1 }));
    expect(() => readLedger(file)).toThrow(/deliveries\.jsonl:2: not a delivery event/);
  });

  it("refuses a damaged line with file:line", () => {
    const file = join(dir(), "deliveries.jsonl");
    writeFileSync(file, JSON.stringify(event(A, "sent")) + "\n");
    appendFileSync(file, "garbage\n" + JSON.stringify(event(B, "sent")) + "\n");
    expect(() => readLedger(file)).toThrow(CliError);
    expect(() => readLedger(file)).toThrow(/deliveries\.jsonl:2: not valid JSON/);
  });
});

describe("computeBackoff", () => {
  const policy = { attempts: 5, baseMs: 1000, maxMs: 5000 };
  it("doubles with jitter between half and all, up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => computeBackoff(n, policy, 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((n) => computeBackoff(n, policy, 0.999999))).toEqual([1000, 2000, 4000, 5000]);
  });
});
