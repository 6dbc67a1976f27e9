import { type ClientKey, failureRateLimit } from "@remit/server";
import { isAPIError } from "better-auth/api";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { safeNext } from "../auth/back-office-access";
import type { ResolveCaller } from "../auth/caller";
import type { ExampleAuth } from "../auth/create-auth";
import { parseForm } from "../forms/parse-form";
import { page } from "../views/layout";
import { signInView } from "../views/sign-in-view";

const signInFormSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
  next: z.string().max(2_000).optional(),
});

/** Copies better-auth's cookies (the session, or its removal) onto a redirect. */
function redirectWithCookies(context: Context, to: string, headers: Headers): Response {
  for (const cookie of headers.getSetCookie())
    context.header("set-cookie", cookie, { append: true });
  return context.redirect(to, 303);
}

/**
 * Signing in and out of the back office with better-auth's email and password:
 *
 * - `GET /sign-in`: the form (already signed in: on to `next`).
 * - `POST /sign-in`: checks the password and sets the session cookie. Failed attempts are counted
 *   per client (`signInLimit`, default 10 in 15 minutes), then answered 429 until the window ends.
 * - `POST /sign-out`: ends the session and clears the cookie.
 */
export function signInPages(
  { auth }: ExampleAuth,
  resolveCaller: ResolveCaller,
  options: {
    clientKey?: ClientKey;
    signInLimit?: { failures: number; windowSeconds: number };
  } = {},
) {
  const routes = new Hono();
  const form = (
    context: Context,
    next: string,
    extra: { email?: string; error?: string; status?: 401 | 400 } = {},
  ) =>
    context.html(
      page({
        title: "Sign in",
        nav: false,
        body: signInView({ next, ...(extra.email !== undefined ? { email: extra.email } : {}) }),
        error: extra.error,
      }),
      extra.status ?? 200,
    );

  routes.get("/sign-in", async (context) => {
    const next = safeNext(context.req.query("next"));
    const caller = await resolveCaller(context.req.raw);
    if (caller?.via === "session") return context.redirect(next, 303);
    return form(context, next);
  });

  routes.post(
    "/sign-in",
    failureRateLimit({
      ...(options.signInLimit ?? { failures: 10, windowSeconds: 900 }),
      ...(options.clientKey ? { clientKey: options.clientKey } : {}),
      isFailure: (response) => response.status === 401,
    }),
    async (context) => {
      const input = await parseForm(context, signInFormSchema);
      const next = safeNext(input.next);
      try {
        const { headers } = await auth.api.signInEmail({
          body: { email: input.email, password: input.password },
          headers: context.req.raw.headers,
          returnHeaders: true,
        });
        return redirectWithCookies(context, next, headers);
      } catch (error) {
        if (!isAPIError(error)) throw error;
        // One message whether the email or the password was wrong: no hint which emails exist.
        return form(context, next, {
          email: input.email,
          error: "That email and password do not match. Check both and try again.",
          status: 401,
        });
      }
    },
  );

  routes.post("/sign-out", async (context) => {
    const { headers } = await auth.api.signOut({
      headers: context.req.raw.headers,
      returnHeaders: true,
    });
    return redirectWithCookies(context, "/sign-in", headers);
  });
  return routes;
}
