import {
  IdempotencyKeyTakenError,
  NotFoundError,
  type Payment,
  type Refund,
  type StoreTransaction,
} from "@remit/core";
import {
  assertSameTenant,
  assignments,
  insertInto,
  isoColumn,
  json,
  type Scope,
} from "../sql-helpers";

const paymentSelect = `
  tenant_id AS "tenantId", id, invoice_id AS "invoiceId", amount::text AS amount, currency, method,
  reference, provider, quote_id AS "quoteId", status, ${isoColumn("received_at")} AS "receivedAt",
  idempotency_key AS "idempotencyKey", actor, ${isoColumn("created_at")} AS "createdAt"`;

const paymentColumns = [
  "invoice_id",
  "amount",
  "currency",
  "method",
  "reference",
  "provider",
  "quote_id",
  "status",
  "received_at",
  "idempotency_key",
  "actor",
  "created_at",
] as const;

function paymentValues(payment: Payment): unknown[] {
  return [
    payment.invoiceId,
    payment.amount,
    payment.currency,
    payment.method,
    payment.reference,
    payment.provider,
    payment.quoteId,
    payment.status,
    payment.receivedAt,
    payment.idempotencyKey,
    json(payment.actor),
    payment.createdAt,
  ];
}

const refundSelect = `
  tenant_id AS "tenantId", id, invoice_id AS "invoiceId", payment_id AS "paymentId",
  amount::text AS amount, currency, status, reason, provider, provider_refund_id AS "providerRefundId",
  idempotency_key AS "idempotencyKey", actor, ${isoColumn("created_at")} AS "createdAt",
  ${isoColumn("updated_at")} AS "updatedAt"`;

const refundColumns = [
  "invoice_id",
  "payment_id",
  "amount",
  "currency",
  "status",
  "reason",
  "provider",
  "provider_refund_id",
  "idempotency_key",
  "actor",
  "created_at",
  "updated_at",
] as const;

function refundValues(refund: Refund): unknown[] {
  return [
    refund.invoiceId,
    refund.paymentId,
    refund.amount,
    refund.currency,
    refund.status,
    refund.reason,
    refund.provider,
    refund.providerRefundId,
    refund.idempotencyKey,
    json(refund.actor),
    refund.createdAt,
    refund.updatedAt,
  ];
}

/**
 * Inserts a payment or refund unless its idempotency key is taken. `ON CONFLICT DO NOTHING` waits
 * for a concurrent insert of the same key and, once that one commits, writes nothing: the
 * transaction stays usable and the core replays the first request (`IdempotencyKeyTakenError`).
 */
async function insertOnce(
  scope: Scope,
  table: string,
  columns: readonly string[],
  values: unknown[],
  key: string,
): Promise<void> {
  const { rowCount } = await scope.runner.query(
    `${insertInto(table, ["tenant_id", "id", ...columns])}
     ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
    values,
  );
  if (rowCount === 0) throw new IdempotencyKeyTakenError({ key });
}

export function createPaymentQueries(scope: Scope): StoreTransaction["payments"] {
  const { runner, tenantId, tables } = scope;
  const select = (where: string, params: unknown[]) =>
    runner.query<Payment>(
      `SELECT ${paymentSelect} FROM ${tables.payments} WHERE tenant_id = $1 AND ${where} ORDER BY id`,
      [tenantId, ...params],
    );

  return {
    async get({ id }) {
      return (await select("id = $2", [id])).rows[0];
    },
    async insert({ record: payment }) {
      assertSameTenant(scope, payment, "payment");
      await insertOnce(
        scope,
        tables.payments,
        paymentColumns,
        [tenantId, payment.id, ...paymentValues(payment)],
        payment.idempotencyKey,
      );
    },
    async update({ record: payment }) {
      assertSameTenant(scope, payment, "payment");
      const { rowCount } = await runner.query(
        `UPDATE ${tables.payments} SET ${assignments(paymentColumns, 3)} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, payment.id, ...paymentValues(payment)],
      );
      if (rowCount === 0) throw new NotFoundError({ resource: "payment", id: payment.id });
    },
    async listByInvoice({ invoiceId }) {
      return (await select("invoice_id = $2", [invoiceId])).rows;
    },
    async listByQuote({ quoteId }) {
      // Every payment carrying the quote's id; the core tells deposits and applied ones apart.
      return (await select("quote_id = $2", [quoteId])).rows;
    },
  };
}

export function createRefundQueries(scope: Scope): StoreTransaction["refunds"] {
  const { runner, tenantId, tables } = scope;
  const select = (where: string, params: unknown[]) =>
    runner.query<Refund>(
      `SELECT ${refundSelect} FROM ${tables.refunds} WHERE tenant_id = $1 AND ${where} ORDER BY id`,
      [tenantId, ...params],
    );

  return {
    async get({ id }) {
      return (await select("id = $2", [id])).rows[0];
    },
    async insert({ record: refund }) {
      assertSameTenant(scope, refund, "refund");
      await insertOnce(
        scope,
        tables.refunds,
        refundColumns,
        [tenantId, refund.id, ...refundValues(refund)],
        refund.idempotencyKey,
      );
    },
    async update({ record: refund }) {
      assertSameTenant(scope, refund, "refund");
      const { rowCount } = await runner.query(
        `UPDATE ${tables.refunds} SET ${assignments(refundColumns, 3)} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, refund.id, ...refundValues(refund)],
      );
      if (rowCount === 0) throw new NotFoundError({ resource: "refund", id: refund.id });
    },
    async listByPayment({ paymentId }) {
      return (await select("payment_id = $2", [paymentId])).rows;
    },
    async listByInvoice({ invoiceId }) {
      return (await select("invoice_id = $2", [invoiceId])).rows;
    },
  };
}
