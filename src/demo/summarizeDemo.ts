import { ALERT_PRIORITY, buildAlerts } from "../compute/buildAlerts.js";
import { buildContext } from "../compute/buildContext.js";
import type { AlertKind, Messages, Status } from "../model.js";
import { DEMO_INDICATORS, LAST } from "./demoSettings.js";
import type { DemoFacts } from "./demoFacts.js";
import type { DemoGenerated } from "./generateDemo.js";
import { fixed1 } from "./oneDecimal.js";

/**
 * The line `npm run demo` prints: the README's figures, the national value of each indicator in
 * the last month, and the district statuses and alerts of that month as the reports will show
 * them — the project's own rules (compute/indexDataset, computeStatus, buildAlerts), not copies.
 */
export function summarizeDemo(g: DemoGenerated, facts: DemoFacts, messages: Messages): string {
  const context = buildContext(g.dataset, LAST, "es", messages);
  const { index } = context;
  const national = DEMO_INDICATORS.map(
    (indicator) => `${indicator.id} ${fixed1(index.cell(context.national, indicator, LAST).value ?? NaN)}`,
  );
  const statuses: Record<Status, number> = { green: 0, amber: 0, red: 0, referential: 0, "no-data": 0 };
  const alerts = Object.fromEntries(
    Object.entries(ALERT_PRIORITY)
      .sort(([, a], [, b]) => a - b)
      .map(([kind]) => [kind, 0]),
  ) as Record<AlertKind, number>;
  for (const d of g.units.districts) {
    const unit = { level: "district" as const, code: d.code };
    for (const indicator of DEMO_INDICATORS) {
      const status = index.cell(unit, indicator, LAST).status;
      statuses[status] += 1;
      for (const alert of buildAlerts(context, unit, indicator)) alerts[alert.kind] += 1;
    }
  }
  return (
    `${facts.districts} districts in ${facts.regions} regions, ${facts.periods} months, ` +
    `${facts.results} results (${facts.visitsMin}–${facts.visitsMax} visits/month, ` +
    `${facts.referentialShare.toFixed(1)}% district-months <5 schools, ${facts.highCvShare.toFixed(1)}% rows cv>15), ` +
    `${facts.targets} targets, ${facts.recipients} recipients, ${facts.stories} stories, ${facts.schoolRows} school rows; ` +
    `${LAST}: ${national.join(", ")}; district statuses ${JSON.stringify(statuses)}; district alerts ${JSON.stringify(alerts)}`
  );
}
