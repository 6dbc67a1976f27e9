/**
 * Indexes for tables of millions of rows (issue 13). Every index is created with `IF NOT EXISTS`
 * under its final name, so on a large database they can be built beforehand with
 * `CREATE INDEX CONCURRENTLY` (see the README) and this migration only drops the old ones.
 *
 * - **The outbox claim.** Pending jobs in the claim's whole order, `(run_at, tenant_id, id)`, so a
 *   claim of `n` jobs reads `n` index entries and sorts nothing, at any backlog. It replaces
 *   `outbox_jobs_due_idx` (`run_at` alone). Cross-tenant on purpose, as before: any worker claims
 *   any tenant's jobs; partial, so it holds only pending jobs.
 * - **Invoices by work order.** `(tenant_id, work_order_id, id)`, for `list({ workOrderId })`
 *   newest first, cancelled invoices included (the unique index of version 2 leaves them out).
 *   Partial: the many invoices that come from no work order cost it nothing.
 * - **Text search.** The search is `search_text LIKE '%…%'`, which a btree on
 *   `(tenant_id, search_text)` can never serve (it serves prefixes): both are dropped. In their
 *   place a trigram GIN index, `(tenant_id, search_text gin_trgm_ops)`, when the server has
 *   `pg_trgm` and `btree_gin` (which lets `tenant_id` lead a GIN index, so one tenant's search
 *   reads that tenant's entries only). PGlite has them only when the app passes both to
 *   `PGlite.create({ extensions })`. Without them, or without the right to create them, the
 *   migration goes on without the index: search works the same, reading the tenant's rows.
 *   Extensions are installed where `CREATE EXTENSION` puts them (the first schema of the
 *   `search_path`, usually `public`), never in Remit's schema: dropping that schema must not take
 *   an extension that another schema's index uses.
 */
export function indexesForScale(s: string): string {
  return `
CREATE INDEX IF NOT EXISTS outbox_jobs_claim_idx ON ${s}.outbox_jobs (run_at, tenant_id, id)
  WHERE status = 'pending';
DROP INDEX IF EXISTS ${s}.outbox_jobs_due_idx;

CREATE INDEX IF NOT EXISTS invoices_work_order_idx ON ${s}.invoices (tenant_id, work_order_id, id)
  WHERE work_order_id IS NOT NULL;

DROP INDEX IF EXISTS ${s}.invoices_search_idx;
DROP INDEX IF EXISTS ${s}.customers_search_idx;

DO $remit$
DECLARE
  trigram_schema name;
BEGIN
  IF (SELECT count(*) FROM pg_available_extensions WHERE name IN ('pg_trgm', 'btree_gin')) = 2 THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS btree_gin;
    EXCEPTION
      -- Not allowed here (an untrusted extension before PostgreSQL 13, a managed server's
      -- allow-list), the files missing, or another schema's migration creating it right now (it
      -- committed first: the lookup below finds it). A lock timeout is not caught: the migration
      -- fails and can be run again.
      WHEN insufficient_privilege OR feature_not_supported OR undefined_file
        OR unique_violation OR duplicate_object THEN
        NULL;
    END;
  END IF;
  SELECT n.nspname INTO trigram_schema
  FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
  WHERE e.extname = 'pg_trgm';
  IF trigram_schema IS NOT NULL AND EXISTS (SELECT FROM pg_extension WHERE extname = 'btree_gin') THEN
    EXECUTE format(
      'CREATE INDEX IF NOT EXISTS invoices_search_trgm_idx ON ${s}.invoices
         USING gin (tenant_id, search_text %I.gin_trgm_ops)',
      trigram_schema);
    EXECUTE format(
      'CREATE INDEX IF NOT EXISTS customers_search_trgm_idx ON ${s}.customers
         USING gin (tenant_id, search_text %I.gin_trgm_ops)',
      trigram_schema);
  END IF;
END
$remit$;
`;
}
