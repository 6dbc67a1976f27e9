import { createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemoData } from "../src/seed-demo-data";

const tenantId = "demo";
const ctx = { tenantId, actor: { type: "user" as const, id: "u_1" } };

describe("back-office forms", () => {
  it("forms - a malformed multipart or urlencoded body is 400, never 500, and changes nothing", async () => {
    const remit = createRemit({ store: createMemoryStore() });
    await seedDemoData(remit, tenantId);
    const app = createApp(remit, { identity: { testHeaders: tenantId } });
    const [invoice] = (await remit.invoices.list(ctx, { limit: 1 })).items;
    const [workOrder] = (await remit.workOrders.list(ctx, { limit: 1 })).items;
    const before = (await remit.events.list(ctx, { limit: 200 })).items.length;
    const paths = [
      `/invoices/${invoice?.id}/cancel`,
      `/invoices/${invoice?.id}/payments`,
      `/work-orders/${workOrder?.id}/complete`,
      `/work-orders/${workOrder?.id}/submit-invoice`,
    ];
    for (const path of paths) {
      for (const accept of ["text/html", "application/json"]) {
        const response = await app.request(path, {
          method: "POST",
          body: "--zz\r\nContent-Disposition: form-data\r\n\r\nbroken",
          headers: { "content-type": "multipart/form-data; boundary=zz", accept },
        });
        expect(response.status, `${path} ${accept}`).toBe(400);
        expect(await response.text()).toContain("form");
      }
    }
    expect((await remit.events.list(ctx, { limit: 200 })).items).toHaveLength(before);
  });
});
