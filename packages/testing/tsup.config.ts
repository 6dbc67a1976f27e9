import { copyFile } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  // The fakes are entries of their own, so that `@remit/testing` never loads `stripe` or `twilio`.
  entry: ["src/index.ts", "src/fake-stripe.ts", "src/fake-twilio.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["vitest", "@remit/core", "stripe", "twilio"],
  // Stripe's fixtures are bundled into fake-stripe; their MIT license ships beside them.
  async onSuccess() {
    await copyFile(
      "src/fakes/stripe/fixtures/LICENSE-stripe-openapi",
      "dist/LICENSE-stripe-openapi",
    );
  },
});
