import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";

describe("configuration", () => {
  it("runs on the in-process graph when NEO4J_URI is unset", () => {
    const config = loadConfig({});
    expect(config.neo4j).toBeNull();
    expect(config.http).toEqual({ host: "127.0.0.1", port: 4000 });
  });

  it("reads the Neo4j settings with their defaults", () => {
    const config = loadConfig({ NEO4J_URI: "bolt://db.internal:7687", NEO4J_PASSWORD: "s3cret-pass" });
    expect(config.neo4j).toEqual({
      uri: "bolt://db.internal:7687",
      user: "neo4j",
      password: "s3cret-pass",
      database: "neo4j",
      queryTimeoutMs: 5000,
      maxPoolSize: 50,
      connectTimeoutMs: 5000,
      maxRetryMs: 3000,
    });
  });

  it("stops with one line naming the variable and the value for a bad port", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^Invalid configuration: PORT .* \(got "eighty"\)$/);
  });

  it("rejects a URI that is not Bolt", () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrow(/^Invalid configuration: NEO4J_URI must look like bolt:\/\/host:7687/);
  });

  it("never echoes a password back in the error", () => {
    expect(() => loadConfig({ NEO4J_URI: "bolt://x:1", NEO4J_PASSWORD: "" , NEO4J_QUERY_TIMEOUT_MS: "0" })).toThrow(/NEO4J_QUERY_TIMEOUT_MS must be at least 1/);
    try {
      loadConfig({ NEO4J_URI: "bolt://x:1", NEO4J_DATABASE: "bad db name" });
    } catch (error) {
      expect((error as Error).message).toBe('Invalid configuration: NEO4J_DATABASE must be a Neo4j database name (got "bad db name")');
    }
  });
});
