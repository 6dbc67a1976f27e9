import type { HtmlEscapedString } from "hono/utils/html";

/** What a view returns: HTML whose interpolated values `html` has already escaped. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
