import type { Quote, Remit } from "@remit/core";
import { Hono } from "hono";
import { jsonBody, remitContext } from "../request-context";

/** The REST API for quotes: `/api/quotes`. Every move answers `{ quote, events }` (and more). */
export function quoteRoutes(remit: Remit, tenantId: string) {
  const routes = new Hono();
  const ctx = (context: Parameters<typeof remitContext>[0]) => remitContext(context, tenantId);

  routes.get("/", async (context) => {
    const query = context.req.query();
    return context.json(
      await remit.quotes.list(ctx(context), {
        ...(query.status ? { status: query.status.split(",") as Quote["status"][] } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: Number(query.limit) } : {}),
      }),
    );
  });
  routes.post("/", async (context) =>
    context.json(await remit.quotes.create(ctx(context), (await jsonBody(context)) as never), 201),
  );
  routes.get("/:id", async (context) =>
    context.json(await remit.quotes.get(ctx(context), { id: context.req.param("id") })),
  );

  const moves = {
    revise: remit.quotes.revise,
    send: remit.quotes.send,
    approve: remit.quotes.approve,
    decline: remit.quotes.decline,
    deposits: remit.quotes.recordDeposit,
    "deposit-refunds": remit.quotes.refundDeposit,
    "convert-to-work-order": remit.quotes.convertToWorkOrder,
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
