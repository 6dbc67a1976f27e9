import { type Context, Hono } from "hono";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import { type FieldErrors, fieldsProblem, formStateOf, rowsProblem } from "../forms/people-errors";
import { signedInOf } from "../request-context";
import type { Html } from "../views/html";
import { page } from "../views/layout";

/** What an edit form shows: its values and rows (as saved, or as typed) and what is wrong. */
export type EditFormState<Values> = {
  values: Values;
  rows: EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
};

/** What the form view gets: the state, where it posts, and the version it was opened at. */
export type EditFormParts<Values> = EditFormState<Values> & { action: string; version: number };

/** A post read against the record: what was typed, what is wrong, and the save to make if nothing is. */
export type ReadEditForm<Values> = Required<Omit<EditFormState<Values>, "fields">> & {
  fields: FieldErrors;
  /** Saves with the version the form was opened at; resolves to the notice to show. */
  save: () => Promise<string>;
};

/**
 * The routes of a form that edits a record with lines (an invoice, a work order, a quote) at
 * `path` (`/quotes/:id/revise`): GET shows it filled with the record as saved; POST reads it and
 * saves with the version the form was opened at, then goes back to the record's page with a
 * notice (POST-redirect-GET). A refusal (a row or a field to change, a stale form, a status that
 * no longer allows the change) shows the form again at its own URL with what was typed, the
 * fields highlighted and a sentence saying what to do.
 */
export function editRecordRoutes<Loaded extends { version: number }, Values>(options: {
  path: string;
  load: (context: Context, id: string) => Promise<Loaded>;
  /** The form's values and rows for the record as saved. */
  saved: (record: Loaded) => EditFormState<Values>;
  view: (record: Loaded, parts: EditFormParts<Values>) => { title: string; body: Html };
  read: (context: Context, record: Loaded) => Promise<ReadEditForm<Values>>;
  /** The record's page, where a save leads. */
  recordPath: (id: string) => string;
}): Hono {
  const routes = new Hono();
  const show = (
    context: Context,
    record: Loaded,
    state: EditFormState<Values> & { error?: string; status?: 200 | 409 | 422 },
  ) => {
    const { error, status, ...form } = state;
    const { title, body } = options.view(record, {
      ...form,
      action: context.req.path,
      version: record.version,
    });
    return context.html(page({ signedIn: signedInOf(context), title, body, error }), status ?? 200);
  };
  const idOf = (context: Context) => context.req.param("id") ?? "";

  routes.get(options.path, async (context) => {
    const id = idOf(context);
    const record = await options.load(context, id);
    return show(context, record, options.saved(record));
  });

  routes.post(options.path, async (context) => {
    const id = idOf(context);
    const record = await options.load(context, id);
    const { save, ...typed } = await options.read(context, record);
    const badRows = Object.keys(typed.rowErrors).length > 0;
    if (badRows || Object.keys(typed.fields).length > 0) {
      return show(context, record, {
        ...typed,
        error: badRows ? rowsProblem : fieldsProblem,
        status: 422,
      });
    }
    try {
      const notice = await save();
      return context.redirect(
        `${options.recordPath(id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      // A stale form, a status that refuses the change, a value the record's checks refuse.
      return show(context, record, {
        values: typed.values,
        rows: typed.rows,
        ...formStateOf(error),
      });
    }
  });
  return routes;
}
