import { html } from "hono/html";
import type { BatchJob, BatchJobItem } from "../batches/batch-jobs";
import type { Html } from "./html";

const titles: Record<BatchJob["kind"], string> = {
  "invoice-work-orders": "Invoicing work orders",
  "send-invoices": "Sending invoices",
};

const outcomeWords: Record<BatchJob["kind"], Record<BatchJobItem["outcome"], string>> = {
  "invoice-work-orders": {
    waiting: "Waiting",
    done: "Invoice submitted",
    skipped: "Already invoiced",
    refused: "Not invoiced",
  },
  "send-invoices": {
    waiting: "Waiting",
    done: "Sent",
    skipped: "Already sent by this batch",
    refused: "Not sent",
  },
};

function itemLink(job: BatchJob, item: BatchJobItem): Html {
  const base = job.kind === "invoice-work-orders" ? "/work-orders" : "/invoices";
  return html`<a href="${base}/${encodeURIComponent(item.id)}">${item.label}</a>`;
}

/**
 * A batch's page: a progress bar while it runs (the page reloads itself until the batch is
 * finished), then each item's result and the counts.
 */
export function batchView(job: BatchJob): Html {
  const words = outcomeWords[job.kind];
  const count = (outcome: BatchJobItem["outcome"]) =>
    job.items.filter((item) => item.outcome === outcome).length;
  const rows = job.items.map(
    (item) => html`<tr data-item-id="${item.id}" data-outcome="${item.outcome}">
<td>${itemLink(job, item)}</td><td>${words[item.outcome]}</td><td>${item.message ?? ""}</td></tr>`,
  );
  const summary = job.finished
    ? html`<p id="batch-summary" role="status">${job.failure ? `Stopped: ${job.failure}. ` : ""}Finished: ${count("done")} ${words.done.toLowerCase()}, ${count("skipped")} skipped, ${count("refused")} refused.</p>`
    : html`<p id="batch-summary" role="status">Working: ${job.completed} of ${job.total} done. This page updates itself.</p>`;
  return html`<div id="batch"><h1>${titles[job.kind]}</h1>
<p><label for="batch-progress">Progress</label>
<progress id="batch-progress" max="${job.total}" value="${job.completed}" data-finished="${String(job.finished)}">${job.completed} of ${job.total}</progress></p>
${summary}
<div class="scroll"><table id="batch-items"><thead><tr><th>Record</th><th>Result</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="actions">${job.finished ? "" : html`<a href="/batches/${encodeURIComponent(job.id)}">Refresh</a>`}
<a href="${job.kind === "invoice-work-orders" ? "/work-orders" : "/invoices"}">Back to the list</a></p></div>`;
}
