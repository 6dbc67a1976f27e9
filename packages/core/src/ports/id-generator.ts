import { monotonicFactory } from "ulid";

/**
 * Where Remit gets ids and public tokens. Ids are opaque, at most 64 characters; by default a
 * prefix and a ULID (`inv_01J…`), so they sort by creation time.
 * @group Ports
 */
export type IdGenerator = {
  readonly specificationVersion: "v1";
  /** A new unique id for a record of `prefix` (`"inv"`, `"pay"`, `"evt"`, …). */
  newId(prefix: string): string;
  /**
   * An unguessable token for a customer's hosted invoice page: at least 128 bits from a
   * cryptographically secure source, URL-safe.
   */
  newPublicToken(): string;
};

function randomToken(): string {
  const bytes = new Uint8Array(24); // 192 bits
  globalThis.crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

// Monotonic: ids made in the same millisecond still sort in the order they were made.
const ulid = monotonicFactory();

/**
 * The default generator: `prefix_ULID` ids and 192-bit base64url tokens.
 * @group Ports
 */
export const ulidIdGenerator: IdGenerator = {
  specificationVersion: "v1",
  newId: (prefix) => `${prefix}_${ulid()}`,
  newPublicToken: randomToken,
};
