import { parseWithSchema } from "@remit/core";
import { z } from "zod";

/** PostgreSQL keeps these settings as a 32-bit count of milliseconds; 0 would mean "no limit". */
const millisecondsSchema = z.number().int().min(1).max(2_147_483_647);

const storeTimeoutsSchema = z.object({
  statementTimeout: millisecondsSchema.optional(),
  idleInTransactionTimeout: millisecondsSchema.optional(),
});

const migrateTimeoutsSchema = z.object({
  lockTimeout: millisecondsSchema.default(10_000),
});

export type StoreTimeouts = z.infer<typeof storeTimeoutsSchema>;

/** Reads `statementTimeout` and `idleInTransactionTimeout` of the store's options. */
export function parseStoreTimeouts(options: unknown): StoreTimeouts {
  return parseWithSchema(storeTimeoutsSchema, options, { pathPrefix: "options" });
}

/** Reads `lockTimeout` of `migrate`'s options (default 10 seconds). */
export function parseMigrateTimeouts(options: unknown): z.output<typeof migrateTimeoutsSchema> {
  return parseWithSchema(migrateTimeoutsSchema, options, { pathPrefix: "options" });
}
