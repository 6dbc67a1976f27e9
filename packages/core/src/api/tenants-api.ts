import { z } from "zod";
import { ConcurrencyError } from "../errors/concurrency-error";
import { ValidationError } from "../errors/validation-error";
import { bindCalls } from "../service/internal/bind-calls";
import { defineMove } from "../service/internal/define-move";
import { defineRead } from "../service/internal/define-read";
import type { MoveScope, RemitDependencies } from "../service/remit-dependencies";
import { defaultTenant } from "../tenants/default-tenant";
import { numberFormatsCanCollide, seriesTemplateOf } from "../tenants/number-formats-can-collide";
import {
  type Tenant,
  type TenantSettingsInput,
  tenantSettingsSchema,
} from "../tenants/tenant-settings";
import { textSchema } from "../validation/text-schema";
import { parseWithSchema } from "../validation/to-validation-error";
import {
  disconnectPaymentAccount,
  type FindTenantByPaymentAccountInput,
  findTenantByPaymentAccount,
} from "./tenant-payment-accounts";

// The tenant's calls live here rather than under tenants/: the move machinery (service/) reads
// tenants' settings, so tenants/ holds records only and imports no machinery.

/**
 * The settings to save, an optional idempotency key, and an optional `expectedVersion` (0 before
 * the first save): given, the save is refused with `version_conflict` if the settings changed
 * since they were read; left out (webhooks saving account state), the save merges and never
 * conflicts.
 * @group Tenants
 */
export type UpsertTenantInput = TenantSettingsInput & {
  idempotencyKey?: string;
  expectedVersion?: number;
};

/**
 * The earlier formats once `numberFormat` becomes `next`: the current one joins them if any
 * invoice may carry its numbers, and `next` is refused (a `ValidationError` at `numberFormat`)
 * when its numbers could equal an earlier format's, unless it continues the same series.
 */
async function numberFormatsAfterChange(
  scope: MoveScope,
  current: Tenant,
  next: string,
): Promise<string[]> {
  // Settings saved before 0.2 have no list yet.
  const earlier: string[] = current.earlierNumberFormats ?? [];
  if (next === current.numberFormat) return earlier;
  const numbered = await scope.transaction.invoices.list({
    filter: { status: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"] },
    limit: 1,
  });
  const formats =
    numbered.items.length > 0 && !earlier.includes(current.numberFormat)
      ? [...earlier, current.numberFormat]
      : earlier;
  for (const format of formats) {
    if (seriesTemplateOf(format) === seriesTemplateOf(next)) continue;
    if (numberFormatsCanCollide(next, format)) {
      throw new ValidationError({
        issues: [
          {
            path: "numberFormat",
            message: `its numbers could equal numbers of the earlier format "${format}"; add a prefix or a year that sets them apart`,
          },
        ],
      });
    }
  }
  return formats;
}

/**
 * Credit-note numbers never equal invoice numbers: each credit-note format (current and earlier)
 * is checked against each invoice format (current and earlier), whichever of the two changed.
 * The formats that replaced one another within a kind are checked as invoices' are, conservatively
 * (a credit-note format joins the earlier ones as soon as it is replaced).
 */
function assertKindsApart(
  tenant: {
    numberFormat: string;
    earlierNumberFormats: string[];
    creditNoteNumberFormat: string;
    earlierCreditNoteNumberFormats: string[];
  },
  /** The field the refusal names: the one this save changed (credit notes' when both did). */
  changed: "numberFormat" | "creditNoteNumberFormat",
): void {
  const invoiceFormats = [tenant.numberFormat, ...tenant.earlierNumberFormats];
  const creditFormats = [tenant.creditNoteNumberFormat, ...tenant.earlierCreditNoteNumberFormats];
  for (const invoiceFormat of invoiceFormats) {
    for (const creditFormat of creditFormats) {
      if (!numberFormatsCanCollide(invoiceFormat, creditFormat)) continue;
      throw new ValidationError({
        issues: [
          {
            path: changed,
            message: `invoice numbers ("${invoiceFormat}") and credit-note numbers ("${creditFormat}") could be equal; give credit notes a prefix of their own such as "CN-"`,
          },
        ],
      });
    }
  }
}

/** The earlier credit-note formats once `creditNoteNumberFormat` becomes `next`. */
function creditNoteFormatsAfterChange(current: Tenant, next: string): string[] {
  const earlier: string[] = current.earlierCreditNoteNumberFormats ?? [];
  const previous = current.creditNoteNumberFormat ?? next;
  if (next === previous) return earlier;
  for (const format of [previous, ...earlier]) {
    if (seriesTemplateOf(format) === seriesTemplateOf(next)) continue;
    if (numberFormatsCanCollide(next, format)) {
      throw new ValidationError({
        issues: [
          {
            path: "creditNoteNumberFormat",
            message: `its numbers could equal numbers of the earlier credit-note format "${format}"; add a prefix or a year that sets them apart`,
          },
        ],
      });
    }
  }
  return earlier.includes(previous) ? earlier : [...earlier, previous];
}

/**
 * `remit.tenants.upsert`: saves settings; fields left out keep their current (or default) value.
 * They apply to later moves only. Emits `tenant.updated` with the names of the fields that
 * changed. Users, Remit itself and providers (a connected payment account) may save settings.
 */
export const upsertTenant = defineMove(
  {
    move: "update tenant settings",
    actors: ["user", "system", "provider"],
    input: z.custom<UpsertTenantInput>(() => true),
  },
  async (scope, settings) => {
    const {
      idempotencyKey: _key,
      expectedVersion,
      ...changes
    } = parseWithSchema(
      z
        .record(textSchema, z.unknown())
        .and(z.object({ expectedVersion: z.number().int().min(0).optional() })),
      settings,
    );
    // Hold the settings, then merge into what is saved now (not what the move read at its
    // start): two saves of different fields at once both keep their field.
    const current =
      (await scope.transaction.tenants.get({ forUpdate: true })) ??
      defaultTenant(scope.context.tenantId, scope.now);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConcurrencyError({ expectedVersion, actualVersion: current.version });
    }
    for (const kept of ["earlierNumberFormats", "earlierCreditNoteNumberFormats"]) {
      if (kept in changes) {
        throw new ValidationError({
          issues: [{ path: kept, message: "is kept by Remit and cannot be set" }],
        });
      }
    }

    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    // Validate the whole result: a partial schema would fill defaults over saved values.
    const merged = parseWithSchema(tenantSettingsSchema, { ...current, ...defined });
    merged.earlierNumberFormats = await numberFormatsAfterChange(
      scope,
      current,
      merged.numberFormat,
    );
    merged.earlierCreditNoteNumberFormats = creditNoteFormatsAfterChange(
      current,
      merged.creditNoteNumberFormat,
    );
    assertKindsApart(
      merged,
      merged.creditNoteNumberFormat !== current.creditNoteNumberFormat
        ? "creditNoteNumberFormat"
        : "numberFormat",
    );
    const tenant: Tenant = {
      ...merged,
      id: scope.context.tenantId,
      version: current.version + 1,
      createdAt: current.createdAt,
      updatedAt: scope.now,
    };
    await scope.transaction.tenants.put({ record: tenant });
    const changed = Object.keys(merged).filter(
      (field) =>
        JSON.stringify(current[field as keyof Tenant]) !==
        JSON.stringify(tenant[field as keyof Tenant]),
    );
    scope.emit(
      "tenant.updated",
      { type: "tenant", id: tenant.id, version: tenant.version },
      { changed },
    );
    return { tenant };
  },
  ({ tenant }) => tenant,
);

/** `remit.tenants.get`: the tenant's settings (the defaults before any were saved). */
export const getTenant = defineRead(
  // One read of the settings row: the hosted page asks on every view it renders.
  { input: z.object({}).optional(), singleStatement: true },
  async ({ deps, transaction, context }): Promise<Tenant> =>
    (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, deps.clock.now()),
);

/** `remit.tenants`: one contractor business's settings. */
export function createTenantsApi(deps: RemitDependencies) {
  return {
    ...bindCalls(deps, { upsert: upsertTenant, get: getTenant, disconnectPaymentAccount }),
    findByPaymentAccount: (input: FindTenantByPaymentAccountInput) =>
      findTenantByPaymentAccount(deps, input),
  };
}
