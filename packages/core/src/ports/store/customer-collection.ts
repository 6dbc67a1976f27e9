import type { Customer } from "../../customers/customer";
import type { Page, PageInput } from "./page";
import type { VersionedCollection } from "./versioned-collection";

/**
 * The tenant's customers.
 * @group Store port
 */
export type CustomerCollection = VersionedCollection<Customer> & {
  /**
   * Customers by id; with `search`, only those whose name, email or phone contains the text,
   * case-insensitively.
   */
  list(input: PageInput & { search?: string }): Promise<Page<Customer>>;
};
