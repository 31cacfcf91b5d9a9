import { describe, expect, it } from "@jest/globals";
import { parseLedger } from "../../src/status/parseLedger.js";
import { makeEvent, makeReport } from "./builders.js";

describe("parseLedger", () => {
  it("keeps events in file order and skips damaged lines with a warning naming the line", () => {
    const report = makeReport();
    const a = makeEvent(report, "a@example.org", "attempt");
    const b = makeEvent(report, "a@example.org", "sent");
    const text = [JSON.stringify(a), "", '{"level":"district"}', JSON.stringify(b), '{"id":"torn'].join("\n");
    const { events, warnings } = parseLedger(text);
    expect(events.map((e) => e.state)).toEqual(["attempt", "sent"]);
    expect(warnings).toEqual([
      "deliveries.jsonl:3: not a delivery event (missing code, email, file, state), line ignored",
      "deliveries.jsonl:5: not valid JSON, line ignored",
    ]);
  });

  it("rejects an unknown state", () => {
    const event = { ...makeEvent(makeReport(), "a@example.org", "sent"), state: "delivered" };
    expect(parseLedger(JSON.stringify(event) + "\n").warnings).toEqual([
      'deliveries.jsonl:1: not a delivery event (unknown state "delivered"), line ignored',
    ]);
  });
});
