import { z } from "zod";
import type { Indicator, Problem } from "../model.js";
import { checkName } from "./checkName.js";
import { parseJsonFile } from "./parseJsonFile.js";
import { at, problems } from "./problems.js";

const text = z.string().trim().min(1, "must not be empty");
/** A label or category: shown in reports, so the name rule applies. */
const name = text.superRefine((value, ctx) => {
  const reason = checkName(value);
  if (reason) ctx.addIssue({ code: "custom", message: reason });
});

const schema = z.array(
  z.object({
    id: text
      .regex(/^[\w.-]+$/, "must be letters, digits, - _ or . (no spaces)")
      .max(64, "must be at most 64 characters"),
    label: z.object({ es: name, en: name }),
    category: name,
    better: z.enum(["higher", "lower"]),
    unit: z.literal("percent"),
  }),
);

/** indicators.json → the catalogue, in file order (report order). */
export function parseIndicators(
  json: string,
  file = "indicators.json",
): { indicators: Indicator[] | null; problems: Problem[] } {
  const parsed = parseJsonFile(json, file, schema);
  if (!parsed.value) return { indicators: null, problems: parsed.problems };
  const found: Problem[] = [];
  if (parsed.value.length === 0) found.push(at({ file, line: 1, column: 1 }, problems.noIndicators()));
  const seen = new Set<string>();
  parsed.value.forEach((indicator, index) => {
    if (seen.has(indicator.id))
      found.push(at({ file, ...parsed.locate([index, "id"]) }, problems.duplicateIndicator(indicator.id)));
    seen.add(indicator.id);
  });
  return { indicators: found.length ? null : parsed.value, problems: found };
}
