import type { Context } from "@remit/core";

/** What the API's middleware hands its routes: the caller `authenticate` returned. */
export type RemitApiEnvironment = { Variables: { remitContext: Context } };
