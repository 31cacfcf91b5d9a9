import type { Topology } from "topojson-specification";
import type { Messages, ReportView } from "../model.js";
import { buildPageContext } from "./context/buildPageContext.js";
import { GeoCache } from "./maps/GeoCache.js";

/** Compiled templates, made once per run by loadTemplates() and reused for every report. */
export interface Templates {
  render: (page: "national" | "region" | "district" | "index" | "team", context: object) => string;
}

export interface RenderContext {
  templates: Templates;
  messages: Messages;
  topology: Topology;
  /** TopoJSON object names from dataset.json `geo`. */
  geo: { regions: string; districts: string };
  /** ISO time of the run, shown in the footer (never read from the clock here). */
  generatedAt: string;
  /**
   * Projected map paths shared by every report of a run. Optional: made (and kept on this
   * context object) on first use, so pass the same RenderContext for all reports of a run.
   */
  geoCache?: GeoCache;
}

/** ReportView → the full HTML document that is printed. Pure (given compiled templates). */
export function renderReport(view: ReportView, context: RenderContext): string {
  context.geoCache ??= new GeoCache(context.topology, context.geo);
  const page = buildPageContext(view, {
    messages: context.messages,
    geo: context.geoCache,
    generatedAt: context.generatedAt,
  });
  return context.templates.render(view.level, page);
}
