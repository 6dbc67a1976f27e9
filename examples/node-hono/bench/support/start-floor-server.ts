import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { CapturedResponse } from "./capture-response";

/**
 * The floor: a bare Hono app on a free port on 127.0.0.1 that answers each path with the bytes and
 * headers captured from Remit, doing no work of its own. Whatever Remit costs beyond it is Remit's.
 */
export async function startFloorServer(responses: Record<string, CapturedResponse>) {
  const app = new Hono();
  for (const [path, { status, headers, body }] of Object.entries(responses)) {
    app.get(path, () => new Response(body, { status, headers }));
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
