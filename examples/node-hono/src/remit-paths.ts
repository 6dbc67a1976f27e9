// @remit/server answers these paths (the API, the customer's page, the webhooks and the OpenAPI
// document) with its own authentication and headers; everything else is the back office.
const remitPaths = /^\/(api|i|webhooks)(\/|$)|^\/openapi\.json$/;

/** Whether `@remit/server` answers `path` rather than the example's back office. */
export function isRemitPath(path: string): boolean {
  return remitPaths.test(path);
}
