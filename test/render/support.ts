import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Topology } from "topojson-specification";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import type { Locale } from "../../src/model.js";
import { loadTemplates } from "../../src/render/loadTemplates.js";
import type { RenderContext, Templates } from "../../src/render/renderReport.js";
import { messagesOf } from "../helpers/messages.js";

export const ROOT = findProjectRoot();

let templates: Templates | null = null;
/** Compiled once for the test file (reads templates/ and the font package). */
export function templatesOnce(): Templates {
  templates ??= loadTemplates();
  return templates;
}

export function tinyTopology(): Topology {
  return JSON.parse(readFileSync(join(ROOT, "fixtures", "tiny", "geo.topojson"), "utf8")) as Topology;
}

export function tinyContext(locale: Locale = "es"): RenderContext {
  return {
    templates: templatesOnce(),
    messages: messagesOf(locale),
    topology: tinyTopology(),
    geo: { regions: "regions", districts: "districts" },
    generatedAt: "2026-11-05T14:30:00Z",
  };
}

/** Elements of a tag (with their attributes) in an HTML/SVG string. */
export function tags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

/** The value of an attribute in one tag string. */
export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * A structural outline of a rendered report for golden tests: one line per element with its
 * class, and text runs; the embedded CSS and path geometry are left out (they have their own tests).
 */
export function outline(html: string): string {
  const body = html
    .replace(/^<!doctype html>\s*/i, "")
    .replace(/<style>[\s\S]*?<\/style>/, "<style>…</style>")
    .replace(/ d="[^"]*"/g, ' d="…"');
  const lines: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, attrs = "", selfClose, text] = m;
    if (text !== undefined) {
      const t = text.replace(/\s+/g, " ").trim();
      if (t) lines.push(`${"  ".repeat(depth)}"${t}"`);
      continue;
    }
    if (close) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1];
    lines.push(`${"  ".repeat(depth)}<${name}${cls ? `.${cls.replace(/\s+/g, ".")}` : ""}>`);
    const isVoid = /^(meta|br|img|hr|input|link|path|rect|circle|line)$/i.test(name ?? "");
    if (!selfClose && !isVoid) depth += 1;
  }
  return lines.join("\n") + "\n";
}
