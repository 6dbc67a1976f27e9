import type { PlanOccurrence, ServicePlan } from "@remit/core";
import { at, id } from "./records";

/** A monthly plan record, as the service would store it. */
export function planRecord(
  tenantId: string,
  n: number,
  overrides: Partial<ServicePlan> = {},
): ServicePlan {
  return {
    tenantId,
    id: id("plan", n),
    version: 1,
    status: "active",
    name: `Plan ${n}`,
    customer: {
      id: id("cus", n),
      name: `Customer ${n}`,
      email: `customer${n}@example.com`,
      phone: null,
      billingAddress: null,
    },
    currency: "USD",
    terms: "net_15",
    content: {
      lines: [
        { id: "line-1", kind: "service", description: "Visit", quantity: "1", unitPrice: "99.00" },
      ],
    },
    schedule: { rrule: "FREQ=MONTHLY;BYMONTHDAY=1", startDate: "2026-01-01", endDate: null },
    mode: "review",
    channels: ["email"],
    nextOccurrenceOn: "2026-03-01",
    createdAt: at,
    updatedAt: at,
    createdBy: { type: "user", id: "user_1" },
    ...overrides,
  };
}

export function occurrenceRecord(
  tenantId: string,
  planId: string,
  date: string,
  overrides: Partial<PlanOccurrence> = {},
): PlanOccurrence {
  return {
    tenantId,
    planId,
    date,
    status: "generated",
    invoiceId: null,
    createdAt: at,
    ...overrides,
  };
}
