import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { type Context, createRemit, type InvoiceStore } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemitHandler, createRemitLogger, problemSchema } from "../src/index";
import { authenticateByTestHeader, createTestRemit, tenantId } from "./support/create-test-remit";

/** A pino logger whose lines land in `lines`, with Remit's redaction. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createRemitLogger({ level: "info" }, stream), lines };
}

const url = (path: string) => `https://pay.reyes.example${path}`;

describe("body limits", () => {
  it("limits - a JSON body over the API's limit is 413 problem+json, before any record is made", async () => {
    const { remit } = await createTestRemit();
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl: url(""),
    });
    const huge = JSON.stringify({ name: "x".repeat(6 * 1024 * 1024) });
    const response = await fetch(
      new Request(url("/api/customers"), {
        method: "POST",
        body: huge,
        headers: { "content-type": "application/json", "x-test-user": "office" },
      }),
    );
    expect(response.status).toBe(413);
    expect(problemSchema.parse(await response.json())).toMatchObject({ code: "payload_too_large" });
    const ctx: Context = { tenantId, actor: { type: "system" } };
    expect((await remit.customers.list(ctx)).items).toHaveLength(1);
  });

  it("limits - webhooks take at most 512 KB; the limits can be set", async () => {
    const { remit } = await createTestRemit();
    const { fetch } = createRemitHandler({
      remit,
      notifiers: { twilio: { authToken: "token" } },
      publicUrl: url(""),
      bodyLimits: { api: 1024 },
    });
    const big = await fetch(
      new Request(url(`/webhooks/twilio/status?tenant=${tenantId}`), {
        method: "POST",
        body: `MessageSid=${"x".repeat(600 * 1024)}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(big.status).toBe(413);
    const api = await fetch(
      new Request(url("/api/customers"), {
        method: "POST",
        body: JSON.stringify({ name: "y".repeat(2048) }),
        headers: { "content-type": "application/json", "x-test-user": "office" },
      }),
    );
    expect(api.status).toBe(413);
  });
});

describe("malformed form bodies", () => {
  it("forms - a malformed multipart or urlencoded webhook body is 400, never 500", async () => {
    const { remit } = await createTestRemit();
    const { logger, lines } = capturedLogger();
    const { fetch } = createRemitHandler({
      remit,
      notifiers: { twilio: { authToken: "token" } },
      publicUrl: url(""),
      logger,
    });
    for (const [type, body] of [
      [
        "multipart/form-data; boundary=zzz",
        "--zzz\r\nContent-Disposition: form-data\r\n\r\nbroken",
      ],
      ["multipart/form-data", "no boundary at all"],
      ["application/x-www-form-urlencoded", "a=%E0%A4%A&b=%"],
    ] as const) {
      const response = await fetch(
        new Request(url(`/webhooks/twilio/status?tenant=${tenantId}`), {
          method: "POST",
          body,
          headers: { "content-type": type },
        }),
      );
      expect(response.status, type).toBe(400);
    }
    expect(lines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });
});

describe("hosted page headers", () => {
  it("headers - a strict CSP (styles by hash), frame-ancestors 'none', nosniff and no referrer", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      publicUrl: url(""),
      checkoutOrigins: ["http://localhost:4242"],
    });
    const response = await fetch(new Request(url(`/i/${invoice.publicToken}`)));
    expect(response.status).toBe(200);
    const html = await response.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
    expect(directives["default-src"]).toBe("'none'");
    expect(directives["style-src"]).toBe(`'sha256-${hash}'`);
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["form-action"]).toBe(
      "'self' https://checkout.stripe.com http://localhost:4242",
    );
    expect(directives["img-src"]).toBe("https: data:");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const notFound = await fetch(
      new Request(url("/i/0123456789abcdef0123"), { headers: { accept: "text/html" } }),
    );
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("5xx answers and logs", () => {
  const token = "tok_leaky_0123456789abcdefghijkl";
  const email = "dana.leak@example.com";

  /** A store whose reads fail as a driver would, with the query's parameters on the error. */
  function failingStore(): InvoiceStore {
    const store = createMemoryStore();
    const fail = async () => {
      throw Object.assign(new Error(`driver exploded near '${email}' for /i/${token}`), {
        code: "XX999",
        params: [token, email, "+15125550101"],
        detail: `Failing row (${email})`,
      });
    };
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? fail : value;
      },
    });
  }

  it("errors - a 5xx body carries an error id and nothing of the driver's message; the log line has the same id", async () => {
    const { logger, lines } = capturedLogger();
    const remit = createRemit({ store: failingStore() });
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl: url(""),
      logger,
    });
    const api = await fetch(
      new Request(url("/api/invoices"), { headers: { "x-test-user": "office" } }),
    );
    expect(api.status).toBe(500);
    const text = await api.text();
    expect(text).not.toContain("driver");
    expect(text).not.toContain(email);
    const problem = problemSchema.parse(JSON.parse(text));
    expect(problem.errorId).toMatch(/^[0-9a-f-]{36}$/);

    const page = await fetch(new Request(url(`/i/${token}`), { headers: { accept: "text/html" } }));
    expect(page.status).toBe(500);
    const pageText = await page.text();
    expect(pageText).not.toContain("driver");
    expect(pageText).toMatch(/Error id: <code>[0-9a-f-]{36}<\/code>/);

    const logged = lines.map((line) => JSON.parse(line));
    expect(logged.map((line) => line.errorId)).toContain(problem.errorId);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(email);
      expect(line).not.toContain("+15125550101");
    }
    expect(lines.join("\n")).toContain("/i/[token]");
  });

  it("errors - logError, when given, still hears every 5xx", async () => {
    const heard: string[] = [];
    const remit = createRemit({ store: failingStore() });
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl: url(""),
      logError: (_error, part) => heard.push(part),
    });
    await fetch(new Request(url("/api/invoices"), { headers: { "x-test-user": "office" } }));
    expect(heard).toEqual(["api"]);
  });
});

describe("content types", () => {
  it("415 - every POST and PATCH of the API refuses a body that is not JSON, before it runs", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl: url(""),
    });
    const document = (await (await fetch(new Request(url("/openapi.json")))).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => method === "post" || method === "patch")
        .map((method) => [method.toUpperCase(), path.replace("{id}", invoice.id)]),
    );
    expect(writes.length).toBeGreaterThan(20);
    for (const [method, path] of writes) {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        const response = await fetch(
          new Request(url(path ?? ""), {
            method,
            body: "{}",
            headers: { "content-type": type, "x-test-user": "office" },
          }),
        );
        expect(response.status, `${method} ${path} ${type}`).toBe(415);
      }
    }
    const ctx: Context = { tenantId, actor: { type: "system" } };
    expect((await remit.invoices.get(ctx, { id: invoice.id })).invoice.version).toBe(
      invoice.version,
    );
  });
});
