import { ValidationError } from "@remit/core";

// base64url without Buffer, so the store runs where PGlite runs (browsers, edge runtimes too).

/** The opaque cursor of a page: the last id, base64url-encoded. */
export function encodeCursor(id: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(id)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

/** The id inside a cursor from `encodeCursor`; a cursor that was not is a validation error. */
export function decodeCursor(cursor: string): string {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ValidationError({
      issues: [{ path: "cursor", message: "is not a cursor from a previous page" }],
      cause: error,
    });
  }
}
