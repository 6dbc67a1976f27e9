import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { lineRowsFormSchema, linesFormSchema } from "../forms/back-office-forms";
import {
  type EditorRow,
  editorRowsOf,
  linesFromForm,
  type RowErrors,
} from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, formStateOf, rowsProblem } from "../forms/people-errors";
import { remitContext, signedInOf } from "../request-context";
import { invoiceFormView } from "../views/invoice-form-view";
import { page } from "../views/layout";
import { editRecordRoutes } from "./edit-record-routes";

/**
 * Creating an invoice (`/invoices/new`) and editing one's lines and memo (`/invoices/:id/edit`,
 * through `editRecordRoutes`): each form posts to its own URL; a refused save shows the rows as
 * typed, each with its error.
 */
export function backOfficeInvoiceEdit(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  const newPage = async (
    context: Context,
    state: {
      rows: EditorRow[];
      rowErrors?: Record<string, RowErrors>;
      fields?: FieldErrors;
      customerId?: string | undefined;
      memo?: string;
      error?: string;
      status?: 200 | 409 | 422;
    } = { rows: editorRowsOf([]) },
  ) => {
    const { items: customers } = await remit.customers.list(ctx(context), { limit: 200 });
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "New invoice",
        body: invoiceFormView({
          heading: "New invoice",
          action: "/invoices/new",
          customers,
          customerId: state.customerId ?? context.req.query("customerId"),
          rows: state.rows,
          ...(state.rowErrors ? { rowErrors: state.rowErrors } : {}),
          ...(state.fields ? { fields: state.fields } : {}),
          memo: state.memo,
          submitLabel: "Create draft invoice",
          cancelHref: "/invoices",
        }),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/invoices/new", (context) => newPage(context));

  routes.post("/invoices/new", async (context) => {
    const form = await parseForm(context, lineRowsFormSchema);
    const customerId = String((await context.req.parseBody()).customerId ?? "");
    const tenant = await remit.tenants.get(ctx(context));
    const { lines, rows, errors } = linesFromForm(
      form,
      [],
      tenant.defaultTaxRates.map((rate) => rate.id),
    );
    const fields: FieldErrors = customerId ? {} : { customerId: "Choose who the invoice is for." };
    if (Object.keys(errors).length > 0 || !customerId || lines.length === 0) {
      return newPage(context, {
        rows,
        rowErrors: errors,
        fields,
        customerId,
        memo: form.memo,
        error:
          lines.length === 0 && Object.keys(errors).length === 0
            ? "Add at least one line: a description, a quantity and a unit price."
            : rowsProblem,
        status: 422,
      });
    }
    try {
      const { invoice } = await remit.invoices.create(ctx(context), {
        customerId,
        lines,
        ...(form.memo ? { memo: form.memo } : {}),
      });
      return context.redirect(
        `/invoices/${encodeURIComponent(invoice.id)}?notice=${encodeURIComponent("Draft invoice created")}`,
        303,
      );
    } catch (error) {
      return newPage(context, {
        rows,
        customerId,
        memo: form.memo,
        ...formStateOf(error),
      });
    }
  });

  routes.route(
    "/",
    editRecordRoutes({
      path: "/invoices/:id/edit",
      load: async (context, id) => (await remit.invoices.get(ctx(context), { id })).invoice,
      saved: (invoice) => ({
        values: { memo: invoice.content.memo ?? "" },
        rows: editorRowsOf(invoice.content.lines),
      }),
      view: (invoice, form) => {
        const title = `Edit invoice ${invoice.number ?? "(draft)"}`;
        return {
          title,
          body: invoiceFormView({
            heading: title,
            action: form.action,
            version: form.version,
            rows: form.rows,
            ...(form.rowErrors ? { rowErrors: form.rowErrors } : {}),
            ...(form.fields ? { fields: form.fields } : {}),
            memo: form.values.memo,
            submitLabel: "Save changes",
            cancelHref: `/invoices/${encodeURIComponent(invoice.id)}`,
          }),
        };
      },
      read: async (context, invoice) => {
        const form = await parseForm(context, linesFormSchema);
        const taxRateIds = (invoice.content.taxRates ?? []).map((rate) => rate.id);
        const { lines, rows, errors } = linesFromForm(form, invoice.content.lines, taxRateIds);
        return {
          values: { memo: form.memo },
          rows,
          rowErrors: errors,
          fields: {},
          save: async () => {
            await remit.invoices.update(ctx(context), {
              id: invoice.id,
              expectedVersion: form.version,
              lines,
              memo: form.memo,
            });
            return "Saved a new revision";
          },
        };
      },
      recordPath: (id) => `/invoices/${encodeURIComponent(id)}`,
    }),
  );
  return routes;
}
