import { describe, expect, it } from "@jest/globals";
import { buildStatusReport } from "../../src/deliver/buildStatusReport.js";
import { replayLedger } from "../../src/deliver/replayLedger.js";
import type { DeliveryEvent, Manifest } from "../../src/model.js";
import { makeEvent, makeManifest, makeReport } from "../helpers/manifest.js";

const national = makeReport({
  level: "national",
  code: "PE",
  name: "Perú",
  file: "national/PE-peru.pdf",
  pages: 12,
  bytes: 512_000,
  recipients: ["use@example.org", "dge@example.org"],
});
const region = makeReport({
  level: "region",
  code: "010000",
  name: "DRE Amazonas",
  recipients: ["dre@example.org"],
});
const district = makeReport({
  code: "010001",
  name: "UGEL Chachapoyas",
  recipients: ["a@example.org", "b@example.org", "c@example.org"],
});

const computeStatus = (manifest: Manifest, events: DeliveryEvent[]) =>
  buildStatusReport(manifest, replayLedger(events));

describe("buildStatusReport", () => {
  it("takes each delivery's state from its last event; attempt without outcome is unknown; no event is pending", () => {
    const events = [
      makeEvent(national, "dge@example.org", "attempt", { attempt: 1 }),
      makeEvent(national, "dge@example.org", "failed", { reply: "421 try later" }),
      makeEvent(national, "dge@example.org", "attempt", { attempt: 2 }),
      makeEvent(national, "dge@example.org", "sent"),
      makeEvent(national, "use@example.org", "attempt", { attempt: 1 }),
      makeEvent(national, "use@example.org", "failed", { reply: "550 5.1.1 mailbox unavailable" }),
      makeEvent(district, "a@example.org", "attempt", { attempt: 1 }),
      makeEvent(district, "a@example.org", "sent"),
      makeEvent(district, "b@example.org", "attempt", { attempt: 1 }),
      // c@example.org: never attempted.
      makeEvent(region, "dre@example.org", "attempt", { attempt: 1 }),
      makeEvent(region, "dre@example.org", "unknown", { reply: "connection closed after DATA" }),
    ];
    const status = computeStatus(makeManifest([district, national, region]), events);

    expect(status.rows.map((r) => `${r.level} ${r.code}`)).toEqual([
      "national PE",
      "region 010000",
      "district 010001",
    ]);
    const [n, r, d] = status.rows;
    expect(n?.built && n.deliveries).toEqual([
      {
        id: "2026-10/national/PE/es/use@example.org",
        email: "use@example.org",
        state: "failed",
        transport: "smtp",
        at: expect.any(String),
        reply: "550 5.1.1 mailbox unavailable",
        attempts: 1,
        outdated: false,
      },
      {
        id: "2026-10/national/PE/es/dge@example.org",
        email: "dge@example.org",
        state: "sent",
        transport: "smtp",
        at: expect.any(String),
        attempts: 2,
        outdated: false,
      },
    ]);
    expect(r?.built && r.deliveries.map((x) => [x.email, x.state, x.reply])).toEqual([
      ["dre@example.org", "unknown", "connection closed after DATA"],
    ]);
    expect(d?.built && d.deliveries.map((x) => [x.email, x.state])).toEqual([
      ["a@example.org", "sent"],
      ["b@example.org", "unknown"],
      ["c@example.org", "pending"],
    ]);
    expect(d?.built && d.deliveries[1]?.reply).toMatch(/before its outcome was recorded/);
    expect(status.totals).toEqual({
      built: 3,
      notBuilt: 0,
      pages: 12 + 6 + 6,
      bytes: 512_000 + 204_800 * 2,
      deliveries: { sent: 2, written: 0, failed: 1, unknown: 2, pending: 1, total: 6, outdated: 0, sms: 0 },
    });
  });

  it("matches addresses case-insensitively and ignores events of other units", () => {
    const events = [
      makeEvent(district, "A@Example.org", "sent"),
      makeEvent(makeReport({ code: "010002" }), "b@example.org", "sent"),
    ];
    const [row] = computeStatus(makeManifest([district]), events).rows;
    expect(row?.built && row.deliveries.map((x) => x.state)).toEqual(["sent", "pending", "pending"]);
  });

  it("keeps the two languages of one unit apart by delivery id", () => {
    const es = makeReport({
      code: "010001",
      file: "district/010001-ugel.pdf",
      recipients: ["x@example.org"],
    });
    const en = makeReport({
      code: "010001",
      language: "en",
      file: "district/010001-ugel-en.pdf",
      recipients: ["y@example.org", "x@example.org"],
    });
    const events = [makeEvent(es, "x@example.org", "sent"), makeEvent(en, "y@example.org", "sent")];
    const rows = computeStatus(makeManifest([en, es]), events).rows;
    expect(rows.map((r) => r.language)).toEqual(["en", "es"]);
    expect(rows[0]?.built && rows[0].deliveries.map((x) => `${x.email} ${x.state}`)).toEqual([
      "y@example.org sent",
      "x@example.org pending",
    ]);
    expect(rows[1]?.built && rows[1].deliveries.map((x) => `${x.email} ${x.state}`)).toEqual([
      "x@example.org sent",
    ]);
  });

  it("flags a delivery sent from an older build of the PDF", () => {
    const events = [makeEvent(region, "dre@example.org", "sent", { sha256: "sha-of-last-week" })];
    const [row] = computeStatus(makeManifest([region]), events).rows;
    expect(row?.built && row.deliveries[0]).toMatchObject({ state: "sent", outdated: true });
  });

  it("shows outbox messages as written with their transport, legacy `sent` outbox events included", () => {
    const events = [
      makeEvent(district, "a@example.org", "sent", { transport: "outbox" }),
      makeEvent(district, "b@example.org", "written", { transport: "outbox" }),
    ];
    const status = computeStatus(makeManifest([district]), events);
    const [row] = status.rows;
    expect(row?.built && row.deliveries.map((x) => `${x.email} ${x.state} ${x.transport ?? "-"}`)).toEqual([
      "a@example.org written outbox",
      "b@example.org written outbox",
      "c@example.org pending -",
    ]);
    expect(status.totals.deliveries).toMatchObject({ sent: 0, written: 2, pending: 1 });
  });

  it("lists reports that could not be built, and does not count them as built", () => {
    const manifest = makeManifest([district], {
      failures: [{ level: "district", code: "010002", language: "es", error: "Timed out after 60 s" }],
    });
    const status = computeStatus(manifest, []);
    expect(status.rows.map((r) => [r.code, r.built])).toEqual([
      ["010001", true],
      ["010002", false],
    ]);
    expect(status.totals).toMatchObject({ built: 1, notBuilt: 1, deliveries: { pending: 3, total: 3 } });
  });
});
