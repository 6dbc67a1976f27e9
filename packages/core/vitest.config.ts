import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Core's lifecycle tests run on @remit/testing's memory store (its build, through its entry
    // point), which imports "@remit/core": point that at this package's source, so tests and store
    // share one copy of core (no stale dist, one set of error classes). turbo.json builds
    // @remit/testing before core's tests.
    alias: [
      {
        find: /^@remit\/core$/,
        replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The property tests run thousands of cases; on a busy 2-core CI machine that can take a while.
    testTimeout: 60_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
