import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { Permission } from "../auth/roles";
import { lineRowsFormSchema } from "../forms/back-office-forms";
import { linesFromForm } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import {
  type FieldErrors,
  fieldsProblem,
  formProblemOf,
  formStateOf,
} from "../forms/people-errors";
import { callerMay, callerOf, remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { quoteFormView } from "../views/quote-form-view";
import { quoteDetailView, quoteListView } from "../views/quote-views";
import { type NewRecordFormState, renderNewRecordPage } from "./new-record-page";

const quoteMoveSchema = z.object({
  move: z.enum(["send", "approve", "decline", "convert", "deposit"]),
  version: z.coerce.number().int().min(1),
  approvedBy: z.string().trim().max(200).default(""),
  reason: z.string().trim().max(1_000).default(""),
  /** "Save deposit": the amount asked on approval; empty asks none. */
  depositRequired: z.string().trim().max(40).default(""),
  /** "Send": the channels ticked; none is "Mark as sent". */
  channels: z
    .union([z.enum(["email", "sms"]), z.array(z.enum(["email", "sms"]))])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat())),
});

// What each of the quote page's moves needs of the caller's role.
const quotePermissions = {
  send: "quotes.send",
  approve: "quotes.approve",
  decline: "quotes.decline",
  convert: "quotes.convertToWorkOrder",
  deposit: "quotes.revise",
} as const satisfies Record<string, Permission>;

/** The quotes: list, new, one quote and its moves (send, approve, decline, create the work order). */
export function backOfficeQuotes(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  routes.get("/quotes", async (context) => {
    const c = ctx(context);
    const [{ items }, tenant] = await Promise.all([
      remit.quotes.list(c, { limit: 100 }),
      remit.tenants.get(c),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Quotes",
        body: quoteListView(items, createFormatters(tenant)),
        notice: context.req.query("notice"),
      }),
    );
  });

  const newPage = (
    context: Context,
    state: NewRecordFormState<{ customerId?: string; title?: string; memo?: string }> = {},
  ) =>
    renderNewRecordPage(context, remit, {
      title: "New quote",
      form: quoteFormView,
      initialValues: {},
      state,
    });
  routes.get("/quotes/new", (context) => newPage(context));
  routes.post("/quotes/new", async (context) => {
    const form = await parseForm(context, lineRowsFormSchema);
    const body = await context.req.parseBody();
    const values = {
      customerId: String(body.customerId ?? ""),
      title: String(body.title ?? "").trim(),
      memo: form.memo,
    };
    const tenant = await remit.tenants.get(ctx(context));
    const { lines, rows, errors } = linesFromForm(
      form,
      [],
      tenant.defaultTaxRates.map((rate) => rate.id),
    );
    const fields: FieldErrors = {};
    if (!values.customerId) fields.customerId = "Choose who the quote is for.";
    if (!values.title) fields.title = "Give the quote a title, such as “New water heater”.";
    if (Object.keys(errors).length > 0 || Object.keys(fields).length > 0) {
      return newPage(context, {
        values,
        rows,
        rowErrors: errors,
        fields,
        error: fieldsProblem,
        status: 422,
      });
    }
    try {
      const { quote } = await remit.quotes.create(ctx(context), {
        customerId: values.customerId,
        title: values.title,
        lines,
        ...(values.memo ? { memo: values.memo } : {}),
      });
      return context.redirect(
        `/quotes/${encodeURIComponent(quote.id)}?notice=${encodeURIComponent("Quote created")}`,
        303,
      );
    } catch (error) {
      return newPage(context, {
        values,
        rows,
        ...formStateOf(error),
      });
    }
  });

  const detailPage = async (
    context: Context,
    id: string,
    message: { notice?: string | undefined; error?: string; status?: 200 | 409 | 422 } = {},
  ) => {
    const c = ctx(context);
    const [{ quote }, tenant] = await Promise.all([
      remit.quotes.get(c, { id }),
      remit.tenants.get(c),
    ]);
    const workOrder = quote.workOrderId
      ? await remit.workOrders.get(c, { id: quote.workOrderId }).catch(() => undefined)
      : undefined;
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: quote.title,
        body: quoteDetailView(quote, createFormatters(tenant), {
          workOrder,
          mayRevise: callerMay(context, "quotes.revise"),
        }),
        notice: message.notice,
        error: message.error,
      }),
      message.status ?? 200,
    );
  };
  routes.get("/quotes/:id{[^/]+}", (context) =>
    detailPage(context, context.req.param("id"), { notice: context.req.query("notice") }),
  );
  routes.post("/quotes/:id{[^/]+}", async (context) => {
    const id = context.req.param("id");
    const form = await parseForm(context, quoteMoveSchema);
    const needed = quotePermissions[form.move];
    if (!callerMay(context, needed)) {
      throw new HTTPException(403, {
        message: `Your role (${callerOf(context).role}) cannot do this (${needed}).`,
      });
    }
    const base = { id, expectedVersion: form.version };
    try {
      if (form.move === "send")
        await remit.quotes.send(ctx(context), {
          ...base,
          ...(form.channels.length > 0 ? { channels: form.channels } : {}),
        });
      if (form.move === "approve")
        await remit.quotes.approve(ctx(context), { ...base, approvedBy: form.approvedBy });
      if (form.move === "decline")
        await remit.quotes.decline(ctx(context), { ...base, reason: form.reason });
      if (form.move === "deposit")
        await remit.quotes.revise(ctx(context), {
          ...base,
          depositRequired: form.depositRequired || null,
        });
      if (form.move === "convert") {
        const { workOrder } = await remit.quotes.convertToWorkOrder(ctx(context), base);
        return context.redirect(
          `/work-orders/${encodeURIComponent(workOrder.id)}?notice=${encodeURIComponent("Work order created from the quote")}`,
          303,
        );
      }
      const words = {
        send:
          form.channels.length > 0
            ? `Sending the quote by ${form.channels.map((channel) => (channel === "sms" ? "text message" : "email")).join(" and ")}`
            : "Marked as sent",
        approve: "Approval recorded",
        decline: "Decline recorded",
        deposit: form.depositRequired
          ? `The customer will be asked for a deposit of ${form.depositRequired} on approval`
          : "No deposit asked",
      } as const;
      return context.redirect(
        `/quotes/${encodeURIComponent(id)}?notice=${encodeURIComponent(words[form.move])}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      return detailPage(context, id, { error: problem.message, status: problem.status });
    }
  });
  return routes;
}
