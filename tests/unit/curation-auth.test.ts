import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const { authorize, CURATION_ACTIONS } = await import("../../src/auth/roles.js");
const { TokenRegistry, hashToken } = await import("../../src/auth/token-registry.js");

const entries = [
  { principal: "ana", role: "curator" as const, sha256: hashToken("ana-secret") },
  { principal: "ben", role: "reader" as const, sha256: hashToken("ben-secret") },
  { principal: "cy", role: "admin" as const, sha256: hashToken("cy-secret") },
];

describe("curation tokens", () => {
  it("hash a token as the lower-case hex SHA-256 of its UTF-8 bytes (what `printf %s token | sha256sum` prints)", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("map a configured token to its principal and role, and an unknown one to nobody", () => {
    const registry = new TokenRegistry(entries);
    expect(registry.verify("ana-secret")).toEqual({ id: "ana", role: "curator" });
    expect(registry.verify("cy-secret")).toEqual({ id: "cy", role: "admin" });
    expect(registry.verify("ana-secre")).toBeNull();
    expect(registry.verify("")).toBeNull();
  });

  it("compare the presented token's digest with every configured digest in constant time, never stopping early", () => {
    const registry = new TokenRegistry(entries);
    const spy = vi.mocked(crypto.timingSafeEqual);
    for (const token of ["ana-secret", "cy-secret", "wrong", "a much longer token than any configured one"]) {
      spy.mockClear();
      registry.verify(token);
      expect(spy).toHaveBeenCalledTimes(entries.length);
      for (const [a, b] of spy.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    }
  });

  it("read the Authorization header: none is anonymous, a non-bearer or unknown token is invalid", () => {
    const registry = new TokenRegistry(entries);
    expect(registry.callerFor(undefined)).toEqual({ kind: "anonymous" });
    expect(registry.callerFor("Bearer ana-secret")).toEqual({ kind: "principal", principal: { id: "ana", role: "curator" } });
    expect(registry.callerFor("bearer ana-secret")).toMatchObject({ kind: "principal" });
    expect(registry.callerFor("Basic ana-secret")).toMatchObject({ kind: "invalid" });
    expect(registry.callerFor("Bearer nope")).toMatchObject({ kind: "invalid" });
  });
});

describe("who may write", () => {
  const as = (role: "reader" | "curator" | "admin") => ({ kind: "principal" as const, principal: { id: "p", role } });

  it("lets curators and admins do every write", () => {
    for (const action of CURATION_ACTIONS) {
      expect(authorize(as("curator"), action)).toEqual({ id: "p", role: "curator" });
      expect(authorize(as("admin"), action)).toEqual({ id: "p", role: "admin" });
    }
  });

  it("refuses readers with FORBIDDEN and callers without a valid token with UNAUTHENTICATED", () => {
    for (const action of CURATION_ACTIONS) {
      expect(() => authorize(as("reader"), action)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
      expect(() => authorize({ kind: "anonymous" }, action)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
      expect(() => authorize({ kind: "invalid", reason: "bad" }, action)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    }
  });
});
