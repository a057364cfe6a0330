import { describe, expect, it } from "vitest";
import { hashToken } from "../../src/auth/token-registry.js";
import { ConfigError, loadConfig } from "../../src/config/config.js";

describe("CURATION_TOKENS", () => {
  it("is empty by default, so no write is accepted until tokens are configured", () => {
    expect(loadConfig({}).api.curationTokens).toEqual([]);
  });

  it("reads a JSON list of principals, roles and token hashes", () => {
    const entry = { principal: "ana", role: "curator", sha256: hashToken("s3cret") };
    expect(loadConfig({ CURATION_TOKENS: JSON.stringify([entry]) }).api.curationTokens).toEqual([entry]);
  });

  it("stops the start with one line naming the variable, never echoing its value, for bad JSON, roles, hashes or duplicates", () => {
    const hash = hashToken("s3cret");
    for (const value of ["not json", JSON.stringify([{ principal: "ana", role: "owner", sha256: hash }]), JSON.stringify([{ principal: "ana", role: "curator", sha256: "s3cret" }]), JSON.stringify([{ principal: "a", role: "admin", sha256: hash }, { principal: "b", role: "reader", sha256: hash }])]) {
      let error: unknown;
      try {
        loadConfig({ CURATION_TOKENS: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid configuration: CURATION_TOKENS /);
      expect((error as Error).message).not.toContain(value);
    }
  });
});
