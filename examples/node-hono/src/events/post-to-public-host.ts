import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { assertPublicHost, publicOnlyLookup } from "./refuse-private-addresses";

/**
 * POSTs `body` to `url` over node's http(s), connecting only to a public address (see
 * `publicOnlyLookup`), and answers the status. Redirects are not followed.
 */
export async function postToPublicHost(
  url: string,
  options: { body: string; headers: Record<string, string>; timeoutMs: number },
): Promise<number> {
  await assertPublicHost(url); // an address literal is never looked up: checked here
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return await new Promise<number>((resolve, reject) => {
    const request = send(
      target,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body) },
        lookup: publicOnlyLookup,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume(); // the answer's body is not read
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
