import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { parseInvoiceInputWithZod } from "../../src/calculation/internal/parse-invoice-input-with-zod";
import { readCommonInvoiceInput } from "../../src/calculation/internal/read-common-invoice-input";
import {
  type Context,
  calculateInvoice,
  createRemit,
  ibanSchema,
  paymentMeansSchema,
  RemitError,
  tenantSettingsSchema,
  ValidationError,
  vatIdSchema,
} from "../../src/index";

const ctx: Context = { tenantId: "tenant_e", actor: { type: "user", id: "user_1" } };

function setup() {
  return createRemit({
    store: createMemoryStore(),
    clock: createTestClock("2026-05-01T12:00:00.000Z"),
  });
}

describe("e-invoicing data - schemas", () => {
  it("ibanSchema - checks the IBAN's check digits", () => {
    expect(ibanSchema.safeParse("DE89370400440532013000").success).toBe(true);
    expect(ibanSchema.safeParse("DE89370400440532013001").success).toBe(false);
    expect(ibanSchema.safeParse("DE89 3704 0044 0532 0130 00").success).toBe(false);
  });

  it("vatIdSchema - wants the country prefix and no spaces", () => {
    expect(vatIdSchema.safeParse("DE123456789").success).toBe(true);
    expect(vatIdSchema.safeParse("123456789").success).toBe(false);
    expect(vatIdSchema.safeParse("DE 123456789").success).toBe(false);
  });

  it("paymentMeansSchema - a credit transfer is SEPA unless said otherwise", () => {
    expect(
      paymentMeansSchema.parse({ type: "credit_transfer", iban: "DE89370400440532013000" }),
    ).toEqual({ type: "credit_transfer", iban: "DE89370400440532013000", sepa: true });
  });

  it("tenantSettingsSchema - the e-invoicing fields are optional and absent by default", () => {
    const settings = tenantSettingsSchema.parse({});
    for (const field of ["legalName", "address", "vatId", "paymentMeans", "untaxedVatCategory"]) {
      expect(settings).not.toHaveProperty(field);
    }
    const refused = tenantSettingsSchema.safeParse({ untaxedVatCategory: { code: "S" } });
    expect(refused.error?.issues[0]?.path).toEqual(["untaxedVatCategory", "code"]);
  });
});

describe("e-invoicing data - invoice content", () => {
  const input = {
    currency: "EUR",
    lines: [{ quantity: "2", unitPrice: "80", unitCode: "HUR", taxRateIds: ["vat"] }],
    taxRates: [
      { id: "vat", name: "USt", percent: "19", vatCategory: "S" as const },
      { id: "ex", percent: "0", vatCategory: "E" as const, vatExemptionReason: "Exempt" },
    ],
  };

  it("calculateInvoice - units and VAT categories leave the figures alone", () => {
    const { unitCode: _, ...plainLine } = input.lines[0] as (typeof input.lines)[number];
    const plain = {
      ...input,
      lines: [plainLine],
      taxRates: input.taxRates.map(({ vatCategory: _c, vatExemptionReason: _r, ...rate }) => rate),
    };
    expect(calculateInvoice(input)).toEqual(calculateInvoice(plain));
  });

  it("parseInvoiceInput - the hand-written reader takes units as zod does, and leaves VAT categories to zod", () => {
    expect(
      readCommonInvoiceInput({
        ...input,
        taxRates: [],
        lines: [{ ...input.lines[0], taxRateIds: [] }],
      })?.lines[0]?.unitCode,
    ).toBe("HUR");
    expect(readCommonInvoiceInput(input)).toBeUndefined();
    expect(parseInvoiceInputWithZod(input).taxRates[1]).toMatchObject({
      vatCategory: "E",
      vatExemptionReason: "Exempt",
    });
    expect(
      readCommonInvoiceInput({ ...input, lines: [{ ...input.lines[0], unitCode: "hour" }] }),
    ).toBeUndefined();
  });

  it("calculateInvoice - a bad unit or category is refused at its path", () => {
    let thrown: unknown;
    try {
      calculateInvoice({
        ...input,
        lines: [{ ...input.lines[0], unitCode: "hours" }],
        taxRates: [{ ...input.taxRates[0], vatCategory: "X" as never }],
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues.map((issue) => issue.path)).toEqual([
      "lines[0].unitCode",
      "taxRates[0].vatCategory",
    ]);
  });

  it("invoices.create - units and VAT categories are stored with the content", async () => {
    const remit = setup();
    const { invoice } = await remit.invoices.create(ctx, {
      lines: input.lines,
      taxRates: input.taxRates,
    });
    expect(invoice.content.lines[0]?.unitCode).toBe("HUR");
    expect(invoice.content.taxRates?.[1]).toEqual({
      id: "ex",
      name: "",
      percent: "0",
      inclusive: false,
      compound: false,
      vatCategory: "E",
      vatExemptionReason: "Exempt",
    });
    // Content without them keeps its shape.
    const { invoice: plain } = await remit.invoices.create(ctx, {
      lines: [{ quantity: "1", unitPrice: "5" }],
      taxRates: [{ id: "t", percent: "5" }],
    });
    expect(plain.content.lines[0]).not.toHaveProperty("unitCode");
    expect(plain.content.taxRates?.[0]).not.toHaveProperty("vatCategory");
  });
});

describe("e-invoicing data - customers", () => {
  it("customers.create - the buyer's reference, VAT id and mandate are kept and copied onto invoices", async () => {
    const remit = setup();
    const customer = await remit.customers.create(ctx, {
      name: "Atelier Dupont SARL",
      billingAddress: { city: "Paris", country: "FR" },
      buyerReference: "PO-4711",
      vatId: "FR40303265045",
      directDebitMandate: { reference: "M-1", iban: "DE89370400440532013000" },
    });
    expect(customer).toMatchObject({ buyerReference: "PO-4711", vatId: "FR40303265045" });
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "5" }],
    });
    expect(invoice.customer).toMatchObject({
      buyerReference: "PO-4711",
      vatId: "FR40303265045",
      directDebitMandate: { reference: "M-1", iban: "DE89370400440532013000" },
    });
  });

  it("customers.create - a customer without them has none of the fields, nor does its snapshot", async () => {
    const remit = setup();
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    expect(Object.keys(customer)).not.toContain("buyerReference");
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "5" }],
    });
    expect(invoice.customer).toEqual({
      id: customer.id,
      name: "Dana Reyes",
      email: null,
      phone: null,
      billingAddress: null,
    });
  });

  it("customers.update - a bad IBAN in a mandate is refused at its path", async () => {
    const remit = setup();
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    const error = await remit.customers
      .update(ctx, { id: customer.id, directDebitMandate: { reference: "M-1", iban: "DE00" } })
      .catch((caught: unknown) => caught);
    expect(RemitError.isInstance(error) && (error as ValidationError).path).toBe(
      "directDebitMandate.iban",
    );
  });
});
