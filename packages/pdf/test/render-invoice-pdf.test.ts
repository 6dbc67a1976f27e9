import { formatMoney, ValidationError } from "@remit/core";
import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../src/index";
import { issuedInvoice } from "./support/issued-invoice";
import { plain, readPdf } from "./support/read-pdf";

describe("renderInvoicePdf", () => {
  it("render - prints the contractor, customer, number, dates, lines, taxes and totals", async () => {
    const { invoice, tenant } = await issuedInvoice(
      { name: "Reyes Plumbing & Heating", currency: "USD", timeZone: "America/Chicago" },
      { paid: "1000.00" },
    );
    const pdf = await renderInvoicePdf({
      invoice,
      tenant,
      site: { line1: "900 Lake Shore Dr", city: "Austin", region: "TX" },
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text, pages } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const money = (amount: string) => formatMoney(amount, "USD", "en-US");
    for (const expected of [
      "Reyes Plumbing & Heating",
      "billing@contractor.example",
      "+15125550199",
      "Bill to",
      "Dana Whitfield",
      "4 Elm Street",
      "Austin, TX 78701",
      "Service site",
      "900 Lake Shore Dr",
      "INV-0001",
      "Mar 2, 2026", // issue date in the tenant's zone
      "Mar 17, 2026", // net 15
      "Net 15 days",
      "Awaiting payment",
      "Replace water heater",
      "2.5",
      "$85,000.00",
      "$12,500.125", // a unit price keeps its extra digits
      money(invoice.totals.lines[0]?.gross ?? ""),
      money(invoice.totals.subtotal),
      `-${money(invoice.totals.discountTotal)}`,
      "Trip charge",
      "VAT 10%",
      money(invoice.totals.taxes[0]?.amount ?? ""),
      money(invoice.total),
      "Amount paid",
      "$1,000.00",
      "Amount due",
      money(invoice.amountDue),
      "Thank you! Parts carry a 90-day warranty.",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each([
    ["INR", "en-IN", "₹"],
    ["KRW", "ko-KR", "₩"],
    ["VND", "vi-VN", "₫"],
    ["EUR", "de-DE", "€"],
    ["GBP", "en-GB", "£"],
    ["JPY", "en-US", "¥"],
  ])("currency - prints %s amounts with %s's sign %s", async (currency, locale, sign) => {
    const { invoice, tenant } = await issuedInvoice({ name: "Contractor", currency, locale });
    const { text } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    const total = formatMoney(invoice.total, currency, locale);
    expect(total).toContain(sign);
    expect(text).toContain(plain(total));
    expect(text).toContain(plain(formatMoney(invoice.amountDue, currency, locale)));
  });

  it("font - embeds a subset of a Unicode TrueType font and no standard PDF font", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Contractor", currency: "INR" });
    const { raw } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((match) => match[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain("/FontFile2");
    expect(raw).toContain("/ToUnicode");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it("font - writes a sign the font lacks in its compatibility form or as the currency code", async () => {
    const yen = await issuedInvoice({ name: "Contractor", currency: "JPY", locale: "ja-JP" });
    const yenText = (await readPdf(await renderInvoicePdf(yen))).text;
    expect(formatMoney(yen.invoice.total, "JPY", "ja-JP")).toContain("￥");
    expect(yenText).toContain(
      plain(formatMoney(yen.invoice.total, "JPY", "ja-JP").replace("￥", "¥")),
    );

    const lari = await issuedInvoice({ name: "Contractor", currency: "GEL", locale: "ka-GE" });
    const lariText = (await readPdf(await renderInvoicePdf(lari))).text;
    expect(formatMoney(lari.invoice.total, "GEL", "ka-GE")).toContain("₾");
    expect(lariText).not.toContain("₾");
    expect(lariText).toMatch(/GEL/);
  });

  it("render - the same invoice gives the same bytes", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Contractor", currency: "USD" });
    const first = await renderInvoicePdf({ invoice, tenant });
    const second = await renderInvoicePdf({ invoice, tenant });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("render - a long invoice continues on more pages, each numbered", async () => {
    const { invoice, tenant } = await issuedInvoice(
      { name: "Contractor", currency: "USD" },
      { lines: 120 },
    );
    const { pages } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[1]).toContain("Description"); // the header row again
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.join("\n")).toContain("Fitting no. 120");
    expect(pages.slice(1).join("\n")).toContain("Amount due");
  });

  it("render - a draft has no number and says so; labels can be replaced", async () => {
    const { invoice, tenant } = await issuedInvoice(
      { name: "Contractor", currency: "EUR" },
      { issue: false },
    );
    const { text } = await readPdf(
      await renderInvoicePdf({
        invoice,
        tenant,
        locale: "fr-FR",
        labels: { invoice: "Facture", draft: "Brouillon", amountDue: "Reste à payer" },
      }),
    );
    expect(text).toContain("Facture (Brouillon)");
    expect(text).toContain("Reste à payer");
    expect(text).not.toContain("INV-");
    expect(text).toContain(plain(formatMoney(invoice.total, "EUR", "fr-FR")));
  });

  it("validation - refuses what is not an invoice, naming the field", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Contractor", currency: "USD" });
    const bad = { ...invoice, amountDue: 12.5 } as unknown as typeof invoice;
    const error = await renderInvoicePdf({ invoice: bad, tenant }).catch((caught) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "validation_error", path: "invoice.amountDue" });
    await expect(
      renderInvoicePdf({ invoice, tenant, locale: "not a locale!" }),
    ).rejects.toMatchObject({ path: "locale" });
    await expect(
      renderInvoicePdf({ invoice, tenant, fonts: { regular: new Uint8Array([1, 2, 3]) } }),
    ).rejects.toMatchObject({ code: "validation_error", path: "fonts.regular" });
  });
});
