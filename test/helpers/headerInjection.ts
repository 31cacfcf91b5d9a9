import { expect } from "@jest/globals";
import type { FakeReport } from "../deliver/makeArchive.js";

/**
 * Four district reports for makeArchive: three carry a header injection (a line break in a
 * recipient's or a unit's name) or a list where one address belongs; only the last can be sent.
 */
export const HEADER_INJECTION_REPORTS: FakeReport[] = [
  {
    level: "district",
    code: "010001",
    name: "UGEL Chachapoyas",
    recipients: [{ email: "ana@example.org", name: "Ana\r\nBcc: x@evil.test" }],
  },
  {
    level: "district",
    code: "010002",
    name: "UGEL Bagua",
    recipients: [{ email: "a@b.com, c@d.com", name: "Luis" }],
  },
  {
    level: "district",
    code: "010003",
    name: "UGEL Bongará\r\nBcc: x@evil.test",
    recipients: [{ email: "bongara@example.org", name: "Eva" }],
  },
  {
    level: "district",
    code: "020001",
    name: "UGEL Huaraz",
    recipients: [{ email: "huaraz@example.org", name: "Rosa" }],
  },
];

/** The one address of HEADER_INJECTION_REPORTS that may be sent to. */
export const HEADER_INJECTION_SENDABLE = "huaraz@example.org";

/** How send refuses the other three, in order: the start of each delivery's reply. */
export const HEADER_INJECTION_REFUSALS = [
  'refused, nothing sent: recipient name "Ana\\r\\nBcc: x@evil.test" contains a line break',
  'refused, nothing sent: recipient address "a@b.com, c@d.com"',
  'refused, nothing sent: unit name "UGEL Bongará\\r\\nBcc: x@evil.test" contains a line break',
];

/** Matches a text that starts with `start` (taken literally). */
export function startingWith(start: string): ReturnType<typeof expect.stringMatching> {
  return expect.stringMatching(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}
