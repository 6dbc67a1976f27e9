import { differenceInCalendarDays } from "date-fns";
import type { LateFeeRule } from "../tenants/late-fee-rule";

function dateOf(date: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/**
 * How many late fees a rule has made due by `today` (both dates `YYYY-MM-DD` in the tenant's time
 * zone): fee 1 on the first day after the grace days past `dueDate`, then one every
 * `repeatEveryDays`, never more than `maxCount`. Fee number N is charged once, whenever the sweep
 * first runs on or after its day, so a sweep that missed days catches up.
 *
 * @example
 * ```ts
 * // due 2026-03-01, 10 grace days, every 30 days, at most 3
 * countLateFeesDue(rule, "2026-03-01", "2026-03-11"); // 0
 * countLateFeesDue(rule, "2026-03-01", "2026-03-12"); // 1
 * countLateFeesDue(rule, "2026-03-01", "2026-04-11"); // 2
 * ```
 * @since 0.3.0
 * @group Late fees
 */
export function countLateFeesDue(rule: LateFeeRule, dueDate: string, today: string): number {
  const daysLate = differenceInCalendarDays(dateOf(today), dateOf(dueDate));
  const daysCharged = daysLate - rule.graceDays;
  if (daysCharged <= 0) return 0;
  if (rule.repeatEveryDays === undefined) return 1;
  const count = Math.floor((daysCharged - 1) / rule.repeatEveryDays) + 1;
  return Math.min(count, rule.maxCount);
}
