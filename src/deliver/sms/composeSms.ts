import { formatInteger } from "../../locale/format.js";
import { createTranslator } from "../../locale/translate.js";
import type { DistrictView, Messages, ReportView, SchoolRow } from "../../model.js";
import { countSeptets, MAX_SEPTETS, transliterate } from "./gsm7.js";
import { fitSms, type SmsPiece } from "./fitSms.js";
import { REFERENCE_LENGTH } from "./smsReference.js";
import { InternalError } from "../../errors.js";

/**
 * The SMS of a unit's report, from the same view and the same locale words as its PDF: the unit
 * and month, the indicators in red / amber / green (and how many have no colour), the worst gap to target, for a district with
 * commitments the money still winnable, and — when the recipient also gets the PDF by e-mail —
 * that the full report went there; ending with the delivery's reference. GSM-7, at most two
 * segments (fitSms's rule drops the least important pieces first, never cuts a word). Pure.
 */
export function composeUnitSms(
  view: ReportView,
  messages: Messages,
  options: { emailed: boolean; reference: string },
): string {
  const t = createTranslator(messages);
  const counts = view.headline.counts;
  const pieces: SmsPiece[] = [
    { text: t("sms.brand") },
    {
      text: t("sms.unit", { unit: view.name, period: view.periodLabel }),
      shorten: { name: view.name, around: (unit) => t("sms.unit", { unit, period: view.periodLabel }) },
    },
    { text: t("sms.counts", { red: counts.red, amber: counts.amber, green: counts.green }) },
  ];
  // The PDF headline's words for the indicators without a colour: needed when none has one (else
  // the counts read 0, 0, 0 and say nothing), the first to go otherwise.
  const unrated = counts.referential + counts["no-data"];
  const rated = counts.red + counts.amber + counts.green;
  if (unrated > 0)
    pieces.push({ text: t("headline.unrated", { count: unrated }), ...(rated > 0 ? { keep: 1 } : {}) });
  const worst = worstGap(view);
  if (worst) {
    pieces.push({
      text: t("sms.gap", {
        indicator: worst.label,
        value: compact(worst.value.text),
        target: compact(worst.targets.target.text),
      }),
      keep: 3,
    });
  }
  const winnable = view.level === "district" ? winnableAmount(view) : null;
  if (winnable !== null && winnable > 0) {
    pieces.push({
      text: t("sms.winnable", {
        amount: compact(t("commitments.money", { amount: formatInteger(winnable, view.locale) })),
      }),
      keep: 2,
    });
  }
  if (options.emailed) pieces.push({ text: t("sms.emailed"), keep: 4 });
  return withReference(pieces, t("sms.reference", { ref: options.reference }));
}

/**
 * The SMS to the director of a school visited this month: its values against its district's
 * minimum, in plain words, those below the minimum first. Pure.
 */
export function composeSchoolSms(
  view: DistrictView,
  row: SchoolRow,
  messages: Messages,
  reference: string,
): string {
  const t = createTranslator(messages);
  const schools = view.schools;
  if (!schools) throw new InternalError(`no school list for district ${view.code}`);
  const pieces: SmsPiece[] = [
    { text: t("sms.brand") },
    {
      text: t("sms.school.header", { school: row.name, unit: view.name, period: view.periodLabel }),
      shorten: {
        name: row.name,
        around: (school) => t("sms.school.header", { school, unit: view.name, period: view.periodLabel }),
      },
    },
  ];
  const cells = schools.indicators.map((column, index) => {
    const indicator = view.indicators.find((i) => i.id === column.id);
    const cell = row.cells[index];
    return { column, cell, minimum: indicator?.targets.minimum ?? null };
  });
  const below = cells.filter((c) => c.cell?.belowMinimum);
  const above = cells.filter((c) => c.cell && !c.cell.belowMinimum && c.cell.value !== null);
  pieces.push({
    text:
      below.length === 0
        ? t("sms.school.allAbove")
        : t("sms.school.belowCount", { count: below.length, total: cells.length }),
  });
  // A yes/no indicator (every school 0 or 100) is said as such; a rate with the district's minimum.
  below.forEach((c, index) =>
    pieces.push({
      text: c.column.yesNo
        ? t("sms.school.belowYesNo", { indicator: c.column.label })
        : t("sms.school.below", {
            indicator: c.column.label,
            value: compact(c.cell?.text ?? ""),
            minimum: compact(c.minimum?.text ?? ""),
          }),
      keep: 20 - index,
    }),
  );
  above.forEach((c, index) =>
    pieces.push({
      text: c.column.yesNo
        ? t("sms.school.aboveYesNo", { indicator: c.column.label })
        : t("sms.school.above", { indicator: c.column.label, value: compact(c.cell?.text ?? "") }),
      keep: 10 - index / 100,
    }),
  );
  return withReference(pieces, t("sms.reference", { ref: reference }));
}

/** The pieces fitted within two segments less the reference, then the reference. */
function withReference(pieces: SmsPiece[], reference: string): string {
  const ref = transliterate(reference);
  if (ref.length < REFERENCE_LENGTH) throw new InternalError("sms.reference lost its {ref}");
  // A list's last item ends with "." whatever was dropped after it.
  const body = fitSms(pieces, MAX_SEPTETS - countSeptets(ref) - 1).replace(/[;,]$/, ".");
  return `${body} ${ref}`;
}

/** The indicator furthest from its target this month (rated values only), or null. */
function worstGap(view: ReportView) {
  let worst: ReportView["indicators"][number] | null = null;
  for (const indicator of view.indicators) {
    const gap = indicator.targets.gap;
    if (gap === null || gap <= 0 || indicator.status === "referential" || indicator.status === "no-data")
      continue;
    if (!worst || gap > (worst.targets.gap as number)) worst = indicator;
  }
  return worst;
}

/**
 * The money a district can still win this year: the cover's figure (`money.own.winnable`, the
 * same as the PDF's); null when the district signed no commitments for the year.
 */
export function winnableAmount(view: DistrictView): number | null {
  return view.money?.own?.winnable ?? null;
}

/** "82,0 %" → "82,0%": the space before % costs a character and says nothing in an SMS. */
function compact(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+%/g, "%").replace(/S\/[\s\u00a0\u202f]+/g, "S/");
}
