import { formatInteger } from "../../locale/format.js";
import type { Messages, ReportView, SchoolRow } from "../../model.js";
import { statusIcon } from "../statusIcon.js";
import type { T } from "./common.js";
import { translateValue } from "./translateValue.js";
import type { Fact, MoverItem, PageContext, VisitItem } from "./types.js";

type Actions = Pick<PageContext["cover"], "contacts" | "visitFirst" | "noVisits"> &
  Pick<PageContext, "movers" | "regionSchools">;

/** "2 indicadores bajo el mínimo: A, B." */
function failingText(row: SchoolRow, view: ReportView, t: T): string {
  return t(row.belowCount === 1 ? "cover.visitRow.one" : "cover.visitRow.other", {
    count: formatInteger(row.belowCount, view.locale),
    indicators: row.failing.join(", "),
  });
}

/** One school of a visit list: its name, then what the data says about it, then what fails. */
function visitItem(
  row: SchoolRow,
  view: ReportView,
  t: T,
  messages: Messages,
  districtName?: string,
): VisitItem {
  const info = row.info ?? {};
  const meta = [
    districtName,
    info.level && translateValue(messages, "school.level", info.level),
    info.area && translateValue(messages, "school.area", info.area),
    info.director ? `${t("table.director")}: ${info.director}` : undefined,
    info.phone ? `${t("table.phone")}: ${info.phone}` : undefined,
  ].filter((part): part is string => !!part);
  return { name: row.name, meta: meta.join(" · "), failing: failingText(row, view, t) };
}

/**
 * What the reader can act on, placed on the first pages: who to call, the schools to visit first
 * (district), the short report of a district without visits, the districts that fell most (region,
 * national) and the region's schools with most indicators below the minimum.
 */
export function buildCoverActions(view: ReportView, t: T, messages: Messages): Actions {
  const contacts: Fact[] = [];
  const contact = view.contact.contact;
  if (contact) {
    contacts.push({
      label: t("cover.contact"),
      value: [
        contact.role
          ? `${contact.name} (${translateValue(messages, "contact.role", contact.role)})`
          : contact.name,
        contact.email,
        contact.phone,
      ]
        .filter((part): part is string => !!part)
        .join(" · "),
    });
  }
  contacts.push({ label: t("cover.replyTo"), value: view.contact.replyTo });

  const visitFirst =
    view.level === "district" && view.schools && !view.noVisits
      ? {
          title: t("cover.visitFirst"),
          intro: t("cover.visitFirstIntro"),
          items: view.schools.visitFirst.map((row) => visitItem(row, view, t, messages)),
          empty: t("cover.noVisitList"),
        }
      : null;

  const noVisits = view.noVisits
    ? {
        title: t("cover.noVisitsTitle"),
        text: t("cover.noVisitsText", { unit: view.name, period: view.periodLabel }),
        empty: t("cover.noVisitsNone"),
        monthHeader: t("cover.noVisitsMonth"),
        columns: view.indicators.map((ind) => ({ id: ind.id, label: ind.label })),
        rows: view.noVisits.lastMonths.map((month) => ({
          label: month.periodLabel,
          cells: month.cells.map((cell) => ({
            text: cell.text,
            className: `st-${cell.status}`,
            icon: statusIcon(cell.status, 10),
          })),
        })),
      }
    : null;

  const previous = view.indicators.find((ind) => ind.previous)?.previous ?? null;
  const movers =
    view.level === "district" || previous === null
      ? null
      : {
          title: t(view.level === "national" ? "section.moversNational" : "section.movers", {
            month: previous.periodLabel,
          }),
          items: view.movers.map((m): MoverItem => ({
            label: m.label,
            indicator: m.indicatorLabel,
            // In words: the report font has no "→".
            text: t("section.moverChange", {
              previous: m.previousText,
              current: m.currentText,
              change: m.change.text,
            }),
            note: m.turnedRed ? t("section.moverTurnedRed") : "",
            icon: statusIcon(m.status, 10),
          })),
          empty: t("section.moversNone", {
            points: formatInteger(view.thresholds.fallAlert, view.locale),
          }),
        };

  const districtNames = new Map(view.table.map((row) => [row.unit.code, row.unit.name]));
  const regionSchools =
    view.level === "region"
      ? {
          title: t("section.regionSchools"),
          items: view.regionSchools.map((row) =>
            visitItem(row, view, t, messages, districtNames.get(row.districtCode) ?? row.districtCode),
          ),
          empty: t("section.regionSchoolsNone"),
        }
      : null;

  return { contacts, visitFirst, noVisits, movers, regionSchools };
}
