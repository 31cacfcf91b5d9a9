/** The time zone of the programme's reports when the dataset names none (Peru has one, without DST). */
export const DEFAULT_TIME_ZONE = "America/Lima";

/**
 * An instant as the operator reads it: `2026-11-05 10:30 (America/Lima)`, in the dataset's time zone
 * rather than UTC. An unreadable date is returned as it was written.
 */
export function formatLocalTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}
