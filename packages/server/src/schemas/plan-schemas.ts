import { z } from "@hono/zod-openapi";
import { actorResponseSchema, customerSnapshotSchema, eventResponseSchema } from "./record-schemas";
import { pageSchema } from "./response-schemas";

const date = z.string().openapi({ description: "A calendar date", example: "2027-01-31" });

/** A recurring service plan as the API answers it. */
export const planResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    version: z.number().int(),
    status: z.enum(["active", "paused", "ended"]),
    name: z.string(),
    customer: customerSnapshotSchema,
    currency: z.string(),
    terms: z.union([z.string(), z.object({ dueDate: date })]),
    content: z.looseObject({}),
    schedule: z.object({ rrule: z.string(), startDate: date, endDate: date.nullable() }),
    mode: z.enum(["review", "issue_and_send"]),
    channels: z.array(z.enum(["email", "sms"])),
    nextOccurrenceOn: date.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: actorResponseSchema,
  })
  .openapi("Plan");

export const planPageSchema = pageSchema(planResponseSchema, "Plan");

export const planMoveResultSchema = z
  .object({ plan: planResponseSchema, events: z.array(eventResponseSchema) })
  .openapi("PlanMoveResult");

export const planDetailsResponseSchema = z
  .object({
    plan: planResponseSchema,
    occurrences: z.array(
      z.object({
        tenantId: z.string(),
        planId: z.string(),
        date,
        status: z.enum(["generated", "skipped"]),
        invoiceId: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi("PlanDetails");
