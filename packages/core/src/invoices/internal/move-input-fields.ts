import { z } from "zod";
import { textSchema } from "../../validation/text-schema";

/** A key that makes a retried request safe: the same key and arguments give the first result. */
export const idempotencyKeySchema = textSchema.min(1).max(255);

/** The version the caller read; a move against an older version is a `version_conflict`. */
export const expectedVersionSchema = z.number().int().min(1);

/** A record id as Remit makes them (`inv_01J…`), or the host app's own, at most 64 characters. */
export const recordIdSchema = textSchema.min(1).max(64);

/** Why a record is cancelled, declined or sent back: 1 to 1,000 characters. */
export const reasonSchema = textSchema.trim().min(1, "a reason is required").max(1_000);

/** A UTC ISO 8601 instant with offset, e.g. `2026-11-25T09:00:00Z`. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

/**
 * The fields every move on one record takes: its id, and optionally a version and a key.
 * @group Invoices
 */
export const recordMoveInputSchema = z.object({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/**
 * What an invoice or quote bills, as the moves take it. The parts are read in full by
 * `calculateInvoiceContent` (paths as in `calculateInvoice`); here they only need to be there.
 */
export const invoiceContentFields = {
  lines: z.array(z.unknown()).optional(),
  taxRates: z.array(z.unknown()).optional(),
  discounts: z.array(z.unknown()).optional(),
  fees: z.array(z.unknown()).optional(),
  rounding: z.unknown().optional(),
  memo: textSchema.max(5_000).optional(),
};
