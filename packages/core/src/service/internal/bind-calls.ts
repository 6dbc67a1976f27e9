import type { Context } from "../actor";
import type { RemitDependencies } from "../remit-dependencies";

// biome-ignore lint/suspicious/noExplicitAny: the bound inputs are checked against the Remit type.
type AnyCall = (deps: RemitDependencies, context: Context, input: any) => Promise<unknown>;

/** The service's face of declared moves and reads: each bound to the ports. */
export type BoundCalls<Calls extends Record<string, AnyCall>> = {
  [Name in keyof Calls]: undefined extends Parameters<Calls[Name]>[2]
    ? (context: Context, input?: Parameters<Calls[Name]>[2]) => ReturnType<Calls[Name]>
    : (context: Context, input: Parameters<Calls[Name]>[2]) => ReturnType<Calls[Name]>;
};

/**
 * Binds declared moves (`defineMove`) and reads (`defineRead`) to the service's ports, as
 * `remit.invoices`, `remit.quotes`, … expose them: the one place where calls meet the ports.
 */
export function bindCalls<Calls extends Record<string, AnyCall>>(
  deps: RemitDependencies,
  calls: Calls,
): BoundCalls<Calls> {
  return Object.fromEntries(
    Object.entries(calls).map(([name, call]) => [
      name,
      (context: Context, input: unknown) => call(deps, context, input),
    ]),
  ) as BoundCalls<Calls>;
}
