import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, ValidationError } from "../../src/index";

describe("tenants.upsert - branding of the hosted invoice page", () => {
  const ctx: Context = { tenantId: "tenant_brand", actor: { type: "user", id: "u_1" } };

  it("branding - keeps a logo URL and two colors, and leaves them out by default", async () => {
    const remit = createRemit({ store: createMemoryStore(), clock: createTestClock() });
    expect((await remit.tenants.get(ctx)).branding).toBeUndefined();
    const branding = {
      logoUrl: "https://cdn.reyes.example/logo.png",
      primaryColor: "#1d4ed8",
      accentColor: "#0F766E",
    };
    await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", branding });
    expect((await remit.tenants.get(ctx)).branding).toEqual(branding);
  });

  it("branding - refuses a logo that is not https and a color that is not #rrggbb", async () => {
    const remit = createRemit({ store: createMemoryStore(), clock: createTestClock() });
    const refused = await remit.tenants
      .upsert(ctx, {
        branding: { logoUrl: "javascript:alert(1)", primaryColor: "red; background: url(x)" },
      })
      .catch((error: unknown) => error);
    expect(ValidationError.isInstance(refused)).toBe(true);
    expect((refused as ValidationError).issues.map((issue) => issue.path).sort()).toEqual([
      "branding.logoUrl",
      "branding.primaryColor",
    ]);
  });
});
