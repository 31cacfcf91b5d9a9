import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { DeliveryEvent, ManifestReport } from "../../src/model.js";
import { captureIo } from "../helpers/io.js";
import { makeArchive, removeArchives, PERIOD, TINY_REPORTS } from "./makeArchive.js";
import { makeEvent } from "../helpers/manifest.js";

afterAll(removeArchives);

interface StatusJson {
  reports: {
    code: string;
    language: string;
    deliveries: { id: string; state: string; outdated: boolean }[];
  }[];
}
interface DryRunJson {
  deliveries: { id: string; state: string; outdated: boolean; action: string; email: string }[];
}

/**
 * The defect behind issue 13 item 2: status and send worked out states separately and disagreed.
 * Here one ledger holds every state, legacy outbox events, a unit whose only report switched from
 * Spanish to English, and an address whose capitals changed; `status --json` and `send --dry-run
 * --json` (the real command line) must say the same for every delivery.
 */
describe("status and send --dry-run agree", () => {
  it("for every delivery of a ledger with every state, a language switch and changed capitals", async () => {
    const { out, periodDir, manifest } = makeArchive(TINY_REPORTS);
    const report = (code: string): ManifestReport => manifest.reports.find((r) => r.code === code)!;
    const pe = report("PE");
    const amazonas = report("010000");
    const ancash = report("020000");
    const chachapoyas = report("010001");
    const bagua = report("010002");
    const bongara = report("010003");
    const huaraz = report("020001");
    const aija = report("020002");
    const raymondi = report("020003"); // English now
    const outbox = { transport: "outbox" } as const;
    const events: DeliveryEvent[] = [
      makeEvent(pe, "dge-semaforo@example.org", "attempt"),
      makeEvent(pe, "dge-semaforo@example.org", "sent", { reply: "250 OK" }),
      // Written by an earlier version to the outbox as `sent`: it reached nobody.
      makeEvent(pe, "use@example.org", "attempt", outbox),
      makeEvent(pe, "use@example.org", "sent", { ...outbox, reply: "written to outbox/x.eml" }),
      makeEvent(amazonas, "direccion@dre-amazonas.example.org", "written", outbox),
      makeEvent(ancash, "direccion@dre-ancash.example.org", "attempt"),
      makeEvent(ancash, "direccion@dre-ancash.example.org", "failed", { reply: "550 5.1.1 unknown user" }),
      // A run killed while the server held the message.
      makeEvent(chachapoyas, "ugel.chachapoyas@example.org", "attempt"),
      makeEvent(bagua, "ugel.bagua@example.org", "attempt"),
      makeEvent(bagua, "ugel.bagua@example.org", "unknown", { reply: "connection broke after DATA" }),
      makeEvent(bongara, "ugel.bongara@example.org", "attempt"),
      makeEvent(bongara, "ugel.bongara@example.org", "pending", { reply: "421 try later" }),
      // Sent when recipients.csv spelled the address with capitals (the id kept them then).
      {
        ...makeEvent(huaraz, "UGEL.Huaraz@Example.org", "sent", { reply: "250 OK" }),
        id: `${PERIOD}/district/020001/es/UGEL.Huaraz@Example.org`,
      },
      // Sent from an earlier build of the PDF.
      makeEvent(aija, "ugel.aija@example.org", "sent", { sha256: "0".repeat(64) }),
      // The unit's only report was Spanish when it was sent; it is English now.
      makeEvent(
        { ...raymondi, language: "es", file: "district/020003-es-report.pdf" },
        "liaison.raymondi@example.org",
        "sent",
      ),
    ];
    writeFileSync(join(periodDir, "deliveries.jsonl"), events.map((e) => JSON.stringify(e) + "\n").join(""));

    const statusIo = captureIo();
    expect(await main(["status", periodDir, "--json"], statusIo)).toBe(0);
    const status = JSON.parse(statusIo.stdout()) as StatusJson;
    const dryIo = captureIo();
    expect(
      await main(
        ["send", "--out", out, "--period", PERIOD, "--dry-run", "--json", "--smtp", "smtp://127.0.0.1:9"],
        dryIo,
      ),
    ).toBe(0);
    const dry = JSON.parse(dryIo.stdout()) as DryRunJson;

    const fromStatus = status.reports
      .flatMap((r) => r.deliveries)
      .map((d) => `${d.id} ${d.state} ${d.outdated}`);
    const fromDryRun = dry.deliveries.map((d) => `${d.id} ${d.state} ${d.outdated}`);
    expect(fromDryRun.sort()).toEqual(fromStatus.sort());
    expect(fromStatus).toHaveLength(11);

    const byEmail = new Map(dry.deliveries.map((d) => [d.email, `${d.state} ${d.action}`]));
    expect(Object.fromEntries(byEmail)).toEqual({
      "dge-semaforo@example.org": "sent skipped",
      "use@example.org": "written would-send",
      "direccion@dre-amazonas.example.org": "written would-send",
      "direccion@dre-ancash.example.org": "failed skipped",
      "ugel.chachapoyas@example.org": "unknown skipped",
      "ugel.bagua@example.org": "unknown skipped",
      "ugel.bongara@example.org": "pending would-send",
      "ugel.huaraz@example.org": "sent skipped",
      "gestion.huaraz@example.org": "pending would-send",
      "ugel.aija@example.org": "sent skipped",
      "liaison.raymondi@example.org": "pending would-send",
    });
    expect(dry.deliveries.find((d) => d.email === "ugel.aija@example.org")?.outdated).toBe(true);

    // Both name the recipient who holds an older build (issue 12 item 3), and how to send the new one.
    const statusText = captureIo();
    await main(["status", periodDir], statusText);
    expect(statusText.stdout()).toMatch(/ugel\.aija@example\.org sent \(older build of the PDF\)/);
    const dryText = captureIo();
    await main(
      ["send", "--out", out, "--period", PERIOD, "--dry-run", "--smtp", "smtp://127.0.0.1:9"],
      dryText,
    );
    expect(dryText.stdout()).toMatch(
      /skip +ugel\.aija@example\.org .* holds an older build of the PDF; --force 020002 --to ugel\.aija@example\.org --reason/,
    );
    expect(dryText.stdout()).toMatch(
      /1 recipient\(s\) hold an older build of their PDF: 020002 ugel\.aija@example\.org/,
    );
  });
});
