import { defineConfig } from "vitest/config";

/**
 * `npm run bench`: the load bench on PGlite and on a real PostgreSQL server (`DATABASE_URL`, or
 * one started for the run), printed to the console. Never part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.test.ts"],
    globalSetup: ["bench/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
