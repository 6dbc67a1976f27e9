// @remit/server answers these paths (the API, the customer's invoice and quote pages, the
// webhooks and the OpenAPI document) with its own authentication and headers; everything else is
// the back office.
const remitPaths = /^\/(api|i|q|webhooks)(\/|$)|^\/openapi\.json$/;

/** Whether `@remit/server` answers `path` rather than the example's back office. */
export function isRemitPath(path: string): boolean {
  return remitPaths.test(path);
}
