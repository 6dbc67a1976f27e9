import type { Remit } from "@remit/core";
import { seedDemoWorkOrders } from "./seed-demo-work-orders";

const technician = { tenantId: "", actor: { type: "user" as const, id: "tech-sam" } };

/**
 * A demo plumbing business with invoices and work orders in every status. Technicians submit
 * invoices and a manager approves them (`requireReview`). Runs once: a tenant that already has
 * invoices is left alone.
 */
export async function seedDemoData(remit: Remit, tenantId: string): Promise<boolean> {
  const ctx = { ...technician, tenantId };
  if ((await remit.invoices.list(ctx, { limit: 1 })).items.length > 0) return false;
  await remit.tenants.upsert(ctx, {
    name: "Reyes Plumbing & Heating",
    email: "office@reyesplumbing.example",
    phone: "+15125550100",
    requireReview: true,
    currency: "USD",
    timeZone: "America/Chicago",
    numberFormat: "INV-{YYYY}-{SEQ:4}",
    defaultTerms: "net_15",
    defaultTaxRates: [{ id: "tx-sales", name: "Texas sales tax", percent: "8.25" }],
    reminders: [{ daysFromDueDate: 1, channels: ["email"] }],
  });
  const customers = await Promise.all(
    [
      { name: "Dana Whitfield", email: "dana@example.com", phone: "+15125550101" },
      { name: "Oak Street Property Mgmt", email: "ap@oakstreet.example", phone: "+15125550102" },
      { name: "Luis Ortega", email: "luis@example.com", phone: "+15125550103" },
    ].map((customer) => remit.customers.create(ctx, customer)),
  );
  const job = (customerIndex: number, description: string, hours: string, parts: string) => ({
    customerId: customers[customerIndex % customers.length]?.id,
    lines: [
      {
        kind: "labor" as const,
        description,
        quantity: hours,
        unitPrice: "95.00",
        taxRateIds: ["tx-sales"],
      },
      {
        kind: "material" as const,
        description: "Parts and fittings",
        quantity: "1",
        unitPrice: parts,
        taxRateIds: ["tx-sales"],
      },
    ],
    fees: [{ id: "trip", description: "Trip charge", type: "amount" as const, value: "49.00" }],
  });
  const create = async (index: number, description: string) =>
    (
      await remit.invoices.create(
        ctx,
        job(index, description, String(1 + (index % 4)), `${35 + index * 12}.50`),
      )
    ).invoice;

  // Submit, then approve: the demo tenant requires review before an invoice is issued.
  const approve = async (id: string) => {
    await remit.invoices.submit(ctx, { id });
    return (await remit.invoices.issue(ctx, { id })).invoice;
  };

  await create(0, "Replace kitchen faucet"); // pending_action
  const inReview = await create(1, "Water heater flush");
  await remit.invoices.submit(ctx, { id: inReview.id }); // pending_review
  const unpaid = await create(2, "Clear main line clog");
  await remit.invoices.submit(ctx, { id: unpaid.id });
  await remit.invoices.issue(ctx, { id: unpaid.id, send: { channels: ["email"] } }); // pending_payment
  const partial = await create(3, "Install garbage disposal");
  await approve(partial.id);
  await remit.invoices.recordPayment(ctx, {
    id: partial.id,
    amount: "50.00",
    method: "cash",
    idempotencyKey: `seed-${partial.id}`,
  });
  const paid = await create(4, "Repair leaking valve");
  const issuedPaid = await approve(paid.id);
  await remit.invoices.recordPayment(ctx, {
    id: paid.id,
    amount: issuedPaid.amountDue,
    method: "check",
    reference: "1187",
    idempotencyKey: `seed-${paid.id}`,
  });
  const cancelled = await create(5, "Duplicate estimate");
  await remit.invoices.cancel(ctx, { id: cancelled.id, reason: "Entered twice" });
  const overdue = await create(6, "Emergency burst pipe");
  await remit.invoices.update(ctx, {
    id: overdue.id,
    expectedVersion: overdue.version,
    terms: "due_on_receipt",
  });
  await approve(overdue.id);
  // Past due needs time to pass: sweep as if it were two days later, so the demo shows the status
  // (the net-15 invoices are not due yet then).
  const twoDaysLater = new Date(Date.parse(remit.clock.now()) + 2 * 86_400_000).toISOString();
  await remit.invoices.sweepPastDue({ tenantId, actor: { type: "system" } }, { at: twoDaysLater });
  await seedDemoWorkOrders(remit, ctx, customers);
  return true;
}
