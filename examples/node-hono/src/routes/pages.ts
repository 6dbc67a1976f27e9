import { escapeHtml, formatMoney, type Invoice, type Remit } from "@remit/core";
import { Hono } from "hono";

const style = `<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
table{border-collapse:collapse;width:100%}td,th{padding:.4rem .6rem;border-bottom:1px solid #dde3ea;text-align:left}
.status{font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;background:#eef2f6}.num{text-align:right}</style>`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${style}</head><body>${body}</body></html>`;
}

function money(amount: string, invoice: Invoice): string {
  return escapeHtml(formatMoney(amount, invoice.currency, "en-US"));
}

/** The back office (`/`) and the customer's hosted invoice page (`/i/:token`). */
export function pageRoutes(remit: Remit, tenantId: string) {
  const routes = new Hono();

  routes.get("/", async (context) => {
    const ctx = { tenantId, actor: { type: "user" as const, id: "demo-user" } };
    const status = context.req.query("status");
    const { items } = await remit.invoices.list(ctx, {
      limit: 100,
      ...(status ? { status: status as Invoice["status"] } : {}),
    });
    const rows = items
      .map(
        (
          invoice,
        ) => `<tr data-status="${invoice.status}"><td>${escapeHtml(invoice.number ?? "(draft)")}</td>
<td>${escapeHtml(invoice.customer?.name ?? "")}</td><td><span class="status">${invoice.status}</span></td>
<td class="num">${money(invoice.total, invoice)}</td><td class="num">${money(invoice.amountDue, invoice)}</td>
<td>${escapeHtml(invoice.dueDate ?? "")}</td>
<td>${invoice.publicToken ? `<a href="/i/${encodeURIComponent(invoice.publicToken)}">customer page</a>` : ""}</td></tr>`,
      )
      .join("\n");
    const filters = [
      "",
      "pending_action",
      "pending_review",
      "pending_payment",
      "past_due",
      "paid",
      "cancelled",
    ]
      .map((value) => `<a href="/${value ? `?status=${value}` : ""}">${value || "all"}</a>`)
      .join(" · ");
    return context.html(
      page(
        "Invoices",
        `<h1>Invoices</h1><p>${filters}</p><table><thead><tr><th>Number</th><th>Customer</th><th>Status</th>
<th class="num">Total</th><th class="num">Due</th><th>Due date</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
      ),
    );
  });

  routes.get("/i/:token", async (context) => {
    const invoice = await remit.invoices.getByPublicToken({ token: context.req.param("token") });
    const lines = invoice.totals.lines
      .map(
        (
          line,
        ) => `<tr><td>${escapeHtml(line.description || line.kind)}</td><td class="num">${escapeHtml(line.quantity)}</td>
<td class="num">${money(line.unitPrice, invoice)}</td><td class="num">${money(line.total, invoice)}</td></tr>`,
      )
      .join("\n");
    return context.html(
      page(
        `Invoice ${invoice.number ?? ""}`,
        `<h1>Invoice ${escapeHtml(invoice.number ?? "")}</h1>
<p>For ${escapeHtml(invoice.customer?.name ?? "")} · issued ${escapeHtml(invoice.issueDate ?? "")} · due ${escapeHtml(invoice.dueDate ?? "")}</p>
<p><span class="status" id="status">${invoice.status}</span></p>
<table><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Total</th></tr></thead><tbody>${lines}</tbody></table>
<p class="num">Tax ${money(invoice.totals.taxTotal, invoice)} · Total <strong>${money(invoice.total, invoice)}</strong></p>
<p class="num">Paid ${money(invoice.amountPaid, invoice)} · <strong id="amount-due">Amount due ${money(invoice.amountDue, invoice)}</strong></p>
<p>To pay by check, make it out to the business named on this invoice and write the invoice number on it.</p>`,
      ),
    );
  });
  return routes;
}
