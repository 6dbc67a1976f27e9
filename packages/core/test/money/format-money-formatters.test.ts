import { afterEach, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/index";

// Node's own Intl.NumberFormat, replaced for one test by a subclass that counts constructions.
const BuiltIn = Intl.NumberFormat;
afterEach(() => {
  Intl.NumberFormat = BuiltIn;
});

function countConstructions(): { made: number } {
  const counter = { made: 0 };
  class Counting extends BuiltIn {
    constructor(...args: ConstructorParameters<typeof BuiltIn>) {
      super(...args);
      counter.made += 1;
    }
  }
  Intl.NumberFormat = Counting as unknown as typeof Intl.NumberFormat;
  return counter;
}

describe("formatMoney - formatters", () => {
  it("formatMoney - builds one Intl.NumberFormat per locale and currency, however many amounts", () => {
    const counter = countConstructions();
    const amounts = ["1", "2.5", "1234.56", "0", "99999.99"];
    const written = amounts.map((amount) => formatMoney(amount, "CHF", "fr-CH"));
    expect(written[2]).toBe(
      new BuiltIn("fr-CH", { style: "currency", currency: "CHF" }).format(1234.56),
    );
    expect(counter.made).toBe(1);

    // Another currency, or the same currency in another locale, is another formatter.
    formatMoney("1", "CHF", "de-CH");
    formatMoney("1", "EUR", "fr-CH");
    formatMoney("2", "CHF", "de-CH");
    expect(counter.made).toBe(3);
  });

  it("formatMoney - keeps each formatter's own options: digits of one currency never leak into another's", () => {
    expect(formatMoney("5", "KWD", "en-GB")).toBe("KWD\u00a05.000");
    expect(formatMoney("5", "JPY", "en-GB")).toBe("JP¥5");
    expect(formatMoney("5", "GBP", "en-GB")).toBe("£5.00");
    expect(formatMoney("5.125", "KWD", "en-GB")).toBe("KWD\u00a05.125");
  });
});
