import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer import rules", () => {
  it("stop the domain model from importing the Neo4j driver or GraphQL", async () => {
    expect(await restrictedImports("src/domain/example.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
    expect(await restrictedImports("src/domain/example.ts", 'import { GraphQLError } from "graphql";\nexport const x = GraphQLError;\n')).toHaveLength(1);
  });

  it("stop resolvers from reaching into the Neo4j layer", async () => {
    const messages = await restrictedImports("src/graphql/resolvers/example.resolver.ts", 'import { pathsQuery } from "../../neo4j/cypher/path.query.js";\nexport const x = pathsQuery;\n');
    expect(messages).toEqual([expect.stringContaining("Resolvers must not import the Neo4j layer")]);
  });

  it("keep the driver inside the executor", async () => {
    expect(await restrictedImports("src/neo4j/cypher/example.query.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
    expect(await restrictedImports("src/neo4j/neo4j-executor.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toEqual([]);
  });

  it("keep read plans free of GraphQL, the driver and the layers that build or run them", async () => {
    expect(await restrictedImports("src/plan/example.ts", 'import { GraphQLError } from "graphql";\nexport const x = GraphQLError;\n')).toHaveLength(1);
    expect(await restrictedImports("src/plan/example.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
    const messages = await restrictedImports("src/plan/example.ts", 'import { compileReadPlan } from "../neo4j/cypher/read-plan.compiler.js";\nexport const x = compileReadPlan;\n');
    expect(messages).toEqual([expect.stringContaining("Read plans must not import the Neo4j layer")]);
    expect(await restrictedImports("src/plan/example.ts", 'import { CONCEPT_VIEWS } from "../domain/concept-views.js";\nexport const x = CONCEPT_VIEWS;\n')).toEqual([]);
  });

  it("keep services on the store interface", async () => {
    const messages = await restrictedImports("src/services/example.service.ts", 'import { Neo4jKnowledgeStore } from "../neo4j/neo4j-knowledge.store.js";\nexport const x = Neo4jKnowledgeStore;\n');
    expect(messages).toHaveLength(1);
  });

  it("keep the read replica on the store interface: it is handed the Neo4j store and the memory store's builder", async () => {
    const neo4jLayer = await restrictedImports("src/replica/example.ts", 'import { Neo4jKnowledgeStore } from "../neo4j/neo4j-knowledge.store.js";\nexport const x = Neo4jKnowledgeStore;\n');
    expect(neo4jLayer).toEqual([expect.stringContaining("must not import the Neo4j layer")]);
    const memoryLayer = await restrictedImports("src/replica/example.ts", 'import { InMemoryKnowledgeStore } from "../memory/in-memory-knowledge.store.js";\nexport const x = InMemoryKnowledgeStore;\n');
    expect(memoryLayer).toEqual([expect.stringContaining("must not import src/memory")]);
    expect(await restrictedImports("src/replica/example.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
    expect(await restrictedImports("src/replica/example.ts", 'import { sameStamp } from "../store/graph-stamp.js";\nexport const x = sameStamp;\n')).toEqual([]);
  });

  it("keep the explorer page off server code: it may only talk to the GraphQL API", async () => {
    const messages = await restrictedImports("src/web/example.ts", 'import { RELATION_TYPE_INFO } from "../domain/relation-type.js";\nexport const x = RELATION_TYPE_INFO;\n');
    expect(messages).toEqual([expect.stringContaining("The explorer page must not import server code")]);
    expect(await restrictedImports("src/web/example.ts", 'import { GraphQLError } from "graphql";\nexport const x = GraphQLError;\n')).toHaveLength(1);
    expect(await restrictedImports("src/web/example.ts", 'import { readFile } from "node:fs/promises";\nexport const x = readFile;\n')).toHaveLength(1);
    expect(await restrictedImports("src/web/example.ts", 'import { gql } from "./api.js";\nexport const x = gql;\n')).toEqual([]);
  });

  it("keep server layers from importing the explorer page, while their own rules still apply", async () => {
    for (const file of ["src/http/example.ts", "src/services/example.service.ts", "src/domain/example.ts"]) {
      const messages = await restrictedImports(file, 'import { parseState } from "../web/state.js";\nexport const x = parseState;\n');
      expect(messages, file).toEqual([expect.stringContaining("Server code must not import the explorer page")]);
    }
    expect(await restrictedImports("src/domain/example.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
  });

  it("keep the benchmark's peer library (@neo4j/graphql) out of every part of the service, and allow it in bench/peer", async () => {
    const code = 'import { Neo4jGraphQL } from "@neo4j/graphql";\nexport const x = Neo4jGraphQL;\n';
    for (const file of ["src/graphql/schema.builder.ts", "src/neo4j/neo4j-executor.ts", "src/http/example.ts", "src/cli/example.cli.ts", "src/main.ts"]) {
      expect(await restrictedImports(file, code), file).toEqual([expect.stringContaining("@neo4j/graphql is the benchmark's peer")]);
    }
    expect(await restrictedImports("src/web/example.ts", code)).not.toEqual([]);
    expect(await restrictedImports("bench/peer/peer-server.ts", code)).toEqual([]);
  });
});
