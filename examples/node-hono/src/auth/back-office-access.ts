import type { MiddlewareHandler } from "hono";
import { html } from "hono/html";
import { isRemitPath } from "../remit-paths";
import { page } from "../views/layout";
import { permissionFor } from "./back-office-permissions";
import type { ResolveCaller } from "./caller";
import { roleAllows } from "./roles";

/** Pages anyone may open: signing in and out, and the icon browsers ask for. */
const openPaths = new Set(["/sign-in", "/sign-out", "/favicon.ico"]);

/** Where to go after signing in: a path on this site only, never another origin. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * The back office's door: a signed-in member (a session; API keys are for the API only) whose
 * role allows what the request asks (`permissionFor`). Not signed in: a page is sent to
 * `/sign-in` and back, a form post is 401. Signed in without the right: 403, saying who may.
 */
export function backOfficeAccess(resolveCaller: ResolveCaller): MiddlewareHandler {
  return async (context, next) => {
    const path = context.req.path;
    if (isRemitPath(path) || openPaths.has(path)) return next();
    const caller = await resolveCaller(context.req.raw);
    const method = context.req.method;
    if (!caller || caller.via === "api key") {
      if (method === "GET" || method === "HEAD") {
        const url = new URL(context.req.url);
        return context.redirect(
          `/sign-in?next=${encodeURIComponent(safeNext(url.pathname + url.search))}`,
          303,
        );
      }
      return context.html(
        page({
          title: "Sign in",
          body: html`<h1>Sign in first</h1><p><a href="/sign-in">Sign in</a> and try again.</p>`,
        }),
        401,
      );
    }
    const needed = permissionFor(method, path);
    if (needed === undefined || (needed !== "member" && !roleAllows(caller.role, needed))) {
      return context.html(
        page({
          title: "Not allowed",
          signedIn: { name: caller.name, role: caller.role },
          body: html`<h1>Not allowed</h1><p>Your role (${caller.role}) cannot do this${
            needed ? html` (<code>${needed}</code>)` : ""
          }. Ask someone with the office or owner role.</p><p><a href="/">Back to invoices</a></p>`,
          error: `Your role (${caller.role}) cannot do this.`,
        }),
        403,
      );
    }
    context.set("caller", caller);
    return next();
  };
}
