import { describe, expect, it, vi } from "vitest";
import * as errors from "../../src/errors/index";
import { RemitError } from "../../src/errors/index";

type ErrorClass = (abstract new (
  ...args: never[]
) => RemitError) & {
  isInstance(error: unknown): boolean;
};

// One instance of every error class core exports, built with the fewest options each takes.
function instancesOf(module: typeof errors): Array<[string, ErrorClass, RemitError]> {
  return [
    ["RemitError", module.RemitError, new module.RemitError({ code: "not_found", message: "x" })],
    [
      "ConcurrencyError",
      module.ConcurrencyError,
      new module.ConcurrencyError({ expectedVersion: 1, actualVersion: 2 }),
    ],
    [
      "DeliveryError",
      module.DeliveryError,
      new module.DeliveryError({ code: "missing_contact", channel: "sms" }),
    ],
    [
      "IdempotencyError",
      module.IdempotencyError,
      new module.IdempotencyError({ idempotencyKey: "k" }),
    ],
    [
      "IdempotencyKeyTakenError",
      module.IdempotencyKeyTakenError,
      new module.IdempotencyKeyTakenError({ key: "k" }),
    ],
    [
      "InvalidTransitionError",
      module.InvalidTransitionError,
      new module.InvalidTransitionError({ status: "paid", move: "void" }),
    ],
    [
      "NotFoundError",
      module.NotFoundError,
      new module.NotFoundError({ resource: "invoice", id: "inv_1" }),
    ],
    [
      "NotSupportedError",
      module.NotSupportedError,
      new module.NotSupportedError({ feature: "recurring plans" }),
    ],
    ["OutcomeUnknownError", module.OutcomeUnknownError, new module.OutcomeUnknownError()],
    [
      "ProviderError",
      module.ProviderError,
      new module.ProviderError({ provider: "stripe", message: "down", retryable: true }),
    ],
    ["StoreUnavailableError", module.StoreUnavailableError, new module.StoreUnavailableError()],
    [
      "ValidationError",
      module.ValidationError,
      new module.ValidationError({ issues: [{ path: "currency", message: "bad" }] }),
    ],
    [
      "WebhookSignatureError",
      module.WebhookSignatureError,
      new module.WebhookSignatureError({ message: "bad signature" }),
    ],
  ];
}

const table = instancesOf(errors);
const subclasses = table.filter(([name]) => name !== "RemitError");

describe("error markers", () => {
  it("isInstance - the table covers every error class core exports", () => {
    const exportedClasses = Object.entries(errors)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .sort();
    expect(table.map(([name]) => name).sort()).toEqual(exportedClasses);
  });

  it("isInstance - RemitError recognises every subclass", () => {
    for (const [, , instance] of table) expect(RemitError.isInstance(instance)).toBe(true);
  });

  it.each(subclasses)(
    "isInstance - %s recognises itself and no other error",
    (name, ErrorClass) => {
      for (const [otherName, , instance] of table) {
        expect({ otherName, result: ErrorClass.isInstance(instance) }).toEqual({
          otherName,
          result: otherName === name,
        });
      }
    },
  );

  it("isInstance - a subclass of a subclass answers to both, and not to its siblings", () => {
    class ProviderRefusedError extends errors.ValidationError {}
    const refused = new ProviderRefusedError({ issues: [{ path: "amount", message: "too big" }] });
    expect(errors.ValidationError.isInstance(refused)).toBe(true);
    expect(RemitError.isInstance(refused)).toBe(true);
    expect(errors.ConcurrencyError.isInstance(refused)).toBe(false);
  });

  it("isInstance - refuses look-alikes: plain errors, codes without a marker, non-objects", () => {
    const lookAlikes: unknown[] = [
      new Error("x"),
      { code: "version_conflict", name: "ConcurrencyError" },
      null,
      undefined,
      "version_conflict",
      42,
    ];
    for (const lookAlike of lookAlikes) {
      for (const [, ErrorClass] of table) expect(ErrorClass.isInstance(lookAlike)).toBe(false);
    }
    // A RemitError built with another class's code is still only a RemitError.
    const plain = new RemitError({ code: "validation_error", message: "x" });
    expect(errors.ValidationError.isInstance(plain)).toBe(false);
  });

  it("isInstance - each class answers for its own errors from a second loaded copy, and only those", async () => {
    vi.resetModules();
    const secondCopy = (await import("../../src/errors/index")) as typeof errors;
    expect(secondCopy.ConcurrencyError).not.toBe(errors.ConcurrencyError);
    const foreignTable = instancesOf(secondCopy);
    for (const [name, ErrorClass] of table) {
      for (const [foreignName, , foreign] of foreignTable) {
        expect(foreign).not.toBeInstanceOf(ErrorClass);
        const expected = name === "RemitError" || name === foreignName;
        expect({ name, foreignName, result: ErrorClass.isInstance(foreign) }).toEqual({
          name,
          foreignName,
          result: expected,
        });
      }
    }
  });
});
