import type { Customer } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Html } from "./html";
import { planRepeats } from "./plan-views";
import { titledLinesFormView } from "./titled-lines-form-view";

/** What the new-plan form keeps between a refusal and the next try. */
export type PlanFormValues = {
  customerId?: string;
  title?: string;
  memo?: string;
  repeats?: string;
  rrule?: string;
  startDate?: string;
  endDate?: string;
  mode?: string;
  channels?: readonly string[];
};

/**
 * "New service plan": the customer, a name, when it bills (a schedule by name or an RRULE of
 * one's own, a start and maybe an end date), whether each date makes a draft for review or an
 * invoice issued and sent at once, and the lines each occurrence bills.
 */
export function planFormView(options: {
  customers: readonly Customer[];
  values: PlanFormValues;
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
}): Html {
  const { values, fields } = options;
  const channels = values.channels ?? ["email"];
  const box = (channel: string, label: string) =>
    html`<label class="check"><input type="checkbox" name="channels" value="${channel}"${channels.includes(channel) ? html` checked` : ""}> ${label}</label>`;
  const schedule = html`<fieldset><legend>When it bills</legend>
${selectField({ name: "repeats", label: "Repeats", value: values.repeats, choices: planRepeats, errors: fields })}
${textField({ name: "rrule", label: "Or a rule of your own", hint: "RFC 5545, e.g. FREQ=MONTHLY;BYMONTHDAY=15", value: values.rrule, errors: fields })}
${textField({ name: "startDate", label: "First date", type: "date", value: values.startDate, errors: fields, required: true })}
${textField({ name: "endDate", label: "Last date", hint: "optional", type: "date", value: values.endDate, errors: fields })}
${selectField({
  name: "mode",
  label: "Each date",
  value: values.mode,
  choices: [
    ["review", "makes a draft invoice to review"],
    ["issue_and_send", "issues the invoice and sends it at once"],
  ],
  errors: fields,
})}
<p>Send by: ${box("email", "Email")} ${box("sms", "Text message")}</p></fieldset>`;
  return titledLinesFormView({
    heading: "New service plan",
    action: "/plans/new",
    customer: { choices: options.customers, chosen: values.customerId },
    title: { label: "Name", value: values.title },
    extra: schedule,
    legend: "What each date bills",
    rows: options.rows,
    rowErrors: options.rowErrors,
    fields,
    memo: { label: "Memo (printed on each invoice)", value: values.memo },
    submit: { label: "Create plan", id: "create-plan" },
    cancelHref: "/plans",
  });
}
