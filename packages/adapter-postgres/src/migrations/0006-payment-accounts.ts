/**
 * `payment_accounts`: each tenant's account at a payment provider → the tenant, for the webhooks
 * that name the account and not the tenant (Stripe's `account.application.deauthorized`). The
 * account id lives in the tenant's settings (`settings->'paymentAccounts'`), and `tenants` is
 * distributed by `tenant_id` on Citus: a search of every tenant's settings would read every shard.
 * Like `public_tokens`, this table is keyed by what the webhook knows, `(provider, account_id)`,
 * and is a reference table on Citus (a copy on every node; `distributeForCitus` makes it one). The
 * store writes a tenant's rows in the save of its settings, and reads a row only to find the
 * tenant, whose settings then say whether it still holds the account.
 *
 * Rows are never deleted (Remit never deletes): a tenant that replaced an account keeps the old
 * row, which then finds a tenant that no longer holds it, and the store answers "not found".
 *
 * Existing rows are carried: every account already in a tenant's settings gets its row, so the
 * tenants connected before this version are found too.
 */
export function paymentAccounts(s: string): string {
  return `
CREATE TABLE ${s}.payment_accounts (
  provider text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  tenant_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (provider, account_id)
);
INSERT INTO ${s}.payment_accounts (provider, account_id, tenant_id)
SELECT account.key, account.value->>'accountId', tenants.tenant_id
FROM ${s}.tenants, jsonb_each(tenants.settings->'paymentAccounts') AS account
WHERE jsonb_typeof(tenants.settings->'paymentAccounts') = 'object'
  AND account.value->>'accountId' IS NOT NULL
ORDER BY tenants.created_at, tenants.tenant_id
ON CONFLICT (provider, account_id) DO NOTHING;
`;
}
