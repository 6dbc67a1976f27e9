import type { Permission } from "./roles";

// What each back-office route needs, in one table, so the list can be read in one place and a new
// route cannot be forgotten: a state-changing request to a route not listed here is refused for
// every role (fail closed). Pages that only show records are open to every member.

type Rule = { method: "GET" | "POST"; path: string; permission: Permission };

const rules: Rule[] = [
  // The lists' batch buttons: the batch call's own permission.
  { method: "POST", path: "/batches/invoice-work-orders", permission: "workOrders.submitInvoices" },
  { method: "POST", path: "/batches/send-invoices", permission: "invoices.sendMany" },
  { method: "POST", path: "/invoices/new", permission: "invoices.create" },
  { method: "POST", path: "/invoices/:id/edit", permission: "invoices.update" },
  // The invoice page's forms post to the page itself with their `move`: the handler asks the
  // move's own permission (invoices.submit, .issue, .send, .cancel, …) before making it.
  { method: "POST", path: "/invoices/:id", permission: "invoices.get" },
  { method: "POST", path: "/invoices/:id/issue-and-send", permission: "invoices.issue" },
  { method: "POST", path: "/invoices/:id/submit", permission: "invoices.submit" },
  { method: "POST", path: "/invoices/:id/request-changes", permission: "invoices.requestChanges" },
  { method: "POST", path: "/invoices/:id/issue", permission: "invoices.issue" },
  { method: "POST", path: "/invoices/:id/send", permission: "invoices.send" },
  { method: "POST", path: "/invoices/:id/payments", permission: "invoices.recordPayment" },
  { method: "POST", path: "/invoices/:id/refunds", permission: "invoices.refund" },
  { method: "POST", path: "/invoices/:id/cancel", permission: "invoices.cancel" },
  { method: "POST", path: "/invoices/:id/rotate-link", permission: "invoices.rotatePublicToken" },
  { method: "POST", path: "/credit-notes/:id/send", permission: "invoices.sendCreditNote" },
  { method: "POST", path: "/work-orders/:id/complete", permission: "workOrders.complete" },
  { method: "POST", path: "/work-orders/:id/stages", permission: "workOrders.billStage" },
  { method: "POST", path: "/work-orders/:id/retainage", permission: "workOrders.billRetainage" },
  {
    method: "POST",
    path: "/work-orders/:id/submit-invoice",
    permission: "workOrders.submitInvoice",
  },
  { method: "POST", path: "/customers/new", permission: "customers.create" },
  { method: "POST", path: "/customers/:id/edit", permission: "customers.update" },
  { method: "POST", path: "/work-orders/new", permission: "workOrders.create" },
  { method: "POST", path: "/work-orders/:id/review", permission: "workOrders.submitInvoice" },
  // The edit forms: showing one is asking for the change, so the page needs the right too.
  { method: "GET", path: "/work-orders/:id/edit", permission: "workOrders.update" },
  { method: "POST", path: "/work-orders/:id/edit", permission: "workOrders.update" },
  { method: "GET", path: "/quotes/:id/revise", permission: "quotes.revise" },
  { method: "POST", path: "/quotes/:id/revise", permission: "quotes.revise" },
  { method: "POST", path: "/quotes/new", permission: "quotes.create" },
  // As the invoice page: the handler asks quotes.send, .approve, .decline or .convertToWorkOrder.
  { method: "POST", path: "/quotes/:id", permission: "quotes.get" },
  { method: "GET", path: "/reports/aging", permission: "reports.aging" },
  // Service plans: the office's; the plan page's forms ask pause, resume, skip or end themselves.
  { method: "GET", path: "/plans", permission: "plans.list" },
  { method: "GET", path: "/plans/*", permission: "plans.get" },
  { method: "POST", path: "/plans/new", permission: "plans.create" },
  { method: "POST", path: "/plans/:id", permission: "plans.get" },
  {
    method: "GET",
    path: "/customers/:id/statement.pdf",
    permission: "reports.customerStatement",
  },
  { method: "POST", path: "/settings/receipts", permission: "settings.payments" },
  { method: "GET", path: "/settings/payments/*", permission: "settings.payments" },
  { method: "POST", path: "/settings/payments/*", permission: "settings.payments" },
  { method: "GET", path: "/settings/team/*", permission: "settings.team" },
  { method: "POST", path: "/settings/team/*", permission: "settings.team" },
  { method: "POST", path: "/settings/api-keys/*", permission: "settings.apiKeys" },
];

/** `/invoices/:id/issue` as a regular expression; a trailing `/*` also matches the path itself. */
function patternOf(path: string): RegExp {
  const open = path.endsWith("/*");
  const body = (open ? path.slice(0, -2) : path)
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${body}${open ? "(/.*)?" : ""}$`);
}

const compiled = rules.map((rule) => ({ ...rule, pattern: patternOf(rule.path) }));

/**
 * What a back-office request needs: a permission, `"member"` (any signed-in member: pages that
 * only show records), or `undefined` when no role may make it (an unlisted state-changing route).
 */
export function permissionFor(method: string, path: string): Permission | "member" | undefined {
  const asked = method === "HEAD" ? "GET" : method;
  const rule = compiled.find(
    (candidate) => candidate.method === asked && candidate.pattern.test(path),
  );
  if (rule) return rule.permission;
  return asked === "GET" ? "member" : undefined;
}
