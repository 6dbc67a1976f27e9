import type { Invoice } from "../../invoices/invoice";
import type { Quote } from "../../quotes/quote";
import type { Tenant } from "../../tenants/tenant-settings";
import type { OutboxClaims } from "./outbox-claims";
import type { StoreTransaction } from "./store-transaction";

/**
 * What differs between backends.
 * @group Store port
 */
export type StoreCapabilities = {
  /** True when several processes may share the store (PostgreSQL); false in memory. */
  readonly multiProcess: boolean;
};

/**
 * The storage port: where Remit keeps tenants, customers, work orders, quotes, invoices with their
 * revisions, payments, refunds, deliveries, events and outbox jobs. One type per collection
 * (`InvoiceCollection`, `PaymentCollection`, …) makes up the `StoreTransaction` a move works in;
 * every method takes one input object.
 *
 * The contract every adapter keeps (and `describeStoreConformance` from `@remit/testing` checks):
 * - **One transaction per move.** `transaction` runs `work` atomically: every write inside it
 *   commits together or not at all. If `work` throws, nothing it wrote is kept and the error is
 *   rethrown unchanged. A failure of the backend itself is thrown as `StoreUnavailableError`.
 * - **Tenant scoping.** A transaction is opened for one tenant; every read and write in it sees and
 *   touches that tenant's rows only. A record of another tenant is "not found", never returned.
 * - **Optimistic concurrency.** `get({ id, forUpdate: true })` returns the record and holds it
 *   until the transaction ends, so a second mover waits and then sees the new `version`. `update`
 *   writes only if the stored version is still `expectedVersion`, and throws `ConcurrencyError`
 *   otherwise.
 * - **Gapless numbers.** `sequences.next({ series })` returns 1, 2, 3… per tenant and series.
 * - **Outbox.** `events.append` stores the events and, in the same transaction, one `event` job
 *   (payload `{ event }`) per event, due at once. Jobs are claimed by one worker at a time.
 * - **Idempotency.** `idempotency.put` of a key that exists for the tenant throws
 *   `IdempotencyKeyTakenError` (the core then replays the stored result). Keys are kept forever.
 * - Remit never deletes; the store needs no delete.
 *
 * `v2` (0.2.0) split the `v1` type into collections and gave every method one input object.
 *
 * @since 0.1.0
 * @group Store port
 */
export type InvoiceStore = OutboxClaims & {
  readonly specificationVersion: "v2";
  /** What this backend does differently. */
  readonly capabilities: StoreCapabilities;

  /**
   * Runs `work` in one transaction scoped to `tenantId`, and returns what `work` returns. With
   * `readOnly`, `work` only reads, and every read sees the same moment (PostgreSQL: REPEATABLE
   * READ READ ONLY), so a record and its parts are never read from two moments. A connection lost
   * during commit is thrown as `OutcomeUnknownError`: the work may or may not have been saved.
   *
   * `singleStatement` (with `readOnly`) promises that `work` makes at most one read: a store may
   * then run it without a transaction around it (one statement sees one moment anyway), saving
   * PostgreSQL's `BEGIN` and `COMMIT` round trips. Stores that ignore it stay correct.
   */
  transaction<T>(input: {
    tenantId: string;
    work: (transaction: StoreTransaction) => Promise<T>;
    readOnly?: boolean;
    /** @since 0.2.0 */
    singleStatement?: boolean;
  }): Promise<T>;

  /**
   * Finds an issued invoice by its public token, across tenants (the customer's hosted page has
   * no tenant). Tokens match exactly, case included. Returns `undefined` when no invoice has that
   * token.
   */
  findInvoiceByPublicToken(input: { token: string }): Promise<Invoice | undefined>;

  /**
   * Finds a sent quote by its public token, across tenants (the hosted quote page has no tenant).
   * Quote and invoice tokens share one space: a token is unique across tenants and across both
   * kinds, and a quote's token never finds an invoice nor an invoice's a quote. Tokens match
   * exactly, case included. Returns `undefined` when no quote has that token.
   *
   * Optional so that stores written before it keep working: `remit.quotes.getByPublicToken`
   * then throws `NotSupportedError`.
   *
   * @since 0.3.0
   */
  findQuoteByPublicToken?(input: { token: string }): Promise<Quote | undefined>;

  /**
   * Finds the tenant whose settings hold `accountId` as its account at `provider`
   * (`tenant.paymentAccounts[provider].accountId`), across tenants: a provider's webhook names
   * the account, not the tenant (Stripe's `account.application.deauthorized`). Ids match exactly,
   * case included. Returns `undefined` when no tenant's saved settings hold that account now (a
   * tenant that replaced the account no longer matches it), and the tenant's settings as `put`
   * saved them otherwise, disconnected accounts included. One account belongs to one tenant;
   * should two tenants' settings name the same account, either may be returned.
   *
   * Optional so that stores written before it keep working: Remit then walks `listTenantIds`
   * and reads each tenant's settings, which is slow with many tenants.
   *
   * @since 0.2.0
   */
  findTenantByPaymentAccount?(input: {
    provider: string;
    accountId: string;
  }): Promise<Tenant | undefined>;

  /**
   * Ids of every tenant that has settings, a customer, an invoice, a work order or a quote (where a
   * tenant's data starts; writes that were rolled back do not count), in id order after `after`,
   * at most `limit`: for sweeps that run across tenants (past due, quote expiry).
   */
  listTenantIds(input: { after?: string; limit: number }): Promise<string[]>;
};
