import type pg from "pg";
import type { KillRunMove } from "./kill-run-protocol";

/**
 * What is wrong in the database after a kill run, read with plain SQL (never through the store).
 * Every list is empty when the run converged; otherwise each entry names the rows.
 */
export type KillRunFindings = {
  /** Invoices whose sequence is not their rank in the tenant (a gap or a repeat), or whose number is not `INV-` and that rank. */
  misnumbered: string[];
  /** Issue keys without a completed record pointing at an invoice, or two keys on one invoice. */
  lostInvoices: string[];
  /** Invoices that no issue key points at: a move that ran twice. */
  unkeyedInvoices: string[];
  /** Payment keys without exactly one payment, on the invoice of the same work-list entry. */
  paymentsOffKey: string[];
  /** Payments under a key that is not in the work lists. */
  unexpectedPayments: string[];
  /** Invoices without exactly one payment, or not `paid` in full. */
  invoicesNotPaidOnce: string[];
  /** Invoices without exactly one each of created, issued, payment_recorded and paid. */
  invoiceEventsNotOnce: string[];
  /** Events about an invoice that does not exist. */
  eventsOfNoInvoice: string[];
  /** Events without exactly one `event` job carrying them (`payload.event.id`). */
  eventsWithoutOneJob: string[];
  /** `event` jobs whose event does not exist. */
  jobsWithoutEvent: string[];
  /** Tenants whose feed positions are not exactly 1..M, or whose counter is not at M. */
  positionGaps: string[];
  /** Idempotency records left without a result (a key taken by a move that never finished). */
  openKeys: string[];
};

export type KillRunTotals = { invoices: number; payments: number; events: number };

const invoiceEventTypes = [
  "invoice.created",
  "invoice.issued",
  "invoice.payment_recorded",
  "invoice.paid",
];

/** Lists of at most 10, then how many more, so a broken run's failure stays readable. */
function listed(rows: Record<string, unknown>[]): string[] {
  const lines = rows.slice(0, 10).map((row) => Object.values(row).map(String).join(" "));
  return rows.length > 10 ? [...lines, `… and ${rows.length - 10} more`] : lines;
}

export async function checkKillRun(
  pool: pg.Pool,
  schema: string,
  moves: readonly KillRunMove[],
): Promise<{ findings: KillRunFindings; totals: KillRunTotals }> {
  const s = `"${schema}"`;
  const query = async (sql: string, params: unknown[] = []) =>
    listed((await pool.query(sql, params)).rows);
  // The work lists, each issue key with the invoice its stored result names.
  const keyed = `WITH expected AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS e(tenant_id, invoice_key, payment_key)
    ), keyed AS (
      SELECT expected.*, k.result -> 'invoice' ->> 'id' AS invoice_id
      FROM expected LEFT JOIN ${s}.idempotency_keys k
        ON k.tenant_id = expected.tenant_id AND k.key = expected.invoice_key
    )`;
  const expected = [
    moves.map((move) => move.tenantId),
    moves.map((move) => move.invoiceKey),
    moves.map((move) => move.paymentKey),
  ];
  const findings: KillRunFindings = {
    misnumbered: await query(
      `SELECT tenant_id, id, number, sequence, rank FROM (
         SELECT tenant_id, id, number, sequence,
                row_number() OVER (PARTITION BY tenant_id ORDER BY sequence, id) AS rank
         FROM ${s}.invoices
       ) AS ranked
       WHERE sequence IS DISTINCT FROM rank
          OR number IS DISTINCT FROM 'INV-' || lpad(rank::text, 4, '0')
       ORDER BY tenant_id, rank`,
    ),
    lostInvoices: await query(
      `${keyed}
       SELECT keyed.tenant_id, keyed.invoice_key, 'no invoice' AS problem FROM keyed
       WHERE NOT EXISTS (SELECT 1 FROM ${s}.invoices i
                         WHERE i.tenant_id = keyed.tenant_id AND i.id = keyed.invoice_id)
       UNION ALL
       SELECT tenant_id, string_agg(invoice_key, ','), 'share ' || invoice_id FROM keyed
       WHERE invoice_id IS NOT NULL GROUP BY tenant_id, invoice_id HAVING count(*) > 1`,
      expected,
    ),
    unkeyedInvoices: await query(
      `${keyed}
       SELECT i.tenant_id, i.id, i.number FROM ${s}.invoices i
       WHERE NOT EXISTS (SELECT 1 FROM keyed
                         WHERE keyed.tenant_id = i.tenant_id AND keyed.invoice_id = i.id)
       ORDER BY i.tenant_id, i.sequence`,
      expected,
    ),
    paymentsOffKey: await query(
      `${keyed}
       SELECT keyed.tenant_id, keyed.payment_key, count(p.id) AS payments,
              count(p.id) FILTER (WHERE p.invoice_id = keyed.invoice_id) AS on_its_invoice
       FROM keyed LEFT JOIN ${s}.payments p
         ON p.tenant_id = keyed.tenant_id AND p.idempotency_key = keyed.payment_key
       GROUP BY keyed.tenant_id, keyed.payment_key, keyed.invoice_id
       HAVING count(p.id) <> 1 OR count(p.id) FILTER (WHERE p.invoice_id = keyed.invoice_id) <> 1`,
      expected,
    ),
    unexpectedPayments: await query(
      `SELECT p.tenant_id, p.id, p.idempotency_key FROM ${s}.payments p
       WHERE NOT EXISTS (
         SELECT 1 FROM unnest($1::text[], $2::text[]) AS e(tenant_id, payment_key)
         WHERE e.tenant_id = p.tenant_id AND e.payment_key = p.idempotency_key
       )`,
      [expected[0], expected[2]],
    ),
    invoicesNotPaidOnce: await query(
      `SELECT i.tenant_id, i.id, i.status, i.amount_paid, i.total, count(p.id) AS payments
       FROM ${s}.invoices i LEFT JOIN ${s}.payments p
         ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id
       GROUP BY i.tenant_id, i.id
       HAVING count(p.id) <> 1 OR i.status <> 'paid' OR i.amount_paid <> i.total`,
    ),
    invoiceEventsNotOnce: await query(
      `SELECT i.tenant_id, i.id, wanted.type, count(e.id) AS events
       FROM ${s}.invoices i CROSS JOIN unnest($1::text[]) AS wanted(type)
       LEFT JOIN ${s}.events e
         ON e.tenant_id = i.tenant_id AND e.subject_id = i.id AND e.type = wanted.type
       GROUP BY i.tenant_id, i.id, wanted.type HAVING count(e.id) <> 1`,
      [invoiceEventTypes],
    ),
    eventsOfNoInvoice: await query(
      `SELECT e.tenant_id, e.id, e.type, e.subject_id FROM ${s}.events e
       WHERE e.subject_type = 'invoice' AND NOT EXISTS (
         SELECT 1 FROM ${s}.invoices i WHERE i.tenant_id = e.tenant_id AND i.id = e.subject_id)`,
    ),
    eventsWithoutOneJob: await query(
      `SELECT e.tenant_id, e.id, e.type, count(j.id) AS jobs
       FROM ${s}.events e LEFT JOIN ${s}.outbox_jobs j
         ON j.tenant_id = e.tenant_id AND j.kind = 'event' AND j.payload -> 'event' ->> 'id' = e.id
       GROUP BY e.tenant_id, e.id, e.type HAVING count(j.id) <> 1`,
    ),
    jobsWithoutEvent: await query(
      `SELECT j.tenant_id, j.id FROM ${s}.outbox_jobs j
       WHERE j.kind = 'event' AND NOT EXISTS (
         SELECT 1 FROM ${s}.events e
         WHERE e.tenant_id = j.tenant_id AND e.id = j.payload -> 'event' ->> 'id')`,
    ),
    positionGaps: await query(
      `SELECT tenant.tenant_id, count(e.position) AS events, min(e.position) AS first,
              max(e.position) AS last, count(DISTINCT e.position) AS distinct_positions,
              max(head.last_position) AS counter
       FROM (SELECT tenant_id FROM ${s}.events UNION SELECT tenant_id FROM ${s}.event_positions)
         AS tenant
       LEFT JOIN ${s}.events e ON e.tenant_id = tenant.tenant_id
       LEFT JOIN ${s}.event_positions head ON head.tenant_id = tenant.tenant_id
       GROUP BY tenant.tenant_id
       HAVING min(e.position) IS DISTINCT FROM 1 OR max(e.position) <> count(e.position)
           OR count(DISTINCT e.position) <> count(e.position)
           OR max(head.last_position) IS DISTINCT FROM count(e.position)`,
    ),
    openKeys: await query(
      `SELECT tenant_id, key FROM ${s}.idempotency_keys WHERE result IS NULL ORDER BY tenant_id, key`,
    ),
  };
  const { rows } = await pool.query<KillRunTotals>(
    `SELECT (SELECT count(*)::int FROM ${s}.invoices) AS invoices,
            (SELECT count(*)::int FROM ${s}.payments) AS payments,
            (SELECT count(*)::int FROM ${s}.events) AS events`,
  );
  return { findings, totals: rows[0] as KillRunTotals };
}

/** The findings of a run where nothing went wrong, for `toEqual`. */
export const noFindings: KillRunFindings = {
  misnumbered: [],
  lostInvoices: [],
  unkeyedInvoices: [],
  paymentsOffKey: [],
  unexpectedPayments: [],
  invoicesNotPaidOnce: [],
  invoiceEventsNotOnce: [],
  eventsOfNoInvoice: [],
  eventsWithoutOneJob: [],
  jobsWithoutEvent: [],
  positionGaps: [],
  openKeys: [],
};
