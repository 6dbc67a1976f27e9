import { html } from "hono/html";
import type { FieldErrors } from "../forms/people-errors";
import type { Html } from "./html";

/** The error beside a field, and the attributes that tie it to the field (screen readers say it). */
export function fieldError(
  id: string,
  message: string | undefined,
): { attributes: Html | ""; message: Html | "" } {
  if (!message) return { attributes: "", message: "" };
  return {
    attributes: html` aria-invalid="true" aria-describedby="${id}-error"`,
    message: html`<p class="field-error" id="${id}-error">${message}</p>`,
  };
}

/** A labelled text input that shows its error (highlighted, with the message) and keeps its value. */
export function textField(options: {
  name: string;
  label: string;
  value?: string | null | undefined;
  errors?: FieldErrors | undefined;
  type?: "text" | "email" | "tel" | "date" | "search";
  required?: boolean;
  inputmode?: "decimal" | "numeric" | "tel" | "email";
  autocomplete?: string;
  hint?: string;
  id?: string;
}): Html {
  const id = options.id ?? `field-${options.name}`;
  const error = fieldError(id, options.errors?.[options.name]);
  return html`<label for="${id}">${options.label}${options.hint ? html` <span class="muted">(${options.hint})</span>` : ""}</label>
<input type="${options.type ?? "text"}" id="${id}" name="${options.name}" value="${options.value ?? ""}"${options.required ? html` required` : ""}${options.inputmode ? html` inputmode="${options.inputmode}"` : ""}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ""}${error.attributes}>${error.message}`;
}

/** A labelled select; the chosen value stays chosen. */
export function selectField(options: {
  name: string;
  label: string;
  value?: string | undefined;
  choices: readonly (readonly [value: string, label: string])[];
  errors?: FieldErrors | undefined;
  id?: string;
}): Html {
  const id = options.id ?? `field-${options.name}`;
  const error = fieldError(id, options.errors?.[options.name]);
  return html`<label for="${id}">${options.label}</label>
<select id="${id}" name="${options.name}"${error.attributes}>${options.choices.map(
    ([value, label]) =>
      html`<option value="${value}"${value === options.value ? html` selected` : ""}>${label}</option>`,
  )}</select>${error.message}`;
}

/** A labelled textarea that keeps what was typed. */
export function textareaField(options: {
  name: string;
  label: string;
  value?: string | null | undefined;
  errors?: FieldErrors | undefined;
  rows?: number;
}): Html {
  const id = `field-${options.name}`;
  const error = fieldError(id, options.errors?.[options.name]);
  return html`<label for="${id}">${options.label}</label>
<textarea id="${id}" name="${options.name}" rows="${options.rows ?? 2}"${error.attributes}>${options.value ?? ""}</textarea>${error.message}`;
}
