import { z } from "zod";
import { testCheckoutVariable } from "../test-checkout/decide-test-checkout";
import { checkExposure, testHeaderIdentityVariable } from "./check-exposure";

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((url) => url.replace(/\/+$/, ""));

const envSchema = z.object({
  PORT: z.coerce.number<string>().int().min(0).max(65_535).default(3000),
  HOST: z.string().optional(),
  [testHeaderIdentityVariable]: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 random characters").optional(),
  REMIT_OWNER_EMAIL: z.email("must be an email address").optional(),
  REMIT_OWNER_PASSWORD: z.string().min(10, "must be at least 10 characters").max(128).optional(),
  REMIT_OWNER_NAME: z.string().max(200).default("Owner"),
  REQUEST_TIMEOUT_MS: z.coerce.number<string>().int().min(1_000).max(3_600_000).default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number<string>().int().min(1_000).max(3_600_000).default(10_000),
  MAX_CONNECTIONS: z.coerce.number<string>().int().min(1).max(1_000_000).default(1_000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// connection URL" })
    .optional(),
  REMIT_DATA_DIR: z.string().default(".remit-data"),
  [testCheckoutVariable]: z
    .enum(["on", "off"], { error: 'must be "on" or "off"' })
    .default("on")
    .transform((value) => value === "on"),
  REMIT_DEMO_TENANT: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "must be 1 to 64 letters, digits, _ . : or -")
    .default("demo-plumbing"),
  PUBLIC_URL: httpUrl.optional(),
  EVENTS_WEBHOOK_URL: httpUrl.optional(),
  EVENTS_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  EVENTS_WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\S+$/, "must be a Stripe secret key (sk_test_… or sk_live_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\S+$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\S+$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_APPLICATION_FEE_PERCENT: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,4})?$/, 'must be a percent from 0 to 99.9999, such as "1.5"')
    .optional(),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be an Account SID (AC followed by 32 hex digits)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token").optional(),
  TWILIO_FROM: z
    .string()
    .regex(
      /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/,
      "must be an E.164 number (+15125550100) or a Messaging Service SID (MG…)",
    )
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  SMTP_FROM: z
    .string()
    .refine((value) => mailboxAddress(value) !== undefined, {
      message: 'must be an address or "Name <address>"',
    })
    .optional(),
});

/** Where the app sends mail from, read from `SMTP_FROM` or the user in `SMTP_URL`. */
function mailboxAddress(text: string): string | undefined {
  const address = /<([^<>\s]+)>\s*$/.exec(text)?.[1] ?? text.trim();
  return z.email().safeParse(address).success ? address : undefined;
}

/** Everything the example reads from the environment, checked. */
export type ExampleConfig = {
  port: number;
  host: string | undefined;
  /** `REMIT_TEST_HEADER_IDENTITY=true`: no sign-in, the headers say who calls (tests, loopback only). */
  testHeaderIdentity: boolean;
  /** `AUTH_SECRET`: signs session cookies. Unset on loopback: a new random one at each start. */
  authSecret: string | undefined;
  /** `REMIT_OWNER_*`: the demo tenant's first owner, made when the tenant has no team yet. */
  owner: { email: string; password: string; name: string } | undefined;
  /** The Node server's limits: whole request, headers, open connections. */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; maxConnections: number };
  databaseUrl: string | undefined;
  dataDir: string;
  tenantId: string;
  /**
   * `REMIT_DEMO_TEST_CHECKOUT` (default `on`): the demo's test checkout on the local fake Stripe,
   * which runs only without Stripe keys and on a loopback HOST; `off` turns it off.
   */
  demoTestCheckout: boolean;
  publicUrl: string | undefined;
  eventsWebhook: { url: string; secret: string; allowPrivateAddresses: boolean } | undefined;
  stripe:
    | {
        secretKey: string;
        webhookSecret: string;
        connectWebhookSecret: string | undefined;
        applicationFeePercent: string | undefined;
      }
    | undefined;
  twilio: { accountSid: string; authToken: string; from: string } | undefined;
  smtp: { url: string; from: string } | undefined;
};

/** The environment was refused; `problems` name each variable and what is wrong with it. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Variables that only work together: naming one asks for the others. */
const groups: { when: string[]; needs: string[] }[] = [
  { when: ["STRIPE_SECRET_KEY"], needs: ["STRIPE_WEBHOOK_SECRET"] },
  {
    when: [
      "STRIPE_WEBHOOK_SECRET",
      "STRIPE_CONNECT_WEBHOOK_SECRET",
      "STRIPE_APPLICATION_FEE_PERCENT",
    ],
    needs: ["STRIPE_SECRET_KEY"],
  },
  {
    when: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"],
    needs: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"],
  },
  { when: ["SMTP_FROM"], needs: ["SMTP_URL"] },
  { when: ["EVENTS_WEBHOOK_URL"], needs: ["EVENTS_WEBHOOK_SECRET"] },
  { when: ["EVENTS_WEBHOOK_SECRET"], needs: ["EVENTS_WEBHOOK_URL"] },
  {
    when: ["REMIT_OWNER_EMAIL", "REMIT_OWNER_PASSWORD"],
    needs: ["REMIT_OWNER_EMAIL", "REMIT_OWNER_PASSWORD"],
  },
];

/**
 * Reads the example's settings from `env` (`process.env` in `main.ts`), checked with zod. Unset
 * services fall back to the embedded defaults (PGlite, console email and SMS, no online payment).
 * Throws `ConfigError` naming every variable that is wrong or missing.
 */
export function readConfig(rawEnv: Record<string, string | undefined>): ExampleConfig {
  // Empty values count as unset, as shells and most `.env` loaders write them.
  const env = Object.fromEntries(
    Object.entries(rawEnv).map(([name, value]) => [name, value?.trim() ? value.trim() : undefined]),
  );
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const isSet = (name: string) => env[name] !== undefined;
  for (const group of groups) {
    const given = group.when.filter(isSet);
    if (given.length === 0) continue;
    for (const name of group.needs.filter((needed) => !isSet(needed))) {
      problems.push(
        `${name}: is required when ${given.join(", ")} ${given.length > 1 ? "are" : "is"} set`,
      );
    }
  }
  const data = parsed.data;
  let smtpFrom: string | undefined;
  if (data?.SMTP_URL) {
    smtpFrom = data.SMTP_FROM ?? smtpUserAddress(data.SMTP_URL);
    if (!smtpFrom) {
      problems.push(
        'SMTP_FROM: is required when SMTP_URL has no email address as its user (e.g. "Reyes Plumbing <billing@reyes.example>")',
      );
    }
  }
  if (data?.HOST) {
    problems.push(
      ...checkExposure({
        host: data.HOST,
        publicUrl: data.PUBLIC_URL,
        authSecret: data.AUTH_SECRET,
        testHeaderIdentity: data[testHeaderIdentityVariable],
      }),
    );
  }
  if (data && data.HEADERS_TIMEOUT_MS > data.REQUEST_TIMEOUT_MS) {
    problems.push("HEADERS_TIMEOUT_MS: must not be larger than REQUEST_TIMEOUT_MS");
  }
  if (!data || problems.length > 0) throw new ConfigError(problems);

  return {
    port: data.PORT,
    host: data.HOST,
    testHeaderIdentity: data[testHeaderIdentityVariable],
    authSecret: data.AUTH_SECRET,
    owner:
      data.REMIT_OWNER_EMAIL && data.REMIT_OWNER_PASSWORD
        ? {
            email: data.REMIT_OWNER_EMAIL,
            password: data.REMIT_OWNER_PASSWORD,
            name: data.REMIT_OWNER_NAME,
          }
        : undefined,
    http: {
      requestTimeoutMs: data.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: data.HEADERS_TIMEOUT_MS,
      maxConnections: data.MAX_CONNECTIONS,
    },
    databaseUrl: data.DATABASE_URL,
    dataDir: data.REMIT_DATA_DIR,
    tenantId: data.REMIT_DEMO_TENANT,
    demoTestCheckout: data[testCheckoutVariable],
    publicUrl: data.PUBLIC_URL,
    eventsWebhook:
      data.EVENTS_WEBHOOK_URL && data.EVENTS_WEBHOOK_SECRET
        ? {
            url: data.EVENTS_WEBHOOK_URL,
            secret: data.EVENTS_WEBHOOK_SECRET,
            allowPrivateAddresses: data.EVENTS_WEBHOOK_ALLOW_PRIVATE,
          }
        : undefined,
    stripe:
      data.STRIPE_SECRET_KEY && data.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: data.STRIPE_SECRET_KEY,
            webhookSecret: data.STRIPE_WEBHOOK_SECRET,
            connectWebhookSecret: data.STRIPE_CONNECT_WEBHOOK_SECRET,
            applicationFeePercent: data.STRIPE_APPLICATION_FEE_PERCENT,
          }
        : undefined,
    twilio:
      data.TWILIO_ACCOUNT_SID && data.TWILIO_AUTH_TOKEN && data.TWILIO_FROM
        ? {
            accountSid: data.TWILIO_ACCOUNT_SID,
            authToken: data.TWILIO_AUTH_TOKEN,
            from: data.TWILIO_FROM,
          }
        : undefined,
    smtp: data.SMTP_URL && smtpFrom ? { url: data.SMTP_URL, from: smtpFrom } : undefined,
  };
}

/** `smtp://billing%40reyes.example:secret@smtp.example.com` sends as billing@reyes.example. */
function smtpUserAddress(url: string): string | undefined {
  const user = decodeURIComponent(new URL(url).username);
  return user ? mailboxAddress(user) : undefined;
}
