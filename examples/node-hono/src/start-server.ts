import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { createOutboxWorker, createRemit, type InvoiceStore, type Remit } from "@remit/core";
import {
  type HostedPageCacheOptions,
  renderMessagePdfBytes,
  twilioStatusCallbackUrl,
} from "@remit/server";
import type pg from "pg";
import { createApp, loopbackHosts } from "./app";
import { createAuth, type ExampleAuth } from "./auth/create-auth";
import { demoUsers, seedDemoUsers, workingDemoSignIns } from "./auth/seed-demo-users";
import { createTeam } from "./auth/team";
import { checkExposure, isLoopbackHost } from "./config/check-exposure";
import { createNotifiers } from "./config/create-notifiers";
import { createPayments } from "./config/create-payments";
import type { ExampleServices } from "./config/create-service-clients";
import { createEventsWebhookHandler } from "./events/create-events-webhook-handler";
import { seedDemoData } from "./seed-demo-data";
import { connectDemoTenant } from "./test-checkout/connect-demo-tenant";
import { decideTestCheckout, testCheckoutBanner } from "./test-checkout/decide-test-checkout";
import { startTestCheckout } from "./test-checkout/start-test-checkout";

export type StartServerOptions = {
  store: InvoiceStore;
  /**
   * The database under `store` (a `pg` Pool or PGlite): the sign-in tables live beside Remit's,
   * in the `remit_auth` schema. Not needed with `testHeaderIdentity`.
   */
  database?: pg.Pool | PGlite;
  /**
   * Signs the session cookies (32 or more random characters, the same on every process). Left
   * out, a random one per start: everyone signs in again after a restart.
   */
  authSecret?: string;
  /** Failed sign-ins a client may make in the window before it is answered 429. Default 10 in 15 minutes. */
  signInLimit?: { failures: number; windowSeconds: number };
  /** The demo tenant's first owner, added when its team is empty (a server others can reach). */
  owner?: { email: string; password: string; name: string };
  /** 0 picks a free port. */
  port: number;
  /**
   * Default `127.0.0.1`: this machine only. Another address is refused (see `checkExposure`)
   * without `publicUrl` and `authSecret`, with `testHeaderIdentity`, or while the demo's
   * published sign-ins work in this database.
   */
  hostname?: string;
  /**
   * Tests only: no sign-in; the caller comes from the `x-tenant-id`, `x-user-id` and `x-role`
   * headers (default: the demo tenant's owner). Loopback only.
   */
  testHeaderIdentity?: boolean;
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
  /**
   * The demo's test checkout (`REMIT_DEMO_TEST_CHECKOUT`, on in `npm start`): with no Stripe in
   * `services` and a loopback `hostname` only, `@remit/testing`'s fake Stripe runs in this process
   * behind the real Stripe adapter, and the Pay button opens a local page labelled "Test mode: no
   * real money" whose "Pay (test)" completes the payment through the signed webhook. Default false;
   * when given (true or false), the startup banner says whether it runs and why not.
   */
  demoTestCheckout?: boolean;
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
    authSecret: options.authSecret,
    testHeaderIdentity: options.testHeaderIdentity ?? false,
  });
  if (refusals.length > 0) refuseToStart(refusals);
  const services = options.services ?? {};
  // Known once the server listens (port 0 picks one); read only when a message is sent.
  let publicUrl = options.publicUrl;
  let url = "";
  const testCheckoutDecision = decideTestCheckout({
    wanted: options.demoTestCheckout ?? false,
    stripeConfigured: services.stripe !== undefined,
    host: hostname,
  });
  const demoStripe = testCheckoutDecision.on
    ? await startTestCheckout({ publicUrl: () => publicUrl ?? "", serverUrl: () => url })
    : undefined;
  const testCheckout = demoStripe?.testCheckout;
  const stripe = createPayments(services.stripe ?? demoStripe?.stripe);
  const remit: Remit = createRemit({
    store: options.store,
    notifiers: createNotifiers({
      ...services,
      statusCallbackUrl: (tenantId) => twilioStatusCallbackUrl(publicUrl ?? "", tenantId),
      renderPdf: (about) => renderMessagePdfBytes(remit, about),
      log,
    }),
    ...(stripe ? { payments: { [stripe.name]: stripe } } : {}),
  });
  // Open checkouts are expired when their invoice changes, so a stale amount cannot be paid.
  stripe?.expireCheckoutsOnChange(remit);
  if (await seedDemoData(remit, options.tenantId)) {
    log(`Seeded demo tenant "${options.tenantId}" with invoices and work orders in every status.`);
  }
  if (testCheckout && stripe) {
    await connectDemoTenant({ remit, stripe, fake: testCheckout.fake, tenantId: options.tenantId });
  }
  const auth = options.testHeaderIdentity ? undefined : await startSignIn(remit, options, log);
  if (options.eventsWebhook) {
    // A stable name: after a restart, retries skip the handlers that already succeeded.
    remit.events.on("*", createEventsWebhookHandler(options.eventsWebhook), {
      name: "events-webhook",
    });
    log(`Delivering events to ${options.eventsWebhook.url}`);
  }
  log(
    `Payments: ${testCheckout ? "test checkout (a local fake of Stripe, no real money)" : stripe ? "Stripe" : "payment instructions only"}; email: ${services.smtp ? "SMTP" : "console"}; SMS: ${services.twilio ? "Twilio" : "console"}`,
  );
  // Said whenever the caller chose (the demo always does), so "off" always says why.
  if (options.demoTestCheckout !== undefined) log(testCheckoutBanner(testCheckoutDecision));

  const worker = createOutboxWorker({
    remit,
    invoiceUrl: (invoice) => `${publicUrl}/i/${invoice.publicToken}`,
    quoteUrl: (quote) => `${publicUrl}/q/${quote.publicToken}`,
    ...(options.pollInterval ? { pollInterval: options.pollInterval } : {}),
    onDead: (job, error) => log(`[outbox] gave up on ${job.kind} job ${job.id}: ${error}`),
  });
  const app = createApp(remit, {
    identity: auth ? { auth } : { testHeaders: options.tenantId },
    ...(options.signInLimit ? { signInLimit: options.signInLimit } : {}),
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
    ...(testCheckout ? { testCheckout } : {}),
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
  url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  publicUrl ??= url;
  worker.start();
  if (auth && isLoopbackHost(hostname) && (await workingDemoSignIns(auth)).length > 0) {
    log(demoSignInBanner(url));
  }

  return {
    url,
    /** The Node HTTP server, with its limits set. */
    httpServer: server as Server,
    remit,
    worker,
    /** The Stripe provider when Stripe is configured, or on the fake Stripe of the test checkout. */
    stripe,
    /** The demo's test checkout (its fake Stripe) when it runs. */
    testCheckout,
    /** Sign-in (better-auth, the team, API keys); `undefined` with `testHeaderIdentity`. */
    auth,
    /** Stops taking requests, then lets the worker finish the jobs in hand. */
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await testCheckout?.fake.close();
    },
  };
}

function refuseToStart(problems: string[]): never {
  throw new Error(`Refusing to start:\n  - ${problems.join("\n  - ")}`);
}

/**
 * Sign-in on the same database: better-auth's tables (migrated at each start), the demo tenant's
 * organization with one user per role on this machine, or `owner` on a server others can reach,
 * which refuses to start while the demo's published sign-ins work.
 */
async function startSignIn(
  remit: Remit,
  options: StartServerOptions,
  log: (line: string) => void,
): Promise<ExampleAuth> {
  if (!options.database) throw new TypeError("startServer: `database` is required for sign-in");
  const auth = createAuth({
    database: options.database,
    secret: options.authSecret ?? randomBytes(32).toString("base64url"),
    publicUrl: options.publicUrl ?? "http://localhost",
  });
  await auth.migrate();
  const team = createTeam(auth);
  const tenant = await remit.tenants.get({
    tenantId: options.tenantId,
    actor: { type: "system" },
  });
  await team.ensureOrganization(options.tenantId, tenant.name);
  if (isLoopbackHost(options.hostname ?? "127.0.0.1")) {
    if (await seedDemoUsers(team, options.tenantId)) {
      log(
        `Seeded the demo team: one sign-in per role (${demoUsers.map((user) => user.role).join(", ")}).`,
      );
    }
  } else {
    const working = await workingDemoSignIns(auth);
    if (working.length > 0) {
      refuseToStart([
        `the demo's published sign-ins (${working.join(", ")}) work in this database, and HOST ${options.hostname} lets others reach it: start on a new database (REMIT_DATA_DIR or DATABASE_URL) with REMIT_OWNER_EMAIL and REMIT_OWNER_PASSWORD`,
      ]);
    }
  }
  if (options.owner && (await team.members(options.tenantId)).length === 0) {
    await team.addMember(options.tenantId, { ...options.owner, role: "owner" });
    log(`Added ${options.owner.email} as the owner of "${options.tenantId}".`);
  }
  return auth;
}

/** The startup banner's sign-in lines: where, and the demo's user per role. */
export function demoSignInBanner(url: string): string {
  const rows = demoUsers.map(
    (user) => `  ${user.role.padEnd(10)} ${user.email.padEnd(24)} ${user.password}`,
  );
  return [
    `Sign in at ${url}/sign-in as:`,
    `  ${"role".padEnd(10)} ${"email".padEnd(24)} password`,
    ...rows,
  ].join("\n");
}
