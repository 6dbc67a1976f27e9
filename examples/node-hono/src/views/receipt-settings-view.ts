import type { Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Html } from "./html";

/** "Payment receipts": the channels a receipt goes out on when a payment is recorded (none: no receipts). */
export function receiptSettingsView(tenant: Tenant): Html {
  const box = (channel: "email" | "sms", words: string) =>
    html`<label class="check"><input type="checkbox" name="receiptChannels" value="${channel}"${tenant.receiptChannels.includes(channel) ? html` checked` : ""}> ${words}</label>`;
  return html`<h2 id="receipts-heading">Payment receipts</h2>
<form method="post" action="/settings/receipts" aria-labelledby="receipts-heading">
<p>Send the customer a receipt when a payment is recorded: ${box("email", "by email")} ${box("sms", "by text message")}</p>
<p><button class="secondary" id="save-receipts">Save receipt settings</button></p></form>`;
}
