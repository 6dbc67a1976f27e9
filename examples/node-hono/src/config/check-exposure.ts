import { isIP } from "node:net";

/**
 * The env variable that turns sign-in off and takes the caller from the `x-tenant-id`,
 * `x-user-id` and `x-role` headers: for tests on this machine only.
 */
export const testHeaderIdentityVariable = "REMIT_TEST_HEADER_IDENTITY";

/** Whether `host` only listens on this machine: `localhost`, `127.0.0.0/8` or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  if (isIP(name) === 6) return name === "::1" || name === "0:0:0:0:0:0:0:1";
  return false;
}

/**
 * Why the server must not listen on `host`, or `[]` when it may. Loopback always may. Any other
 * address (`0.0.0.0`, a LAN address, a name) is reachable by others, so it needs sign-in (never
 * the test mode's header identity), an `AUTH_SECRET` that outlives the process and is shared by
 * every process, and a `PUBLIC_URL` (links and Stripe's return URLs are built from it, never from
 * `Host`).
 */
export function checkExposure(options: {
  host: string;
  publicUrl: string | undefined;
  authSecret: string | undefined;
  testHeaderIdentity: boolean;
}): string[] {
  if (isLoopbackHost(options.host)) return [];
  const problems: string[] = [];
  if (options.testHeaderIdentity) {
    problems.push(
      `${testHeaderIdentityVariable}: is for tests on this machine only (anyone who reaches the server acts as any tenant); unset it to listen on HOST ${options.host}`,
    );
  }
  if (!options.authSecret) {
    problems.push(
      `AUTH_SECRET: is required when HOST (${options.host}) is not a loopback address: it signs the session cookies (32 or more random characters, e.g. \`openssl rand -base64 32\`)`,
    );
  }
  if (options.publicUrl?.startsWith("http://")) {
    problems.push(
      `PUBLIC_URL: must be https:// when HOST (${options.host}) is not a loopback address: session cookies are Secure there, and passwords must not cross the network in the clear (terminate TLS in a proxy in front)`,
    );
  }
  if (!options.publicUrl) {
    problems.push(
      `PUBLIC_URL: is required when HOST (${options.host}) is not a loopback address: links and Stripe's return URLs are built from it, never from the Host header`,
    );
  }
  return problems;
}
