import type { RemitDependencies } from "./remit-dependencies";

// A global symbol, so a Remit made by one installed copy of @remit/core still works with the
// outbox worker of another. Not enumerable: the resolved ports are no part of the public API.
const internals = Symbol.for("remit.internals");

/** Stores the resolved ports on the service object, for core's own worker and sweeps. */
export function attachDependencies<Service extends object>(
  service: Service,
  deps: RemitDependencies,
): Service {
  Object.defineProperty(service, internals, { value: deps, enumerable: false });
  return service;
}

/** The resolved ports of a service made by `createRemit`; a TypeError for anything else. */
export function dependenciesOf(service: object): RemitDependencies {
  const deps = (service as { [internals]?: RemitDependencies })[internals];
  if (!deps) throw new TypeError("expected the service that createRemit returns");
  return deps;
}
