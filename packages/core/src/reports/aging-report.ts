import type { AgingBucket } from "./aging-buckets";

/**
 * Money per aging bucket plus their total, exact decimal strings in one currency.
 * @group Reports
 * @since 0.3.0
 */
export type AgingAmounts = Record<AgingBucket, string> & { total: string };

/**
 * One customer's open balance in one currency, by bucket.
 * @group Reports
 * @since 0.3.0
 */
export type AgingCustomerRow = AgingAmounts & {
  /** `null` for invoices without a customer. */
  customerId: string | null;
  customerName: string | null;
  currency: string;
  /** How many open invoices make up the balance. */
  invoiceCount: number;
};

/**
 * The aging report: open balances (`pending_payment` and `past_due` invoices' `amountDue`) per
 * customer and currency in buckets by days past the due date, at the tenant's local date of
 * `asOf`. Amounts of different currencies are never added together.
 * @group Reports
 * @since 0.3.0
 */
export type AgingReport = {
  /** The instant the report was taken at. */
  asOf: string;
  /** `asOf`'s calendar date in the tenant's time zone: the day the buckets count from. */
  asOfDate: string;
  timeZone: string;
  /** By currency, then customer name, then customer id. */
  customers: AgingCustomerRow[];
  /** The sum of the customers' rows, one per currency, by currency. */
  totals: (AgingAmounts & { currency: string; invoiceCount: number })[];
};
