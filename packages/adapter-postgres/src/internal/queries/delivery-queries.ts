import { type Delivery, NotFoundError, type StoreTransaction } from "@remit/core";
import { assertSameTenant, assignments, insertInto, isoColumn, type Scope } from "../sql-helpers";

const deliverySelect = `
  tenant_id AS "tenantId", id, invoice_id AS "invoiceId", purpose,
  credit_note_id AS "creditNoteId", quote_id AS "quoteId", channel, recipient, status,
  provider_status AS "providerStatus", provider_message_id AS "providerMessageId", reason,
  source_id AS "sourceId", ${isoColumn("scheduled_for")} AS "scheduledFor", attempts,
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt"`;

const deliveryColumns = [
  "invoice_id",
  "purpose",
  "credit_note_id",
  "quote_id",
  "channel",
  "recipient",
  "status",
  "provider_status",
  "provider_message_id",
  "reason",
  "source_id",
  "scheduled_for",
  "attempts",
  "created_at",
  "updated_at",
] as const;

function deliveryValues(delivery: Delivery): unknown[] {
  return [
    delivery.invoiceId,
    delivery.purpose,
    delivery.creditNoteId ?? null,
    delivery.quoteId ?? null,
    delivery.channel,
    delivery.recipient,
    delivery.status,
    delivery.providerStatus,
    delivery.providerMessageId,
    delivery.reason,
    delivery.sourceId,
    delivery.scheduledFor,
    delivery.attempts,
    delivery.createdAt,
    delivery.updatedAt,
  ];
}

export function createDeliveryQueries(scope: Scope): StoreTransaction["deliveries"] {
  const { runner, tenantId, tables } = scope;
  const select = (where: string, params: unknown[]) =>
    runner.query<Delivery>(
      `SELECT ${deliverySelect} FROM ${tables.deliveries} WHERE tenant_id = $1 AND ${where} ORDER BY id`,
      [tenantId, ...params],
    );

  return {
    async get({ id }) {
      return (await select("id = $2", [id])).rows[0];
    },
    async insert({ record: delivery }) {
      assertSameTenant(scope, delivery, "delivery");
      // A message is sent once per source, channel and recipient: a repeat writes nothing.
      const { rowCount } = await runner.query(
        `${insertInto(tables.deliveries, ["tenant_id", "id", ...deliveryColumns])}
         ON CONFLICT (tenant_id, source_id, channel, recipient) DO NOTHING`,
        [tenantId, delivery.id, ...deliveryValues(delivery)],
      );
      return rowCount === 1;
    },
    async update({ record: delivery }) {
      assertSameTenant(scope, delivery, "delivery");
      const { rowCount } = await runner.query(
        `UPDATE ${tables.deliveries} SET ${assignments(deliveryColumns, 3)} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, delivery.id, ...deliveryValues(delivery)],
      );
      if (rowCount === 0) throw new NotFoundError({ resource: "delivery", id: delivery.id });
    },
    async listByInvoice({ invoiceId }) {
      return (await select("invoice_id = $2", [invoiceId])).rows;
    },
    async listByQuote({ quoteId }) {
      return (await select("quote_id = $2", [quoteId])).rows;
    },
    async findByProviderMessageId({ providerMessageId }) {
      return (await select("provider_message_id = $2", [providerMessageId])).rows[0];
    },
  };
}
