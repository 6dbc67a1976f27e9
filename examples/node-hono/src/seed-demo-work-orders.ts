import type { Customer, Remit } from "@remit/core";

type Ctx = { tenantId: string; actor: { type: "user"; id: string } };

/**
 * Work orders in every status for the demo tenant: open, scheduled, in progress, complete (ready for
 * "review & submit invoice"), invoiced (its invoice waiting for review) and cancelled.
 */
export async function seedDemoWorkOrders(remit: Remit, ctx: Ctx, customers: Customer[]) {
  const site = {
    line1: "1408 Barton Springs Rd",
    city: "Austin",
    region: "TX",
    postalCode: "78704",
  };
  const job = (index: number, title: string, hours: string) => ({
    customerId: customers[index % customers.length]?.id ?? "",
    title,
    site,
    labor: [
      { technician: "Sam Reyes", description: title, hours, hourlyRate: "95", taxRateIds: [] },
    ],
    materials: [
      {
        description: "Parts and fittings",
        quantity: "1",
        unitCost: `${40 + index * 15}.00`,
        markupPercent: "25",
        taxRateIds: ["tx-sales"],
      },
    ],
    fees: [{ description: "Trip charge", amount: "49.00" }],
  });
  const create = async (index: number, title: string, hours: string) =>
    (await remit.workOrders.create(ctx, job(index, title, hours))).workOrder;
  const today = remit.clock.now().slice(0, 10);

  await create(0, "Annual boiler service", "1.5"); // open
  const scheduled = await create(1, "Install tankless water heater", "4");
  await remit.workOrders.schedule(ctx, {
    id: scheduled.id,
    date: today,
    windowStart: "08:00",
    windowEnd: "12:00",
    technician: "Sam Reyes",
  });
  const started = await create(2, "Bathroom rough-in plumbing", "6");
  await remit.workOrders.start(ctx, { id: started.id });
  const done = await create(0, "Replace sump pump", "2.5");
  await remit.workOrders.complete(ctx, { id: done.id });
  const invoiced = await create(1, "Repipe laundry room", "3");
  await remit.workOrders.complete(ctx, { id: invoiced.id });
  await remit.workOrders.submitInvoice(ctx, { id: invoiced.id });
  const cancelled = await create(2, "Gas line inspection", "1");
  await remit.workOrders.cancel(ctx, { id: cancelled.id, reason: "Customer rescheduled with us" });
}
