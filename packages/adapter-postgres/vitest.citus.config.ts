import { defineConfig } from "vitest/config";

/**
 * `npm run test:citus`: the store conformance suite on the Citus coordinator at `CITUS_URL`, after
 * `migrate` and `distributeForCitus`, then the figures of the guide. Not part of `npm test`; see
 * "Scaling out with Citus" in docs/guide/postgres.md.
 */
export default defineConfig({
  test: {
    include: ["test/citus/**/*.citus.ts"],
    globalSetup: ["test/citus/citus-global-setup.ts"],
    // One file at a time: the figures file measures, and must not share the cluster's cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
