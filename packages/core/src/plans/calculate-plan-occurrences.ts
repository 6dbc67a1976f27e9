import { Frequency, type Options, RRule } from "rrule";
import type { PlanSchedule } from "./service-plan";

// Occurrences are computed on calendar dates, never on instants: each date is held as UTC
// midnight (rrule's "floating" use) and read back as YYYY-MM-DD. A tenant's local date is the
// only place its time zone enters (which occurrences are due), so a DST change can neither move
// an occurrence to another day nor make one twice.

const toUtcDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
const toDateText = (date: Date) => date.toISOString().slice(0, 10);

/** The rule's options as rrule parses them; `undefined` with why when it is not one Remit takes. */
export function parsePlanRule(rrule: string): { options: Partial<Options> } | { problem: string } {
  const text = rrule.trim().replace(/^RRULE:/i, "");
  if (/(^|;)(DTSTART|UNTIL|TZID)=/i.test(text) || /\n/.test(text))
    return { problem: "give one RRULE without DTSTART, UNTIL or TZID: use startDate and endDate" };
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    return { problem: `is not an RFC 5545 RRULE (${(error as Error).message})` };
  }
  if (options.freq === undefined) return { problem: "needs FREQ" };
  if (options.freq > Frequency.DAILY)
    return { problem: "a plan bills at most once a day: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY" };
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 1_000))
    return { problem: "INTERVAL is 1 to 1000" };
  return { options };
}

/**
 * A monthly rule on day 29, 30 or 31 bills on the last day of shorter months instead of skipping
 * them (RFC 5545 skips them): `BYMONTHDAY=31` becomes "the last of days 28–31 that the month
 * has", `BYMONTHDAY=28,29,30,31;BYSETPOS=-1`. The same holds for a monthly rule with no day,
 * which takes the start date's day.
 */
function withMonthEnds(options: Partial<Options>, startDate: string): Partial<Options> {
  if (options.freq !== Frequency.MONTHLY || options.bysetpos != null) return options;
  if (options.byweekday != null || options.bynweekday != null) return options;
  const days =
    options.bymonthday == null
      ? [Number(startDate.slice(8, 10))]
      : Array.isArray(options.bymonthday)
        ? options.bymonthday
        : [options.bymonthday];
  const [day] = days;
  if (days.length !== 1 || day === undefined || day < 29) return options;
  return {
    ...options,
    bymonthday: Array.from({ length: day - 27 }, (_, index) => 28 + index),
    bysetpos: [-1],
  };
}

function ruleOf(schedule: PlanSchedule): RRule {
  const parsed = parsePlanRule(schedule.rrule);
  if ("problem" in parsed) throw new TypeError(`schedule.rrule ${parsed.problem}`);
  return new RRule({
    ...withMonthEnds(parsed.options, schedule.startDate),
    dtstart: toUtcDate(schedule.startDate),
  });
}

const beforeEnd = (schedule: PlanSchedule, date: string) =>
  schedule.endDate === null || date <= schedule.endDate;

/**
 * The plan's occurrence dates from `from` to `to` (both inclusive, `YYYY-MM-DD`), within its
 * start and end, oldest first, at most `limit`.
 *
 * @example
 * ```ts
 * calculatePlanOccurrences(
 *   { rrule: "FREQ=MONTHLY;BYMONTHDAY=31", startDate: "2027-01-31", endDate: null },
 *   { from: "2027-01-01", to: "2027-03-31" },
 * ); // → ["2027-01-31", "2027-02-28", "2027-03-31"]
 * ```
 * @group Plans
 */
export function calculatePlanOccurrences(
  schedule: PlanSchedule,
  range: { from: string; to: string; limit?: number },
): string[] {
  const limit = range.limit ?? 1_000;
  const dates: string[] = [];
  const rule = ruleOf(schedule);
  rule.between(toUtcDate(range.from), toUtcDate(range.to), true, (date) => {
    const text = toDateText(date);
    if (!beforeEnd(schedule, text)) return false;
    // Finer parts of a rule (BYHOUR) may give one date twice: a plan bills a date once.
    if (dates.at(-1) !== text) dates.push(text);
    return dates.length < limit;
  });
  return dates;
}

/**
 * The first occurrence on or after `date` (`YYYY-MM-DD`), or `null` when none is left.
 * @group Plans
 */
export function nextPlanOccurrence(schedule: PlanSchedule, onOrAfter: string): string | null {
  const from = onOrAfter < schedule.startDate ? schedule.startDate : onOrAfter;
  const next = ruleOf(schedule).after(toUtcDate(from), true);
  if (next === null) return null;
  const text = toDateText(next);
  return beforeEnd(schedule, text) ? text : null;
}

/** The day after `date`, on the calendar. */
export function dayAfter(date: string): string {
  const next = toUtcDate(date);
  next.setUTCDate(next.getUTCDate() + 1);
  return toDateText(next);
}
