import { describe, expect, it } from "vitest";
import { ctx, demoApp, getPage, postForm, textOf } from "./support/demo-app";

/** A fresh 12,000.00 job of the demo's first customer, billed in stages. */
async function stagedJob() {
  const { remit, app } = await demoApp();
  const [customer] = (await remit.customers.list(ctx, { limit: 1 })).items;
  if (!customer) throw new Error("no customer in the demo data");
  const { workOrder } = await remit.workOrders.create(ctx, {
    customerId: customer.id,
    title: "Basement finish",
    services: [{ description: "Finish basement", quantity: "1", unitPrice: "12000.00" }],
  });
  return { remit, app, workOrder };
}

describe("work order page - progress billing", () => {
  it("bill a stage: the form bills a percent with retainage, lists the stage with what it billed, then the final stage and retainage", async () => {
    const { remit, app, workOrder } = await stagedJob();
    const path = `/work-orders/${workOrder.id}`;
    const empty = await getPage(app, path);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('id="bill-stage"');
    expect(empty.html).not.toContain('id="bill-retainage"');

    const first = await postForm(app, `${path}/stages`, [
      ["version", String(workOrder.version)],
      ["how", "percent"],
      ["value", "25"],
      ["retainagePercent", "10"],
    ]);
    expect(first.status).toBe(303);
    const listed = await getPage(app, first.headers.get("location") ?? path);
    const text = textOf(listed.html);
    expect(text).toContain("Stage 1 billed");
    expect(text).toMatch(/Stage 1 .*\$3,000\.00 \$3,000\.00 \$300\.00 \$2,700\.00/);
    expect(text).toContain("may differ from one invoice's tax by rounding");

    const version = String((await remit.workOrders.get(ctx, { id: workOrder.id })).version);
    const last = await postForm(app, `${path}/stages`, [
      ["version", version],
      ["how", "final"],
      ["value", ""],
      ["retainagePercent", "10"],
    ]);
    expect(last.status).toBe(303);
    const finalPage = await getPage(app, path);
    expect(textOf(finalPage.html)).toContain("Stage 2 (final)");
    expect(finalPage.html).not.toContain('id="bill-stage"');
    expect(finalPage.html).toContain('id="bill-retainage"');

    const retainage = await postForm(app, `${path}/retainage`, [
      ["version", String((await remit.workOrders.get(ctx, { id: workOrder.id })).version)],
    ]);
    expect(retainage.status).toBe(303);
    const done = textOf((await getPage(app, path)).html);
    expect(done).toMatch(/Retainage .*\$1,200\.00/);
  });

  it("bill a stage: a stage past 100 % comes back on the figure's field, with what was typed", async () => {
    const { app, workOrder } = await stagedJob();
    const refused = await postForm(app, `/work-orders/${workOrder.id}/stages`, [
      ["version", String(workOrder.version)],
      ["how", "amount"],
      ["value", "12000.01"],
      ["retainagePercent", ""],
    ]);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="field-value"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="12000.01"');
    expect(textOf(html)).toContain("past 100 %");
  });
});
