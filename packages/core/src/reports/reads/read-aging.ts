import { z } from "zod";
import { instantSchema } from "../../invoices/internal/move-input-fields";
import type { Invoice } from "../../invoices/invoice";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney } from "../../money/money-arithmetic";
import { defineRead } from "../../service/internal/define-read";
import { requireCollection } from "../../service/internal/require-collection";
import { defaultTenant } from "../../tenants/default-tenant";
import { localDateAt } from "../../tenants/tenant-dates";
import { type AgingBucket, agingBucketOf, agingBuckets, daysPastDue } from "../aging-buckets";
import type { AgingAmounts, AgingCustomerRow, AgingReport } from "../aging-report";

export const agingInputSchema = z.object({
  /** The instant to age at; defaults to the Clock's now. */
  asOf: instantSchema.optional(),
});

/** @group Reports @interface */
export type AgingInput = z.input<typeof agingInputSchema>;

// Large enough that a tenant's open invoices take few round trips, small enough to bound memory
// per batch; the report keeps only the running sums.
const batchSize = 500;

/**
 * `remit.reports.aging`: the open balances per customer and currency in aging buckets, read in
 * batches of open invoices only (`invoices.listOpen`), in one read transaction so the batches see
 * one moment. `NotSupportedError` on a store without `listOpen`.
 * @since 0.3.0
 */
export const readAging = defineRead(
  { input: agingInputSchema.prefault({}) },
  async ({ deps, transaction, context }, input): Promise<AgingReport> => {
    const listOpen = requireCollection(
      transaction.invoices.listOpen?.bind(transaction.invoices),
      "invoices.listOpen",
      "0.3.0",
    );
    const asOf = input.asOf ?? deps.clock.now();
    const tenant = (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, asOf);
    const asOfDate = localDateAt(asOf, tenant.timeZone);
    const rows = new Map<string, AgingCustomerRow>();
    let after: string | undefined;
    for (;;) {
      const batch = await listOpen({ ...(after === undefined ? {} : { after }), limit: batchSize });
      for (const invoice of batch) addToRow(rows, invoice, asOfDate);
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1]?.id;
    }
    const customers = [...rows.values()].sort(byCurrencyThenCustomer);
    return {
      asOf,
      asOfDate,
      timeZone: tenant.timeZone,
      customers,
      totals: sumByCurrency(customers),
    };
  },
);

function addToRow(rows: Map<string, AgingCustomerRow>, invoice: Invoice, asOfDate: string) {
  const customerId = invoice.customer?.id ?? null;
  const key = `${invoice.currency}\u0000${customerId ?? ""}`;
  const row = rows.get(key) ?? {
    customerId,
    customerName: invoice.customer?.name ?? null,
    currency: invoice.currency,
    invoiceCount: 0,
    ...zeroAmounts(invoice.currency),
  };
  const bucket: AgingBucket =
    invoice.dueDate === null ? "current" : agingBucketOf(daysPastDue(invoice.dueDate, asOfDate));
  const digits = minorUnitsOf(invoice.currency);
  row[bucket] = addMoney(digits, row[bucket], invoice.amountDue);
  row.total = addMoney(digits, row.total, invoice.amountDue);
  row.invoiceCount++;
  rows.set(key, row);
}

function sumByCurrency(customers: AgingCustomerRow[]): AgingReport["totals"] {
  const totals = new Map<string, AgingReport["totals"][number]>();
  for (const row of customers) {
    const digits = minorUnitsOf(row.currency);
    const total = totals.get(row.currency) ?? {
      currency: row.currency,
      invoiceCount: 0,
      ...zeroAmounts(row.currency),
    };
    for (const bucket of [...agingBuckets, "total"] as const)
      total[bucket] = addMoney(digits, total[bucket], row[bucket]);
    total.invoiceCount += row.invoiceCount;
    totals.set(row.currency, total);
  }
  return [...totals.values()];
}

function zeroAmounts(currency: string): AgingAmounts {
  const zero = addMoney(minorUnitsOf(currency), "0");
  return {
    current: zero,
    days1to30: zero,
    days31to60: zero,
    days61to90: zero,
    over90: zero,
    total: zero,
  };
}

function byCurrencyThenCustomer(a: AgingCustomerRow, b: AgingCustomerRow): number {
  return (
    compareText(a.currency, b.currency) ||
    compareText(a.customerName ?? "", b.customerName ?? "") ||
    compareText(a.customerId ?? "", b.customerId ?? "")
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
