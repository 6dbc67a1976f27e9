import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createOutboxWorker, createRemit, type InvoiceStore, type Remit } from "@remit/core";
import {
  type HostedPageCacheOptions,
  renderInvoicePdfBytes,
  twilioStatusCallbackUrl,
} from "@remit/server";
import { createApp, loopbackHosts } from "./app";
import { checkExposure, isLoopbackHost } from "./config/check-exposure";
import { createNotifiers } from "./config/create-notifiers";
import { createPayments } from "./config/create-payments";
import type { ExampleServices } from "./config/create-service-clients";
import { createEventsWebhookHandler } from "./events/create-events-webhook-handler";
import { seedDemoData } from "./seed-demo-data";

export type StartServerOptions = {
  store: InvoiceStore;
  /** 0 picks a free port. */
  port: number;
  /**
   * Default `127.0.0.1`: this machine only. Another address is refused (see `checkExposure`)
   * unless `publicUrl` is set and `insecureHeaderIdentity` says the header-based identity may be
   * reached from other machines.
   */
  hostname?: string;
  /** Listen beyond loopback with the header-based identity: a test network only. */
  insecureHeaderIdentity?: boolean;
  /**
   * The Node server's limits. `requestTimeoutMs` (default 30 s) for a whole request,
   * `headersTimeoutMs` (default 10 s) for its headers (a slow client is answered 408 and closed),
   * `maxConnections` (default 1,000) open sockets, past which new ones are closed at once.
   */
  http?: { requestTimeoutMs?: number; headersTimeoutMs?: number; maxConnections?: number };
  /** The back office's tenant; seeded with demo data on first start. */
  tenantId: string;
  /** Origin for links in messages and callbacks. Default `http://<hostname or localhost>:<port>`. */
  publicUrl?: string;
  /** Where to POST every event, signed; see `createEventsWebhookHandler`. */
  eventsWebhook?: { url: string; secret: string; allowPrivateAddresses?: boolean };
  /**
   * Stripe, Twilio and SMTP clients (`createServiceClients(config)`); each missing one falls back
   * to the embedded default (no online payment, console email and SMS).
   */
  services?: ExampleServices;
  /** Milliseconds between outbox polls. Default 1000. */
  pollInterval?: number;
  log?: (line: string) => void;
  /**
   * The hosted page's cache: `{}` when this process is the only writer (PGlite), `{ changes }`
   * with a change feed when several processes share a PostgreSQL server. Default: no cache.
   */
  hostedPageCache?: HostedPageCacheOptions;
};

/**
 * Starts the example: Remit on the given store with the configured services, demo data on first
 * start, the host app's events webhook, the outbox worker, and the HTTP server. Resolves once it
 * is listening.
 */
export async function startServer(options: StartServerOptions) {
  const log = options.log ?? console.log;
  const hostname = options.hostname ?? "127.0.0.1";
  const refusals = checkExposure({
    host: hostname,
    publicUrl: options.publicUrl,
    authenticationConfigured: false,
    insecureHeaderIdentity: options.insecureHeaderIdentity ?? false,
  });
  if (refusals.length > 0) throw new Error(`Refusing to start:\n  - ${refusals.join("\n  - ")}`);
  const services = options.services ?? {};
  // Known once the server listens (port 0 picks one); read only when a message is sent.
  let publicUrl = options.publicUrl;
  const stripe = createPayments(services.stripe);
  const remit: Remit = createRemit({
    store: options.store,
    notifiers: createNotifiers({
      ...services,
      statusCallbackUrl: (tenantId) => twilioStatusCallbackUrl(publicUrl ?? "", tenantId),
      renderPdf: (invoice) => renderInvoicePdfBytes(remit, invoice),
      log,
    }),
    ...(stripe ? { payments: { [stripe.name]: stripe } } : {}),
  });
  // Open checkouts are expired when their invoice changes, so a stale amount cannot be paid.
  stripe?.expireCheckoutsOnChange(remit);
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
  log(
    `Payments: ${stripe ? "Stripe" : "payment instructions only"}; email: ${services.smtp ? "SMTP" : "console"}; SMS: ${services.twilio ? "Twilio" : "console"}`,
  );

  const worker = createOutboxWorker({
    remit,
    invoiceUrl: (invoice) => `${publicUrl}/i/${invoice.publicToken}`,
    ...(options.pollInterval ? { pollInterval: options.pollInterval } : {}),
    onDead: (job, error) => log(`[outbox] gave up on ${job.kind} job ${job.id}: ${error}`),
  });
  const app = createApp(remit, {
    tenantId: options.tenantId,
    ...(stripe ? { stripe } : {}),
    ...(services.twilio ? { twilio: { authToken: services.twilio.authToken } } : {}),
    // Known once the server listens: read at each request.
    publicUrl: () => publicUrl ?? "",
    ...(options.hostedPageCache ? { hostedPageCache: options.hostedPageCache } : {}),
    // DNS rebinding: only this machine's names, the bound address and the public URL's host.
    allowedHosts: [
      ...loopbackHosts,
      ...(isLoopbackHost(hostname) || hostname === "0.0.0.0" || hostname === "::"
        ? []
        : [hostname]),
      ...(options.publicUrl ? [new URL(options.publicUrl).hostname] : []),
    ],
    ...(options.publicUrl ? { allowedOrigins: [new URL(options.publicUrl).origin] } : {}),
  });
  const http = options.http ?? {};
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname,
        serverOptions: {
          requestTimeout: http.requestTimeoutMs ?? 30_000,
          headersTimeout: http.headersTimeoutMs ?? 10_000,
          // How often Node looks for requests past those timeouts (its default is 30 s).
          connectionsCheckingInterval: Math.min(http.headersTimeoutMs ?? 10_000, 30_000),
        },
      },
      () => resolve(listening),
    );
    listening.maxConnections = http.maxConnections ?? 1_000;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  publicUrl ??= url;
  worker.start();

  return {
    url,
    /** The Node HTTP server, with its limits set. */
    httpServer: server as Server,
    remit,
    worker,
    /** The Stripe provider when Stripe is configured. */
    stripe,
    /** Stops taking requests, then lets the worker finish the jobs in hand. */
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
    },
  };
}
