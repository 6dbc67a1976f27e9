import { differenceInCalendarDays } from "date-fns";

/**
 * The aging buckets, by whole days past the due date: `current` (not yet due, due today or no due
 * date), `days1to30`, `days31to60`, `days61to90`, `over90`.
 * @group Reports
 * @since 0.3.0
 */
export type AgingBucket = "current" | "days1to30" | "days31to60" | "days61to90" | "over90";

/** The buckets in report order, youngest first. */
export const agingBuckets: readonly AgingBucket[] = [
  "current",
  "days1to30",
  "days31to60",
  "days61to90",
  "over90",
];

/**
 * Calendar days from `dueDate` to `asOfDate` (both local `YYYY-MM-DD` dates of the tenant);
 * 0 or less is not yet past due. Local dates, so no time zone or DST can shift a day.
 */
export function daysPastDue(dueDate: string, asOfDate: string): number {
  return differenceInCalendarDays(parseLocalDate(asOfDate), parseLocalDate(dueDate));
}

/** The bucket of an invoice `days` past due (as {@link daysPastDue} counts them). */
export function agingBucketOf(days: number): AgingBucket {
  if (days <= 0) return "current";
  if (days <= 30) return "days1to30";
  if (days <= 60) return "days31to60";
  if (days <= 90) return "days61to90";
  return "over90";
}

function parseLocalDate(date: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}
