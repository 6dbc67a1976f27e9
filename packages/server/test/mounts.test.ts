import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createRemitHandler, type RemitHandler } from "../src/index";
import { authenticateByTestHeader, createStripeTestRemit, ctx } from "./support/create-test-remit";
import { listenOnLoopback } from "./support/listen";
import { type RouteModule, serveRouteModule } from "./support/next-route-handler";

// Each host serves the same handler on 127.0.0.1; the same walk then runs through real HTTP.
const mounts: Record<string, (handler: RemitHandler) => Server> = {
  hono: (handler) => {
    const host = new Hono();
    host.get("/health", (context) => context.text("host ok"));
    host.route("/", handler.app);
    return createServer(getRequestListener(host.fetch));
  },
  "express 5": (handler) => {
    const host = express();
    host.get("/health", (_request, response) => {
      response.send("host ok");
    });
    // Before any body parser: Remit reads the raw body (Stripe signs its exact bytes).
    host.use(getRequestListener(handler.fetch));
    return createServer(host);
  },
  "node http": (handler) => {
    const remit = getRequestListener(handler.fetch);
    return createServer((request, response) => {
      if (request.url === "/health") return void response.end("host ok");
      return remit(request, response);
    });
  },
  "next.js route handler": (handler) => {
    // app/[...remit]/route.ts: `export const { GET, POST, PATCH } = routeHandlers;` — here the
    // same exports, served without Next; /health stands for the host's other pages.
    const { fetch } = handler;
    const routeHandlers: RouteModule = {
      GET: (request) =>
        new URL(request.url).pathname === "/health"
          ? Promise.resolve(new Response("host ok"))
          : fetch(request),
      POST: fetch,
      PATCH: fetch,
    };
    return serveRouteModule(routeHandlers);
  },
};

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  cleanups = [];
});

describe.each(Object.keys(mounts))("mounted in %s", (name) => {
  it("mount - the host's own routes, the API with its auth, the hosted page, and a Stripe webhook signed by the stripe SDK", async () => {
    const test = await createStripeTestRemit();
    let publicUrl = "";
    const handler = createRemitHandler({
      remit: test.remit,
      payments: { stripe: test.stripe },
      authenticate: authenticateByTestHeader,
      publicUrl: () => publicUrl,
    });
    const server = await listenOnLoopback(
      (mounts[name] as (handler: RemitHandler) => Server)(handler),
    );
    publicUrl = server.url;
    cleanups.push(server.close, test.close);

    expect(await (await fetch(`${server.url}/health`)).text()).toBe("host ok");
    expect((await fetch(`${server.url}/api/invoices`)).status).toBe(401);
    const created = await fetch(`${server.url}/api/customers`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-user": "office" },
      body: JSON.stringify({ name: "Jo Park" }),
    });
    expect(created.status).toBe(201);
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      openapi: string;
    };
    expect(document.openapi).toBe("3.1.0");

    const invoice = await test.issue("95.00");
    const page = await fetch(`${server.url}/i/${invoice.publicToken}`);
    expect(await page.text()).toContain('id="pay-online"');
    const pay = await fetch(`${server.url}/i/${invoice.publicToken}/pay`, {
      method: "POST",
      redirect: "manual",
    });
    expect(pay.status).toBe(303);
    const sessionId = pay.headers.get("location")?.split("/").at(-1) ?? "";
    const events = test.fake
      .pay(sessionId)
      .filter((event) => event.type === "checkout.session.completed");
    for (const event of events) {
      const { body, signature } = test.sign(event);
      const delivered = await fetch(`${server.url}/webhooks/stripe`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body,
      });
      expect(delivered.status).toBe(200);
      expect(await delivered.json()).toMatchObject({ outcome: "recorded" });
    }
    const forged = await fetch(`${server.url}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=forged" },
      body: JSON.stringify(events[0]),
    });
    expect(forged.status).toBe(400);
    const { invoice: paid } = await test.remit.invoices.get(ctx, { id: invoice.id });
    expect(paid).toMatchObject({ status: "paid", amountDue: "0.00" });
  });
});
