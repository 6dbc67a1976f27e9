import { describe, expect, it } from "vitest";
import { createRemitHandler, planDetailsResponseSchema, planMoveResultSchema } from "../src/index";
import { authenticateByTestHeader, createTestRemit, ctx } from "./support/create-test-remit";

describe("REST API - plans", () => {
  it("api - create, skip, pause and read a plan; a bad rule is a 422 naming schedule.rrule", async () => {
    const test = await createTestRemit();
    const { fetch } = createRemitHandler({
      remit: test.remit,
      authenticate: authenticateByTestHeader,
      publicUrl: "https://pay.reyes.example",
    });
    const call = (method: string, path: string, body?: unknown) =>
      fetch(
        new Request(`https://pay.reyes.example/api${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: {
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            "x-test-user": "office",
          },
        }),
      );
    const plan = {
      customerId: test.customer.id,
      name: "Monthly pest control",
      schedule: { rrule: "FREQ=MONTHLY;BYMONTHDAY=31", startDate: "2099-01-31" },
      lines: [{ kind: "service", description: "Treatment", quantity: "1", unitPrice: "75.00" }],
    };
    const created = await call("POST", "/plans", plan);
    expect(created.status).toBe(201);
    const { plan: stored } = planMoveResultSchema.parse(await created.json());
    expect(stored).toMatchObject({ status: "active", nextOccurrenceOn: "2099-01-31" });
    const skipped = await call("POST", `/plans/${stored.id}/skip`, { date: "2099-02-28" });
    expect(skipped.status).toBe(200);
    expect((await call("POST", `/plans/${stored.id}/pause`, {})).status).toBe(200);
    const details = planDetailsResponseSchema.parse(
      await (await call("GET", `/plans/${stored.id}`)).json(),
    );
    expect(details.plan.status).toBe("paused");
    expect(details.occurrences).toMatchObject([{ date: "2099-02-28", status: "skipped" }]);
    const bad = await call("POST", "/plans", {
      ...plan,
      schedule: { rrule: "FREQ=SECONDLY", startDate: "2099-01-01" },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "validation_error", path: "schedule.rrule" });
    expect((await test.remit.plans.list(ctx)).items).toHaveLength(1);
  });
});
