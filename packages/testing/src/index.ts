/**
 * `@remit/testing`: the conformance suites every Remit adapter runs, and the in-memory store.
 *
 * @module @remit/testing
 */
export { createMemoryProbe } from "./memory-store/create-memory-probe";
export { createMemoryStore, type MemoryStoreState } from "./memory-store/create-memory-store";
export {
  describeNotifierConformance,
  type NotifierBackend,
  type NotifierConformanceOptions,
  type NotifierHarness,
  type ReceivedMessage,
} from "./notifier-conformance/describe-notifier-conformance";
export {
  describePaymentProviderConformance,
  type PaymentProviderConformanceOptions,
  type PaymentProviderHarness,
} from "./payment-conformance/describe-payment-provider-conformance";
export {
  createSendingHarness,
  sendingTenantId,
  sendingUser,
} from "./sending/create-sending-harness";
export {
  describeStoreConformance,
  type StoreConformanceOptions,
  type StoreProbe,
} from "./store-conformance/describe-store-conformance";
export { createTestClock } from "./store-conformance/test-clock";
