import type { PlanOccurrence, PlanStatus, ServicePlan } from "../../plans/service-plan";
import type { Page, PageInput } from "./page";
import type { VersionedCollection } from "./versioned-collection";

/**
 * The tenant's recurring service plans.
 * @since 0.2.0
 * @group Store port
 */
export type PlanCollection = VersionedCollection<ServicePlan> & {
  /** Newest first by id; filters combine with AND. */
  list(
    input: PageInput & { filter: { status?: readonly PlanStatus[]; customerId?: string } },
  ): Promise<Page<ServicePlan>>;
  /**
   * `active` plans whose `nextOccurrenceOn` is on or before `onOrBefore`, by id after `after`,
   * at most `limit`: the occurrence sweep.
   */
  listDue(input: { onOrBefore: string; after?: string; limit: number }): Promise<ServicePlan[]>;
};

/**
 * The dates of plans already taken (generated or skipped), one per plan and date.
 * @since 0.2.0
 * @group Store port
 */
export type PlanOccurrenceCollection = {
  /**
   * Stores the occurrence unless the tenant has one for the same `planId` and `date`, atomically
   * against concurrent transactions (a unique key: the second waits for the first and then finds
   * it taken). Returns `true` when stored, `false` when taken; never throws for a taken date.
   */
  claim(input: { record: PlanOccurrence }): Promise<boolean>;
  /** The occurrence of `planId` on `date`, or `undefined`. */
  get(input: { planId: string; date: string }): Promise<PlanOccurrence | undefined>;
  /** The plan's occurrences, oldest date first. */
  list(input: { planId: string }): Promise<PlanOccurrence[]>;
};
