/**
 * `@remit/testing`: the conformance suites every Remit adapter runs, and the in-memory store.
 *
 * @module
 */
export { createMemoryProbe } from "./memory-store/create-memory-probe";
export { createMemoryStore, type MemoryStoreState } from "./memory-store/create-memory-store";
export {
  describeStoreConformance,
  type StoreConformanceOptions,
  type StoreProbe,
} from "./store-conformance/describe-store-conformance";
export { createTestClock } from "./store-conformance/test-clock";
