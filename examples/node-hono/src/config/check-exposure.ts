import { isIP } from "node:net";

/** The env variable that lets the header-based identity listen beyond this machine: tests only. */
export const insecureExposureVariable = "REMIT_INSECURE_EXPOSE_HEADER_IDENTITY";

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
 * address (`0.0.0.0`, a LAN address, a name) is reachable by others, so it needs sign-in and a
 * `PUBLIC_URL` (links and Stripe's return URLs are built from it, never from `Host`). The example
 * has no sign-in yet (it trusts the `x-tenant-id` and `x-user-id` headers), so it also needs
 * `REMIT_INSECURE_EXPOSE_HEADER_IDENTITY=true`, which says anyone who can reach it acts as any
 * tenant.
 */
export function checkExposure(options: {
  host: string;
  publicUrl: string | undefined;
  authenticationConfigured: boolean;
  insecureHeaderIdentity: boolean;
}): string[] {
  if (isLoopbackHost(options.host)) return [];
  const problems: string[] = [];
  if (!options.authenticationConfigured && !options.insecureHeaderIdentity) {
    problems.push(
      `HOST: ${options.host} is reachable from other machines, and this example has no sign-in: it trusts the x-tenant-id and x-user-id headers, so anyone who reaches it acts as any tenant. Leave HOST unset (127.0.0.1) and put a proxy with sign-in in front, or, for a test network only, set ${insecureExposureVariable}=true`,
    );
  }
  if (!options.publicUrl) {
    problems.push(
      `PUBLIC_URL: is required when HOST (${options.host}) is not a loopback address: links and Stripe's return URLs are built from it, never from the Host header`,
    );
  }
  return problems;
}
