import { z } from "zod";
import { textSchema } from "../validation/text-schema";

/**
 * Who made a change: a person in the host app, Remit itself (sweeps, scheduled sends), or a
 * provider reporting money or deliveries (`{ type: "provider", name: "stripe" }`), or the customer
 * answering a quote on its hosted page (`{ type: "customer", ip: "203.0.113.7" }`).
 * @group Service
 */
export const actorSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("user"), id: textSchema.min(1).max(255) }),
    z.object({ type: z.literal("system") }),
    z.object({ type: z.literal("provider"), name: textSchema.min(1).max(64) }),
    // The IP travels with the actor so every event the customer causes keeps where it came from.
    z.object({ type: z.literal("customer"), ip: z.union([z.ipv4(), z.ipv6()]) }),
  ],
  {
    error:
      'must be { type: "user", id }, { type: "system" }, { type: "provider", name } or { type: "customer", ip }',
  },
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
  | { type: "provider"; name: string }
  /** The customer on a hosted page, by the IP address the request came from. */
  | { type: "customer"; ip: string };

/**
 * The first argument of every call: whose records, and who is acting.
 * @group Service
 */
export const contextSchema = z.object({
  tenantId: textSchema.min(1).max(64),
  actor: actorSchema,
});

export type Context = z.infer<typeof contextSchema>;
