import type { ContactView } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";

/**
 * Who the reader of a report can call: the unit's monitoring contact from contacts.csv (the first
 * row for the unit; none when the dataset has no contacts.csv) and the enabling team's reply
 * address (dataset.json `email.replyTo`, else `email.from`).
 */
export function buildContactView(context: ViewContext, unit: UnitKey): ContactView {
  const { dataset } = context.index;
  const contact = dataset.contacts.find((row) => row.level === unit.level && row.code === unit.code) ?? null;
  return { contact, replyTo: dataset.config.email.replyTo ?? dataset.config.email.from };
}
