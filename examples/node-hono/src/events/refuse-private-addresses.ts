import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";

const v4Blocks: [number, number][] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // private
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata at 169.254.169.254)
  [0xac100000, 12], // private
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0a80000, 16], // private
  [0xc6120000, 15], // benchmarking
  [0xe0000000, 3], // multicast and reserved, up to 255.255.255.255
];

function v4Number(address: string): number {
  return address.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/**
 * Whether an IP address is one a webhook must not reach from a server: loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified or reserved, in IPv4 or IPv6 (IPv4-mapped
 * and NAT64 addresses are judged by the IPv4 address inside).
 */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) {
    const value = v4Number(address);
    return v4Blocks.some(
      ([base, bits]) =>
        Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
    );
  }
  if (kind !== 6) return true; // not an address at all: refuse
  const lower = address.toLowerCase();
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  if (embedded) return isPrivateAddress(embedded);
  if (lower === "::" || lower === "::1") return true;
  const first = Number.parseInt(lower.split(":")[0] || "0", 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast ff00::/8
    lower.startsWith("::ffff:") // any other mapped form
  );
}

/** The refusal: thrown before any byte is sent. */
export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(
      `events webhook: ${host} resolves to ${address}, a private, loopback or link-local address; set allowPrivateAddresses to send there`,
    );
    this.name = "PrivateAddressError";
  }
}

/**
 * A `lookup` for `http.request` that resolves as usual and refuses private addresses: the check
 * is made on the very address the connection then uses, so a DNS answer that changes between a
 * check and the request (DNS rebinding) cannot slip through.
 */
export const publicOnlyLookup: typeof dnsLookup = ((
  hostname: string,
  options: object,
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address), "");
    const all = (options as { all?: boolean }).all === true;
    const [first] = addresses;
    if (all) return callback(null, addresses);
    callback(null, first?.address ?? "", first?.family);
  });
}) as typeof dnsLookup;

/** Refuses a URL whose host is a private address literal, or resolves to one. */
export async function assertPublicHost(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new PrivateAddressError(host, host);
    return;
  }
  await new Promise<void>((resolve, reject) =>
    publicOnlyLookup(host, {}, (error) => (error ? reject(error) : resolve())),
  );
}
