/** A response as the server sent it: status, headers and the exact body bytes. */
export type CapturedResponse = {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
};

// Set per connection or per response by Node's HTTP server; the floor sends its own.
const hopByHop = new Set([
  "connection",
  "content-length",
  "date",
  "keep-alive",
  "transfer-encoding",
]);

/** Fetches `url` once and keeps what the floor needs to answer with the same bytes. */
export async function captureResponse(url: string): Promise<CapturedResponse> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!hopByHop.has(name)) headers.push([name, value]);
  });
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}
