import type { Context } from "hono";
import { type ClientKey, socketAddressKey } from "../http/failure-rate-limit";

// An IPv4 client on a dual-stack socket arrives as `::ffff:203.0.113.7`: keep the IPv4 address.
const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The address the customer's request came from, for the record of acceptance kept with an
 * approval (`{ type: "customer", ip }`): `clientKey` when given (behind a proxy, the address it
 * forwards), else the socket's address on Node. Throws when neither can tell: an approval without
 * its address would be a weaker record, so the server says what to configure instead.
 */
export function customerIpOf(context: Context, clientKey: ClientKey | undefined): string {
  const address = (clientKey ?? socketAddressKey)(context);
  if (!address) {
    throw new Error(
      "The quote page cannot tell the customer's IP address on this runtime: pass clientKey to createRemitHandler",
    );
  }
  return address.match(mappedIpv4)?.[1] ?? address;
}
