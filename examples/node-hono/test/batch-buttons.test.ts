import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/start-test-server";

// The browser walk runs the buttons end to end (progress bar, each item's result); these are the
// refusals around them.
describe("batch buttons (a real server on PGlite with sign-in)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  const post = (path: string, headers: Record<string, string>, body: URLSearchParams) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      body,
      headers: { accept: "text/html", ...headers },
      redirect: "manual",
    });

  it("nothing selected - each button says so (400) and starts no batch", async () => {
    const office = await server.signIn("office");
    const invoices = await post("/batches/send-invoices", office, new URLSearchParams());
    expect(invoices.status).toBe(400);
    expect(await invoices.text()).toContain("Select invoices to send first.");
    const workOrders = await post("/batches/invoice-work-orders", office, new URLSearchParams());
    expect(workOrders.status).toBe(400);
    expect(await workOrders.text()).toContain("Select work orders to invoice first.");
  });

  it("roles - a technician has no batch buttons and their posts are refused (403)", async () => {
    const technician = await server.signIn("technician");
    const list = await (await fetch(`${server.url}/work-orders`, { headers: technician })).text();
    expect(list).not.toContain("Invoice selected");
    const invoices = await (await fetch(`${server.url}/invoices`, { headers: technician })).text();
    expect(invoices).not.toContain("Send selected");
    const body = new URLSearchParams([["ids", "wo_anything"]]);
    expect((await post("/batches/invoice-work-orders", technician, body)).status).toBe(403);
    expect((await post("/batches/send-invoices", technician, body)).status).toBe(403);
  });

  it("unknown - a batch id that is not this server's is 404", async () => {
    const office = await server.signIn("office");
    const response = await fetch(`${server.url}/batches/no-such-batch`, {
      headers: { accept: "text/html", ...office },
    });
    expect(response.status).toBe(404);
  });
});
