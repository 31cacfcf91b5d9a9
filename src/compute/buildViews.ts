import type { Dataset, Locale, Messages, Period, ReportView } from "../model.js";

export interface BuildViewsOptions {
  locale: Locale;
  messages: Messages;
}

// Placeholder: replaced by the views issue.
export function buildViews(_dataset: Dataset, _period: Period, _options: BuildViewsOptions): ReportView[] {
  throw new Error("buildViews is not implemented yet");
}
