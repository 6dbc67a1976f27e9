import { describe, expect, it } from "vitest";
import {
  addMoney,
  compareMoney,
  fromMinorUnits,
  isMoneyAmount,
  isZeroMoney,
  roundMoney,
  scaleOfMoney,
  subtractMoney,
  toMinorUnits,
} from "../../src/index";

describe("money arithmetic", () => {
  it("addMoney - exact sums written with the currency's digits, whatever digits the amounts have", () => {
    expect(addMoney("USD", "19.99", "0.01")).toBe("20.00");
    expect(addMoney(2, "0.1", "0.2")).toBe("0.30");
    expect(addMoney("JPY", "1500", "83")).toBe("1583");
    expect(addMoney("KWD", "1.5", "-0.25")).toBe("1.250");
    expect(addMoney(2)).toBe("0.00");
    // Past 2^53 and past decimal.js's default 20 significant digits, still exact.
    expect(addMoney(2, "123456789012345678901234.56", "0.01")).toBe("123456789012345678901234.57");
    // More digits than the currency: exact sum first, then one rounding, half up.
    expect(addMoney(2, "0.004", "0.001")).toBe("0.01");
  });

  it("subtractMoney - exact differences, negative when b is larger, never minus zero", () => {
    expect(subtractMoney("USD", "100.00", "25.5")).toBe("74.50");
    expect(subtractMoney(2, "25.50", "100")).toBe("-74.50");
    expect(subtractMoney(2, "-1", "-1.5")).toBe("0.50");
    expect(subtractMoney(2, "0.001", "0.002")).toBe("0.00");
    expect(subtractMoney(2, "0.005", "0.01")).toBe("-0.01");
  });

  it("compareMoney - compares exactly across scales and signs", () => {
    expect(compareMoney("10.5", "10.50")).toBe(0);
    expect(compareMoney("10.50", "10.499999")).toBe(1);
    expect(compareMoney("-0.01", "0")).toBe(-1);
    expect(compareMoney("99999999999999999.99", "100000000000000000")).toBe(-1);
  });

  it("isZeroMoney - any way of writing zero, and nothing else", () => {
    for (const zero of ["0", "0.00", "-0.0", "000.000"]) expect(isZeroMoney(zero)).toBe(true);
    for (const other of ["0.001", "-0.01", "1"]) expect(isZeroMoney(other)).toBe(false);
  });

  it("roundMoney - pads or rounds to the digits, half up by default, in each rounding mode", () => {
    expect(roundMoney("5", "USD")).toBe("5.00");
    expect(roundMoney("2.675", "USD")).toBe("2.68");
    expect(roundMoney("-2.675", 2)).toBe("-2.68");
    expect(roundMoney("2.665", 2, "half_even")).toBe("2.66");
    expect(roundMoney("2.675", 2, "half_even")).toBe("2.68");
    expect(roundMoney("2.661", 2, "up")).toBe("2.67");
    expect(roundMoney("-2.661", 2, "up")).toBe("-2.67");
    expect(roundMoney("2.669", 2, "down")).toBe("2.66");
    expect(roundMoney("-0.004", 2)).toBe("0.00");
    expect(roundMoney("1083.5", "JPY")).toBe("1084");
  });

  it("toMinorUnits and fromMinorUnits - integer minor units as bigint, and back", () => {
    expect(toMinorUnits("12.34", "USD")).toBe(1234n);
    expect(toMinorUnits("12.3", 2)).toBe(1230n);
    expect(toMinorUnits("1500", "JPY")).toBe(1500n);
    expect(toMinorUnits("10.005", 2, "up")).toBe(1001n);
    expect(toMinorUnits("10.005", 2, "down")).toBe(1000n);
    expect(toMinorUnits("10.005", 2)).toBe(1001n);
    expect(toMinorUnits("-0.5", 0, "half_even")).toBe(0n);
    expect(toMinorUnits("98765432109876543210.99", 2)).toBe(9876543210987654321099n);
    expect(fromMinorUnits(1234n, "USD")).toBe("12.34");
    expect(fromMinorUnits(5n, 2)).toBe("0.05");
    expect(fromMinorUnits(-5n, 3)).toBe("-0.005");
    expect(fromMinorUnits(1500n, "JPY")).toBe("1500");
    for (const amount of ["0.00", "12.34", "-7.05", "123456789012345678.90"]) {
      expect(fromMinorUnits(toMinorUnits(amount, 2), 2)).toBe(amount);
    }
  });

  it("isMoneyAmount and scaleOfMoney - plain decimal strings only, and their digits as written", () => {
    for (const amount of ["125.50", "-3", "0.005", "007"]) expect(isMoneyAmount(amount)).toBe(true);
    for (const other of ["1e3", "1,000.00", " 1", ".5", "5.", "+1", "", "NaN", 12.5, null]) {
      expect(isMoneyAmount(other)).toBe(false);
    }
    expect(scaleOfMoney("12.50")).toBe(2);
    expect(scaleOfMoney("7")).toBe(0);
    expect(scaleOfMoney("-0.125")).toBe(3);
  });

  it("money functions - refuse anything but a decimal string, unknown currencies and bad digits", () => {
    expect(() => addMoney(2, "1e3")).toThrow(TypeError);
    expect(() => compareMoney("1", 1 as unknown as string)).toThrow(TypeError);
    expect(() => roundMoney("1.00", "XXX1")).toThrow(RangeError);
    expect(() => roundMoney("1.00", -1)).toThrow(RangeError);
    expect(() => toMinorUnits("1.00", 1.5)).toThrow(RangeError);
  });
});
