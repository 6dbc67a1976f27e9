import type { InvoiceStore, StoreTransaction } from "@remit/core";
import type { PostgresClient } from "./client-types";
import { createDistributionCheck } from "./internal/distribution";
import { parseNotifyChannel } from "./internal/notify-channel";
import {
  createCreditApplicationQueries,
  createCreditNoteQueries,
} from "./internal/queries/credit-queries";
import { createCrossTenantQueries } from "./internal/queries/cross-tenant-queries";
import { createCustomerQueries } from "./internal/queries/customer-queries";
import { createDeliveryQueries } from "./internal/queries/delivery-queries";
import { createEventQueries } from "./internal/queries/event-queries";
import { createIdempotencyQueries } from "./internal/queries/idempotency-queries";
import { createInvoiceQueries } from "./internal/queries/invoice-queries";
import { completeJob, createJobQueries, failJob } from "./internal/queries/job-queries";
import { createPaymentQueries, createRefundQueries } from "./internal/queries/payment-queries";
import { createPlanOccurrenceQueries, createPlanQueries } from "./internal/queries/plan-queries";
import { createQuoteQueries } from "./internal/queries/quote-queries";
import { createRevisionQueries } from "./internal/queries/revision-queries";
import { createSequenceQueries } from "./internal/queries/sequence-queries";
import { createTenantQueries } from "./internal/queries/tenant-queries";
import { createWorkOrderQueries } from "./internal/queries/work-order-queries";
import { defaultSchema, quoteSchema } from "./internal/schema-name";
import { createSqlClient, type SqlRunner } from "./internal/sql-client";
import { createTables, type Scope } from "./internal/sql-helpers";
import { parseStoreTimeouts } from "./internal/timeout-options";

/**
 * Options of `createPostgresStore`.
 * @group Store
 */
export type PostgresStoreOptions = {
  /**
   * A `pg` `Pool` (a real server, shared by any number of processes) or a `PGlite` instance
   * (PostgreSQL in this process, for apps and examples that run with nothing installed).
   * The store borrows it: it never ends the pool or closes PGlite.
   */
  client: PostgresClient;
  /** The schema `migrate` created the tables in. Default `"remit"`. */
  schema?: string;
  /**
   * The longest any one statement may run, in milliseconds, waiting for locks included
   * (PostgreSQL's `statement_timeout`, set with `SET LOCAL` in each of the store's transactions).
   * A statement cut short fails the move with the retryable `StoreUnavailableError`, and the
   * transaction is rolled back. Default: the server's setting (usually none). A `pg` Pool only:
   * PGlite cannot enforce it.
   *
   * @since 0.2.0
   */
  statementTimeout?: number;
  /**
   * The longest one of the store's transactions may sit idle between two statements, in
   * milliseconds (PostgreSQL's `idle_in_transaction_session_timeout`, set with `SET LOCAL`). The
   * server then ends the session, releasing its locks, and the move fails with the retryable
   * `StoreUnavailableError`: a stalled process cannot hold an invoice's lock forever. Default: the
   * server's setting (usually none). A `pg` Pool only.
   *
   * @since 0.2.0
   */
  idleInTransactionTimeout?: number;
  /**
   * A channel to announce each move on: the statement that appends a move's events also runs
   * `pg_notify(channel, tenantId)`, which PostgreSQL delivers to every listener on COMMIT (and
   * never for a rolled-back move). `createPostgresChangeFeed` listens to it, so caches in other
   * processes (the hosted page's, in `@remit/server`) drop what a move changed. Set it in every
   * process that writes to the database. Default: no notifications, the statement unchanged.
   *
   * @since 0.2.0
   */
  notifyChannel?: string;
};

/**
 * Remit's invoice store on PostgreSQL. Run `migrate(client)` first (once per deploy, or at every
 * boot: it is safe to repeat and to run concurrently).
 *
 * Every move is one database transaction (`READ COMMITTED`); invoices are locked with
 * `SELECT … FOR UPDATE` and written with an optimistic `version` check; invoice numbers come from a
 * counter row bumped in the same transaction, so they have no gaps; outbox jobs are claimed with
 * `FOR UPDATE SKIP LOCKED`. A database that cannot be reached, or that aborts the transaction
 * (deadlock, serialization failure, terminated backend), surfaces as the retryable
 * `StoreUnavailableError`, and so does a connection the server ends at any moment (the store
 * listens for `error` on the pool and on each of its connections, so the process lives on).
 * `statementTimeout` and `idleInTransactionTimeout` bound how long one statement, or one idle
 * transaction, may hold the database.
 *
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresStore, migrate } from "@remit/adapter-postgres";
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = createPostgresStore({ client: pool, statementTimeout: 5_000 });
 * ```
 *
 * @example PGlite, in-process:
 * ```ts
 * import { PGlite } from "@electric-sql/pglite";
 *
 * const db = await PGlite.create("./.remit-data");
 * await migrate(db);
 * const store = createPostgresStore({ client: db });
 * ```
 * @group Store
 */
export function createPostgresStore(options: PostgresStoreOptions): InvoiceStore {
  const notifyChannel = parseNotifyChannel(options.notifyChannel);
  const sql = createSqlClient(options.client, parseStoreTimeouts(options));
  const tables = createTables(quoteSchema(options.schema ?? defaultSchema));
  const distribution = createDistributionCheck(sql, tables);

  return {
    specificationVersion: "v2",
    capabilities: { multiProcess: sql.multiProcess },

    async transaction({ tenantId, work, readOnly, singleStatement }) {
      if (typeof tenantId !== "string" || tenantId === "") {
        throw new TypeError("transaction: tenantId must be a non-empty string");
      }
      // Asked once per store, before the first transaction (PGlite has one connection).
      const distributed = await distribution.isDistributed();
      const inScope = (runner: SqlRunner) => {
        const scope: Scope = {
          runner,
          tenantId,
          tables,
          distributed,
          ...(notifyChannel ? { notifyChannel } : {}),
        };
        const transaction: StoreTransaction = {
          tenantId,
          tenants: createTenantQueries(scope),
          customers: createCustomerQueries(scope),
          invoices: createInvoiceQueries(scope),
          workOrders: createWorkOrderQueries(scope),
          quotes: createQuoteQueries(scope),
          revisions: createRevisionQueries(scope),
          sequences: createSequenceQueries(scope),
          payments: createPaymentQueries(scope),
          refunds: createRefundQueries(scope),
          deliveries: createDeliveryQueries(scope),
          events: createEventQueries(scope),
          jobs: createJobQueries(scope),
          idempotency: createIdempotencyQueries(scope),
          creditNotes: createCreditNoteQueries(scope),
          creditApplications: createCreditApplicationQueries(scope),
          plans: createPlanQueries(scope),
          planOccurrences: createPlanOccurrenceQueries(scope),
        };
        return work(transaction);
      };
      // One read sees one moment on its own: no BEGIN and COMMIT around it (two round trips, and
      // on a pool the connection held between them). With a statement timeout the single runner
      // still makes the short transaction that sets it.
      if (readOnly && singleStatement) return await inScope(sql);
      return await sql.transaction(inScope, { readOnly });
    },

    // The reads across tenants (public token, payment account, job claims, tenant ids): the same on
    // one server and on Citus.
    ...createCrossTenantQueries(sql, tables, distribution),
    completeJob: (input) => completeJob(sql, tables, input),
    failJob: (input) => failJob(sql, tables, input),
  };
}
