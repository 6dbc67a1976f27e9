import type { Remit } from "@remit/core";
import type { Context } from "hono";
import { titledLinesFormSchema } from "../forms/back-office-forms";
import { editorRowsOf, linesFromForm } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import type { FieldErrors } from "../forms/people-errors";
import { remitContext } from "../request-context";
import { quoteFormView } from "../views/quote-form-view";
import { editRecordRoutes } from "./edit-record-routes";

/**
 * "Revise quote" (`/quotes/:id/revise`): the quote's title, lines and memo, saved with
 * `remit.quotes.revise` at the version the form was opened at as the quote's next revision (the
 * page offers it while the quote is a draft or sent).
 */
export function backOfficeQuoteRevise(remit: Remit) {
  const ctx = (context: Context) => remitContext(context);
  return editRecordRoutes({
    path: "/quotes/:id/revise",
    load: async (context, id) => (await remit.quotes.get(ctx(context), { id })).quote,
    saved: (quote) => ({
      values: { title: quote.title, memo: quote.content.memo ?? "" },
      rows: editorRowsOf(quote.content.lines),
    }),
    view: (quote, form) => ({
      title: `Revise quote: ${quote.title}`,
      body: quoteFormView({ ...form, quote }),
    }),
    read: async (context, quote) => {
      const form = await parseForm(context, titledLinesFormSchema);
      const taxRateIds = (quote.content.taxRates ?? []).map((rate) => rate.id);
      const { lines, rows, errors } = linesFromForm(form, quote.content.lines, taxRateIds);
      const fields: FieldErrors = {};
      if (!form.title) fields.title = "Give the quote a title, such as “New water heater”.";
      return {
        values: { title: form.title, memo: form.memo },
        rows,
        rowErrors: errors,
        fields,
        save: async () => {
          const { quote: revised } = await remit.quotes.revise(ctx(context), {
            id: quote.id,
            expectedVersion: form.version,
            title: form.title,
            lines,
            memo: form.memo,
          });
          return `Saved revision ${revised.revision}`;
        },
      };
    },
    recordPath: (id) => `/quotes/${encodeURIComponent(id)}`,
  });
}
