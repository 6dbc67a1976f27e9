import { z } from "zod";
import { NotFoundError } from "../errors/not-found-error";
import type { PaymentAccountDisconnectedData } from "../events/remit-event";
import { idempotencyKeySchema } from "../invoices/internal/move-input-fields";
import { defineMove } from "../service/internal/define-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import type { Tenant } from "../tenants/tenant-settings";
import { textSchema } from "../validation/text-schema";
import { parseWithSchema } from "../validation/to-validation-error";

const paymentAccountSchema = z.object({
  /** The provider's name, as in `tenant.paymentAccounts` (`"stripe"`). */
  provider: textSchema.min(1).max(64),
  /** The account at the provider (`acct_…`). */
  accountId: textSchema.min(1).max(255),
});

/** @group Tenants @interface */
export type FindTenantByPaymentAccountInput = z.input<typeof paymentAccountSchema>;

/** How many tenants one page of the fallback walk reads (a store without the lookup). */
const walkPage = 100;

/**
 * `remit.tenants.findByPaymentAccount`: the tenant whose settings hold this account at this
 * provider, across tenants (a provider's webhook names the account, not the tenant), or `null`.
 * Uses the store's `findTenantByPaymentAccount`; a store written before it is walked tenant by
 * tenant instead.
 */
export async function findTenantByPaymentAccount(
  deps: RemitDependencies,
  rawInput: FindTenantByPaymentAccountInput,
): Promise<Tenant | null> {
  const input = parseWithSchema(paymentAccountSchema, rawInput);
  const holds = (tenant: Tenant | undefined): tenant is Tenant =>
    tenant?.paymentAccounts[input.provider]?.accountId === input.accountId;
  if (deps.store.findTenantByPaymentAccount) {
    const found = await deps.store.findTenantByPaymentAccount(input);
    return holds(found) ? found : null;
  }
  let after: string | undefined;
  for (;;) {
    const ids = await deps.store.listTenantIds({ limit: walkPage, ...(after ? { after } : {}) });
    for (const tenantId of ids) {
      const tenant = await deps.store.transaction({
        tenantId,
        readOnly: true,
        work: (transaction) => transaction.tenants.get(),
      });
      if (holds(tenant)) return tenant;
    }
    if (ids.length < walkPage) return null;
    after = ids[ids.length - 1];
  }
}

export const disconnectPaymentAccountInputSchema = paymentAccountSchema.extend({
  /** Why, in a few words; passed on in the event (`"account.application.deauthorized"`). */
  reason: textSchema.trim().min(1).max(200),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Tenants @interface */
export type DisconnectPaymentAccountInput = z.input<typeof disconnectPaymentAccountInputSchema>;

/**
 * `remit.tenants.disconnectPaymentAccount`: records that the tenant's account at a provider no
 * longer lets the platform act for it (its owner revoked access). The account stays in
 * `paymentAccounts` with `disconnectedAt` set and `chargesEnabled: false`, so nothing offers
 * online payment through it. Emits `tenant.updated` (`changed: ["paymentAccounts"]`) and
 * `payments.account_disconnected` ({@link PaymentAccountDisconnectedData}). An account already
 * disconnected is left as it is and emits nothing; an account the tenant does not hold (any more)
 * is a `NotFoundError`.
 */
export const disconnectPaymentAccount = defineMove(
  {
    move: "disconnect payment account",
    actors: ["provider", "system", "user"],
    input: disconnectPaymentAccountInputSchema,
  },
  async (scope, input) => {
    const current = await scope.transaction.tenants.get({ forUpdate: true });
    const account = current?.paymentAccounts[input.provider];
    if (!current || account?.accountId !== input.accountId) {
      throw new NotFoundError({
        resource: `${input.provider} account of this tenant`,
        id: input.accountId,
      });
    }
    if (account.disconnectedAt !== undefined) return { tenant: current };
    const tenant: Tenant = {
      ...current,
      paymentAccounts: {
        ...current.paymentAccounts,
        [input.provider]: { ...account, chargesEnabled: false, disconnectedAt: scope.now },
      },
      version: current.version + 1,
      updatedAt: scope.now,
    };
    await scope.transaction.tenants.put({ record: tenant });
    const subject = { type: "tenant", id: tenant.id, version: tenant.version } as const;
    scope.emit("tenant.updated", subject, { changed: ["paymentAccounts"] });
    const data: PaymentAccountDisconnectedData = {
      provider: input.provider,
      accountId: input.accountId,
      disconnectedAt: scope.now,
      reason: input.reason,
    };
    scope.emit("payments.account_disconnected", subject, data);
    return { tenant };
  },
);
