import { formatInteger, formatShare } from "../../locale/format.js";
import { createTranslator } from "../../locale/translate.js";
import type { ChangeView, Locale, Messages, Status, UnitValue } from "../../model.js";
import type { BarItem } from "../charts/barChart.js";
import { STATUS_ORDER } from "../palette.js";
import { statusIcon } from "../statusIcon.js";
import type { ChangeCell, Chip, CountItem } from "./types.js";

export type T = ReturnType<typeof createTranslator>;

/** Locale prefixes owned by render; they are exposed to templates as nested `labels`. */
export const RENDER_PREFIXES = [
  "report",
  "section",
  "table",
  "chart",
  "map",
  "legend",
  "method",
  "cover",
  "footer",
] as const;

/** The render strings as a nested object, so templates say `{{labels.section.summary}}` (strict). */
export function nestLabels(messages: Messages): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of Object.keys(messages).sort()) {
    const path = key.split(".");
    if (!RENDER_PREFIXES.includes(path[0] as (typeof RENDER_PREFIXES)[number])) continue;
    let node = root;
    path.slice(0, -1).forEach((part) => {
      const next = node[part];
      if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
      else node = node[part] = {};
    });
    const leaf = path[path.length - 1] ?? key;
    if (typeof node[leaf] !== "object") node[leaf] = messages[key];
  }
  return root;
}

/** The visible label of a status: the compute engineer's `status.*` when present, else `legend.*`. */
export function statusLabel(messages: Messages, t: T, status: Status): string {
  return messages[`status.${status}`] ?? t(`legend.${status}`);
}

export function chip(messages: Messages, t: T, status: Status, label?: string): Chip {
  return {
    status,
    label: label ?? statusLabel(messages, t, status),
    className: `st-${status}`,
    icon: statusIcon(status, 14),
  };
}

export function changeCell(change: ChangeView | null): ChangeCell {
  if (!change || change.points === null) return { text: change?.text ?? "—", arrow: "", className: "flat" };
  const arrow = change.points > 0 ? "↑" : change.points < 0 ? "↓" : "=";
  const className = change.good === null ? "flat" : change.good ? "good" : "bad";
  return { text: change.text, arrow, className };
}

export function countItems(
  messages: Messages,
  t: T,
  counts: Record<Status, number>,
  locale: Locale,
): CountItem[] {
  return STATUS_ORDER.map((s) => ({ count: formatInteger(counts[s], locale), chip: chip(messages, t, s) }));
}

export function percentTick(locale: Locale): (value: number) => string {
  return (value) => formatShare(value / 100, locale);
}

export function barItem(u: UnitValue, showRank: boolean): BarItem {
  return {
    label: u.name,
    value: u.value,
    valueText: u.text,
    status: u.status,
    rank: showRank && u.rank !== null ? String(u.rank) : "",
    self: u.self,
  };
}
