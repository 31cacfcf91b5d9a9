import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";

const files = ["templates/locales/es.json", "templates/locales/en.json"];

describe("the locale files", () => {
  it.each(files)(
    "%s: no key is both a message and the prefix of another key (the site nests them)",
    (file) => {
      const keys = Object.keys(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
      const prefixes = new Set(
        keys.flatMap((key) => key.split(".").map((_, i, parts) => parts.slice(0, i).join("."))),
      );
      const clashes = keys.filter((key) => key.startsWith("site.") && prefixes.has(key));
      expect(clashes).toEqual([]);
    },
  );
});
