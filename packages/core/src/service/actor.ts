import { z } from "zod";
import { textSchema } from "../validation/text-schema";

/**
 * Who made a change: a person in the host app, Remit itself (sweeps, scheduled sends), or a
 * provider reporting money or deliveries (`{ type: "provider", name: "stripe" }`).
 * @group Service
 */
export const actorSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("user"), id: textSchema.min(1).max(255) }),
    z.object({ type: z.literal("system") }),
    z.object({ type: z.literal("provider"), name: textSchema.min(1).max(64) }),
  ],
  { error: 'must be { type: "user", id }, { type: "system" } or { type: "provider", name }' },
);

/**
 * Who made a change, as {@link actorSchema} reads it.
 * @group Service
 */
export type Actor =
  /** A person in the host app, by the app's own user id (1 to 255 characters). */
  | { type: "user"; id: string }
  /** Remit itself: sweeps, scheduled sends, the outbox worker. */
  | { type: "system" }
  /** A payment or message provider reporting back, by name (`"stripe"`, `"twilio"`). */
  | { type: "provider"; name: string };

/**
 * The first argument of every call: whose records, and who is acting.
 * @group Service
 */
export const contextSchema = z.object({
  tenantId: textSchema.min(1).max(64),
  actor: actorSchema,
});

export type Context = z.infer<typeof contextSchema>;
