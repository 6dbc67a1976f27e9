import { html } from "hono/html";
import type { ApiKeyRecord } from "../auth/api-keys";
import { type RoleName, roleDescriptions, roleNames } from "../auth/roles";
import type { TeamMember } from "../auth/team";
import type { Html } from "./layout";

function roleOptions(selected: RoleName, allowed: readonly RoleName[] = roleNames): Html {
  return html`${allowed.map(
    (role) => html`<option value="${role}"${role === selected ? " selected" : ""}>${role}</option>`,
  )}`;
}

/** The roles an API key can have: an API key never manages the team or the keys. */
export const apiKeyRoles: readonly RoleName[] = ["technician", "office"];

/**
 * The owner's team page: the people who sign in, with their roles (change, remove, add), and the
 * REST API's keys (create, revoke). A key just made is shown once, here, and never again.
 */
export function teamView(options: {
  members: TeamMember[];
  apiKeys: ApiKeyRecord[];
  newKey?: { name: string; key: string } | undefined;
  form?: { name?: string; email?: string; role?: RoleName } | undefined;
}): Html {
  const form = options.form ?? {};
  const members = options.members.map(
    (
      member,
    ) => html`<tr><td>${member.name}</td><td><a href="mailto:${member.email}">${member.email}</a></td>
<td><form class="inline" method="post" action="/settings/team/members/${member.memberId}/role">
<select name="role" aria-label="Role of ${member.name}">${roleOptions(member.role)}</select> <button>Change</button></form></td>
<td><form class="inline" method="post" action="/settings/team/members/${member.memberId}/remove"><button>Remove</button></form></td></tr>`,
  );
  const keys = options.apiKeys.map(
    (key) => html`<tr><td>${key.name}</td><td>${key.role}</td><td><code>${key.start}…</code></td>
<td>${key.createdAt.toISOString().slice(0, 10)}</td>
<td>${
      key.revokedAt
        ? html`Revoked ${key.revokedAt.toISOString().slice(0, 10)}`
        : html`<form class="inline" method="post" action="/settings/api-keys/${key.id}/revoke"><button>Revoke</button></form>`
    }</td></tr>`,
  );
  const newKey = options.newKey
    ? html`<div class="notice" role="status"><p>API key “${options.newKey.name}” — copy it now, it is not shown again:</p>
<p><code id="new-api-key">${options.newKey.key}</code></p><p class="muted">Send it as <code>Authorization: Bearer &lt;key&gt;</code> to <code>/api/…</code>.</p></div>`
    : "";
  return html`<h1>Team</h1>
<table><thead><tr><th>Name</th><th>Email</th><th>Role</th><th></th></tr></thead><tbody>${members}</tbody></table>
<ul class="muted">${roleNames.map((role) => html`<li><strong>${role}</strong>: ${roleDescriptions[role]}</li>`)}</ul>
<fieldset><legend>Add someone</legend><form method="post" action="/settings/team/members">
<p><label>Name <input type="text" name="name" value="${form.name ?? ""}" required></label></p>
<p><label>Email <input type="email" name="email" value="${form.email ?? ""}" required></label></p>
<p><label>First password (10 characters or more) <input type="password" name="password" autocomplete="new-password" required></label></p>
<p><label>Role <select name="role">${roleOptions(form.role ?? "technician")}</select></label></p>
<p><button>Add to the team</button></p></form></fieldset>
<h2>API keys</h2>${newKey}
<table><thead><tr><th>Name</th><th>Role</th><th>Key</th><th>Created</th><th></th></tr></thead>
<tbody>${keys.length > 0 ? keys : html`<tr><td colspan="5" class="muted">No API keys yet.</td></tr>`}</tbody></table>
<fieldset><legend>New API key</legend><form method="post" action="/settings/api-keys">
<label>Name <input type="text" name="name" class="w16" required></label>
<label>Role <select name="role">${roleOptions("office", apiKeyRoles)}</select></label>
<button>Create key</button></form></fieldset>`;
}
