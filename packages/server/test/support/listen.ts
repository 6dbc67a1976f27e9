import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts a server on a free port of 127.0.0.1; resolves with its URL and a close function. */
export async function listenOnLoopback(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
