/**
 * The one guard for every CSV the tool writes (the team brief's list, the open data): a text cell
 * that a spreadsheet would run as a formula — it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return — gets a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as text.
 * A plain number (`-1.5`, `2e-5`) is data, not a formula: it stays as it is. Pure.
 */
export function protectFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return text;
  return `'${text}`;
}

/** What the data dictionaries say about it (Spanish, English). */
export const FORMULA_NOTE = {
  es: "Un texto que empieza con =, +, -, @, tabulación o retorno de carro lleva un apóstrofo (') delante, para que una hoja de cálculo no lo ejecute como fórmula.",
  en: "A text starting with =, +, -, @, a tab or a carriage return has an apostrophe (') put before it, so that a spreadsheet does not run it as a formula.",
} as const;
