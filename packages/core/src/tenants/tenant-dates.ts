import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/**
 * The calendar date (`YYYY-MM-DD`) in `timeZone` at a UTC instant.
 * @group Tenants
 */
export function localDateAt(instant: string, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

/** The UTC instant of a local wall-clock time on a date in `timeZone` (DST-aware). */
export function instantAtLocalTime(date: string, hour: number, timeZone: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, hour, 0, 0, timeZone).getTime()).toISOString();
}

/**
 * A calendar date (`YYYY-MM-DD`) `days` later (or earlier, if negative). Calendar arithmetic on a
 * local date: no time zone or DST can move it.
 */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return format(addDays(new Date(year, month - 1, day), days), "yyyy-MM-dd");
}
