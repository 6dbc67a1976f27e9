import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config/read-config";

const stripe = {
  STRIPE_SECRET_KEY: "sk_test_51abc",
  STRIPE_WEBHOOK_SECRET: "whsec_platform",
};
const twilio = {
  TWILIO_ACCOUNT_SID: `AC${"0123456789abcdef".repeat(2)}`,
  TWILIO_AUTH_TOKEN: "0123456789abcdef0123456789abcdef",
  TWILIO_FROM: "+15125550100",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("readConfig accepted the environment");
}

describe("readConfig", () => {
  it("defaults - an empty environment is the embedded demo: PGlite, console email and SMS, no Stripe (the test checkout)", () => {
    expect(readConfig({ PATH: "/usr/bin", STRIPE_SECRET_KEY: "" })).toEqual({
      port: 3000,
      host: undefined,
      testHeaderIdentity: false,
      authSecret: undefined,
      owner: undefined,
      http: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 1_000 },
      databaseUrl: undefined,
      dataDir: ".remit-data",
      tenantId: "demo-plumbing",
      demoTestCheckout: true,
      publicUrl: undefined,
      eventsWebhook: undefined,
      stripe: undefined,
      twilio: undefined,
      smtp: undefined,
    });
  });

  it("services - reads Stripe, Twilio and SMTP settings", () => {
    const config = readConfig({
      ...stripe,
      ...twilio,
      STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connect",
      STRIPE_APPLICATION_FEE_PERCENT: "1.5",
      SMTP_URL: "smtp://billing%40reyes.example:secret@smtp.example.com:587",
      PUBLIC_URL: "https://pay.reyes.example/",
      PORT: "8080",
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: "https://pay.reyes.example",
      stripe: {
        secretKey: "sk_test_51abc",
        webhookSecret: "whsec_platform",
        connectWebhookSecret: "whsec_connect",
        applicationFeePercent: "1.5",
      },
      twilio: { accountSid: twilio.TWILIO_ACCOUNT_SID, from: "+15125550100" },
      // No SMTP_FROM: the SMTP user is an address, so mail is sent as that.
      smtp: { from: "billing@reyes.example" },
    });
    expect(
      readConfig({
        SMTP_URL: "smtps://smtp.example.com",
        SMTP_FROM: "Reyes <billing@reyes.example>",
      }).smtp,
    ).toEqual({ url: "smtps://smtp.example.com", from: "Reyes <billing@reyes.example>" });
  });

  it("refuses - names each wrong or missing variable and says what it needs", () => {
    expect(problemsOf({ STRIPE_SECRET_KEY: "pk_test_123" })).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY: must be a Stripe secret key/),
      "STRIPE_WEBHOOK_SECRET: is required when STRIPE_SECRET_KEY is set",
    ]);
    expect(problemsOf({ STRIPE_WEBHOOK_SECRET: "whsec_1" })).toEqual([
      "STRIPE_SECRET_KEY: is required when STRIPE_WEBHOOK_SECRET is set",
    ]);
    expect(problemsOf({ ...stripe, STRIPE_APPLICATION_FEE_PERCENT: "150" })).toEqual([
      expect.stringMatching(/^STRIPE_APPLICATION_FEE_PERCENT: must be a percent/),
    ]);
    expect(problemsOf({ TWILIO_ACCOUNT_SID: twilio.TWILIO_ACCOUNT_SID })).toEqual([
      "TWILIO_AUTH_TOKEN: is required when TWILIO_ACCOUNT_SID is set",
      "TWILIO_FROM: is required when TWILIO_ACCOUNT_SID is set",
    ]);
    expect(problemsOf({ ...twilio, TWILIO_FROM: "5125550100" })).toEqual([
      expect.stringMatching(/^TWILIO_FROM: must be an E\.164 number/),
    ]);
    expect(problemsOf({ SMTP_URL: "https://smtp.example.com" })).toEqual([
      "SMTP_URL: must be an smtp:// or smtps:// URL",
    ]);
    expect(problemsOf({ SMTP_URL: "smtp://smtp.example.com" })).toEqual([
      expect.stringMatching(/^SMTP_FROM: is required when SMTP_URL has no email address/),
    ]);
    expect(problemsOf({ PORT: "http", EVENTS_WEBHOOK_URL: "https://hooks.example.com" })).toEqual([
      expect.stringMatching(/^PORT: /),
      "EVENTS_WEBHOOK_SECRET: is required when EVENTS_WEBHOOK_URL is set",
    ]);
  });

  it("refuses - the message lists every problem, one per line", () => {
    expect(() => readConfig({ DATABASE_URL: "mysql://db", PUBLIC_URL: "ftp://x" })).toThrow(
      "Invalid environment:\n  - DATABASE_URL: must be a postgres:// connection URL\n  - PUBLIC_URL: must be an http(s) URL",
    );
  });
});
