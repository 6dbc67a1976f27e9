import { randomBytes } from "node:crypto";
import type { Remit } from "@remit/core";
import type { Context } from "hono";
import { Hono } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { BatchJobs } from "../batches/batch-jobs";
import { parseForm } from "../forms/parse-form";
import { remitContext, signedInOf } from "../request-context";
import { batchView } from "../views/batch-view";
import { page } from "../views/layout";

/** A list's checked rows: `ids`, once per checked row (none, one, or many). */
const selectionFormSchema = z.object({
  ids: z.union([z.string(), z.array(z.string())]).optional(),
});

/** The ids a list's checkboxes posted; a body that is no form at all is 400 (`parseForm`). */
async function selectedIds(context: Context): Promise<string[]> {
  const { ids } = await parseForm(context, selectionFormSchema);
  return [...new Set(ids === undefined ? [] : Array.isArray(ids) ? ids : [ids])];
}

/** The answer to a batch button with no row checked: say so, with the way back to the list. */
function nothingSelected(context: Context, list: string, words: string) {
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: "Nothing selected",
      body: html`<h1>Nothing selected</h1><p><a href="${list}">Back to the list</a></p>`,
      error: words,
    }),
    400,
  );
}

/** A new batch key: each click is its own batch (a retry of the same page reuses the job). */
function newBatchKey(): string {
  return `back-office-${randomBytes(12).toString("base64url")}`;
}

/**
 * The lists' batch buttons: "Invoice selected" (work orders → `workOrders.submitInvoices`) and
 * "Send selected" (invoices → `invoices.sendMany`). Each starts the core's batch call and leads to
 * the batch's page, whose progress bar follows the call's `onProgress` and which ends with each
 * item's result. Nothing selected goes back to the list with a message.
 */
export function backOfficeBatches(remit: Remit, jobs: BatchJobs) {
  const routes = new Hono();

  routes.post("/batches/invoice-work-orders", async (context) => {
    const ctx = remitContext(context);
    const ids = await selectedIds(context);
    if (ids.length === 0) {
      return nothingSelected(context, "/work-orders", "Select work orders to invoice first.");
    }
    const items = await Promise.all(
      ids.map(async (id) => ({
        id,
        label:
          (await remit.workOrders.get(ctx, { id }).catch(() => undefined))?.title ??
          "A work order not found",
      })),
    );
    const job = jobs.start(
      { tenantId: ctx.tenantId, kind: "invoice-work-orders", items },
      (onProgress) =>
        remit.workOrders.submitInvoices(ctx, { ids, batchKey: newBatchKey(), onProgress }),
    );
    return context.redirect(`/batches/${encodeURIComponent(job.id)}`, 303);
  });

  routes.post("/batches/send-invoices", async (context) => {
    const ctx = remitContext(context);
    const ids = await selectedIds(context);
    if (ids.length === 0) {
      return nothingSelected(context, "/invoices", "Select invoices to send first.");
    }
    const items = await Promise.all(
      ids.map(async (id) => {
        const found = await remit.invoices.get(ctx, { id }).catch(() => undefined);
        return {
          id,
          label: found ? (found.invoice.number ?? "Draft invoice") : "An invoice not found",
        };
      }),
    );
    const job = jobs.start({ tenantId: ctx.tenantId, kind: "send-invoices", items }, (onProgress) =>
      remit.invoices.sendMany(ctx, {
        ids,
        batchKey: newBatchKey(),
        channels: ["email"],
        onProgress,
      }),
    );
    return context.redirect(`/batches/${encodeURIComponent(job.id)}`, 303);
  });

  routes.get("/batches/:id", (context) => {
    const job = jobs.get(remitContext(context).tenantId, context.req.param("id"));
    if (!job) throw new HTTPException(404, { message: "No such batch (a restart forgets them)" });
    return context.html(
      page({ signedIn: signedInOf(context), title: "Batch", body: batchView(job) }),
    );
  });
  return routes;
}
