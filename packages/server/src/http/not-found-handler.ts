import type { Context } from "hono";
import { httpProblem } from "./problem-details";

// Hono answers 404 for a path it knows under another method; clients deserve 405 with `Allow`.
function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) =>
      part.startsWith(":")
        ? "[^/]+"
        : part === "*"
          ? ".*"
          : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * The not-found handler of a Remit app: 405 with `Allow` when the path exists under other
 * methods, else 404, both as problem+json.
 */
export function createNotFoundHandler(app: {
  routes: readonly { path: string; method: string }[];
}) {
  return (context: Context): Response => {
    // As a catch-all route (`all("*")`) of an app mounted under a prefix (`/api`), the app's own
    // routes are relative to that prefix.
    const routePath = context.req.routePath;
    const prefix = routePath?.endsWith("/*") ? routePath.slice(0, -2) : "";
    const path =
      prefix && context.req.path.startsWith(prefix)
        ? context.req.path.slice(prefix.length) || "/"
        : context.req.path;
    const allowed = new Set<string>();
    for (const route of app.routes) {
      if (route.method === "ALL") continue;
      if (patternOf(route.path).test(path)) allowed.add(route.method);
    }
    if (allowed.size > 0) {
      return httpProblem(405, `${context.req.method} is not allowed here`, {
        allow: [...allowed].sort().join(", "),
      });
    }
    return httpProblem(404, "Nothing here: the path is mistyped, or not part of this API");
  };
}
