import { describe, expect, it } from "vitest";
import { currencies, formatMoney, isCurrencyCode, minorUnitsOf } from "../../src/index";

const codesWithDigits = (digits: number) =>
  Object.keys(currencies).filter((code) => currencies[code]?.minorUnits === digits);

describe("formatMoney", () => {
  it.each([
    ["1234.5", "USD", "en-US", "$1,234.50"],
    ["1083", "JPY", "ja-JP", "\uffe51,083"],
    ["10.825", "KWD", "en-US", "KWD\u00a010.825"],
    ["1234567.5", "INR", "en-IN", "\u20b912,34,567.50"],
    ["1234.5", "EUR", "de-DE", "1.234,50\u00a0\u20ac"],
    ["0.5", "CLF", "en-US", "CLF\u00a00.5000"],
  ])("formatMoney - formats %s %s in %s as %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it("formatMoney - writes exactly the currency's digits and defaults to en-US", () => {
    expect(formatMoney("5", "USD")).toBe("$5.00");
    expect(formatMoney("5", "KWD")).toBe("KWD\u00a05.000");
    expect(formatMoney("1083", "JPY")).toBe("\u00a51,083");
  });

  it("formatMoney - formats large amounts exactly, without going through a float", () => {
    expect(formatMoney("123456789012345.67", "USD", "en-US")).toBe("$123,456,789,012,345.67");
    const huge = "99999999999999999999.99";
    expect(formatMoney(huge, "USD", "en-US")).toBe("$99,999,999,999,999,999,999.99");
    // What a float would have printed: the test above can tell the difference.
    const viaFloat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(
      Number(huge),
    );
    expect(viaFloat).toBe("$100,000,000,000,000,000,000.00");
  });
});

describe("currencies", () => {
  it("currencies - lists the ISO 4217 minor units", () => {
    expect(currencies.JPY?.minorUnits).toBe(0);
    expect(currencies.KWD?.minorUnits).toBe(3);
    expect(currencies.CLF?.minorUnits).toBe(4);
    expect(currencies.USD?.minorUnits).toBe(2);
    // ISO lists MGA and MRU with 2 digits, though their sub-units are fifths.
    expect(currencies.MGA?.minorUnits).toBe(2);
    expect(currencies.MRU?.minorUnits).toBe(2);
    expect(codesWithDigits(0)).toHaveLength(17);
    expect(codesWithDigits(0)).toEqual(expect.arrayContaining(["JPY", "KRW", "CLP"]));
    expect(codesWithDigits(3)).toHaveLength(7);
    expect(codesWithDigits(3)).toEqual(expect.arrayContaining(["KWD", "BHD"]));
    expect(codesWithDigits(4).sort()).toEqual(["CLF", "UYW"]);
    for (const code of Object.keys(currencies)) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it("currencies - is frozen, entries included", () => {
    expect(Object.isFrozen(currencies)).toBe(true);
    for (const entry of Object.values(currencies)) expect(Object.isFrozen(entry)).toBe(true);
    const writable = currencies as Record<string, { minorUnits: number }>;
    expect(() => {
      writable.XYZ = { minorUnits: 2 };
    }).toThrow(TypeError);
    expect(() => {
      (writable.USD as { minorUnits: number }).minorUnits = 3;
    }).toThrow(TypeError);
    expect(currencies.USD?.minorUnits).toBe(2);
  });

  it("currencies - knows only upper-case codes", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("ABC")).toBe(false);
    expect(isCurrencyCode(840)).toBe(false);
    expect(minorUnitsOf("BHD")).toBe(3);
    expect(() => minorUnitsOf("ABC")).toThrow(RangeError);
  });
});
