import type { Status } from "../model.js";

/**
 * Traffic-light palette. The fills differ in lightness as well as hue, so they stay apart for
 * colour-blind readers and in grey print (relative luminance ≈ green 0.08, red 0.21, amber 0.51,
 * referential 0.60 + dashed outline, no data 0.84), and each status also has its own shape.
 */
export interface StatusStyle {
  fill: string;
  /** Text drawn on the fill. */
  ink: string;
  /** Darker outline / text colour for the status on white. */
  stroke: string;
  shape: "circle" | "triangle" | "square" | "diamond" | "dash";
  /** Referential areas carry a dashed outline on maps (amber and referential are close in grey). */
  dashed: boolean;
}

export const STATUS_STYLES: Record<Status, StatusStyle> = {
  green: { fill: "#0b5d32", ink: "#ffffff", stroke: "#0b5d32", shape: "circle", dashed: false },
  amber: { fill: "#f0b429", ink: "#1f1f1f", stroke: "#8a5a00", shape: "triangle", dashed: false },
  red: { fill: "#db4f37", ink: "#ffffff", stroke: "#a12a18", shape: "square", dashed: false },
  referential: { fill: "#cbcbcb", ink: "#1f1f1f", stroke: "#6b6b6b", shape: "diamond", dashed: true },
  "no-data": { fill: "#ededed", ink: "#3d3d3d", stroke: "#8c8c8c", shape: "dash", dashed: false },
};

/** Status order used by legends and counts. */
export const STATUS_ORDER: readonly Status[] = ["green", "amber", "red", "referential", "no-data"];

/** Neutral ink colours shared by charts and maps. */
export const INK = {
  text: "#1f1f1f",
  muted: "#5c5c5c",
  grid: "#d6d6d6",
  axis: "#8c8c8c",
  target: "#1f1f1f",
  line: "#1d3f6e",
  highlight: "#111111",
  border: "#ffffff",
} as const;
