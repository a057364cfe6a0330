// ESLint flat config: typescript-eslint rules plus import rules that keep the layers apart, so a
// wrong import fails CI instead of waiting for review.
import tseslint from "typescript-eslint";

const FRAMEWORKS = ["graphql", "graphql/*", "type-graphql", "@apollo/*", "@as-integrations/*", "express", "pino", "pino-http", "dataloader", "@graphql-yoga/*"];
const DRIVER = ["neo4j-driver", "neo4j-driver/*"];

/** A restriction on importing other layers by relative path, matched on the path segments. */
const layer = (name, why) => ({ group: [`**/${name}/*`, `../${name}/*`, `../../${name}/*`], message: why });

const restrictWeb = (patterns) => ({ "no-restricted-imports": ["error", { patterns: [...patterns, NOT_PEER] }] });

/** Server code never imports the browser page: the HTTP layer serves it as bundled files. */
const NOT_WEB = layer("web", "Server code must not import the explorer page (src/web); it is bundled and served as files.");

/** The peer library the benchmark compares us with (bench/peer/) is a devDependency: the service never imports it. */
const NOT_PEER = { group: ["@neo4j/graphql", "@neo4j/graphql/*"], message: "@neo4j/graphql is the benchmark's peer (bench/peer/), a devDependency; src/ must not use it." };

// Every server folder's rule includes NOT_WEB and NOT_PEER: in flat config a later rule for the same files replaces an earlier one.
const restrict = (patterns, paths = []) => ({ "no-restricted-imports": ["error", { patterns: [...patterns, NOT_WEB, NOT_PEER], paths }] });

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "tools/neo4j/target/**", ".tmp/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    // Server folders without rules of their own (http, cli, seed, config, errors) still keep out of src/web.
    files: ["src/**/*.ts"],
    ignores: ["src/web/**"],
    rules: restrict([]),
  },
  {
    // The domain model knows nothing of GraphQL, Neo4j, HTTP or the layers built on it.
    files: ["src/domain/**/*.ts"],
    rules: restrict(
      [
        { group: [...FRAMEWORKS, ...DRIVER], message: "The domain model must not depend on GraphQL, Neo4j or HTTP libraries." },
        layer("neo4j", "The domain model must not import the Neo4j layer."),
        layer("graphql", "The domain model must not import the GraphQL layer."),
        layer("http", "The domain model must not import the HTTP layer."),
        layer("services", "The domain model must not import services."),
        layer("store", "The domain model must not import the store layer."),
        layer("memory", "The domain model must not import the in-process store."),
        layer("seed", "The domain model must not import the seed reader."),
      ],
    ),
  },
  {
    // The store interface and services speak plain records: no driver, no GraphQL, no Cypher.
    files: ["src/store/**/*.ts", "src/services/**/*.ts"],
    rules: restrict([
      { group: [...DRIVER, "graphql", "graphql/*", "type-graphql", "@apollo/*", "express"], message: "Stores and services must stay free of Neo4j and GraphQL types." },
      layer("neo4j", "Services talk to the KnowledgeStore interface, not to the Neo4j layer."),
      layer("memory", "Services talk to the KnowledgeStore interface, not to the in-process store."),
      layer("graphql", "Services must not import the GraphQL layer."),
      layer("http", "Services must not import the HTTP layer."),
    ]),
  },
  {
    // Resolvers are thin: they call services, never Cypher or the driver.
    files: ["src/graphql/**/*.ts"],
    rules: restrict([
      { group: DRIVER, message: "Resolvers must not use the Neo4j driver; call a service." },
      layer("neo4j", "Resolvers must not import the Neo4j layer; call a service."),
      layer("memory", "Resolvers must not import the in-process store; call a service."),
      layer("http", "The GraphQL layer must not import the HTTP layer."),
    ]),
  },
  {
    // Only the executor (and its value conversion) may touch the driver; Cypher builders stay pure.
    files: ["src/neo4j/**/*.ts"],
    ignores: ["src/neo4j/neo4j-executor.ts", "src/neo4j/neo4j-value.ts"],
    rules: restrict([
      { group: DRIVER, message: "Only src/neo4j/neo4j-executor.ts owns the driver; build CypherQuery objects instead." },
      { group: ["graphql", "graphql/*", "type-graphql", "@apollo/*", "express"], message: "The Neo4j layer must not depend on GraphQL or HTTP." },
      layer("graphql", "The Neo4j layer must not import the GraphQL layer."),
      layer("http", "The Neo4j layer must not import the HTTP layer."),
      layer("services", "The Neo4j layer must not import services."),
    ]),
  },
  {
    // Read plans are plain data shared by the GraphQL planner, the services and both stores: no framework, no driver.
    files: ["src/plan/**/*.ts"],
    rules: restrict([
      { group: [...FRAMEWORKS, ...DRIVER], message: "Read plans must not depend on GraphQL, Neo4j or HTTP libraries." },
      layer("neo4j", "Read plans must not import the Neo4j layer."),
      layer("graphql", "Read plans must not import the GraphQL layer."),
      layer("http", "Read plans must not import the HTTP layer."),
      layer("services", "Read plans must not import services."),
      layer("memory", "Read plans must not import the in-process store."),
    ]),
  },
  {
    files: ["src/memory/**/*.ts"],
    rules: restrict([
      { group: [...DRIVER, "graphql", "graphql/*", "type-graphql", "@apollo/*", "express"], message: "The in-process store must stay free of Neo4j and GraphQL." },
      layer("neo4j", "The in-process store must not import the Neo4j layer."),
      layer("graphql", "The in-process store must not import the GraphQL layer."),
      layer("services", "The in-process store must not import services."),
    ]),
  },
  {
    // The read replica composes stores through the KnowledgeStore interface; main.ts hands it the Neo4j store and the memory store's builder.
    files: ["src/replica/**/*.ts"],
    rules: restrict([
      { group: [...FRAMEWORKS, ...DRIVER], message: "The read replica must stay free of GraphQL, HTTP and the Neo4j driver." },
      layer("neo4j", "The read replica is given its primary store and stamp reader; it must not import the Neo4j layer."),
      layer("memory", "The read replica is given the in-process store's builder; it must not import src/memory."),
      layer("graphql", "The read replica must not import the GraphQL layer."),
      layer("http", "The read replica must not import the HTTP layer."),
      layer("services", "The read replica must not import services."),
    ]),
  },
  {
    // The explorer page runs in the browser and talks to the service only through the public GraphQL API.
    files: ["src/web/**/*.ts"],
    rules: restrictWeb([
      { group: [...FRAMEWORKS, ...DRIVER, "node:*", "esbuild", "zod", "graphology", "graphology-*"], message: "The explorer page runs in the browser: no server libraries or Node built-ins." },
      ...["domain", "graphql", "http", "services", "store", "memory", "neo4j", "seed", "config", "errors", "cli", "plan"].map((name) =>
        layer(name, "The explorer page must not import server code; use the GraphQL API (src/web/api.ts)."),
      ),
    ]),
  },
  {
    // Export writers and readers are pure text formats over the domain model: no framework, no store.
    files: ["src/export/**/*.ts"],
    rules: restrict([
      { group: [...FRAMEWORKS, ...DRIVER], message: "Export formats must not depend on GraphQL, Neo4j or HTTP libraries." },
      layer("neo4j", "Export formats must not import the Neo4j layer."),
      layer("graphql", "Export formats must not import the GraphQL layer."),
      layer("http", "Export formats must not import the HTTP layer."),
      layer("services", "Export formats must not import services."),
      layer("store", "Export formats must not import the store layer."),
      layer("memory", "Export formats must not import the in-process store."),
    ]),
  },
  {
    // Test contract cases and fixtures are loosely typed GraphQL responses.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
