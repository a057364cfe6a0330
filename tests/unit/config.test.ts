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

  it("turns the read replica on only with Neo4j, with its poll interval and size limit", () => {
    expect(loadConfig({ NEO4J_URI: "bolt://db:7687" }).replica).toBeNull();
    expect(loadConfig({ NEO4J_URI: "bolt://db:7687", READ_REPLICA: "true", READ_REPLICA_POLL_MS: "250" }).replica).toEqual({ pollMs: 250, maxConcepts: 100_000 });
    expect(() => loadConfig({ READ_REPLICA: "true" })).toThrow(/READ_REPLICA .* needs NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_URI: "bolt://db:7687", READ_REPLICA: "yes" })).toThrow(/^Invalid configuration: READ_REPLICA must be true or false/);
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

  describe("request protection", () => {
    it("has bounded defaults for every limit, with the rate limit on", () => {
      const { api } = loadConfig({});
      expect(api.limits).toEqual({ maxCost: 25_000, maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 2000 });
      expect(api.maxBodyBytes).toBe(102_400);
      expect(api.maxResponseBytes).toBe(5 * 1024 * 1024);
      expect(api.rateLimit).toEqual({ enabled: true, points: 100_000, windowSeconds: 60 });
      expect(api.server).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1000 });
      expect(api.playground).toBe(true);
      expect(api.explorer).toBe(true);
    });

    it("keeps introspection and suggestions on outside production and turns them off in production", () => {
      expect(loadConfig({ NODE_ENV: "development" }).api).toMatchObject({ introspection: true, suggestions: true });
      expect(loadConfig({ NODE_ENV: "test" }).api).toMatchObject({ introspection: true, suggestions: true });
      expect(loadConfig({ NODE_ENV: "production" }).api).toMatchObject({ introspection: false, suggestions: false });
    });

    it("lets configuration override the production switches either way", () => {
      expect(loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true", GRAPHQL_SUGGESTIONS: "1" }).api).toMatchObject({ introspection: true, suggestions: true });
      expect(loadConfig({ GRAPHQL_INTROSPECTION: "false", GRAPHQL_SUGGESTIONS: "0", PLAYGROUND: "false", EXPLORER: "false" }).api).toMatchObject({
        introspection: false,
        suggestions: false,
        playground: false,
        explorer: false,
      });
    });

    it("reads every limit from its variable", () => {
      const { api } = loadConfig({
        MAX_QUERY_COST: "500",
        MAX_QUERY_DEPTH: "5",
        MAX_QUERY_ALIASES: "3",
        MAX_QUERY_DIRECTIVES: "4",
        MAX_QUERY_TOKENS: "300",
        MAX_BODY_BYTES: "2048",
        MAX_RESPONSE_BYTES: "4096",
        RATE_LIMIT_ENABLED: "false",
        RATE_LIMIT_POINTS: "99",
        RATE_LIMIT_WINDOW_SECONDS: "7",
        HTTP_HEADERS_TIMEOUT_MS: "1000",
        HTTP_REQUEST_TIMEOUT_MS: "2000",
        HTTP_KEEP_ALIVE_TIMEOUT_MS: "300",
        HTTP_MAX_CONNECTIONS: "12",
      });
      expect(api.limits).toEqual({ maxCost: 500, maxDepth: 5, maxAliases: 3, maxDirectives: 4, maxTokens: 300 });
      expect(api.maxBodyBytes).toBe(2048);
      expect(api.maxResponseBytes).toBe(4096);
      expect(api.rateLimit).toEqual({ enabled: false, points: 99, windowSeconds: 7 });
      expect(api.server).toEqual({ headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 300, maxConnections: 12 });
    });

    it("names the variable of a bad flag or limit", () => {
      expect(() => loadConfig({ RATE_LIMIT_ENABLED: "yes" })).toThrow(/^Invalid configuration: RATE_LIMIT_ENABLED must be true or false \(got "yes"\)$/);
      expect(() => loadConfig({ MAX_QUERY_COST: "0" })).toThrow(/^Invalid configuration: MAX_QUERY_COST must be at least 1/);
      expect(() => loadConfig({ HTTP_MAX_CONNECTIONS: "many" })).toThrow(/^Invalid configuration: HTTP_MAX_CONNECTIONS must be a whole number/);
    });

    it("refuses a headers timeout longer than the request timeout, which node would not honour", () => {
      expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "5000", HTTP_REQUEST_TIMEOUT_MS: "1000" })).toThrow(
        /^Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/,
      );
    });
  });
});
