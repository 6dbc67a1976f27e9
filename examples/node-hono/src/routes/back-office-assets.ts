import { Hono } from "hono";
import { backOfficeScript } from "../views/back-office-script";
import { faviconSvg } from "../views/favicon";

const cached = "public, max-age=3600";

/** The back office's static files: its one script and its icon (also at `/favicon.ico`). */
export function backOfficeAssets() {
  const routes = new Hono();
  routes.get("/assets/back-office.js", (context) =>
    context.body(backOfficeScript, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": cached,
    }),
  );
  const icon = () =>
    new Response(faviconSvg, {
      headers: { "content-type": "image/svg+xml", "cache-control": cached },
    });
  routes.get("/favicon.svg", icon);
  routes.get("/favicon.ico", icon);
  return routes;
}
