import { RemitError } from "./remit-error";

/** The record does not exist for this tenant (another tenant's record is never found either). */
export class NotFoundError extends RemitError {
  readonly resource: string;
  readonly id: string;

  constructor(options: { resource: string; id: string }) {
    super({ code: "not_found", message: `No ${options.resource} "${options.id}" in this tenant` });
    this.name = "NotFoundError";
    this.resource = options.resource;
    this.id = options.id;
  }
}
