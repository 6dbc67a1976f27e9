import table from "./currencies.json";

/**
 * An ISO 4217 currency code that Remit knows, such as `"USD"`.
 * @group Money
 */
export type CurrencyCode = string;

/**
 * Every ISO 4217 currency with its number of minor-unit digits (2 for USD, 0 for JPY, 3 for KWD).
 * Frozen: read it to fill a currency picker, never write to it.
 * @group Money
 */
export const currencies: Readonly<Record<CurrencyCode, { readonly minorUnits: number }>> =
  Object.freeze(
    Object.fromEntries(
      Object.entries(table as Record<string, number>).map(([code, minorUnits]) => [
        code,
        Object.freeze({ minorUnits }),
      ]),
    ),
  );

/**
 * True when `code` is an ISO 4217 code in Remit's table (upper case).
 * @group Money
 */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === "string" && Object.hasOwn(currencies, code);
}

/**
 * The number of minor-unit digits of a known currency.
 * @group Money
 */
export function minorUnitsOf(code: CurrencyCode): number {
  const entry = currencies[code];
  if (!entry) throw new RangeError(`Unknown currency ${code}`);
  return entry.minorUnits;
}
