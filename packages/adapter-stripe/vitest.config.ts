import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The fake Stripe server and the SDK's retries run on real sockets and timers.
    testTimeout: 20_000,
  },
});
