import type { CustomerSnapshot } from "../customers/customer";
import type { Actor } from "../service/actor";

/** One invoice line's part of a credit note: its share of the line, net and tax per rate. */
export type CreditNoteLine = {
  /** The invoice line credited (`totals.lines[].id`). */
  lineId: string;
  kind: string;
  description: string;
  /** The part of the line's `excludingTax` credited. */
  excludingTax: string;
  /** The part of the line's taxes credited, all rates. */
  tax: string;
  /** `excludingTax + tax`. */
  total: string;
  /** The part of each of the line's taxes credited, in the line's order. */
  taxes: { rateId: string; amount: string }[];
};

/** One tax rate's part of a credit note, over its lines. */
export type CreditNoteTax = {
  rateId: string;
  name: string;
  percent: string;
  inclusive: boolean;
  compound: boolean;
  amount: string;
};

/**
 * A credit note: part of an issued invoice the customer no longer owes, numbered in the tenant's
 * own gapless series for credit notes (`tenant.creditNoteNumberFormat`), with the taxes reversed
 * in the proportions the invoice charged them. Immutable once issued. Money is decimal strings in
 * `currency`.
 *
 * @since 0.3.0
 */
export type CreditNote = {
  tenantId: string;
  id: string;
  invoiceId: string;
  /** The invoice's number and revision when the note was issued. */
  invoiceNumber: string | null;
  invoiceRevision: number;
  /** E.g. `CN-0007`: never equal to an invoice number of the tenant. */
  number: string;
  series: string;
  sequence: number;
  currency: string;
  customer: CustomerSnapshot | null;
  /** The tenant's local date at issue (`YYYY-MM-DD`). */
  issueDate: string;
  reason: string;
  /** Only the lines credited, in the invoice's line order. */
  lines: CreditNoteLine[];
  /** One per rate credited, in the invoice's tax order. */
  taxes: CreditNoteTax[];
  excludingTax: string;
  taxTotal: string;
  /** What the invoice's amount due (or credit) moved by. */
  total: string;
  idempotencyKey: string | null;
  actor: Actor;
  createdAt: string;
};
