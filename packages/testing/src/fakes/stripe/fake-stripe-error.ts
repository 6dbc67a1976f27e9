/**
 * The `error` object of a Stripe API error answer, as Stripe's API reference describes it
 * ("Errors"): `type` always, `code`, `param` and `doc_url` when they apply.
 */
export type StripeErrorBody = {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  code?: string;
  message: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
};

/**
 * A failure of one request to the fake Stripe, answered as `{ error: body }` with `status`.
 *
 * `saved` says whether an idempotency key keeps this answer. Stripe saves the result of a request
 * once its endpoint has started executing, errors included; a request whose parameters fail
 * validation never starts, so nothing is saved for its key and a corrected retry runs.
 */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly options: { headers?: Record<string, string>; saved?: boolean } = {},
  ) {
    super(body.message);
    this.name = "FakeStripeError";
  }

  get headers(): Record<string, string> {
    return this.options.headers ?? {};
  }

  get saved(): boolean {
    return this.options.saved ?? true;
  }
}

/** Stripe links each error code to its page: `resource_missing` → `.../error-codes/resource-missing`. */
export function stripeErrorDocUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
}

/** A parameter names an object that does not exist (404 `resource_missing`). */
export function missing(kind: string, id: string, param = "id"): FakeStripeError {
  return new FakeStripeError(
    404,
    {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such ${kind}: '${id}'`,
      param,
      doc_url: stripeErrorDocUrl("resource_missing"),
    },
    { saved: false },
  );
}

/** A parameter is missing or malformed: the request is refused before it runs, nothing saved. */
export function invalidParameter(message: string, param?: string, code?: string): FakeStripeError {
  return new FakeStripeError(
    400,
    {
      type: "invalid_request_error",
      message,
      ...(param ? { param } : {}),
      ...(code ? { code, doc_url: stripeErrorDocUrl(code) } : {}),
    },
    { saved: false },
  );
}

/** The request ran and was refused by the state of things (an account, a charge): saved. */
export function refused(message: string, code?: string, param?: string): FakeStripeError {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    message,
    ...(code ? { code, doc_url: stripeErrorDocUrl(code) } : {}),
    ...(param ? { param } : {}),
  });
}
