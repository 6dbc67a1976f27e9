import { invoiceStatuses } from "@remit/core";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { authenticateByTestHeader, createTestRemit } from "./support/create-test-remit";

// A host app that mounts Remit's handler in its own Hono app, with its own plain not-found page.
async function hostApp() {
  const { remit } = await createTestRemit();
  const handler = createRemitHandler({
    remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.example",
  });
  const host = new Hono();
  host.route("/", handler.app);
  host.notFound((context) => context.html("<nav>Host menu</nav><h1>Host 404</h1>", 404));
  return host;
}

describe("not found and filters, mounted in a host app", () => {
  it("api - an unknown API path is problem+json, not the host app's page", async () => {
    const host = await hostApp();
    for (const path of ["/api/nope", "/api/invoices/x/nope", "/webhooks/nope"]) {
      const response = await host.request(`https://pay.example${path}`, {
        headers: { "x-test-user": "office", accept: "text/html,application/json" },
      });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toContain("application/problem+json");
    }
    const method = await host.request("https://pay.example/api/invoices/inv_1", {
      method: "DELETE",
      headers: { "x-test-user": "office" },
    });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, PATCH");
  });

  it("hosted - a bad customer link is the customer's 404 page, never the host app's menu", async () => {
    const host = await hostApp();
    for (const path of ["/i/nope/extra/parts", "/i/AAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const response = await host.request(`https://pay.example${path}`, {
        headers: { accept: "text/html" },
      });
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain("Not found");
      expect(html, path).not.toContain("Host menu");
    }
  });

  it("filters - an unknown status is refused naming the valid ones", async () => {
    const host = await hostApp();
    const response = await host.request("https://pay.example/api/invoices?status=paid,unpaid", {
      headers: { "x-test-user": "office" },
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { title: string };
    expect(problem.title).toContain(
      `must be one or more of ${invoiceStatuses.join(", ")}, separated by commas`,
    );
    const fine = await host.request("https://pay.example/api/invoices?status=paid,past_due", {
      headers: { "x-test-user": "office" },
    });
    expect(fine.status).toBe(200);
  });
});
