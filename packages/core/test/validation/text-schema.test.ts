import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import {
  type Context,
  calculateInvoice,
  createRemit,
  RemitError,
  textSchema,
  type ValidationError,
} from "../../src/index";

const ctx: Context = { tenantId: "text_tenant", actor: { type: "user", id: "user_1" } };
const message = "must not contain NUL (\\u0000) or unpaired surrogate characters";

async function refusal(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    if (RemitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a RemitError");
}

async function setup() {
  const store = createMemoryStore();
  const remit = createRemit({ store });
  await remit.tenants.upsert(ctx, { name: "Text Co", currency: "USD" });
  const customer = await remit.customers.create(ctx, { name: "Dana" });
  return { remit, customer, store };
}

describe("textSchema", () => {
  it("text - refuses NUL and unpaired surrogates, keeps paired ones", () => {
    expect(textSchema.safeParse("plumbing 🔧").success).toBe(true);
    for (const bad of ["a\u0000b", "\uD800", "x\uDC00", "\uDBFFz"]) {
      const result = textSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(message);
    }
  });

  it("text - every z.string() of core's schemas goes through textSchema", async () => {
    const root = join(import.meta.dirname, "../../src");
    const offenders: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (path.endsWith(".ts") && !path.endsWith("text-schema.ts")) {
          const lines = (await readFile(path, "utf8")).split("\n");
          lines.forEach((line, index) => {
            if (/\bz\.string\(\)/.test(line) && !line.trimStart().startsWith("*"))
              offenders.push(`${path.slice(root.length + 1)}:${index + 1}`);
          });
        }
      }
    };
    await walk(root);
    expect(offenders).toEqual([]);
  });

  it("text - a NUL or lone surrogate in any field is a validation_error at its path; other fields' issues unchanged", async () => {
    const { remit, customer } = await setup();
    const cases: [string, () => unknown][] = [
      ["name", () => remit.customers.create(ctx, { name: "Da\u0000na" })],
      ["memo", () => remit.invoices.create(ctx, { customerId: customer.id, memo: "\uD800" })],
      [
        "lines[0].description",
        () =>
          remit.invoices.create(ctx, {
            customerId: customer.id,
            lines: [{ description: "pipe\u0000", quantity: "1", unitPrice: "1.00" }],
          }),
      ],
      [
        "idempotencyKey",
        () => remit.customers.create(ctx, { name: "Dana", idempotencyKey: "k\u0000" }),
      ],
      ["id", () => remit.invoices.get(ctx, { id: "inv_\u0000" })],
      ["search", () => remit.invoices.list(ctx, { search: "\uDC00" })],
      ["search", () => remit.customers.list(ctx, { search: "a\u0000" })],
      ["token", () => remit.invoices.getByPublicToken({ token: "0123456789abcdef\u0000" })],
      ["tenantId", () => remit.customers.create({ ...ctx, tenantId: "t\u0000" }, { name: "Dana" })],
    ];
    for (const [path, run] of cases) {
      const error = await refusal(run);
      expect(error.code, path).toBe("validation_error");
      expect((error as ValidationError).issues, path).toContainEqual({ path, message });
    }
    const mixed = (await refusal(() =>
      remit.customers.create(ctx, { name: "\u0000", email: "not an email" }),
    )) as ValidationError;
    expect(mixed.issues.map((issue) => issue.path)).toEqual(["name", "email"]);
  });

  it("text - calculateInvoice refuses a NUL in a line's description at lines[0].description", async () => {
    const error = await refusal(() =>
      calculateInvoice({
        currency: "USD",
        lines: [{ id: "l1", description: "a\u0000", quantity: "1", unitPrice: "1.00" }],
      }),
    );
    expect((error as ValidationError).issues).toContainEqual({
      path: "lines[0].description",
      message,
    });
  });
});
