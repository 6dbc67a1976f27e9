import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { jsonBody, remitContext } from "../request-context";

/** The REST API for customers: `/api/customers`. */
export function customerRoutes(remit: Remit, tenantId: string) {
  const routes = new Hono();
  const ctx = (context: Parameters<typeof remitContext>[0]) => remitContext(context, tenantId);
  routes.get("/", async (context) => {
    const search = context.req.query("search");
    return context.json(await remit.customers.list(ctx(context), search ? { search } : {}));
  });
  routes.post("/", async (context) =>
    context.json(
      await remit.customers.create(ctx(context), (await jsonBody(context)) as never),
      201,
    ),
  );
  routes.get("/:id", async (context) =>
    context.json(await remit.customers.get(ctx(context), { id: context.req.param("id") })),
  );
  return routes;
}
