import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBackOfficeAs } from "./support/back-office-as";
import { seriousAccessibilityViolations } from "./support/check-accessibility";
import { chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { startTestServer, type TestServer } from "./support/start-test-server";

// Waits for pages and elements, never for a clock; the bound only stops a hang on a loaded machine.
const safetyNet = 600_000;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, chromiumInstallTimeoutMs + safetyNet);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ctx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

describe("work order page - Bill a stage (Chromium)", () => {
  it(
    "bill a stage - the office bills 40 % with retainage from the form; the stage is listed; 0 serious or critical axe findings",
    async () => {
      const [customer] = (await server.remit.customers.list(ctx, { limit: 1 })).items;
      if (!customer) throw new Error("no demo customer");
      const { workOrder } = await server.remit.workOrders.create(ctx, {
        customerId: customer.id,
        title: "Bathroom remodel",
        services: [{ description: "Remodel", quantity: "1", unitPrice: "5000.00" }],
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await openBackOfficeAs(page, server.url, "office");
      await page.goto(`${server.url}/work-orders/${workOrder.id}`);
      await page.getByRole("heading", { name: "Bill a stage" }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByLabel("What the stage bills").selectOption("percent");
      await page.getByLabel("Percent or amount").fill("40");
      await page.getByLabel("Retainage percent").fill("10");
      await page.getByRole("button", { name: "Bill stage" }).click();
      await page.locator("#stage-invoices").waitFor();
      const row = (await page.locator("#stage-invoices tbody tr").first().textContent()) ?? "";
      expect(row).toContain("Stage 1");
      expect(row).toContain("$2,000.00");
      expect(row).toContain("$200.00");
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // A stage past what is left comes back on its field, said in words.
      await page.getByLabel("What the stage bills").selectOption("amount");
      await page.getByLabel("Percent or amount").fill("3000.01");
      await page.getByRole("button", { name: "Bill stage" }).click();
      await page.locator("#field-value[aria-invalid='true']").waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await context.close();
    },
    safetyNet,
  );
});
