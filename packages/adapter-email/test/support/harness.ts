import { createSendingHarness, sendingTenantId, sendingUser } from "@remit/testing";

export const tenantId = sendingTenantId;
export const user = sendingUser;

/** @remit/testing's sending harness, with customers reached by email only unless a test says otherwise. */
export function createHarness(
  options: Omit<Parameters<typeof createSendingHarness>[0], "defaultContacts">,
) {
  return createSendingHarness({
    ...options,
    defaultContacts: { email: "dana@example.com", phone: null },
  });
}
