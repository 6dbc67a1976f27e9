import { describeStoreConformance, type StoreProbe } from "@remit/testing";
import { afterAll, beforeAll, describe } from "vitest";
import { type BackendKind, type OpenOptions, openBackend, type TestBackend } from "./backends";

const tables: Record<Parameters<StoreProbe["count"]>[1], string> = {
  invoices: "invoices",
  revisions: "invoice_revisions",
  payments: "payments",
  refunds: "refunds",
  events: "events",
  jobs: "outbox_jobs",
  deliveries: "deliveries",
  idempotency: "idempotency_keys",
  creditNotes: "credit_notes",
  creditApplications: "credit_applications",
};

/** Reads the tables with plain SQL, not through the adapter. */
function probeOf({ query, schema }: TestBackend): StoreProbe {
  return {
    invoice: async (tenantId, id) =>
      (
        await query<{ status: string; version: number; number: string | null; amountPaid: string }>(
          `SELECT status, version, number, amount_paid::text AS "amountPaid"
           FROM "${schema}".invoices WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id],
        )
      )[0],
    count: async (tenantId, table) =>
      (
        await query<{ count: number }>(
          `SELECT count(*)::int AS count FROM "${schema}".${tables[table]} WHERE tenant_id = $1`,
          [tenantId],
        )
      )[0]?.count ?? 0,
    invoiceNumbers: async (tenantId) =>
      (
        await query<{ number: string }>(
          `SELECT number FROM "${schema}".invoices WHERE tenant_id = $1 AND number IS NOT NULL`,
          [tenantId],
        )
      ).map((row) => row.number),
    creditNoteNumbers: async (tenantId) =>
      (
        await query<{ number: string }>(
          `SELECT number FROM "${schema}".credit_notes WHERE tenant_id = $1`,
          [tenantId],
        )
      ).map((row) => row.number),
    planOccurrenceDates: async (tenantId, planId) =>
      (
        await query<{ date: string }>(
          `SELECT to_char(occurrence_date, 'YYYY-MM-DD') AS date FROM "${schema}".plan_occurrences
           WHERE tenant_id = $1 AND plan_id = $2 ORDER BY occurrence_date`,
          [tenantId, planId],
        )
      ).map((row) => row.date),
    invoiceProgress: async (tenantId, id) =>
      (
        await query<{ progress: unknown }>(
          `SELECT progress FROM "${schema}".invoices WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id],
        )
      )[0]?.progress,
    quote: async (tenantId, id) =>
      (
        await query<{ publicToken: string | null; depositRequired: string | null }>(
          `SELECT public_token AS "publicToken", deposit_required::text AS "depositRequired"
           FROM "${schema}".quotes WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id],
        )
      )[0],
  };
}

/**
 * The store conformance suite from `@remit/testing` on one backend: `npm test` runs it on PGlite
 * and on a real server, `npm run test:citus` on a Citus coordinator. `after` adds cases that run
 * once the suite is done, with the same backend still open.
 */
export function describeConformance(
  name: string,
  kind: BackendKind,
  options: OpenOptions = {},
  after?: (backend: () => TestBackend) => void,
): void {
  describe(name, () => {
    let backend: TestBackend | undefined;
    const open = () => {
      if (!backend) throw new Error("the backend opens in beforeAll");
      return backend;
    };
    beforeAll(async () => {
      backend = await openBackend(kind, options);
    });
    afterAll(() => backend?.close());

    describeStoreConformance({
      name,
      reset: () => open().reset(),
      createStore: () => open().store,
      probe: () => probeOf(open()),
    });
    after?.(open);
  });
}
