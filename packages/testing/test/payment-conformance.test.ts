import { createManualPayments, createRemit } from "@remit/core";
import { describePaymentProviderConformance } from "../src/index";
import { createMemoryStore } from "../src/memory-store/create-memory-store";
import { createTestClock } from "../src/store-conformance/test-clock";

// Core's provider for money recorded by hand (check, cash, bank transfer): no checkout, and
// refunds that count at once.
describePaymentProviderConformance({
  name: "manual",
  capabilities: { checkout: false, refunds: false },
  async setup() {
    const provider = createManualPayments();
    const remit = createRemit({
      store: createMemoryStore(),
      clock: createTestClock(),
      payments: { manual: provider },
    });
    const context = { tenantId: "acme", actor: { type: "user", id: "owner" } } as const;
    await remit.tenants.upsert(context, { currency: "USD", timeZone: "America/Chicago" });
    const customer = await remit.customers.create(context, { name: "Dana Reyes" });
    return { remit, provider, context, customerId: customer.id };
  },
});
