import type { Status } from "../model.js";

/**
 * Traffic-light palette. The fills differ in lightness as well as hue, so they stay apart for
 * colour-blind readers and in grey print (grey level as printers convert, 0.299 R + 0.587 G +
 * 0.114 B: green 25 %, red 46 %, amber 62 %, referential 78 % + dashed outline, no data 96 %: every two at least
 * 15 points apart (test/render/palette.test.ts);
 * amber was 71 % and read as the referential grey, 80 %), and each status has its own shape.
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
  amber: { fill: "#e09a00", ink: "#1f1f1f", stroke: "#8a5a00", shape: "triangle", dashed: false },
  red: { fill: "#db4f37", ink: "#ffffff", stroke: "#a12a18", shape: "square", dashed: false },
  referential: { fill: "#c8c8c8", ink: "#1f1f1f", stroke: "#6b6b6b", shape: "diamond", dashed: true },
  "no-data": { fill: "#f4f4f4", ink: "#3d3d3d", stroke: "#8c8c8c", shape: "dash", dashed: false },
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
