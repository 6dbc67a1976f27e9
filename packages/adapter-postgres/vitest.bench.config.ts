import { defineConfig } from "vitest/config";

/** `npm run bench`: the real-server benchmarks, one file after another, printed to the console. */
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
