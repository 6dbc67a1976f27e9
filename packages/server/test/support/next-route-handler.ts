import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";

/** What a Next.js App Router `route.ts` exports: one `Request → Response` function per method. */
export type RouteModule = Partial<
  Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", (request: Request) => Promise<Response>>
>;

/**
 * Serves a route module as Next.js would, without Next: every request reaches the export named
 * after its method with a web `Request` (Next's `NextRequest` is one), and a method the module
 * does not export is 405, as Next answers it.
 */
export function serveRouteModule(module: RouteModule): Server {
  return createServer(
    getRequestListener(async (request) => {
      const handle = module[request.method as keyof RouteModule];
      return handle ? handle(request) : new Response(null, { status: 405 });
    }),
  );
}
