import { DEMO_INDICATORS } from "./demoSettings.js";
import type { DemoFacts } from "./demoFacts.js";
import { demoReadme } from "./demoReadme.js";
import type { DemoGenerated } from "./generateDemo.js";
import { fixed1 } from "./oneDecimal.js";
import { storyFile } from "./stories.js";

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** The demo folder's files, path (relative, with "/") → content, in the order they are written. */
export function demoFiles(g: DemoGenerated, facts: DemoFacts): Map<string, string> {
  const files = new Map<string, string>();
  files.set("dataset.json", json(g.datasetJson));
  files.set("indicators.json", json(DEMO_INDICATORS));
  files.set(
    "units.csv",
    csv(
      ["district_code", "district_name", "region_code", "region_name"],
      g.units.districts.map((d) => [d.code, d.name, d.regionCode, d.regionName]),
    ),
  );
  files.set(
    "results.csv",
    csv(
      ["period", "district_code", "indicator", "numerator", "denominator", "schools", "cv"],
      g.results.map((r) => [
        r.period,
        r.districtCode,
        r.indicator,
        r.numerator,
        r.denominator,
        r.schools,
        r.cv === undefined ? "" : fixed1(r.cv),
      ]),
    ),
  );
  files.set(
    "targets.csv",
    csv(
      ["year", "level", "code", "indicator", "target", "baseline", "minimum"],
      g.targets.map((t) => [
        t.year,
        t.level,
        t.code,
        t.indicator,
        fixed1(t.target),
        t.baseline === undefined ? "" : fixed1(t.baseline),
        t.minimum === undefined ? "" : fixed1(t.minimum),
      ]),
    ),
  );
  files.set(
    "recipients.csv",
    csv(
      ["level", "code", "name", "email", "language", "phone"],
      g.recipients.map((r) => [r.level, r.code, r.name, r.email, r.language, r.phone ?? ""]),
    ),
  );
  files.set(
    "schools.csv",
    csv(
      [
        "period",
        "district_code",
        "school_code",
        "school_name",
        "indicator",
        "value",
        "director",
        "phone",
        "school_level",
        "area",
      ],
      g.schoolRows.map((s) => [
        s.period,
        s.district,
        s.code,
        s.name,
        s.indicator,
        s.value,
        s.director,
        s.phone,
        s.level,
        s.area,
      ]),
    ),
  );
  files.set(
    "contacts.csv",
    csv(
      ["level", "code", "name", "role", "email", "phone"],
      g.contacts.map((c) => [c.level, c.code, c.name, c.role, c.email, c.phone]),
    ),
  );
  files.set(
    "commitments.csv",
    csv(
      ["year", "level", "code", "indicator", "type", "months", "amount"],
      g.commitments.map((c) => [c.year, c.level, c.code, c.indicator, c.type, c.months, c.amount]),
    ),
  );
  files.set(
    "support.csv",
    csv(
      ["date", "level", "code", "indicator", "action"],
      g.support.map((a) => [a.date, a.level, a.code, a.indicator, a.action]),
    ),
  );
  for (const s of g.stories) files.set(`good-practices/${s.slug}.md`, storyFile(s));
  files.set("README.md", demoReadme(facts));
  return files;
}
