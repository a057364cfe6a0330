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

  it("keep services on the store interface", async () => {
    const messages = await restrictedImports("src/services/example.service.ts", 'import { Neo4jKnowledgeStore } from "../neo4j/neo4j-knowledge.store.js";\nexport const x = Neo4jKnowledgeStore;\n');
    expect(messages).toHaveLength(1);
  });
});
