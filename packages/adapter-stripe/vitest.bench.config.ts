import { defineConfig } from "vitest/config";

/** `npm run bench`: webhook throughput on the PostgreSQL store (PGlite), printed to the console. */
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.test.ts"],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
