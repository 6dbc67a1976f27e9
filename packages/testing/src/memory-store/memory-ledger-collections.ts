import {
  IdempotencyKeyTakenError,
  NotFoundError,
  type OutboxJob,
  type StoreTransaction,
  ValidationError,
} from "@remit/core";

import { groupKey } from "./memory-table";
import type { MemoryTransactionContext } from "./memory-transaction-context";
import { byId, decodeCursor, encodeCursor } from "./versioned-records";

/** The feed position inside an events cursor; a cursor no page returned is refused. */
function decodePosition(cursor: string): number {
  const position = decodeCursor(cursor);
  if (!/^(0|[1-9][0-9]{0,14})$/.test(position)) {
    throw new ValidationError({
      issues: [{ path: "cursor", message: "is not a cursor from a previous page" }],
    });
  }
  return Number(position);
}

/** Money and messages: payments, refunds, deliveries, events with their outbox jobs, idempotency keys. */
export function ledgerAndOutboxCollections(context: MemoryTransactionContext) {
  const { state, t, undo, own, mustExist, indexAdd, indexList } = context;
  return {
    payments: {
      get: async ({ id }) => state.payments.get(t, id),
      insert: async ({ record: payment }) => {
        const keyGroup = groupKey(t, "payment-key", payment.idempotencyKey);
        if (state.index.groups.get(keyGroup)?.size)
          throw new IdempotencyKeyTakenError({ key: payment.idempotencyKey });
        indexAdd(keyGroup, payment.id);
        state.payments.set(t, payment.id, own(payment), undo);
        if (payment.invoiceId)
          indexAdd(groupKey(t, "invoice-payments", payment.invoiceId), payment.id);
        if (payment.quoteId) indexAdd(groupKey(t, "quote-payments", payment.quoteId), payment.id);
      },
      update: async ({ record: payment }) => {
        const current = state.payments.get(t, payment.id);
        if (!current) throw new NotFoundError({ resource: "payment", id: payment.id });
        state.payments.set(t, payment.id, own(payment), undo);
        if (payment.invoiceId && payment.invoiceId !== current.invoiceId) {
          indexAdd(groupKey(t, "invoice-payments", payment.invoiceId), payment.id);
        }
      },
      listByInvoice: async ({ invoiceId }) =>
        indexList(state.payments, groupKey(t, "invoice-payments", invoiceId))
          .filter((payment) => payment.invoiceId === invoiceId)
          .sort(byId),
      listByQuote: async ({ quoteId }) =>
        indexList(state.payments, groupKey(t, "quote-payments", quoteId)).sort(byId),
    },
    refunds: {
      get: async ({ id }) => state.refunds.get(t, id),
      insert: async ({ record: refund }) => {
        // Unique per tenant and key, as payments are (and as the SQL store's index has it).
        const keyGroup = groupKey(t, "refund-key", refund.idempotencyKey);
        if (state.index.groups.get(keyGroup)?.size)
          throw new IdempotencyKeyTakenError({ key: refund.idempotencyKey });
        state.refunds.set(t, refund.id, own(refund), undo);
        indexAdd(keyGroup, refund.id);
        indexAdd(groupKey(t, "payment-refunds", refund.paymentId), refund.id);
        if (refund.invoiceId) indexAdd(groupKey(t, "invoice-refunds", refund.invoiceId), refund.id);
      },
      update: async ({ record: refund }) => {
        const current = state.refunds.get(t, refund.id);
        if (!current) throw new NotFoundError({ resource: "refund", id: refund.id });
        state.refunds.set(t, refund.id, own(refund), undo);
        if (refund.invoiceId && refund.invoiceId !== current.invoiceId) {
          indexAdd(groupKey(t, "invoice-refunds", refund.invoiceId), refund.id);
        }
      },
      listByPayment: async ({ paymentId }) =>
        indexList(state.refunds, groupKey(t, "payment-refunds", paymentId)).sort(byId),
      listByInvoice: async ({ invoiceId }) =>
        indexList(state.refunds, groupKey(t, "invoice-refunds", invoiceId))
          .filter((refund) => refund.invoiceId === invoiceId)
          .sort(byId),
    },
    deliveries: {
      get: async ({ id }) => state.deliveries.get(t, id),
      insert: async ({ record: delivery }) => {
        const unique = groupKey(
          t,
          "delivery-source",
          delivery.sourceId,
          delivery.channel,
          delivery.recipient,
        );
        if (state.index.groups.get(unique)?.size) return false;
        indexAdd(unique, delivery.id);
        state.deliveries.set(t, delivery.id, own(delivery), undo);
        if (delivery.invoiceId)
          indexAdd(groupKey(t, "invoice-deliveries", delivery.invoiceId), delivery.id);
        if (delivery.quoteId)
          indexAdd(groupKey(t, "quote-deliveries", delivery.quoteId), delivery.id);
        return true;
      },
      update: async ({ record: delivery }) => {
        mustExist(state.deliveries, "delivery", delivery.id);
        state.deliveries.set(t, delivery.id, own(delivery), undo);
      },
      listByInvoice: async ({ invoiceId }) =>
        indexList(state.deliveries, groupKey(t, "invoice-deliveries", invoiceId)).sort(byId),
      listByQuote: async ({ quoteId }) =>
        indexList(state.deliveries, groupKey(t, "quote-deliveries", quoteId)).sort(byId),
      findByProviderMessageId: async ({ providerMessageId }) =>
        state.deliveries
          .list(t)
          .sort(byId)
          .find((delivery) => delivery.providerMessageId === providerMessageId),
    },
    events: {
      append: async ({ events, runAt }) => {
        for (const event of events) {
          state.events.set(t, event.id, own(event), undo);
          indexAdd(groupKey(t, "subject-events", event.subject.id), event.id);
          const job: OutboxJob = {
            tenantId: t,
            id: `job_${event.id}`,
            kind: "event",
            runAt,
            status: "pending",
            attempts: 0,
            payload: { event },
            state: {},
            lockedBy: null,
            lockedUntil: null,
            lastError: null,
            createdAt: runAt,
            updatedAt: runAt,
          };
          state.jobs.set(t, job.id, job, undo);
        }
      },
      listBySubject: async ({ subjectId }) =>
        indexList(state.events, groupKey(t, "subject-events", subjectId)),
      // One transaction at a time, so append order is commit order: an event's position is its
      // place in the tenant's list (a rolled-back append leaves the list as it was).
      list: async ({ cursor, after, limit }) => {
        const events = state.events.list(t);
        const start =
          cursor !== undefined
            ? decodePosition(cursor)
            : after === undefined
              ? 0
              : events.findIndex((event) => event.id === after) + 1;
        const items = events.slice(start, start + limit);
        return { items, nextCursor: encodeCursor(String(start + items.length)) };
      },
    },
    jobs: {
      insert: async ({ record: job }) => state.jobs.set(t, job.id, own(job), undo),
      get: async ({ id }) => state.jobs.get(t, id),
      cancelPendingForInvoice: async ({ invoiceId, kinds }) => {
        let count = 0;
        for (const job of state.jobs.list(t)) {
          if (
            job.status === "pending" &&
            kinds.includes(job.kind) &&
            job.payload.invoiceId === invoiceId
          ) {
            state.jobs.set(t, job.id, { ...job, status: "cancelled" }, undo);
            count++;
          }
        }
        return count;
      },
    },
    idempotency: {
      get: async ({ key }) => state.idempotency.get(t, key),
      put: async ({ record }) => {
        if (state.idempotency.has(t, record.key))
          throw new IdempotencyKeyTakenError({ key: record.key });
        state.idempotency.set(t, record.key, own(record), undo);
      },
      complete: async ({ key, result }) => {
        const record = state.idempotency.get(t, key);
        if (!record) throw new NotFoundError({ resource: "idempotency key", id: key });
        state.idempotency.set(t, key, { ...record, result }, undo);
      },
    },
  } satisfies Partial<StoreTransaction>;
}
