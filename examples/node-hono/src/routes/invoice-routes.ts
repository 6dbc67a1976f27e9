import type { InvoiceStatus, Remit } from "@remit/core";
import { Hono } from "hono";
import { jsonBody, remitContext } from "../request-context";

/** The REST API for invoices: `/api/invoices`. Every move answers `{ invoice, events }`. */
export function invoiceRoutes(remit: Remit, tenantId: string) {
  const routes = new Hono();
  const ctx = (context: Parameters<typeof remitContext>[0]) => remitContext(context, tenantId);

  routes.get("/", async (context) => {
    const query = context.req.query();
    const status = query.status ? (query.status.split(",") as InvoiceStatus[]) : undefined;
    const page = await remit.invoices.list(ctx(context), {
      ...(status ? { status } : {}),
      ...(query.search ? { search: query.search } : {}),
      ...(query.customerId ? { customerId: query.customerId } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.limit ? { limit: Number(query.limit) } : {}),
    });
    return context.json(page);
  });
  routes.post("/", async (context) =>
    context.json(await remit.invoices.create(ctx(context), await jsonBody(context)), 201),
  );
  routes.get("/:id", async (context) =>
    context.json(await remit.invoices.get(ctx(context), { id: context.req.param("id") })),
  );
  routes.patch("/:id", async (context) =>
    context.json(
      await remit.invoices.update(ctx(context), {
        ...(await jsonBody(context)),
        id: context.req.param("id"),
      } as never),
    ),
  );

  const moves = {
    submit: remit.invoices.submit,
    "request-changes": remit.invoices.requestChanges,
    issue: remit.invoices.issue,
    send: remit.invoices.send,
    cancel: remit.invoices.cancel,
    payments: remit.invoices.recordPayment,
    refunds: remit.invoices.refund,
  } as const;
  for (const [path, move] of Object.entries(moves)) {
    routes.post(`/:id/${path}`, async (context) => {
      const input = { ...(await jsonBody(context)), id: context.req.param("id") };
      return context.json(
        await (move as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx(context), input),
      );
    });
  }
  return routes;
}
