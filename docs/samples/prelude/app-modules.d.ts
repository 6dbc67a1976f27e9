// Modules that stand for the reader's own app, for samples that import them by name (a Next.js
// app's "@/lib/..." aliases). Ambient declarations only; no global names.

declare module "@/lib/remit" {
  import type { Remit } from "@remit/core";
  /** Your app's `createRemit(...)`. */
  export const remit: Remit;
}

declare module "@/lib/auth" {
  /** Your app's sign-in: the signed-in user's organization and id, or null. */
  export function auth(): Promise<{ orgId: string; userId: string } | null>;
}
