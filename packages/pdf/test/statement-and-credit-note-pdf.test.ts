import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCreditNotePdf, renderStatementPdf } from "../src/index";
import {
  findOrInstallPdftoppm,
  pdftoppmInstallTimeoutMs,
} from "./support/find-or-install-pdftoppm";
import { readPdf } from "./support/read-pdf";

// renderStatementPdf and renderCreditNotePdf (issue 19, part 6) on records from the real service.

const artifacts = resolve(import.meta.dirname, "../test-artifacts");

async function customerWithActivity() {
  let now = "2026-03-02T15:00:00.000Z";
  const remit = createRemit({
    store: createMemoryStore(),
    clock: { specificationVersion: "v1", now: () => now },
  });
  const ctx = { tenantId: "tenant-1", actor: { type: "user" as const, id: "u_1" } };
  const tenant = await remit.tenants.upsert(ctx, {
    name: "Reyes Plumbing",
    currency: "EUR",
    locale: "de-DE",
    email: "billing@contractor.example",
    defaultTaxRates: [{ id: "vat", name: "MwSt", percent: "19" }],
  });
  const customer = await remit.customers.create(ctx, {
    name: "Jürgen Weiß",
    email: "juergen@example.com",
  });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [
      {
        kind: "labor",
        description: "Heizung entlüften",
        quantity: "2",
        unitPrice: "80.00",
        taxRateIds: ["vat"],
      },
      {
        kind: "material",
        description: "Thermostatventil",
        quantity: "3",
        unitPrice: "24.50",
        taxRateIds: ["vat"],
      },
    ],
    issue: true,
  });
  await remit.invoices.recordPayment(ctx, {
    id: invoice.id,
    amount: "100.00",
    method: "bank_transfer",
    idempotencyKey: "p1",
  });
  now = "2026-03-20T10:00:00.000Z";
  const { creditNote } = await remit.invoices.issueCreditNote(ctx, {
    id: invoice.id,
    amount: "29.16",
    reason: "Ein Ventil zurückgegeben",
  });
  const statement = await remit.reports.customerStatement(ctx, {
    customerId: customer.id,
    from: "2026-03-01",
    to: "2026-03-31",
  });
  return { tenant, statement, creditNote };
}

describe("renderStatementPdf and renderCreditNotePdf", () => {
  let pdftoppm: string;
  beforeAll(async () => {
    pdftoppm = await findOrInstallPdftoppm();
  }, pdftoppmInstallTimeoutMs);

  it("renderStatementPdf - prints the period, each line with its balance, and opening to closing balance", async () => {
    const { tenant, statement } = await customerWithActivity();
    const pdf = await renderStatementPdf({ statement, tenant });
    const { text, pages } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(text).toContain("Statement");
    expect(text).toContain("Jürgen Weiß");
    expect(text).toContain("Invoice INV-0001");
    expect(text).toMatch(/Credit note CN-\S+, INV-0001/);
    expect(text).toContain(`${statement.closingBalance.replace(".", ",")} €`);
    expect(text).toContain("Closing balance");
    // The same statement gives the same bytes.
    expect(Buffer.from(await renderStatementPdf({ statement, tenant }))).toEqual(Buffer.from(pdf));
  });

  it("renderCreditNotePdf - prints the number, the invoice, the credited lines, tax per rate, total and reason", async () => {
    const { tenant, creditNote } = await customerWithActivity();
    const { text } = await readPdf(await renderCreditNotePdf({ creditNote, tenant }));
    expect(text).toContain(`Credit note ${creditNote.number}`);
    expect(text).toContain("INV-0001");
    expect(text).toContain("Thermostatventil");
    expect(text).toContain("MwSt (19%)");
    expect(text).toContain("29,16 €");
    expect(text).toContain("Ein Ventil zurückgegeben");
  });

  it("render - refuses input of the wrong shape with validation_error and the path", async () => {
    const { tenant, creditNote } = await customerWithActivity();
    await expect(
      renderCreditNotePdf({ creditNote: { ...creditNote, total: "lots" }, tenant }),
    ).rejects.toMatchObject({ code: "validation_error", issues: [{ path: "creditNote.total" }] });
    await expect(
      renderStatementPdf({ statement: { from: "x" } as never, tenant }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("png - renders page 1 of a statement and a credit note with pdftoppm", async () => {
    const { tenant, statement, creditNote } = await customerWithActivity();
    mkdirSync(artifacts, { recursive: true });
    for (const [name, pdf] of [
      ["statement", await renderStatementPdf({ statement, tenant })],
      ["credit-note", await renderCreditNotePdf({ creditNote, tenant })],
    ] as const) {
      const pdfPath = join(artifacts, `${name}.pdf`);
      writeFileSync(pdfPath, pdf);
      const pngBase = join(artifacts, name);
      execFileSync(pdftoppm, [
        "-png",
        "-r",
        "72",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        pdfPath,
        pngBase,
      ]);
      const png = readFileSync(`${pngBase}.png`);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.length).toBeGreaterThan(10_000);
    }
  });
});
