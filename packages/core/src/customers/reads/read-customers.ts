import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import type { Page } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import { textSchema } from "../../validation/text-schema";
import type { Customer } from "../customer";

/** @group Customers */
export const listCustomersInputSchema = z.object({
  search: textSchema.trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: textSchema.min(1).max(200).optional(),
});

/** @group Customers @interface */
export type ListCustomersInput = z.input<typeof listCustomersInputSchema>;

/** `remit.customers.get`: one customer. */
export const getCustomer = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<Customer> => {
    const customer = await transaction.customers.get({ id });
    if (!customer) throw new NotFoundError({ resource: "customer", id });
    return customer;
  },
);

/** `remit.customers.list`: by id; `search` matches name, email or phone, case-insensitively. */
export const listCustomers = defineRead(
  { input: listCustomersInputSchema.prefault({}) },
  async ({ transaction }, input): Promise<Page<Customer>> => transaction.customers.list(input),
);
