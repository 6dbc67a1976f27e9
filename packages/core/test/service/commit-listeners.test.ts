import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, type RemitEvent } from "../../src/index";

const user: Context = { tenantId: "tenant_commits", actor: { type: "user", id: "user_1" } };

function setup() {
  return createRemit({
    store: createMemoryStore(),
    clock: createTestClock("2026-05-01T12:00:00.000Z"),
  });
}

describe("events - onCommit", () => {
  it("onCommit - tells the listener of each commit, with its tenant and events, before the move resolves", async () => {
    const remit = setup();
    const heard: { tenantId: string; events: RemitEvent[] }[] = [];
    remit.events.onCommit((committed) => heard.push(committed));

    const creating = remit.customers.create(user, { name: "Dana Reyes" });
    expect(heard).toHaveLength(0);
    const customer = await creating;
    expect(heard).toHaveLength(1);
    expect(heard[0]?.tenantId).toBe(user.tenantId);
    expect(heard[0]?.events.map((event) => [event.type, event.subject.id])).toEqual([
      ["customer.created", customer.id],
    ]);
    expect(heard[0]?.events).toEqual((await remit.events.list(user)).items);
  });

  it("onCommit - is not told of a refused move, nor of a repeat answered from its idempotency record", async () => {
    const remit = setup();
    const heard: string[] = [];
    remit.events.onCommit(({ events }) => heard.push(...events.map((event) => event.type)));

    await expect(remit.customers.create(user, { name: "" })).rejects.toMatchObject({
      code: "validation_error",
    });
    await remit.tenants.upsert(user, { name: "Reyes Plumbing", idempotencyKey: "settings-1" });
    await remit.tenants.upsert(user, { name: "Reyes Plumbing", idempotencyKey: "settings-1" });
    expect(heard).toEqual(["tenant.updated"]);
  });

  it("onCommit - a listener that throws changes nothing for the move, and removing it stops it", async () => {
    const remit = setup();
    const heard: string[] = [];
    const remove = remit.events.onCommit(({ events }) => heard.push(events[0]?.type ?? ""));
    remit.events.onCommit(() => {
      throw new Error("a broken cache");
    });

    const customer = await remit.customers.create(user, { name: "Dana Reyes" });
    expect(customer.name).toBe("Dana Reyes");
    remove();
    await remit.customers.create(user, { name: "Sam Ortiz" });
    expect(heard).toEqual(["customer.created"]);
  });
});
