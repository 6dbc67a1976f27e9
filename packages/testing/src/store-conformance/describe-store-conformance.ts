import type { InvoiceStore } from "@remit/core";
import { beforeEach, describe } from "vitest";
import { defineConcurrencyCases } from "./concurrency-cases";
import type { ConformanceHarness, StoreConformanceOptions } from "./conformance-harness";
import { defineCreditCollectionCases } from "./credit-collection-cases";
import { defineInvoiceCollectionCases } from "./invoice-collection-cases";
import { defineIsolationCases } from "./isolation-cases";
import { defineJournalCollectionCases } from "./journal-collection-cases";
import { defineLateFeeCases } from "./late-fee-cases";
import { defineLedgerCollectionCases } from "./ledger-collection-cases";
import { defineLifecycleCases } from "./lifecycle-cases";
import { defineOutboxCases } from "./outbox-cases";
import { definePlanCollectionCases } from "./plan-collection-cases";
import { defineProgressBillingCases } from "./progress-billing-cases";
import { defineQuoteTokenCases } from "./quote-token-cases";
import { defineRecordCollectionCases } from "./record-collection-cases";
import { defineReportReadCases } from "./report-read-cases";
import { defineTenantCollectionCases } from "./tenant-collection-cases";
import { defineWorkOrderCases } from "./work-order-cases";

export type {
  ConformanceHarness,
  StoreConformanceOptions,
  StoreProbe,
} from "./conformance-harness";

/** @group Conformance suites */
export function describeStoreConformance(options: StoreConformanceOptions): void {
  let store: InvoiceStore | undefined;
  const harness: ConformanceHarness = {
    store: () => {
      if (!store) throw new Error("The store is created before each case");
      return store;
    },
    probe: () => options.probe(harness.store()),
  };
  describe(`store conformance (${options.name})`, () => {
    beforeEach(async () => {
      await options.reset?.();
      store = await options.createStore();
    });
    defineLifecycleCases(harness);
    defineConcurrencyCases(harness);
    defineIsolationCases(harness);
    defineOutboxCases(harness);
    defineWorkOrderCases(harness);
    // Each collection method on its own, through the port.
    defineInvoiceCollectionCases(harness);
    defineRecordCollectionCases(harness);
    defineLedgerCollectionCases(harness);
    defineJournalCollectionCases(harness);
    defineTenantCollectionCases(harness);
    defineCreditCollectionCases(harness);
    defineLateFeeCases(harness);
    definePlanCollectionCases(harness);
    defineQuoteTokenCases(harness);
    defineReportReadCases(harness);
    defineProgressBillingCases(harness);
  });
}
