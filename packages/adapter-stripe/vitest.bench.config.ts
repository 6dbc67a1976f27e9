import { defineConfig } from "vitest/config";

/**
 * `npm run bench`: webhook throughput on the PostgreSQL store, on a real server with its default
 * durability (`DATABASE_URL`, or one started for the run), printed to the console.
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
