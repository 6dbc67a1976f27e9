import type { Remit, WorkOrderStatus } from "@remit/core";
import { Hono } from "hono";
import { jsonBody, remitContext } from "../request-context";

/** The REST API for work orders: `/api/work-orders`. Every move answers `{ workOrder, events }`. */
export function workOrderRoutes(remit: Remit, tenantId: string) {
  const routes = new Hono();
  const ctx = (context: Parameters<typeof remitContext>[0]) => remitContext(context, tenantId);

  routes.get("/", async (context) => {
    const query = context.req.query();
    return context.json(
      await remit.workOrders.list(ctx(context), {
        ...(query.status ? { status: query.status.split(",") as WorkOrderStatus[] } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: Number(query.limit) } : {}),
      }),
    );
  });
  routes.post("/", async (context) =>
    context.json(
      await remit.workOrders.create(ctx(context), (await jsonBody(context)) as never),
      201,
    ),
  );
  routes.get("/:id", async (context) =>
    context.json(await remit.workOrders.get(ctx(context), { id: context.req.param("id") })),
  );
  routes.patch("/:id", async (context) =>
    context.json(
      await remit.workOrders.update(ctx(context), {
        ...(await jsonBody(context)),
        id: context.req.param("id"),
      } as never),
    ),
  );
  routes.get("/:id/invoice-draft", async (context) =>
    context.json(
      await remit.workOrders.draftInvoice(ctx(context), { id: context.req.param("id") }),
    ),
  );

  const moves = {
    schedule: remit.workOrders.schedule,
    start: remit.workOrders.start,
    complete: remit.workOrders.complete,
    cancel: remit.workOrders.cancel,
    // Review & submit: `{ changes?: { lines, memo, … } }` creates and submits (or issues) the invoice.
    "submit-invoice": remit.workOrders.submitInvoice,
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
