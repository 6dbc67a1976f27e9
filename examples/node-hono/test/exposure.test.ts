import type { AddressInfo } from "node:net";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { checkExposure, isLoopbackHost } from "../src/config/check-exposure";
import { ConfigError, readConfig } from "../src/config/read-config";
import { startServer } from "../src/start-server";

const headerIdentity = { authenticationConfigured: false, insecureHeaderIdentity: false };

describe("where the example listens", () => {
  it("exposure - loopback always may; another address needs sign-in (or the loudly named test mode) and PUBLIC_URL", () => {
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"]) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(checkExposure({ host, publicUrl: undefined, ...headerIdentity })).toEqual([]);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "pay.example.com", "128.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
      expect(checkExposure({ host, publicUrl: undefined, ...headerIdentity })).toEqual([
        expect.stringMatching(/^HOST: .* no sign-in.*REMIT_INSECURE_EXPOSE_HEADER_IDENTITY=true/),
        expect.stringMatching(/^PUBLIC_URL: is required when HOST/),
      ]);
    }
    const exposed = { host: "0.0.0.0", publicUrl: "https://pay.example.com" };
    expect(checkExposure({ ...exposed, ...headerIdentity })).toHaveLength(1);
    expect(
      checkExposure({ ...exposed, authenticationConfigured: false, insecureHeaderIdentity: true }),
    ).toEqual([]);
    expect(
      checkExposure({ ...exposed, authenticationConfigured: true, insecureHeaderIdentity: false }),
    ).toEqual([]);
    expect(
      checkExposure({
        host: "0.0.0.0",
        publicUrl: undefined,
        authenticationConfigured: false,
        insecureHeaderIdentity: true,
      }),
    ).toEqual([expect.stringMatching(/^PUBLIC_URL/)]);
  });

  it("exposure - readConfig refuses HOST=0.0.0.0 at startup, saying why and what to set", () => {
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(/HOST: 0\.0\.0\.0 is reachable/);
    expect(
      readConfig({
        HOST: "0.0.0.0",
        PUBLIC_URL: "https://pay.example.com",
        REMIT_INSECURE_EXPOSE_HEADER_IDENTITY: "true",
      }).host,
    ).toBe("0.0.0.0");
    expect(readConfig({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });

  it("exposure - startServer refuses another address the same way", async () => {
    await expect(
      startServer({ store: createMemoryStore(), port: 0, hostname: "0.0.0.0", tenantId: "t" }),
    ).rejects.toThrow(/HOST: 0\.0\.0\.0 is reachable/);
  });

  it("bind - without a host the server listens on 127.0.0.1 only", async () => {
    const server = await startServer({
      store: createMemoryStore(),
      port: 0,
      tenantId: "demo-plumbing",
      log: () => {},
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((server.httpServer.address() as AddressInfo).address).toBe("127.0.0.1");
      expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
