import { formatMoney, minorUnitsOf, type Tenant } from "@remit/core";

/** A locale Intl accepts, else `en-US`: an odd setting must not break the back office. */
function supportedLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

/** How the back office writes amounts, numbers, dates and times: the tenant's locale and time zone. */
export type Formatters = ReturnType<typeof createFormatters>;

/** Formatters for one tenant's locale and time zone (no raw ISO timestamps on any page). */
export function createFormatters(tenant: Pick<Tenant, "locale" | "timeZone">) {
  const locale = supportedLocale(tenant.locale);
  const timeZone = tenant.timeZone;
  // A calendar date is not an instant: format it at UTC so no zone moves it a day.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const instants = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return {
    locale,
    timeZone,
    money: (amount: string, currency: string) => formatMoney(amount, currency, locale),
    /** A unit price keeps digits beyond the currency's, as the PDF prints it. */
    unitPrice(amount: string, currency: string) {
      const digits = minorUnitsOf(currency);
      const places = Math.max(digits, amount.split(".")[1]?.length ?? 0);
      if (places === digits) return formatMoney(amount, currency, locale);
      return new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: places,
      }).format(amount as unknown as number);
    },
    number: (value: string) => numbers.format(value as unknown as number),
    /** `2026-11-25` as the locale writes it. */
    date: (date: string | null | undefined) =>
      date ? dates.format(new Date(`${date}T00:00:00Z`)) : "",
    /** An instant (`2026-11-25T15:04:05Z`) in the tenant's time zone and locale. */
    dateTime: (instant: string | null | undefined) =>
      instant ? instants.format(new Date(instant)) : "",
  };
}
