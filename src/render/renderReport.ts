import type { Topology } from "topojson-specification";
import type { Messages, ReportView } from "../model.js";

/** Compiled templates, made once per run by loadTemplates() and reused for every report. */
export interface Templates {
  render: (page: "national" | "region" | "district", context: object) => string;
}

export interface RenderContext {
  templates: Templates;
  messages: Messages;
  topology: Topology;
  /** TopoJSON object names from dataset.json `geo`. */
  geo: { regions: string; districts: string };
  /** ISO time of the run, shown in the footer (never read from the clock here). */
  generatedAt: string;
}

// Placeholder: replaced by the design issue.
export function renderReport(_view: ReportView, _context: RenderContext): string {
  throw new Error("renderReport is not implemented yet");
}
