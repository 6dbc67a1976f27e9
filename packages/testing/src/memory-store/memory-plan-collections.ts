import type { StoreTransaction } from "@remit/core";
import { groupKey } from "./memory-table";
import type { MemoryTransactionContext } from "./memory-transaction-context";
import { byStatusAndCustomer, versionedRecords } from "./versioned-records";

/**
 * Recurring plans and their taken dates. Transactions of the memory store run one at a time, so
 * holding a plan needs no lock; the occurrences' key (plan, date) is the SQL store's unique key.
 */
export function planCollections(
  context: MemoryTransactionContext,
): Pick<Required<StoreTransaction>, "plans" | "planOccurrences"> {
  const { state, t, undo, own } = context;
  const records = versionedRecords({
    table: state.plans,
    tenantId: t,
    resource: "Plan",
    own,
    undo,
  });
  return {
    plans: {
      ...records,
      list: ({ filter, limit, cursor }) => records.list(byStatusAndCustomer(filter), limit, cursor),
      listDue: async ({ onOrBefore, after, limit }) =>
        state.plans
          .list(t)
          .filter(
            (plan) =>
              plan.status === "active" &&
              plan.nextOccurrenceOn !== null &&
              plan.nextOccurrenceOn <= onOrBefore &&
              (after === undefined || plan.id > after),
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, limit),
    },
    planOccurrences: {
      claim: async ({ record }) => {
        const occurrence = own(record);
        const group = groupKey(t, occurrence.planId);
        if (state.planOccurrences.has(group, occurrence.date)) return false;
        state.planOccurrences.set(group, occurrence.date, occurrence, undo);
        return true;
      },
      get: async ({ planId, date }) => state.planOccurrences.get(groupKey(t, planId), date),
      list: async ({ planId }) =>
        state.planOccurrences
          .list(groupKey(t, planId))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    },
  };
}
