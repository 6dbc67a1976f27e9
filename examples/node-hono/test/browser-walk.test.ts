import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "../src/auth/roles";
import { demoUsers } from "../src/auth/seed-demo-users";
import { artifactsDir, chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { startTestServer } from "./support/start-test-server";

// Never skipped: `.ci/run` installs Chromium before the tests, and `launchChromium` installs it
// (Debian, as root) or fails saying how to.
describe("browser: a work order to a paid invoice through the back office", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  // What the back office's and the hosted page's Content-Security-Policy blocked: must be nothing.
  const blocked: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
  }, chromiumInstallTimeoutMs + 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  const invoiceStatus = () => page.locator("#invoice-status").textContent();

  /** Signs out whoever is signed in, then in as the demo user with `role`, through the form. */
  async function signInAs(role: RoleName) {
    const user = demoUsers.find((candidate) => candidate.role === role);
    if (await page.getByRole("button", { name: "Sign out" }).count()) {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
    } else {
      await page.goto(`${server.url}/sign-in`);
    }
    await page.getByLabel("Email").fill(user?.email ?? "");
    await page.getByLabel("Password").fill(user?.password ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(`${user?.name} (${role})`).waitFor();
  }

  it("walk - the technician completes, reviews & submits; the office approves & issues and takes a check; every status shows", async () => {
    // Not signed in: the back office sends the browser to sign in, and back.
    await page.goto(`${server.url}/work-orders`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Email").fill("tech@demo.remit.dev");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/do not match/);
    expect(await page.getByLabel("Email").inputValue()).toBe("tech@demo.remit.dev");
    await page.getByLabel("Password").fill("demo-tech-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Sam Ortiz (technician)").waitFor();
    expect(new URL(page.url()).pathname).toBe("/work-orders");
    const job = page.locator("tr", { hasText: "Annual boiler service" });
    await expect.poll(() => job.getAttribute("data-status")).toBe("open");
    await shot("01-work-orders");

    await job.getByRole("button", { name: "Complete" }).click();
    await page.getByRole("status").waitFor();
    expect(await job.getAttribute("data-status")).toBe("complete_invoice_needed");

    await job.getByRole("link", { name: "Review & submit invoice" }).click();
    await page.getByRole("heading", { name: /Review invoice/ }).waitFor();
    await page.locator('textarea[name="memo"]').fill("Thanks for choosing Reyes Plumbing!");
    await shot("02-review-and-submit");
    await page.locator("#submit-invoice").click();

    await page.locator("#invoice-status").waitFor();
    expect(await invoiceStatus()).toBe("pending_review");
    const invoiceUrl = page.url();
    const invoiceId = decodeURIComponent(new URL(invoiceUrl).pathname.split("/")[2] ?? "");
    await shot("03-invoice-pending-review");

    await page.goto(`${server.url}/?status=pending_review`);
    expect(
      await page.locator(`tr[data-invoice-id="${invoiceId}"]`).getAttribute("data-status"),
    ).toBe("pending_review");
    await page.goto(`${server.url}/work-orders?status=invoiced`);
    await page.locator("tr", { hasText: "Annual boiler service" }).waitFor();

    // A technician's invoice waits for the office: no approve button, and the move is refused.
    await page.goto(invoiceUrl);
    expect(await page.getByRole("button", { name: "Approve & issue" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Team" }).count()).toBe(0);
    const refused = await page.request.post(`${invoiceUrl}/issue`, {
      form: { version: "1" },
      headers: { origin: server.url },
    });
    expect(refused.status()).toBe(403);

    await signInAs("office");
    await page.goto(invoiceUrl);
    await page.getByRole("button", { name: "Approve & issue" }).click();
    await page.getByRole("status").waitFor();
    expect(await invoiceStatus()).toBe("pending_payment");
    expect(await page.getByRole("status").textContent()).toMatch(/Issued as INV-\d{4}-\d{4}/);

    const hostedUrl = (await page.locator("#customer-page").getAttribute("href")) ?? "";
    await page.goto(`${server.url}${hostedUrl}`);
    expect(await page.locator("#status").textContent()).toBe("pending_payment");
    expect(await page.locator("#pay").textContent()).toContain("By check");
    const pdf = await page.request.get(
      `${server.url}${await page.locator("#download-pdf").getAttribute("href")}`,
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await shot("04-hosted-page-pending-payment");

    await page.goto(invoiceUrl);
    const amountDue = await page.locator('input[name="amount"]').inputValue();
    await page.locator('input[name="amount"]').fill("twelve dollars");
    await page.locator('input[name="reference"]').fill("2041");
    await page.getByRole("button", { name: "Record check payment" }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/Invalid amount/);
    expect(await invoiceStatus()).toBe("pending_payment");
    await shot("05-refused-payment-shows-error");

    await page.locator('input[name="amount"]').fill(amountDue);
    await page.locator('input[name="reference"]').fill("2041");
    await page.getByRole("button", { name: "Record check payment" }).click();
    await page.getByRole("status").waitFor();
    expect(await invoiceStatus()).toBe("paid");
    expect(await page.locator("#payments").textContent()).toContain("2041");
    expect(await page.locator("#events").textContent()).toContain("invoice.paid");
    await shot("06-invoice-paid");

    await page.goto(`${server.url}/?status=paid`);
    expect(
      await page.locator(`tr[data-invoice-id="${invoiceId}"]`).getAttribute("data-status"),
    ).toBe("paid");
    await page.goto(`${server.url}${hostedUrl}`);
    expect(await page.locator("#status").textContent()).toBe("paid");
    expect(await page.locator("#pay").textContent()).toContain("Paid in full");
    await shot("07-hosted-page-paid");

    // The office cannot open the owner's settings; the owner can, and makes an API key.
    expect((await page.goto(`${server.url}/settings/team`))?.status()).toBe(403);
    expect(await page.getByRole("heading", { name: "Not allowed" }).count()).toBe(1);
    await signInAs("owner");
    await page.getByRole("link", { name: "Team" }).click();
    await page.getByRole("heading", { name: "Team" }).waitFor();
    await page
      .locator('form[action="/settings/api-keys"] input[name="name"]')
      .fill("Accounting sync");
    await page.getByRole("button", { name: "Create key" }).click();
    expect(await page.locator("#new-api-key").textContent()).toMatch(/^remit_/);
    await shot("08-team-and-api-keys");
    expect(blocked).toEqual([]);
    // The back office is styled under its CSP: the stylesheet's hash matched.
    await page.goto(`${server.url}/work-orders`);
    expect(await page.locator("body").evaluate((body) => getComputedStyle(body).maxWidth)).toBe(
      "1024px",
    );
  }, 120_000);
});
