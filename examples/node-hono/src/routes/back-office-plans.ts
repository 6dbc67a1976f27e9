import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { Permission } from "../auth/roles";
import { lineRowsFormSchema } from "../forms/back-office-forms";
import { linesFromForm } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, fieldsProblem, formProblemOf } from "../forms/people-errors";
import { callerMay, callerOf, remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { type PlanFormValues, planFormView } from "../views/plan-form-view";
import { planDetailView, planListView } from "../views/plan-views";
import { type NewRecordFormState, renderNewRecordPage } from "./new-record-page";

const channelList = z
  .union([z.enum(["email", "sms"]), z.array(z.enum(["email", "sms"]))])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat()));

const planScheduleFormSchema = lineRowsFormSchema.extend({
  customerId: z.string().trim().max(100).default(""),
  title: z.string().trim().max(200).default(""),
  repeats: z.string().trim().max(100).default("FREQ=MONTHLY"),
  rrule: z.string().trim().max(500).default(""),
  startDate: z.string().trim().max(20).default(""),
  endDate: z.string().trim().max(20).default(""),
  mode: z.enum(["review", "issue_and_send"]).default("review"),
  channels: channelList,
});

const planMoveSchema = z.object({
  move: z.enum(["pause", "resume", "skip", "end"]),
  version: z.coerce.number().int().min(1),
  date: z.string().trim().max(20).default(""),
});

// What each of the plan page's moves needs of the caller's role.
const planPermissions = {
  pause: "plans.pause",
  resume: "plans.resume",
  skip: "plans.skip",
  end: "plans.end",
} as const satisfies Record<string, Permission>;

// A refusal at `schedule.rrule` belongs to the form's `rrule` field, and so on.
const planFieldOf = (path: string) =>
  path.startsWith("schedule.") ? (path.split(".")[1] ?? path) : (path.split(/[.[]/)[0] ?? path);

/** Recurring service plans: the list, a new plan, and one plan with pause, resume, skip and end. */
export function backOfficePlans(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  routes.get("/plans", async (context) => {
    const [{ items }, tenant] = await Promise.all([
      remit.plans.list(ctx(context), { limit: 100 }),
      remit.tenants.get(ctx(context)),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Service plans",
        body: planListView(items, createFormatters(tenant), callerMay(context, "plans.create")),
        notice: context.req.query("notice"),
      }),
    );
  });

  const newPage = (context: Context, state: NewRecordFormState<PlanFormValues> = {}) =>
    renderNewRecordPage(context, remit, {
      title: "New service plan",
      form: planFormView,
      initialValues: {},
      state,
    });
  routes.get("/plans/new", (context) => newPage(context));
  routes.post("/plans/new", async (context) => {
    const form = await parseForm(context, planScheduleFormSchema);
    const values: PlanFormValues = {
      customerId: form.customerId,
      title: form.title,
      memo: form.memo,
      repeats: form.repeats,
      rrule: form.rrule,
      startDate: form.startDate,
      endDate: form.endDate,
      mode: form.mode,
      channels: form.channels,
    };
    const tenant = await remit.tenants.get(ctx(context));
    const { lines, rows, errors } = linesFromForm(
      form,
      [],
      tenant.defaultTaxRates.map((rate) => rate.id),
    );
    const fields: FieldErrors = {};
    if (!form.customerId) fields.customerId = "Choose who the plan bills.";
    if (!form.title) fields.title = "Give the plan a name, such as “Quarterly HVAC service”.";
    if (!form.startDate) fields.startDate = "Choose the first date it bills.";
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
      const { plan } = await remit.plans.create(ctx(context), {
        customerId: form.customerId,
        name: form.title,
        schedule: {
          rrule: form.rrule || form.repeats,
          startDate: form.startDate,
          endDate: form.endDate || null,
        },
        mode: form.mode,
        ...(form.channels.length > 0 ? { channels: form.channels } : {}),
        lines,
        ...(form.memo ? { memo: form.memo } : {}),
      });
      return context.redirect(
        `/plans/${encodeURIComponent(plan.id)}?notice=${encodeURIComponent("Plan created")}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error, planFieldOf);
      return newPage(context, {
        values,
        rows,
        fields: problem.fields,
        error: problem.message,
        status: problem.status,
      });
    }
  });

  const detailPage = async (
    context: Context,
    id: string,
    message: { notice?: string | undefined; error?: string; status?: 200 | 409 | 422 } = {},
  ) => {
    const [details, tenant] = await Promise.all([
      remit.plans.get(ctx(context), { id }),
      remit.tenants.get(ctx(context)),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: details.plan.name,
        body: planDetailView(details, createFormatters(tenant), (permission) =>
          callerMay(context, permission),
        ),
        notice: message.notice,
        error: message.error,
      }),
      message.status ?? 200,
    );
  };
  routes.get("/plans/:id{[^/]+}", (context) =>
    detailPage(context, context.req.param("id"), { notice: context.req.query("notice") }),
  );
  routes.post("/plans/:id{[^/]+}", async (context) => {
    const id = context.req.param("id");
    const form = await parseForm(context, planMoveSchema);
    const needed = planPermissions[form.move];
    if (!callerMay(context, needed)) {
      throw new HTTPException(403, {
        message: `Your role (${callerOf(context).role}) cannot do this (${needed}).`,
      });
    }
    const base = { id, expectedVersion: form.version };
    try {
      if (form.move === "pause") await remit.plans.pause(ctx(context), base);
      if (form.move === "resume") await remit.plans.resume(ctx(context), base);
      if (form.move === "end") await remit.plans.end(ctx(context), base);
      if (form.move === "skip") await remit.plans.skip(ctx(context), { ...base, date: form.date });
      const words = {
        pause: "Paused: no date bills until you resume it",
        resume: "Resumed",
        skip: `The ${form.date} date will not be billed`,
        end: "Ended: it bills no more",
      } as const;
      return context.redirect(
        `/plans/${encodeURIComponent(id)}?notice=${encodeURIComponent(words[form.move])}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      return detailPage(context, id, { error: problem.message, status: problem.status });
    }
  });
  return routes;
}
