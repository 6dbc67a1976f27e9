import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBackOfficeAs } from "./support/back-office-as";
import { seriousAccessibilityViolations } from "./support/check-accessibility";
import { chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { tabTo } from "./support/keyboard";
import { saveScreenshot } from "./support/screenshots";
import { startTestServer, type TestServer } from "./support/start-test-server";

// One Chromium for every browser test (they share this file). Never skipped: `.ci/run` installs
// Chromium before the tests, and `launchChromium` installs it (Debian, as root) or fails saying how.
// Each test waits for pages and selectors, never for a clock; this only bounds a hang on a loaded
// 2-core machine (axe over a page takes seconds there).
const safetyNet = 600_000;
let server: TestServer;
let browser: Browser;
// What the Content-Security-Policy blocked, and axe's serious or critical findings: must be none.
const blocked: string[] = [];
const violations: string[] = [];
const checkedPages = new Set<string>();

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, chromiumInstallTimeoutMs + safetyNet);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  return { context, page };
}

/** Each distinct page (by path, ids left out) is checked with axe once. */
async function checkPage(page: Page): Promise<void> {
  const key = new URL(page.url()).pathname
    .replace(/\/(inv|wo|cus|quo)_[^/]+/g, "/:id")
    .replace(/^\/i\/[^/]+/, "/i/:token");
  if (checkedPages.has(key)) return;
  checkedPages.add(key);
  violations.push(...(await seriousAccessibilityViolations(page)));
}

/** Visits a step of the walk: waits for its heading, checks it with axe, saves its screenshot. */
async function step(page: Page, name: string): Promise<void> {
  await page.locator("h1").first().waitFor();
  await checkPage(page);
  await saveScreenshot(page, name);
}

const statusOf = (page: Page, id = "#invoice-status") =>
  page.locator(id).getAttribute("data-status");

/**
 * The main job: a work order to a paid invoice. The technician completes it and submits its
 * invoice; the office approves, issues, sends and takes the payment; the customer sees it paid.
 */
async function walkMainJob(page: Page, options: { job: string; prefix: string }) {
  const { prefix } = options;
  await openBackOfficeAs(page, server.url, "technician");
  await step(page, `${prefix}-01-home`);

  await page
    .getByRole("navigation", { name: "Back office" })
    .getByRole("link", { name: "Work orders" })
    .click();
  const job = page.locator("tr", { hasText: options.job });
  await job.waitFor();
  await step(page, `${prefix}-02-work-orders`);
  await job.getByRole("button", { name: "Complete" }).click();
  await page.getByRole("status").waitFor();
  expect(await job.getAttribute("data-status")).toBe("complete_invoice_needed");

  await job.getByRole("link", { name: "Review & submit invoice" }).click();
  await page.getByRole("heading", { name: /Review invoice/ }).waitFor();
  await page
    .getByLabel("Memo (printed on the invoice)")
    .fill("Thanks for choosing Reyes Plumbing!");
  await step(page, `${prefix}-03-review-and-submit`);
  await page.locator("#submit-invoice").click();
  await page.waitForURL(/\/invoices\/[^/?]+\?notice=/);
  expect(await statusOf(page)).toBe("pending_review");
  expect(await page.locator("#invoice-status").textContent()).toBe("In review");
  const invoiceUrl = page.url().split("?")[0] ?? "";
  // A technician's invoice waits for the office: no approve button, and the move is refused.
  expect(await page.getByRole("button", { name: "Approve & issue", exact: true }).count()).toBe(0);
  const refused = await page.request.post(invoiceUrl, {
    form: { move: "issue", version: "1" },
    headers: { origin: server.url },
  });
  expect(refused.status()).toBe(403);

  await openBackOfficeAs(page, server.url, "office");
  await page.goto(invoiceUrl);
  await step(page, `${prefix}-04-invoice-in-review`);
  await page.getByRole("button", { name: "Approve & issue", exact: true }).click();
  await page.getByRole("status").waitFor();
  expect(await statusOf(page)).toBe("pending_payment");
  expect(await page.getByRole("status").textContent()).toMatch(
    /Issued as INV-\d{4}-\d{4}\. It has not been sent/,
  );
  await page.locator("#not-sent").waitFor();
  await step(page, `${prefix}-05-issued-not-sent`);
  await page.locator("#send-invoice").click();
  await page.getByRole("status", { name: "" }).filter({ hasText: "Sending by email" }).waitFor();

  const hostedPath = (await page.locator("#customer-page").getAttribute("href")) ?? "";
  const hosted = await page.goto(`${server.url}${hostedPath}`);
  expect(await statusOf(page, "#status")).toBe("pending_payment");
  expect(await page.locator("#status").textContent()).toBe("Awaiting payment");
  expect((await hosted?.body())?.byteLength).toBeLessThan(30 * 1024);
  await step(page, `${prefix}-06-customer-page`);

  await page.goto(invoiceUrl);
  await page.locator("#record-payment").click();
  await page.getByLabel("Amount received").fill("99999");
  await page.getByLabel("Check number or card reference").fill("2041");
  await step(page, `${prefix}-07-record-payment`);
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.locator("#overpayment").waitFor();
  await step(page, `${prefix}-08-confirm-overpayment`);
  await page.locator("#change-amount").click();
  const amountDue = (await page.locator("#amount-due").textContent())?.replace(/[$,]/g, "") ?? "";
  await page.getByLabel("Amount received").fill(amountDue);
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.waitForURL(/\/invoices\/[^/?]+\?notice=/);
  expect(await statusOf(page)).toBe("paid");
  expect(await page.locator("#payments").textContent()).toContain("2041");
  await step(page, `${prefix}-09-invoice-paid`);

  await page.goto(`${server.url}${hostedPath}`);
  expect(await page.locator("#status").textContent()).toBe("Paid");
  await step(page, `${prefix}-10-customer-page-paid`);
}

describe("browser: the main job, on a desk and on a phone", () => {
  it(
    "walk at 1280 px - complete, review & submit, approve & issue, send, overpayment asked, paid by check",
    async () => {
      const { context, page } = await newPage(1280);
      await walkMainJob(page, { job: "Annual boiler service", prefix: "desktop" });
      await context.close();
    },
    safetyNet,
  );

  it(
    "walk at 390 px - the same job on a phone",
    async () => {
      const { context, page } = await newPage(390);
      await walkMainJob(page, { job: "Install tankless water heater", prefix: "phone" });
      await context.close();
    },
    safetyNet,
  );

  it(
    "customer page - no request leaves the server, the HTML is under 30 KB",
    async () => {
      const { context, page } = await newPage(390);
      const [invoice] = (
        await server.remit.invoices.list(
          { tenantId: "demo-plumbing", actor: { type: "system" } },
          { status: "past_due" },
        )
      ).items;
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const response = await page.goto(`${server.url}/i/${invoice?.publicToken}`);
      expect((await response?.body())?.byteLength).toBeLessThan(30 * 1024);
      expect(
        requests.filter((url) => new URL(url).origin !== server.url && !url.startsWith("data:")),
      ).toEqual([]);
      await step(page, "phone-11-customer-page-past-due");
      await context.close();
    },
    safetyNet,
  );

  it(
    "keyboard only - the main job without a mouse",
    async () => {
      const { context, page } = await newPage(1280);
      await openBackOfficeAs(page, server.url, "office");
      await tabTo(
        page,
        page
          .getByRole("navigation", { name: "Back office" })
          .getByRole("link", { name: "Work orders" }),
      );
      await page.keyboard.press("Enter");
      const job = page.locator("tr", { hasText: "Bathroom rough-in plumbing" });
      await job.waitFor();
      await tabTo(page, job.getByRole("button", { name: "Complete" }));
      await page.keyboard.press("Enter");
      await page.getByRole("status").waitFor();
      await tabTo(page, job.getByRole("link", { name: "Review & submit invoice" }));
      await page.keyboard.press("Enter");
      await page.locator("#submit-invoice").waitFor();
      await tabTo(page, page.locator("#submit-invoice"), 200);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/invoices\/[^/?]+\?notice=/);
      await tabTo(page, page.locator("#approve-issue-send"));
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: "sending by email" }).waitFor();
      expect(await statusOf(page)).toBe("pending_payment");
      await tabTo(page, page.locator("#record-payment"));
      await page.keyboard.press("Enter");
      await page.getByLabel("Amount received").waitFor();
      await tabTo(page, page.getByLabel("Check number or card reference"));
      await page.keyboard.type("3001");
      await page.keyboard.press("Enter"); // submits the form
      await page.waitForURL(/\/invoices\/[^/?]+\?notice=/);
      expect(await statusOf(page)).toBe("paid");
      await context.close();
    },
    safetyNet,
  );

  it(
    "sign-in - a page sends the browser to sign in and back; a wrong password keeps the email",
    async () => {
      const { context, page } = await newPage(1280);
      await page.goto(`${server.url}/work-orders`);
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await checkPage(page);
      await saveScreenshot(page, "desktop-00-sign-in");
      await page.getByLabel("Email").fill("tech@demo.remit.dev");
      await page.getByLabel("Password").fill("wrong password");
      await page.getByRole("button", { name: "Sign in" }).click();
      expect(await page.getByRole("alert").textContent()).toMatch(/do not match/);
      expect(await page.getByLabel("Email").inputValue()).toBe("tech@demo.remit.dev");
      await page.getByLabel("Password").fill("demo-tech-pass");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Sam Ortiz (technician)").waitFor();
      expect(new URL(page.url()).pathname).toBe("/work-orders");
      await context.close();
    },
    safetyNet,
  );

  it(
    "roles - the office cannot open the owner's settings; the owner can, and makes an API key",
    async () => {
      const { context, page } = await newPage(1280);
      await openBackOfficeAs(page, server.url, "office");
      expect(await page.getByRole("link", { name: "Team" }).count()).toBe(0);
      expect((await page.goto(`${server.url}/settings/team`))?.status()).toBe(403);
      expect(await page.getByRole("heading", { name: "Not allowed" }).count()).toBe(1);
      await openBackOfficeAs(page, server.url, "owner");
      await page.getByRole("link", { name: "Team" }).click();
      await page.getByRole("heading", { name: "Team" }).waitFor();
      await page
        .locator('form[action="/settings/api-keys"] input[name="name"]')
        .fill("Accounting sync");
      await page.getByRole("button", { name: "Create key" }).click();
      expect(await page.locator("#new-api-key").textContent()).toMatch(/^remit_/);
      await step(page, "desktop-page-settings-team");
      await context.close();
    },
    safetyNet,
  );

  it(
    "batch - the office checks work orders and invoices, runs Invoice selected and Send selected, and sees a progress bar and each item's result",
    async () => {
      const { context, page } = await newPage(1280);
      const ctx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_batch" } };
      // Two finished jobs waiting for their invoices, made for this test.
      const [customer] = (await server.remit.customers.list(ctx, { limit: 1 })).items;
      const titles = ["Batch job: water heater flush", "Batch job: faucet swap"];
      for (const title of titles) {
        const { workOrder } = await server.remit.workOrders.create(ctx, {
          customerId: customer?.id ?? "",
          title,
          labor: [{ technician: "Sam Reyes", description: title, hours: "1", hourlyRate: "95" }],
        });
        await server.remit.workOrders.complete(ctx, { id: workOrder.id });
      }
      await openBackOfficeAs(page, server.url, "office");
      await page.goto(`${server.url}/work-orders?status=complete_invoice_needed`);
      for (const title of titles) await page.getByLabel(`Select ${title}`).check();
      await page.getByRole("button", { name: "Invoice selected" }).click();
      // The page follows the batch until it is finished (the script fetches it again).
      await page.locator('#batch-progress[data-finished="true"]').waitFor();
      await step(page, "desktop-page-batch-invoice");
      expect(await page.locator("#batch-progress").getAttribute("value")).toBe("2");
      for (const title of titles) {
        const row = page.locator("#batch-items tr", { hasText: title });
        expect(await row.getAttribute("data-outcome")).toBe("done");
        expect(await row.textContent()).toContain("Invoice submitted");
      }
      expect(await page.locator("#batch-summary").textContent()).toMatch(/2 invoice submitted/);

      // Send selected: two issued invoices, one whose customer has no email (refused, by itself).
      const issued = (await server.remit.invoices.list(ctx, { status: "pending_payment" })).items;
      const chosen = issued.slice(0, 2);
      expect(chosen.length).toBe(2);
      await page.goto(`${server.url}/invoices?status=pending_payment`);
      for (const invoice of chosen)
        await page.getByLabel(`Select invoice ${invoice.number}`).check();
      await page.getByRole("button", { name: "Send selected" }).click();
      await page.locator('#batch-progress[data-finished="true"]').waitFor();
      await step(page, "desktop-page-batch-send");
      for (const invoice of chosen) {
        const row = page.locator(`#batch-items tr[data-item-id="${invoice.id}"]`);
        const outcome = await row.getAttribute("data-outcome");
        const email = invoice.customer?.email;
        expect(outcome).toBe(email ? "done" : "refused");
      }
      await context.close();
      // The polling script ran under the CSP (its fetches allowed), and axe found nothing serious.
      expect(blocked).toEqual([]);
      expect(violations).toEqual([]);
    },
    safetyNet,
  );

  it(
    "axe - every other page has no serious or critical violation",
    async () => {
      const { context, page } = await newPage(1280);
      await openBackOfficeAs(page, server.url, "owner");
      const ctx = { tenantId: "demo-plumbing", actor: { type: "system" as const } };
      const [invoice] = (await server.remit.invoices.list(ctx, { status: "pending_action" })).items;
      const [customer] = (await server.remit.customers.list(ctx, { limit: 1 })).items;
      const [workOrder] = (await server.remit.workOrders.list(ctx, { status: "open" })).items;
      const { quote } = await server.remit.quotes.create(
        { ...ctx, actor: { type: "user", id: "u_axe" } },
        {
          customerId: customer?.id ?? "",
          title: "New water heater",
          lines: [
            { kind: "material", description: "Water heater", quantity: "1", unitPrice: "900" },
          ],
        },
      );
      const { plan } = await server.remit.plans.create(
        { ...ctx, actor: { type: "user", id: "u_axe" } },
        {
          customerId: customer?.id ?? "",
          name: "Quarterly HVAC service",
          schedule: { rrule: "FREQ=MONTHLY;INTERVAL=3", startDate: "2027-01-31" },
          lines: [{ kind: "service", description: "Service", quantity: "1", unitPrice: "189" }],
        },
      );
      const paths = [
        "/plans",
        "/plans/new",
        `/plans/${plan.id}`,
        "/invoices",
        "/invoices?status=unpaid",
        "/invoices/new",
        `/invoices/${invoice?.id}`,
        `/invoices/${invoice?.id}/edit`,
        "/customers",
        "/customers/new",
        `/customers/${customer?.id}`,
        "/reports/aging",
        "/work-orders/new",
        `/work-orders/${workOrder?.id}/edit`,
        "/quotes",
        "/quotes/new",
        `/quotes/${quote.id}`,
        `/quotes/${quote.id}/revise`,
        "/settings/payments",
        "/no-such-page",
        "/i/no-such-token",
      ];
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        await step(
          page,
          `desktop-page${path.replace(/[^a-z0-9]+/gi, "-").replace(/-(inv|cus|wo|quo|plan)-[0-9A-Z]{26}/g, "-one")}`,
        );
      }
      await page.goto(`${server.url}/invoices/new`);
      // The lines editor's script adds rows (the CSP lets the file run).
      await page.locator("#add-line").click();
      expect(await page.locator("#lines-editor tbody tr").count()).toBe(2);
      // The back office is styled under its CSP: the stylesheet's hash matched.
      expect(await page.locator("body").evaluate((body) => getComputedStyle(body).maxWidth)).toBe(
        "1152px",
      );
      await context.close();
      expect(violations).toEqual([]);
      expect(blocked).toEqual([]);
    },
    safetyNet,
  );
});
