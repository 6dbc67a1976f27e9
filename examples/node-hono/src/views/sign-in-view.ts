import { html } from "hono/html";
import type { Html } from "./layout";

/** The sign-in form; `email` keeps what was typed when a sign-in is refused. */
export function signInView(options: { next: string; email?: string }): Html {
  return html`<div class="narrow"><h1>Sign in</h1>
<form method="post" action="/sign-in">
<input type="hidden" name="next" value="${options.next}">
<p><label for="email">Email</label><br><input id="email" type="email" name="email" value="${options.email ?? ""}" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label><br><input id="password" type="password" name="password" autocomplete="current-password" required></p>
<p><button>Sign in</button></p></form></div>`;
}
