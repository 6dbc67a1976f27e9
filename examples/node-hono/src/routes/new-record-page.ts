import type { Customer, Remit } from "@remit/core";
import type { Context } from "hono";
import { type EditorRow, editorRowsOf, type RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { remitContext, signedInOf } from "../request-context";
import type { Html } from "../views/html";
import { page } from "../views/layout";

/** What a "new record with lines" form shows again after a refusal: what was typed and why. */
export type NewRecordFormState<Values> = {
  values?: Values;
  rows?: EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
  error?: string;
  status?: 200 | 409 | 422;
};

/** The parts a "new record with lines" form view takes (a quote's, a work order's). */
export type NewRecordFormParts<Values> = {
  customers: readonly Customer[];
  values: Values;
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
};

/**
 * A "new record with lines" page (a quote, a work order): the form with the tenant's customers to
 * choose from, empty at first, then with what was typed and what is wrong after a refusal.
 */
export async function renderNewRecordPage<Values>(
  context: Context,
  remit: Remit,
  options: {
    title: string;
    form: (parts: NewRecordFormParts<Values>) => Html;
    /** The values of an empty form. */
    initialValues: Values;
    state: NewRecordFormState<Values>;
  },
): Promise<Response> {
  const { state } = options;
  const { items: customers } = await remit.customers.list(remitContext(context), { limit: 200 });
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: options.title,
      body: options.form({
        customers,
        values: state.values ?? options.initialValues,
        rows: state.rows ?? editorRowsOf([]),
        ...(state.rowErrors ? { rowErrors: state.rowErrors } : {}),
        ...(state.fields ? { fields: state.fields } : {}),
      }),
      error: state.error,
    }),
    state.status ?? 200,
  );
}
