import { createRemit, type Invoice, type PaymentProvider, type Remit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { createApp } from "../../src/app";
import { seedDemoData } from "../../src/seed-demo-data";

export const tenantId = "demo";
export const ctx = { tenantId, actor: { type: "user" as const, id: "u_1" } };

/** The example's app on the memory store with the demo data. */
export async function demoApp(options: { checkoutProvider?: PaymentProvider } = {}) {
  const remit = createRemit({ store: createMemoryStore() });
  await seedDemoData(remit, tenantId);
  return { remit, app: createApp(remit, { identity: { testHeaders: tenantId }, ...options }) };
}

export type DemoApp = Awaited<ReturnType<typeof demoApp>>["app"];

/** The demo's first invoice in `status`. */
export async function firstInvoice(remit: Remit, status: Invoice["status"]): Promise<Invoice> {
  const [invoice] = (await remit.invoices.list(ctx, { status, limit: 1 })).items;
  if (!invoice) throw new Error(`no ${status} invoice in the demo data`);
  return invoice;
}

/** A form post as a browser sends it. */
export function postForm(app: DemoApp, path: string, fields: [string, string][]) {
  return app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
  });
}

/** A page as a browser asks for it. */
export async function getPage(app: DemoApp, path: string) {
  const response = await app.request(path, { headers: { accept: "text/html" } });
  return { status: response.status, html: await response.text(), response };
}

/** A page's text without its tags, spaces made plain. */
export function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/gu, " ")
    .trim();
}
