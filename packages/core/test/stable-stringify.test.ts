import { describe, expect, it } from "vitest";
import { stableStringify } from "../src/index";
import { fingerprint } from "../src/internal/fingerprint";

describe("stableStringify", () => {
  it("stableStringify - sorts keys at every depth, so key order never changes the string", () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: "c" } };
    const b = { a: { c: "c", d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(stableStringify(a)).toBe('{"a":{"c":"c","d":[1,{"x":1,"y":2}]},"b":1}');
    expect(stableStringify(b)).toBe(stableStringify(a));
  });

  it("stableStringify - leaves out undefined properties and writes undefined elsewhere as null", () => {
    expect(stableStringify({ a: undefined, b: null })).toBe('{"b":null}');
    expect(stableStringify([undefined, 1])).toBe("[null,1]");
    expect(stableStringify(undefined)).toBe("null");
    expect(stableStringify("12.50")).toBe('"12.50"');
  });

  it("stableStringify - array order still counts, and other values give other strings", () => {
    expect(stableStringify([1, 2])).not.toBe(stableStringify([2, 1]));
    expect(stableStringify({ amount: "12.50" })).not.toBe(stableStringify({ amount: "12.5" }));
  });

  it("fingerprint - built on stableStringify: the same arguments in another key order match", async () => {
    expect(await fingerprint("pay", { amount: "1.00", id: "inv_1" })).toBe(
      await fingerprint("pay", { id: "inv_1", amount: "1.00" }),
    );
  });
});
