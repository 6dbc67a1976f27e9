import { createMemoryProbe, createMemoryStore, describeStoreConformance } from "../src/index";

describeStoreConformance({
  name: "memory",
  createStore: () => createMemoryStore(),
  probe: (store) => createMemoryProbe(store),
});
