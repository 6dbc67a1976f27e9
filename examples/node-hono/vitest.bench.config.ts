import { defineConfig } from "vitest/config";

/** `npm run bench`: the load bench, printed to the console. Never part of `npm test`. */
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.test.ts"],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
