import type { Customer, Quote } from "@remit/core";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import type { Html } from "./html";
import { titledLinesFormView } from "./titled-lines-form-view";

/**
 * "New quote" (customer, title, lines) or "Revise quote" (a saved one, at the version it was
 * opened at: saving makes its next revision).
 */
export function quoteFormView(
  options: {
    values: { customerId?: string; title?: string; memo?: string };
    rows: readonly EditorRow[];
    rowErrors?: Record<string, RowErrors>;
    fields?: FieldErrors;
  } & ({ customers: readonly Customer[] } | { quote: Quote; action: string; version: number }),
): Html {
  const saved = "quote" in options ? options.quote : undefined;
  return titledLinesFormView({
    heading: saved ? `Revise quote “${saved.title}” (revision ${saved.revision})` : "New quote",
    action: "quote" in options ? options.action : "/quotes/new",
    ...("quote" in options ? { version: options.version } : {}),
    customer:
      "quote" in options
        ? { saved: options.quote.customer }
        : { choices: options.customers, chosen: options.values.customerId },
    title: { label: "Title", value: options.values.title },
    legend: "Lines",
    rows: options.rows,
    rowErrors: options.rowErrors,
    fields: options.fields,
    memo: { label: "Memo (printed on the quote)", value: options.values.memo },
    submit: saved
      ? { label: "Save revision", id: "save-quote" }
      : { label: "Create quote", id: "create-quote" },
    cancelHref: saved ? `/quotes/${encodeURIComponent(saved.id)}` : "/quotes",
  });
}
