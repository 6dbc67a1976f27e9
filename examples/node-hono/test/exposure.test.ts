import type { AddressInfo } from "node:net";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { checkExposure, isLoopbackHost } from "../src/config/check-exposure";
import { ConfigError, readConfig } from "../src/config/read-config";
import { startServer } from "../src/start-server";

const signIn = { authSecret: "s".repeat(32), testHeaderIdentity: false };
const secret = "0123456789abcdef0123456789abcdef";

describe("where the example listens", () => {
  it("exposure - loopback always may; another address needs sign-in with AUTH_SECRET and PUBLIC_URL, never the test mode", () => {
    // Nothing configured, and the test mode on.
    const bare = { publicUrl: undefined, authSecret: undefined, testHeaderIdentity: true };
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"]) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(checkExposure({ host, ...bare })).toEqual([]);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "pay.example.com", "128.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
      expect(checkExposure({ host, ...bare })).toEqual([
        expect.stringMatching(/^REMIT_TEST_HEADER_IDENTITY: is for tests on this machine only/),
        expect.stringMatching(/^AUTH_SECRET: is required when HOST/),
        expect.stringMatching(/^PUBLIC_URL: is required when HOST/),
      ]);
    }
    const exposed = { host: "0.0.0.0", publicUrl: "https://pay.example.com" };
    expect(checkExposure({ ...exposed, ...signIn })).toEqual([]);
    expect(checkExposure({ ...exposed, ...signIn, testHeaderIdentity: true })).toHaveLength(1);
    expect(checkExposure({ ...exposed, ...signIn, authSecret: undefined })).toEqual([
      expect.stringMatching(/^AUTH_SECRET/),
    ]);
    expect(checkExposure({ ...exposed, ...signIn, publicUrl: "http://pay.example.com" })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must be https:\/\//),
    ]);
  });

  it("exposure - readConfig refuses HOST=0.0.0.0 at startup, saying why and what to set", () => {
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(/AUTH_SECRET: is required when HOST/);
    expect(() =>
      readConfig({
        HOST: "0.0.0.0",
        PUBLIC_URL: "https://pay.example.com",
        AUTH_SECRET: secret,
        REMIT_TEST_HEADER_IDENTITY: "true",
      }),
    ).toThrow(/REMIT_TEST_HEADER_IDENTITY/);
    expect(
      readConfig({ HOST: "0.0.0.0", PUBLIC_URL: "https://pay.example.com", AUTH_SECRET: secret })
        .host,
    ).toBe("0.0.0.0");
    expect(readConfig({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });

  it("exposure - startServer refuses another address the same way", async () => {
    await expect(
      startServer({ store: createMemoryStore(), port: 0, hostname: "0.0.0.0", tenantId: "t" }),
    ).rejects.toThrow(/AUTH_SECRET: is required/);
  });

  it("bind - without a host the server listens on 127.0.0.1 only", async () => {
    const server = await startServer({
      store: createMemoryStore(),
      port: 0,
      tenantId: "demo-plumbing",
      testHeaderIdentity: true,
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
