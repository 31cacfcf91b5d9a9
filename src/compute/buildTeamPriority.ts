import type { RegionView, SupportUnitView } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import { rankSupportUnits } from "./buildTeamBrief.js";

const ranked = new WeakMap<ViewContext, SupportUnitView[]>();

/**
 * A region's districts on the team brief's list "a acompañar" this month, in the brief's order
 * (the same ranking, computed once per context). Pure.
 */
export function buildTeamPriority(context: ViewContext, regionCode: string): RegionView["teamPriority"] {
  let units = ranked.get(context);
  if (!units) {
    units = rankSupportUnits(context);
    ranked.set(context, units);
  }
  return units
    .filter((u) => u.priority === "acompañar" && u.region?.code === regionCode)
    .map((u) => ({ rank: u.rank, unit: u.unit }));
}
