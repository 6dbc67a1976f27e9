import type { Quote, Remit, WorkOrder } from "@remit/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionFor } from "../src/auth/back-office-permissions";
import { roleAllows, roleNames } from "../src/auth/roles";
import { openBackOfficeAs } from "./support/back-office-as";
import { seriousAccessibilityViolations } from "./support/check-accessibility";
import { chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { ctx, type DemoApp, demoApp, getPage, postForm, textOf } from "./support/demo-app";
import { startTestServer, type TestServer } from "./support/start-test-server";

/** One row of the lines editor as the browser posts it. */
const row = (
  key: string,
  lineIndex: string,
  kind: string,
  description: string,
  quantity: string,
  unitPrice: string,
): [string, string][] => [
  ["rowKey", key],
  ["lineIndex", lineIndex],
  ["kind", kind],
  ["description", description],
  ["quantity", quantity],
  ["unitPrice", unitPrice],
];

async function firstWorkOrder(remit: Remit, status: WorkOrder["status"]): Promise<WorkOrder> {
  const [workOrder] = (await remit.workOrders.list(ctx, { status, limit: 1 })).items;
  if (!workOrder) throw new Error(`no ${status} work order in the demo data`);
  return workOrder;
}

/** A quote made for the test: two lines, a memo, in `draft` (or `sent`). */
async function newQuote(remit: Remit, status: "draft" | "sent" | "approved" = "draft") {
  const [customer] = (await remit.customers.list(ctx, { limit: 1 })).items;
  let { quote } = await remit.quotes.create(ctx, {
    customerId: customer?.id ?? "",
    title: "New water heater",
    lines: [
      { kind: "material", description: "50-gallon water heater", quantity: "1", unitPrice: "900" },
      { kind: "labor", description: "Install", quantity: "3", unitPrice: "95" },
    ],
    memo: "Valid for 30 days",
  });
  if (status !== "draft") quote = (await remit.quotes.send(ctx, { id: quote.id })).quote;
  if (status === "approved")
    quote = (await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Ana" })).quote;
  return quote;
}

const locationOf = (response: Response) => response.headers.get("location") ?? "";

/** A page as a member with `role` opens it (the test identity takes the role from a header). */
const getAs = (app: DemoApp, path: string, role: string) =>
  app.request(path, { headers: { accept: "text/html", "x-role": role } });
const postAs = (app: DemoApp, path: string, role: string, fields: [string, string][]) =>
  app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "text/html",
      "x-role": role,
    },
  });

describe("edit a work order in the back office", () => {
  it("edit - the work order page offers Edit; the form shows its lines; a changed line, a new row and a removed row are saved, then back to the page with a notice", async () => {
    const { remit, app } = await demoApp();
    const workOrder = await firstWorkOrder(remit, "open");
    const path = `/work-orders/${workOrder.id}/edit`;
    expect((await getPage(app, `/work-orders/${workOrder.id}`)).html).toContain(`href="${path}"`);
    const form = await getPage(app, path);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`action="${path}"`); // posts to its own URL
    expect(form.html).toContain(`name="version" value="${workOrder.version}"`);
    expect(form.html).toContain(`value="${workOrder.title}"`);
    // Labor, materials and fees are rows of the editor, each with its kind.
    expect(form.html).toMatch(/id="line-0-quantity"[^>]*value="1.5"/);
    expect(form.html).toContain('value="Parts and fittings"');
    expect(form.html).toContain('value="Trip charge"');

    const response = await postForm(app, path, [
      ["version", String(workOrder.version)],
      ["title", "Annual boiler service and flush"],
      ...row("line-0", "0", "labor", "Annual boiler service", "2", "95"),
      ...row("line-1", "1", "material", "Parts and fittings", "1", "40.00"),
      ["remove", "line-1"],
      ...row("line-2", "2", "other", "Trip charge", "1", "49.00"),
      ...row("new-0", "", "service", "Flush expansion tank", "1", "60"),
      ["memo", "Gate code 4411"],
    ]);
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(
      `/work-orders/${workOrder.id}?notice=${encodeURIComponent("Work order saved")}`,
    );
    const after = await remit.workOrders.get(ctx, { id: workOrder.id });
    expect(after.title).toBe("Annual boiler service and flush");
    expect(after.notes).toBe("Gate code 4411");
    // The labor line keeps its technician; the material is gone; the fee and a service are there.
    expect(after.labor).toMatchObject([
      { technician: "Sam Reyes", description: "Annual boiler service", hours: "2" },
    ]);
    expect(after.materials).toEqual([]);
    expect(after.fees).toMatchObject([{ description: "Trip charge", amount: "49.00" }]);
    expect(after.services).toMatchObject([
      { description: "Flush expansion tank", quantity: "1", unitPrice: "60" },
    ]);
    const text = textOf((await getPage(app, locationOf(response))).html);
    expect(text).toContain("Work order saved");
    expect(text).toContain("Service: Flush expansion tank");
  });

  it("stale - a form opened before someone else's change is refused (409) with what to do; what was typed is kept, nothing saved", async () => {
    const { remit, app } = await demoApp();
    const workOrder = await firstWorkOrder(remit, "open");
    await remit.workOrders.update(ctx, {
      id: workOrder.id,
      expectedVersion: workOrder.version,
      notes: "Changed by the office",
    });
    const path = `/work-orders/${workOrder.id}/edit`;
    const response = await postForm(app, path, [
      ["version", String(workOrder.version)],
      ["title", "Typed title"],
      ...row("line-0", "0", "labor", "Annual boiler service", "3", "95"),
    ]);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(`action="${path}"`);
    expect(textOf(html)).toContain(
      "Someone changed this record while you were looking at it. Your changes were not saved",
    );
    expect(html).toContain('value="Typed title"');
    expect(html).toMatch(/id="line-0-quantity"[^>]*value="3"/);
    const after = await remit.workOrders.get(ctx, { id: workOrder.id });
    expect(after.title).toBe(workOrder.title);
    expect(after.labor[0]?.hours).toBe("1.5");
  });

  it("rows - a row with a description and no quantity or price is an error on that row; a cleared quantity keeps its row; an empty title is highlighted; nothing saved", async () => {
    const { remit, app } = await demoApp();
    const workOrder = await firstWorkOrder(remit, "scheduled");
    const path = `/work-orders/${workOrder.id}/edit`;
    const response = await postForm(app, path, [
      ["version", String(workOrder.version)],
      ["title", ""],
      ...row("line-0", "0", "labor", "Install tankless water heater", "", "95"),
      ...row("new-0", "", "service", "Haul away old tank", "", ""),
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<tr class="row-error" data-row="line-0">/);
    expect(html).toMatch(/id="line-0-quantity"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="new-0-quantity"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="new-0-unitPrice"[^>]*aria-invalid="true"/);
    expect(html).toContain("Enter a quantity, or tick Remove to take the line off.");
    expect(html).toMatch(/id="field-title"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Haul away old tank"');
    const after = await remit.workOrders.get(ctx, { id: workOrder.id });
    expect(after.version).toBe(workOrder.version);
    expect(after.labor).toHaveLength(1);
  });

  it("kinds - a row is labor, a material, a service or a fee as its kind says, on a new work order too; a fee is one amount", async () => {
    const { remit, app } = await demoApp();
    const [customer] = (await remit.customers.list(ctx, { limit: 1 })).items;
    const rows = [
      ...row("new-0", "", "labor", "Diagnose leak", "1.5", "95"),
      ...row("new-1", "", "material", "Shut-off valve", "2", "18.50"),
      ...row("new-2", "", "other", "Trip charge", "2", "49"),
    ];
    const fields: [string, string][] = [
      ["customerId", customer?.id ?? ""],
      ["title", "Leak under sink"],
    ];
    const refused = await postForm(app, "/work-orders/new", [...fields, ...rows]);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="new-2-quantity"[^>]*aria-invalid="true"/);
    expect(html).toContain("A fee is one amount");
    expect(html).toMatch(/<option value="other" selected>Fee<\/option>/);

    const created = await postForm(app, "/work-orders/new", [
      ...fields,
      ...row("new-0", "", "labor", "Diagnose leak", "1.5", "95"),
      ...row("new-1", "", "material", "Shut-off valve", "2", "18.50"),
      ...row("new-2", "", "other", "Trip charge", "1", "49"),
    ]);
    expect(created.status).toBe(303);
    const id = decodeURIComponent(
      new URL(locationOf(created), "http://x").pathname.split("/")[2] ?? "",
    );
    const workOrder = await remit.workOrders.get(ctx, { id });
    expect(workOrder.labor).toMatchObject([
      { technician: "Unassigned", description: "Diagnose leak", hours: "1.5", hourlyRate: "95" },
    ]);
    expect(workOrder.materials).toMatchObject([
      { description: "Shut-off valve", quantity: "2", unitCost: "18.50", markupPercent: "0" },
    ]);
    expect(workOrder.fees).toMatchObject([{ description: "Trip charge", amount: "49" }]);
    expect(workOrder.services).toEqual([]);
  });

  it("status - no Edit once the work order is invoiced, and a post is refused (409) in words", async () => {
    const { remit, app } = await demoApp();
    const invoiced = await firstWorkOrder(remit, "invoiced");
    const path = `/work-orders/${invoiced.id}/edit`;
    expect((await getPage(app, `/work-orders/${invoiced.id}`)).html).not.toContain(
      `href="${path}"`,
    );
    const response = await postForm(app, path, [
      ["version", String(invoiced.version)],
      ["title", invoiced.title],
      ...row("line-0", "0", "labor", "Repipe laundry room", "4", "95"),
    ]);
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toMatch(/That is not possible now for a record that is/);
    expect((await remit.workOrders.get(ctx, { id: invoiced.id })).version).toBe(invoiced.version);
  });
});

describe("revise a quote in the back office", () => {
  it("revise - the quote page offers Revise; the form shows its lines; a changed line, a new row and a removed row are saved as the next revision", async () => {
    const { remit, app } = await demoApp();
    const quote = await newQuote(remit, "sent");
    const path = `/quotes/${quote.id}/revise`;
    expect((await getPage(app, `/quotes/${quote.id}`)).html).toContain(`href="${path}"`);
    const form = await getPage(app, path);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`action="${path}"`);
    expect(form.html).toContain('value="50-gallon water heater"');
    expect(form.html).toContain("Valid for 30 days");

    const response = await postForm(app, path, [
      ["version", String(quote.version)],
      ["title", "New water heater (revised)"],
      ...row("line-0", "0", "material", "50-gallon water heater", "1", "850"),
      ...row("line-1", "1", "labor", "Install", "3", "95"),
      ["remove", "line-1"],
      ...row("new-0", "", "service", "Permit", "1", "75"),
      ["memo", "Valid for 15 days"],
    ]);
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(
      `/quotes/${quote.id}?notice=${encodeURIComponent("Saved revision 2")}`,
    );
    const { quote: after } = await remit.quotes.get(ctx, { id: quote.id });
    expect(after).toMatchObject({
      status: "sent",
      revision: 2,
      title: "New water heater (revised)",
    });
    expect(after.content.memo).toBe("Valid for 15 days");
    expect(
      after.content.lines.map((line) => [
        line.kind,
        line.description,
        line.quantity,
        line.unitPrice,
      ]),
    ).toEqual([
      ["material", "50-gallon water heater", "1", "850"],
      ["service", "Permit", "1", "75"],
    ]);
  });

  it("stale - a form opened before another revision is refused (409) with what to do; typed values kept", async () => {
    const { remit, app } = await demoApp();
    const quote = await newQuote(remit);
    await remit.quotes.revise(ctx, {
      id: quote.id,
      expectedVersion: quote.version,
      memo: "Changed by the office",
    });
    const path = `/quotes/${quote.id}/revise`;
    const response = await postForm(app, path, [
      ["version", String(quote.version)],
      ["title", "Typed quote title"],
      ...row("line-0", "0", "material", "50-gallon water heater", "2", "900"),
    ]);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(`action="${path}"`);
    expect(textOf(html)).toContain("Someone changed this record while you were looking at it.");
    expect(html).toContain('value="Typed quote title"');
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.revision).toBe(2);
  });

  it("rows - a row with a description and no quantity or price is an error on that row, values kept, nothing saved", async () => {
    const { remit, app } = await demoApp();
    const quote = await newQuote(remit);
    const response = await postForm(app, `/quotes/${quote.id}/revise`, [
      ["version", String(quote.version)],
      ["title", quote.title],
      ...row("line-0", "0", "material", "50-gallon water heater", "", "900"),
      ...row("line-1", "1", "labor", "Install", "3", "95"),
      ...row("new-0", "", "service", "Expansion tank", "", ""),
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="line-0-quantity"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="new-0-unitPrice"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Expansion tank"');
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.revision).toBe(1);
  });

  it("status - no Revise once approved, and a post is refused (409) in words", async () => {
    const { remit, app } = await demoApp();
    const quote = await newQuote(remit, "approved");
    const path = `/quotes/${quote.id}/revise`;
    expect((await getPage(app, `/quotes/${quote.id}`)).html).not.toContain(`href="${path}"`);
    const response = await postForm(app, path, [
      ["version", String(quote.version)],
      ["title", quote.title],
      ...row("line-0", "0", "material", "50-gallon water heater", "1", "800"),
    ]);
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain(
      "That is not possible now for a record that is approved",
    );
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.revision).toBe(1);
  });
});

describe("edit forms - permissions", () => {
  it("permissions - the forms need workOrders.update and quotes.revise, for showing and for saving", () => {
    for (const method of ["GET", "POST"]) {
      expect(permissionFor(method, "/work-orders/wo_1/edit")).toBe("workOrders.update");
      expect(permissionFor(method, "/quotes/quo_1/revise")).toBe("quotes.revise");
    }
  });

  it("permissions - each role sees Edit and Revise and opens the forms only if it may; any other gets 403", async () => {
    const { remit, app } = await demoApp();
    const workOrder = await firstWorkOrder(remit, "open");
    const quote: Quote = await newQuote(remit);
    const forms = [
      {
        permission: "workOrders.update",
        page: `/work-orders/${workOrder.id}`,
        form: `/work-orders/${workOrder.id}/edit`,
        version: workOrder.version,
      },
      {
        permission: "quotes.revise",
        page: `/quotes/${quote.id}`,
        form: `/quotes/${quote.id}/revise`,
        version: quote.version,
      },
    ] as const;
    for (const role of roleNames) {
      for (const { permission, page, form, version } of forms) {
        const allowed = roleAllows(role, permission);
        const shown = await (await getAs(app, page, role)).text();
        expect(shown.includes(`href="${form}"`), `${role} ${page}`).toBe(allowed);
        expect((await getAs(app, form, role)).status, `${role} GET ${form}`).toBe(
          allowed ? 200 : 403,
        );
        if (!allowed) {
          const refused = await postAs(app, form, role, [["version", String(version)]]);
          expect(refused.status, `${role} POST ${form}`).toBe(403);
        }
      }
    }
  });
});

describe("browser: edit a work order and revise a quote (a real server on PGlite, Chromium)", () => {
  // Waits are for pages and elements, never for a clock; this only bounds a hang on a loaded
  // 2-core machine (axe over a page takes seconds there).
  const safetyNet = 600_000;
  const demo = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_browser" } };
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

  /** The lines editor's row that shows `description` (a row added by the script has no value attribute). */
  const rowWith = (page: Page, description: string) =>
    page.locator("#lines-editor tbody tr").filter({
      has: page.locator(`input[name="description"][value="${description}"]`),
    });

  /** Adds a row with "Add a line" and fills it in. */
  async function addLine(
    page: Page,
    kind: string,
    description: string,
    quantity: string,
    price: string,
  ) {
    await page.locator("#add-line").click();
    const added = page.locator("#lines-editor tbody tr").last();
    await added.getByLabel(/^Kind of/).selectOption(kind);
    await added.getByLabel(/^Description of/).fill(description);
    await added.getByLabel(/^Quantity of/).fill(quantity);
    await added.getByLabel(/^Unit price of/).fill(price);
  }

  it(
    "work order - the technician opens Edit, changes a line's hours, removes the material, adds a service and saves; the form has no serious axe violation",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await openBackOfficeAs(page, server.url, "technician");
      await page
        .getByRole("navigation", { name: "Back office" })
        .getByRole("link", { name: "Work orders" })
        .click();
      await page.getByRole("link", { name: "Bathroom rough-in plumbing" }).click();
      await page.getByRole("link", { name: "Edit", exact: true }).click();
      await page.getByRole("heading", { name: /Edit work order/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await rowWith(page, "Bathroom rough-in plumbing")
        .getByLabel(/^Quantity of/)
        .fill("7");
      await rowWith(page, "Parts and fittings").getByLabel("Remove").check();
      await addLine(page, "service", "Pressure test", "1", "80");
      await page.getByRole("button", { name: "Save work order" }).click();
      await page.waitForURL(/\/work-orders\/[^/?]+\?notice=/);
      expect(await page.getByRole("status").textContent()).toBe("Work order saved");
      expect(await page.locator("main").textContent()).toContain("Service: Pressure test");

      const id = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
      const saved = await server.remit.workOrders.get(demo, { id });
      expect(saved.labor.map((entry) => [entry.technician, entry.hours])).toEqual([
        ["Sam Reyes", "7"],
      ]);
      expect(saved.materials).toEqual([]);
      expect(saved.services.map((entry) => [entry.description, entry.unitPrice])).toEqual([
        ["Pressure test", "80"],
      ]);
      expect(saved.fees.map((fee) => fee.description)).toEqual(["Trip charge"]);
      await context.close();
    },
    safetyNet,
  );

  it(
    "quote - the office opens Revise, adds a row, removes a row and saves the next revision; the form has no serious axe violation",
    async () => {
      const [customer] = (await server.remit.customers.list(demo, { limit: 1 })).items;
      const { quote } = await server.remit.quotes.create(demo, {
        customerId: customer?.id ?? "",
        title: "Browser quote: kitchen sink",
        lines: [
          { kind: "material", description: "Kitchen sink", quantity: "1", unitPrice: "420" },
          { kind: "labor", description: "Install sink", quantity: "2", unitPrice: "95" },
        ],
      });
      const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
      const page = await context.newPage();
      await openBackOfficeAs(page, server.url, "office");
      await page.goto(`${server.url}/quotes`);
      await page.getByRole("link", { name: quote.title }).click();
      await page.getByRole("link", { name: "Revise", exact: true }).click();
      await page.getByRole("heading", { name: /Revise quote/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await rowWith(page, "Install sink").getByLabel("Remove").check();
      await addLine(page, "labor", "Install sink and disposal", "3", "95");
      await page.getByLabel("Memo (printed on the quote)").fill("Disposal included");
      await page.getByRole("button", { name: "Save revision" }).click();
      await page.waitForURL(/\/quotes\/[^/?]+\?notice=/);
      expect(await page.getByRole("status").textContent()).toBe("Saved revision 2");

      const { quote: revised } = await server.remit.quotes.get(demo, { id: quote.id });
      expect(revised.revision).toBe(2);
      expect(revised.content.memo).toBe("Disposal included");
      expect(revised.content.lines.map((line) => [line.description, line.quantity])).toEqual([
        ["Kitchen sink", "1"],
        ["Install sink and disposal", "3"],
      ]);
      await context.close();
    },
    safetyNet,
  );
});
