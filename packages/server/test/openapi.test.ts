import { describe, expect, it } from "vitest";
import { createRemitHandler, remitOperations } from "../src/index";
import { authenticateByTestHeader, createTestRemit } from "./support/create-test-remit";

type Document = {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      { operationId?: string; requestBody?: unknown; responses: Record<string, unknown> }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

async function documentOf(path = "/openapi.json") {
  const { remit } = await createTestRemit();
  const handler = createRemitHandler({
    remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.reyes.example",
  });
  // Open to all: the document holds no data.
  const response = await handler.fetch(new Request(`https://pay.reyes.example${path}`));
  expect(response.status).toBe(200);
  return { handler, document: (await response.json()) as Document };
}

const toOpenApiPath = (path: string) => path.replace(/:([^/]+)/g, "{$1}");

describe("OpenAPI document", () => {
  it("openapi - is 3.1, served at /openapi.json, with the public URL as its server", async () => {
    const { document } = await documentOf();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://pay.reyes.example" }]);
  });

  it("openapi - documents every route of the API, and every operation once", async () => {
    const { handler, document } = await documentOf();
    const routes = handler.app.routes.filter(
      (route) =>
        route.path.startsWith("/api/") &&
        route.method !== "ALL" &&
        !route.path.endsWith("/openapi.json"),
    );
    const served = new Set(routes.map((route) => `${route.method} ${toOpenApiPath(route.path)}`));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(served);
    const operationIds = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(operationIds.sort()).toEqual([...remitOperations].sort());
  });

  it("openapi - request bodies come from core's input schemas, responses from this package's", async () => {
    const { document } = await documentOf();
    const create = document.paths["/api/invoices"]?.post;
    const body = JSON.stringify(create?.requestBody);
    // The line schema of calculateInvoice, its decimals described for clients.
    expect(body).toContain('"unitPrice"');
    expect(body).toContain("non-negative decimal");
    expect(JSON.stringify(create?.responses["201"])).toContain(
      "#/components/schemas/InvoiceMoveResult",
    );
    expect(JSON.stringify(create?.responses["422"])).toContain("#/components/schemas/Problem");
    for (const name of [
      "Invoice",
      "InvoiceDetails",
      "Customer",
      "WorkOrder",
      "Quote",
      "Event",
      "Problem",
    ]) {
      expect(document.components.schemas).toHaveProperty(name);
    }
  });

  it("openapi - the API mounted alone serves its own document, paths relative to its mount", async () => {
    const { handler } = await documentOf();
    const response = await handler.api.request("/openapi.json");
    const document = (await response.json()) as Document;
    expect(Object.keys(document.paths)).toContain("/invoices/{id}/issue");
  });
});
