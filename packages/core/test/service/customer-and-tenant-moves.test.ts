import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, RemitError } from "../../src/index";

const tenantId = "tenant_moves";
const user: Context = { tenantId, actor: { type: "user", id: "user_1" } };
const system: Context = { tenantId, actor: { type: "system" } };
const stripe: Context = { tenantId, actor: { type: "provider", name: "stripe" } };

function setup() {
  const store = createMemoryStore();
  const remit = createRemit({ store, clock: createTestClock("2026-05-01T12:00:00.000Z") });
  return { store, remit };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${error}`);
  return error;
}

describe("customers - moves", () => {
  it("create - appends customer.created with the contact fields", async () => {
    const { remit } = setup();
    const customer = await remit.customers.create(user, {
      name: "Dana Reyes",
      email: "dana@example.com",
      phone: "+1 512 555 0101",
    });
    expect(customer).toMatchObject({ name: "Dana Reyes", phone: "+15125550101", version: 1 });
    expect(customer).not.toHaveProperty("events");
    const events = (await remit.events.list(user)).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "customer.created",
      subject: { type: "customer", id: customer.id, version: 1 },
      actor: user.actor,
      data: { name: "Dana Reyes", email: "dana@example.com", phone: "+15125550101" },
    });
  });

  it("create - a repeat with the same idempotency key returns the first customer and adds none", async () => {
    const { remit, store } = setup();
    const input = { name: "Dana Reyes", idempotencyKey: "signup-42" };
    const first = await remit.customers.create(user, input);
    const again = await remit.customers.create(user, input);
    expect(again).toEqual(first);
    expect([...store.state.customers.all()]).toHaveLength(1);
    expect((await remit.events.list(user)).items).toHaveLength(1);
    const conflict = await refusal(
      remit.customers.create(user, { name: "Someone Else", idempotencyKey: "signup-42" }),
    );
    expect(conflict.code).toBe("idempotency_conflict");
  });

  it("create - refused for a system actor, at the actor's path, with nothing written", async () => {
    const { remit, store } = setup();
    const error = await refusal(remit.customers.create(system, { name: "Dana Reyes" }));
    expect(error).toMatchObject({ code: "validation_error", path: "actor" });
    expect([...store.state.customers.all()]).toHaveLength(0);
    expect([...store.state.events.all()]).toHaveLength(0);
  });

  it("update - appends customer.updated naming only the fields that changed", async () => {
    const { remit } = setup();
    const customer = await remit.customers.create(user, { name: "Dana Reyes" });
    const updated = await remit.customers.update(user, {
      id: customer.id,
      expectedVersion: 1,
      name: "Dana Reyes",
      email: "dana@example.com",
    });
    expect(updated).toMatchObject({ version: 2, email: "dana@example.com" });
    const events = (await remit.events.list(user)).items;
    expect(events.map((event) => event.type)).toEqual(["customer.created", "customer.updated"]);
    expect(events[1]).toMatchObject({
      subject: { type: "customer", id: customer.id, version: 2 },
      data: { changed: ["email"] },
    });
  });

  it("update - a stale expectedVersion is version_conflict and appends nothing", async () => {
    const { remit } = setup();
    const customer = await remit.customers.create(user, { name: "Dana Reyes" });
    await remit.customers.update(user, { id: customer.id, name: "Dana R." });
    const error = await refusal(
      remit.customers.update(user, { id: customer.id, expectedVersion: 1, name: "Dana" }),
    );
    expect(error.code).toBe("version_conflict");
    expect((await remit.events.list(user)).items).toHaveLength(2);
    expect(await remit.customers.get(user, { id: customer.id })).toMatchObject({
      name: "Dana R.",
      version: 2,
    });
  });
});

describe("tenants - moves", () => {
  it("upsert - appends tenant.updated naming the fields that changed", async () => {
    const { remit } = setup();
    const tenant = await remit.tenants.upsert(user, { name: "Acme Plumbing", currency: "EUR" });
    expect(tenant).toMatchObject({ id: tenantId, version: 1, currency: "EUR" });
    expect(tenant).not.toHaveProperty("events");
    const [event] = (await remit.events.list(user)).items;
    expect(event).toMatchObject({
      type: "tenant.updated",
      subject: { type: "tenant", id: tenantId, version: 1 },
    });
    expect([...((event?.data.changed ?? []) as string[])].sort()).toEqual(["currency", "name"]);
  });

  it("upsert - a provider may save settings (a connected payment account); the event names it", async () => {
    const { remit } = setup();
    await remit.tenants.upsert(stripe, { phone: "+15125550101" });
    const [event] = (await remit.events.list(user)).items;
    expect(event).toMatchObject({ type: "tenant.updated", actor: stripe.actor });
  });

  it("upsert - a repeat with the same idempotency key changes nothing more", async () => {
    const { remit } = setup();
    const first = await remit.tenants.upsert(user, {
      name: "Acme Plumbing",
      idempotencyKey: "settings-1",
    });
    const again = await remit.tenants.upsert(user, {
      name: "Acme Plumbing",
      idempotencyKey: "settings-1",
    });
    expect(again).toEqual(first);
    expect((await remit.events.list(user)).items).toHaveLength(1);
    expect((await remit.tenants.get(user)).version).toBe(1);
  });

  it("upsert - an invalid field is refused at its path and nothing is saved", async () => {
    const { remit } = setup();
    const error = await refusal(remit.tenants.upsert(user, { currency: "XYZ" }));
    expect(error).toMatchObject({ code: "validation_error", path: "currency" });
    expect((await remit.tenants.get(user)).version).toBe(0);
    expect((await remit.events.list(user)).items).toHaveLength(0);
  });
});
