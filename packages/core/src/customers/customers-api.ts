import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { ConcurrencyError } from "../errors/concurrency-error";
import { NotFoundError } from "../errors/not-found-error";
import { expectedVersionSchema, recordIdSchema } from "../invoices/internal/move-input-fields";
import { parseContext } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import { addressSchema, type Customer } from "./customer";

/**
 * A phone number in international form, normalized to E.164 (`"+1 (512) 555-0101"` is stored as
 * `"+15125550101"`). libphonenumber-js checks the country code and the number's length for that
 * country; it does not require the number to be assigned (its tables lag new ranges, and the SMS
 * provider refuses a number that does not exist).
 */
export const e164PhoneSchema = z
  .string()
  .trim()
  .max(32)
  .transform((text, context) => {
    const phone = text.startsWith("+") ? parsePhoneNumberFromString(text) : undefined;
    if (!phone?.isPossible()) {
      context.addIssue({
        code: "custom",
        message: 'must be an E.164 number such as "+15551234567"',
      });
      return z.NEVER;
    }
    return phone.number as string;
  });

export const customerInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  phone: e164PhoneSchema.nullable().optional(),
  billingAddress: addressSchema.nullable().optional(),
});

export type CustomerInput = z.input<typeof customerInputSchema>;

const updateCustomerInputSchema = customerInputSchema.partial().extend({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  optedOut: z.array(z.enum(["email", "sms"])).optional(),
});

/** `remit.customers`: the people and companies a tenant bills. */
export function createCustomersApi(deps: RemitDependencies) {
  return {
    async create(rawContext: unknown, rawInput: CustomerInput): Promise<Customer> {
      const context = parseContext(rawContext);
      const input = parseWithSchema(customerInputSchema, rawInput);
      const now = deps.clock.now();
      const customer: Customer = {
        tenantId: context.tenantId,
        id: deps.ids.newId("cus"),
        version: 1,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        billingAddress: input.billingAddress ?? null,
        optedOut: [],
        createdAt: now,
        updatedAt: now,
      };
      await deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) => transaction.customers.insert({ record: customer }),
      });
      return customer;
    },

    async update(
      rawContext: unknown,
      rawInput: z.input<typeof updateCustomerInputSchema>,
    ): Promise<Customer> {
      const context = parseContext(rawContext);
      const { id, expectedVersion, ...changes } = parseWithSchema(
        updateCustomerInputSchema,
        rawInput,
      );
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: async (transaction) => {
          const previous = await transaction.customers.get({ id });
          if (!previous) throw new NotFoundError({ resource: "customer", id });
          if (expectedVersion !== undefined && expectedVersion !== previous.version) {
            throw new ConcurrencyError({ expectedVersion, actualVersion: previous.version });
          }
          const defined = Object.fromEntries(
            Object.entries(changes).filter(([, value]) => value !== undefined),
          );
          const next: Customer = {
            ...previous,
            ...defined,
            version: previous.version + 1,
            updatedAt: deps.clock.now(),
          };
          await transaction.customers.update({ record: next, expectedVersion: previous.version });
          return next;
        },
      });
    },

    async get(rawContext: unknown, rawInput: { id: string }): Promise<Customer> {
      const context = parseContext(rawContext);
      const { id } = parseWithSchema(z.object({ id: recordIdSchema }), rawInput);
      const customer = await deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) => transaction.customers.get({ id }),
      });
      if (!customer) throw new NotFoundError({ resource: "customer", id });
      return customer;
    },

    async list(
      rawContext: unknown,
      rawInput: { search?: string; limit?: number; cursor?: string } = {},
    ) {
      const context = parseContext(rawContext);
      const input = parseWithSchema(
        z.object({
          search: z.string().trim().min(1).max(200).optional(),
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.string().min(1).max(200).optional(),
        }),
        rawInput,
      );
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) => transaction.customers.list(input),
      });
    },
  };
}
