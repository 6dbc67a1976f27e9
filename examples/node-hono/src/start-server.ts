import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import {
  createOutboxWorker,
  createRemit,
  type EmailSender,
  type InvoiceStore,
  type PaymentProvider,
  type SmsSender,
} from "@remit/core";
import { createApp } from "./app";
import { createConsoleNotifiers } from "./console-notifiers";
import { createEventsWebhookHandler } from "./events/create-events-webhook-handler";
import { seedDemoData } from "./seed-demo-data";

export type StartServerOptions = {
  store: InvoiceStore;
  /** 0 picks a free port. */
  port: number;
  /** Default: every interface. Tests pass `127.0.0.1`. */
  hostname?: string;
  /** The back office's tenant; seeded with demo data on first start. */
  tenantId: string;
  /** Origin for links in messages. Default `http://localhost:<port>`. */
  publicUrl?: string;
  /** Where to POST every event, signed; see `createEventsWebhookHandler`. */
  eventsWebhook?: { url: string; secret: string };
  notifiers?: { email?: EmailSender; sms?: SmsSender };
  checkoutProvider?: PaymentProvider;
  /** Milliseconds between outbox polls. Default 1000. */
  pollInterval?: number;
  log?: (line: string) => void;
};

/**
 * Starts the example: Remit on the given store, demo data on first start, the host app's events
 * webhook, the outbox worker, and the HTTP server. Resolves once it is listening.
 */
export async function startServer(options: StartServerOptions) {
  const log = options.log ?? console.log;
  const remit = createRemit({
    store: options.store,
    notifiers: options.notifiers ?? createConsoleNotifiers(log),
    ...(options.checkoutProvider
      ? { payments: { [options.checkoutProvider.name]: options.checkoutProvider } }
      : {}),
  });
  if (await seedDemoData(remit, options.tenantId)) {
    log(`Seeded demo tenant "${options.tenantId}" with invoices and work orders in every status.`);
  }
  if (options.eventsWebhook) {
    // A stable name: after a restart, retries skip the handlers that already succeeded.
    remit.events.on("*", createEventsWebhookHandler(options.eventsWebhook), {
      name: "events-webhook",
    });
    log(`Delivering events to ${options.eventsWebhook.url}`);
  }

  let publicUrl = options.publicUrl;
  const worker = createOutboxWorker({
    remit,
    invoiceUrl: (invoice) => `${publicUrl}/i/${invoice.publicToken}`,
    ...(options.pollInterval ? { pollInterval: options.pollInterval } : {}),
    onDead: (job, error) => log(`[outbox] gave up on ${job.kind} job ${job.id}: ${error}`),
  });
  const app = createApp(remit, {
    tenantId: options.tenantId,
    ...(options.checkoutProvider ? { checkoutProvider: options.checkoutProvider } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve(
      {
        fetch: app.fetch,
        port: options.port,
        ...(options.hostname ? { hostname: options.hostname } : {}),
      },
      () => resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.hostname ?? "localhost"}:${port}`;
  publicUrl ??= url;
  worker.start();

  return {
    url,
    remit,
    worker,
    /** Stops taking requests, then lets the worker finish the jobs in hand. */
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
    },
  };
}
