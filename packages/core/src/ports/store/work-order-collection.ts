import type { WorkOrder, WorkOrderStatus } from "../../work-orders/work-order";
import type { Page, PageInput } from "./page";
import type { VersionedCollection } from "./versioned-collection";

/**
 * The tenant's work orders.
 * @group Store port
 */
export type WorkOrderCollection = VersionedCollection<WorkOrder> & {
  /** Newest first by id; filters combine with AND. */
  list(
    input: PageInput & { filter: { status?: readonly WorkOrderStatus[]; customerId?: string } },
  ): Promise<Page<WorkOrder>>;
};
