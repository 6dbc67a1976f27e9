import { describe, expect, it } from "vitest";
import { ctx, demoApp, getPage, postForm, textOf } from "./support/demo-app";

// Recurring service plans in the back office (issue 20, part 3): list, create, pause, resume,
// skip one date and end, each a form the core checks.

async function customerOf(remit: Awaited<ReturnType<typeof demoApp>>["remit"]) {
  return remit.customers.create(ctx, {
    name: "Harbor View HOA",
    email: "board@harborview.example",
  });
}

const planFields = (customerId: string): [string, string][] => [
  ["customerId", customerId],
  ["title", "Quarterly HVAC service"],
  ["repeats", "FREQ=MONTHLY;INTERVAL=3"],
  ["rrule", ""],
  ["startDate", "2027-01-31"],
  ["endDate", ""],
  ["mode", "review"],
  ["channels", "email"],
  ["rowKey", "r1"],
  ["lineIndex", ""],
  ["kind", "service"],
  ["description", "Filter change and inspection"],
  ["quantity", "1"],
  ["unitPrice", "189.00"],
  ["memo", ""],
];

describe("service plans in the back office", () => {
  it("new plan - the form creates an active plan with its schedule and lines; the list shows it", async () => {
    const { remit, app } = await demoApp();
    const customer = await customerOf(remit);
    const form = await getPage(app, "/plans/new");
    expect(form.status).toBe(200);
    expect(form.html).toContain('id="create-plan"');
    const created = await postForm(app, "/plans/new", planFields(customer.id));
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    const id = decodeURIComponent(location.split("/plans/")[1]?.split("?")[0] ?? "");
    const { plan } = await remit.plans.get(ctx, { id });
    expect(plan).toMatchObject({
      status: "active",
      name: "Quarterly HVAC service",
      mode: "review",
      schedule: { rrule: "FREQ=MONTHLY;INTERVAL=3", startDate: "2027-01-31", endDate: null },
      nextOccurrenceOn: "2027-01-31",
    });
    expect(plan.content.lines).toMatchObject([
      { description: "Filter change and inspection", unitPrice: "189.00" },
    ]);
    const list = textOf((await getPage(app, "/plans")).html);
    expect(list).toContain("Quarterly HVAC service");
    expect(list).toContain("Every 3 months");
  });

  it("new plan - a bad rule and a missing customer are shown on their fields, typed values kept, nothing made", async () => {
    const { remit, app } = await demoApp();
    const customer = await customerOf(remit);
    const fields = planFields(customer.id).map(([name, value]): [string, string] =>
      name === "rrule" ? [name, "FREQ=SOMETIMES"] : [name, value],
    );
    const refused = await postForm(app, "/plans/new", fields);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="field-rrule"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="FREQ=SOMETIMES"');
    expect(html).toContain('value="Filter change and inspection"');
    const noCustomer = await postForm(
      app,
      "/plans/new",
      planFields("").map(([name, value]): [string, string] => [name, value]),
    );
    expect(noCustomer.status).toBe(422);
    expect(await noCustomer.text()).toMatch(/id="field-customerId"[^>]*aria-invalid="true"/);
    expect((await remit.plans.list(ctx, {})).items).toEqual([]);
  });

  it("plan page - pause, resume, skip the next date and end, each with the version the page showed", async () => {
    const { remit, app } = await demoApp();
    const customer = await customerOf(remit);
    const { plan } = await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Monthly pest control",
      schedule: { rrule: "FREQ=MONTHLY", startDate: "2027-02-15" },
      lines: [{ kind: "service", description: "Treatment", quantity: "1", unitPrice: "75.00" }],
    });
    const move = async (name: string, extra: [string, string][] = []) => {
      const { plan: current } = await remit.plans.get(ctx, { id: plan.id });
      return postForm(app, `/plans/${plan.id}`, [
        ["move", name],
        ["version", String(current.version)],
        ...extra,
      ]);
    };
    expect((await getPage(app, `/plans/${plan.id}`)).html).toContain('id="pause-plan"');
    expect((await move("pause")).status).toBe(303);
    expect((await remit.plans.get(ctx, { id: plan.id })).plan.status).toBe("paused");
    expect((await move("resume")).status).toBe(303);
    expect((await move("skip", [["date", "2027-02-15"]])).status).toBe(303);
    const skipped = await remit.plans.get(ctx, { id: plan.id });
    expect(skipped.occurrences).toMatchObject([{ date: "2027-02-15", status: "skipped" }]);
    expect(skipped.plan.nextOccurrenceOn).toBe("2027-03-15");
    expect(textOf((await getPage(app, `/plans/${plan.id}`)).html)).toContain("Skipped");

    // A stale page: refused in plain words, nothing changed.
    const stale = await postForm(app, `/plans/${plan.id}`, [
      ["move", "end"],
      ["version", "1"],
    ]);
    expect(stale.status).toBe(409);
    expect((await remit.plans.get(ctx, { id: plan.id })).plan.status).toBe("active");
    expect((await move("end")).status).toBe(303);
    expect((await remit.plans.get(ctx, { id: plan.id })).plan.status).toBe("ended");
  });

  it("roles - a technician has no Plans link and gets 403 on the pages and forms", async () => {
    const { app } = await demoApp();
    const asTechnician = { accept: "text/html", "x-role": "technician" };
    const home = await app.request("/", { headers: asTechnician });
    expect(await home.text()).not.toContain('href="/plans"');
    expect((await app.request("/plans", { headers: asTechnician })).status).toBe(403);
    const post = await app.request("/plans/new", {
      method: "POST",
      body: new URLSearchParams([["title", "x"]]),
      headers: { ...asTechnician, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(403);
    const office = await app.request("/", { headers: { accept: "text/html", "x-role": "office" } });
    expect(await office.text()).toContain('href="/plans"');
  });
});
