import { beforeAll, describe, expect, it } from "@jest/globals";
import { simpleParser, type AddressObject } from "mailparser";
import { buildEmail } from "../../src/deliver/buildEmail.js";
import { composeMessage } from "../../src/deliver/composeMessage.js";
import { deliveryId, deliveryMessageId } from "../../src/deliver/deliveryIds.js";
import { parseSender, type Sender } from "../../src/deliver/parseSender.js";
import { readEmailTemplates } from "../../src/deliver/readEmailTemplates.js";
import type { EmailTemplates } from "../../src/deliver/renderEmail.js";
import type { Delivery } from "../../src/deliver/types.js";
import type { ManifestReport } from "../../src/model.js";
import { fakePdf, sha256 } from "./makeArchive.js";

const pdf = fakePdf("150102");
const report: ManifestReport = {
  level: "district",
  code: "150102",
  name: "UGEL 01 San Juan de Miraflores",
  language: "es",
  file: "district/150102-ugel-01-san-juan-de-miraflores.pdf",
  sha256: sha256(pdf),
  bytes: pdf.length,
  pages: 6,
  recipients: ["ugel01@example.org"],
  recipientNames: { "ugel01@example.org": "Directora UGEL 01" },
  headline: { green: 4, amber: 2, red: 1, referential: 0, noData: 1, text: "4 de 8 indicadores en meta." },
};
const manifest = { period: "2026-10", dataset: { name: "Demo", synthetic: true } };
const date = new Date("2026-11-05T15:00:00Z");
let templates: EmailTemplates;
let sender: Sender;

beforeAll(async () => {
  templates = await readEmailTemplates();
  const parsed = parseSender({
    from: "Semáforo Escuela <semaforo@example.org>",
    replyTo: "soporte@example.org",
  });
  if (!parsed.ok) throw new Error("bad sender");
  sender = parsed.sender;
});

function delivery(
  overrides: Partial<Delivery> = {},
  reportOverrides: Partial<ManifestReport> = {},
): Delivery {
  const r = { ...report, ...reportOverrides };
  const email = overrides.email ?? "ugel01@example.org";
  const id = deliveryId("2026-10", r.level, r.code, r.language, email);
  return {
    id,
    messageId: deliveryMessageId(id, r.sha256, "example.org"),
    report: r,
    email,
    name: r.recipientNames?.[email] ?? email,
    named: r.recipientNames?.[email] !== undefined,
    language: r.language,
    ...overrides,
  };
}

async function build(d: Delivery) {
  const built = buildEmail({ delivery: d, manifest, sender, templates, pdf, date });
  if (!built.ok) throw new Error(built.reason);
  const raw = await composeMessage(built.mail);
  return { raw, parsed: await simpleParser(raw) };
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  [value ?? []].flat().flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));

describe("buildEmail", () => {
  it("makes one message to one named address, in Spanish, with the checked PDF", async () => {
    const d = delivery();
    const { raw, parsed } = await build(d);
    expect(addresses(parsed.to)).toEqual([{ name: "Directora UGEL 01", address: "ugel01@example.org" }]);
    expect(addresses(parsed.from)).toEqual([{ name: "Semáforo Escuela", address: "semaforo@example.org" }]);
    expect(addresses(parsed.replyTo)).toEqual([{ name: "", address: "soporte@example.org" }]);
    expect(parsed.cc).toBeUndefined();
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe(
      "Semáforo Escuela · Reporte de octubre de 2026 · UGEL 01 San Juan de Miraflores",
    );
    expect(parsed.messageId).toBe(d.messageId);
    expect(parsed.date?.toISOString()).toBe(date.toISOString());
    expect(parsed.text).toContain("Estimado/a Directora UGEL 01:");
    expect(parsed.text).toContain("Resumen del mes: 4 de 8 indicadores en meta.");
    // The report's own words (templates/locales/es.json), symbols and order.
    expect(parsed.text).toContain(
      "Indicadores por estado:\n● En meta: 4\n▲ En alerta: 2\n■ Bajo el mínimo: 1\n◆ Referencial: 0\n– Sin datos: 1\n",
    );
    expect(parsed.text).not.toContain("Críticos");
    expect(parsed.text).toContain("sintéticas");
    expect(parsed.html).toContain("<strong>Resumen del mes:</strong> 4 de 8 indicadores en meta.");
    expect(parsed.attachments).toHaveLength(1);
    const attachment = parsed.attachments[0]!;
    expect(attachment.filename).toBe("2026-10-150102-ugel-01-san-juan-de-miraflores.pdf");
    expect(attachment.contentType).toBe("application/pdf");
    expect(sha256(attachment.content)).toBe(report.sha256);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(raw.toString("latin1")).not.toMatch(/^X-Mailer:/m);
  });

  it("colours the HTML summary with the report's palette", async () => {
    const { parsed } = await build(delivery({}, { language: "en" }));
    const { STATUS_STYLES } = await import("../../src/render/palette.js");
    expect(parsed.html).toContain(
      `<span style="color: ${STATUS_STYLES.red.stroke};">■</span> Below minimum</td><td style="text-align: right;">1</td>`,
    );
    expect(parsed.html).toContain("Indicators by status");
    expect(parsed.html).not.toMatch(/Critical|#c0392b/);
  });

  it("writes English for an English recipient and omits a missing summary", async () => {
    const { parsed } = await build(delivery({}, { language: "en", headline: undefined }));
    expect(parsed.subject).toBe("Semáforo Escuela · October 2026 report · UGEL 01 San Juan de Miraflores");
    expect(parsed.text).toContain("Dear Directora UGEL 01,");
    expect(parsed.text).not.toContain("in brief");
    expect(parsed.html).not.toContain("Indicators by status");
  });

  it("falls back to the address when the recipient has no name", async () => {
    const { parsed } = await build(delivery({ name: "ugel01@example.org", named: false }));
    expect(addresses(parsed.to)).toEqual([{ name: "", address: "ugel01@example.org" }]);
    expect(parsed.text).toContain("Buenos días:");
  });

  it("escapes data in the HTML body", async () => {
    const { parsed } = await build(delivery({ name: "Ana <script>alert(1)</script>", named: true }));
    expect(parsed.html).toContain("Ana &lt;script&gt;");
    expect(parsed.html).not.toContain("<script>");
    expect(parsed.text).toContain("Ana <script>alert(1)</script>");
  });

  it.each([
    [{ name: "Ana\r\nBcc: x@evil.test", named: true }, {}, /recipient name .* contains a line break/],
    [{ email: "a@b.com, c@d.com" }, {}, /recipient address .* comma/],
    [{}, { name: "UGEL 01\r\nBcc: x@evil.test" }, /unit name .* contains a line break/],
    [{}, { name: "UGEL\u000b01" }, /unit name .* control character/],
  ] as [Partial<Delivery>, Partial<ManifestReport>, RegExp][])(
    "refuses header injection %#",
    (overrides, reportOverrides, reason) => {
      const built = buildEmail({
        delivery: delivery(overrides, reportOverrides),
        manifest,
        sender,
        templates,
        pdf,
        date,
      });
      expect(built.ok).toBe(false);
      if (!built.ok) {
        expect(built.reason).toMatch(/^refused, nothing sent: /);
        expect(built.reason).toMatch(reason);
      }
    },
  );

  it("gives the same delivery the same Message-ID, and a new PDF a new one", () => {
    const id = deliveryId("2026-10", "district", "150102", "es", "ugel01@example.org");
    expect(deliveryMessageId(id, "aa", "example.org")).toBe(deliveryMessageId(id, "aa", "example.org"));
    expect(deliveryMessageId(id, "aa", "example.org")).not.toBe(deliveryMessageId(id, "bb", "example.org"));
    expect(deliveryMessageId(id, "aa", "example.org")).toMatch(/^<semaforo\.[0-9a-f]{32}@example\.org>$/);
  });
});
