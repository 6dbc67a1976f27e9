import type { WorkOrder } from "../../src/index";

/** A complete work order record, as the service would store it, for the pure conversion tests. */
export function workOrderFixture(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    tenantId: "tenant_a",
    id: "wo_1",
    version: 3,
    status: "complete_invoice_needed",
    title: "Water heater",
    customer: {
      id: "cus_1",
      name: "Dana Reyes",
      email: "dana@example.com",
      phone: null,
      billingAddress: null,
    },
    site: null,
    currency: "USD",
    terms: "net_15",
    taxRates: [
      { id: "tax", name: "Sales tax", percent: "8.25", inclusive: false, compound: false },
    ],
    labor: [],
    materials: [],
    services: [],
    fees: [],
    notes: "",
    photos: [],
    schedule: null,
    quoteId: null,
    invoiceId: null,
    cancellationReason: null,
    startedAt: null,
    completedAt: null,
    createdAt: "2026-03-02T15:00:00.000Z",
    updatedAt: "2026-03-02T15:00:00.000Z",
    createdBy: { type: "user", id: "u_1" },
    ...overrides,
  };
}
