import { describe, expect, it } from "vitest";
import {
  fromStripeAmount,
  percentOfStripeAmount,
  stripeCurrencyRule,
  toStripeAmount,
} from "../src/internal/to-stripe-amount";

describe("toStripeAmount", () => {
  it("amounts - two-decimal currencies are cents", () => {
    expect(toStripeAmount("12.34", "USD")).toEqual({
      minor: 1234,
      charged: "12.34",
      excess: "0.00",
    });
    expect(toStripeAmount("0.5", "EUR")).toEqual({ minor: 50, charged: "0.50", excess: "0.00" });
    expect(toStripeAmount("999999.99", "GBP").minor).toBe(99999999);
  });

  it("amounts - zero-decimal currencies are whole units", () => {
    expect(toStripeAmount("1500", "JPY")).toEqual({ minor: 1500, charged: "1500", excess: "0" });
    expect(toStripeAmount("25000", "KRW").minor).toBe(25000);
    expect(toStripeAmount("3000", "UGX").minor).toBe(3000);
  });

  it("amounts - a zero-decimal currency with ISO decimals (MGA) rounds up to a whole unit", () => {
    expect(stripeCurrencyRule("MGA")).toEqual({ exponent: 0, step: 1n });
    expect(toStripeAmount("100.50", "MGA")).toEqual({
      minor: 101,
      charged: "101.00",
      excess: "0.50",
    });
  });

  it("amounts - three-decimal currencies round up to a multiple of ten", () => {
    expect(toStripeAmount("10.000", "KWD")).toEqual({
      minor: 10000,
      charged: "10.000",
      excess: "0.000",
    });
    expect(toStripeAmount("10.005", "KWD")).toEqual({
      minor: 10010,
      charged: "10.010",
      excess: "0.005",
    });
    expect(toStripeAmount("1.001", "BHD")).toEqual({
      minor: 1010,
      charged: "1.010",
      excess: "0.009",
    });
    for (const code of ["BHD", "JOD", "KWD", "OMR", "TND"]) {
      expect(toStripeAmount("7.123", code).minor % 10).toBe(0);
    }
  });

  it("amounts - ISK is two-decimal at Stripe but only whole krónur", () => {
    expect(toStripeAmount("500", "ISK")).toEqual({ minor: 50000, charged: "500", excess: "0" });
  });

  it("amounts - never charges less than asked", () => {
    for (const [amount, code] of [
      ["0.001", "USD"],
      ["33.3333", "USD"],
      ["0.0001", "KWD"],
      ["999.999", "OMR"],
    ] as const) {
      const { charged, excess } = toStripeAmount(amount, code);
      expect(Number(charged)).toBeGreaterThanOrEqual(Number(amount));
      expect(Number(excess)).toBeGreaterThanOrEqual(0);
    }
  });

  it("amounts - refuses what is not a positive amount in a known currency", () => {
    for (const [amount, code] of [
      ["0", "USD"],
      ["-1", "USD"],
      ["1e3", "USD"],
      ["12", "XXQ"],
    ] as const) {
      expect(() => toStripeAmount(amount, code)).toThrow(
        expect.objectContaining({ code: "validation_error" }),
      );
    }
  });
});

describe("fromStripeAmount", () => {
  it("amounts - reads minor units back exactly, with the currency's ISO digits", () => {
    expect(fromStripeAmount(1234, "USD")).toBe("12.34");
    expect(fromStripeAmount(5, "USD")).toBe("0.05");
    expect(fromStripeAmount(1500, "JPY")).toBe("1500");
    expect(fromStripeAmount(101, "MGA")).toBe("101.00");
    expect(fromStripeAmount(10010, "KWD")).toBe("10.010");
    expect(fromStripeAmount(50000, "ISK")).toBe("500");
  });

  it("amounts - keeps precision a currency's ISO digits cannot hold, rather than rounding", () => {
    expect(fromStripeAmount(50050, "ISK")).toBe("500.5");
  });

  it("amounts - round-trips every currency class", () => {
    for (const [amount, code] of [
      ["12.34", "USD"],
      ["1500", "JPY"],
      ["10.010", "KWD"],
      ["500", "ISK"],
    ] as const) {
      expect(fromStripeAmount(toStripeAmount(amount, code).minor, code)).toBe(amount);
    }
  });
});

describe("percentOfStripeAmount", () => {
  it("amounts - a surcharge rounds up and a fee rounds down, to the currency's step", () => {
    expect(percentOfStripeAmount(10001, "3", "USD", "up")).toBe(301);
    expect(percentOfStripeAmount(10001, "3", "USD", "down")).toBe(300);
    expect(percentOfStripeAmount(10010, "2.5", "KWD", "up")).toBe(260);
    expect(percentOfStripeAmount(10010, "2.5", "KWD", "down")).toBe(250);
    expect(percentOfStripeAmount(1000, "0", "JPY", "up")).toBe(0);
  });
});
