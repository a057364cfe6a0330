import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

/** One HTTP request to send: method, path, headers and raw body. */
export interface HostileRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const HOSTILE_STRINGS = [
  "back-muscle-spasm",
  "sports-back-injury",
  "",
  " ",
  "x".repeat(2000),
  "\u0000",
  "' OR 1=1 --",
  "MATCH (n) DETACH DELETE n",
  "}) RETURN n //",
  "${process.env}",
  "\\",
  "💥🔥",
  "a\"b",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "spasm muscle pain relaxant",
  "\u202e\ufeff",
];
const HOSTILE_INTS = ["0", "-1", "1", "2", "3", "8", "50", "100", "500", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "1e308", "1.5", "-0"];

/** A tiny deterministic PRNG (mulberry32), so a failing seed replays the same request. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds random but schema-shaped GraphQL documents: real fields and arguments with hostile values. */
class QueryBuilder {
  private readonly rand: () => number;
  /** Fields left to place: keeps documents under the body limit most of the time (some still go over). */
  private fieldsLeft = 80;
  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
  ) {
    this.rand = prng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)] as T;
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private literal(type: GraphQLInputType, depth = 0): string {
    if (this.chance(0.05)) return this.pick(["null", "\"wrong\"", "[]", "{}", "42", "true", "BOGUS_ENUM"]);
    if (isNonNullType(type)) return this.literal(type.ofType, depth);
    if (isListType(type)) {
      const n = this.pick([0, 1, 2, 3, 20]);
      return `[${Array.from({ length: n }, () => this.literal(type.ofType, depth + 1)).join(", ")}]`;
    }
    if (isEnumType(type)) return this.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      if (depth > 3) return "{}";
      const fields = Object.values(type.getFields()).filter(() => this.chance(0.5));
      return `{ ${fields.map((f) => `${f.name}: ${this.literal(f.type, depth + 1)}`).join(", ")} }`;
    }
    if (isScalarType(type)) {
      if (type.name === "Int" || type.name === "Float") return this.pick(HOSTILE_INTS);
      if (type.name === "Boolean") return this.pick(["true", "false"]);
      return JSON.stringify(this.pick(HOSTILE_STRINGS));
    }
    return "null";
  }

  private selection(type: GraphQLNamedType, depth: number, maxDepth: number): string {
    if (!(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) return "";
    if (depth >= maxDepth) return "{ __typename }";
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const width = 1 + Math.floor(this.rand() * (this.chance(0.1) ? 12 : 4));
      for (let i = 0; i < width && this.fieldsLeft > 0; i++) {
        this.fieldsLeft--;
        const field = this.pick(fields);
        const alias = this.chance(0.2) ? `a${Math.floor(this.rand() * 1e6)}: ` : "";
        const args = field.args.filter((a) => isNonNullType(a.type) || this.chance(0.5));
        const argText = args.length === 0 ? "" : `(${args.map((a) => `${a.name}: ${this.literal(a.type)}`).join(", ")})`;
        const directive = this.chance(0.05) ? ` @${this.pick(["include", "skip"])}(if: ${this.pick(["true", "false"])})` : "";
        parts.push(`${alias}${field.name}${argText}${directive} ${this.selection(getNamedType(field.type), depth + 1, maxDepth)}`);
      }
    }
    if ((isInterfaceType(type) || isUnionType(type)) && this.chance(0.4)) {
      const possible = this.schema.getPossibleTypes(type);
      const target = this.pick(possible);
      parts.push(`... on ${target.name} ${this.selection(target, depth + 1, maxDepth)}`);
    }
    if (this.chance(0.03)) parts.push(this.pick(["notAField", "__schema { types { name } }", "__type(name: \"Concept\") { name }"]));
    return `{ ${parts.join(" ") || "__typename"} }`;
  }

  /** A document: mostly a query over Query's real fields, sometimes another operation type or a broken text. */
  document(): string {
    const root = this.schema.getQueryType();
    if (root === null || root === undefined) throw new Error("schema has no Query type");
    const maxDepth = this.chance(0.1) ? 6 + Math.floor(this.rand() * 30) : 1 + Math.floor(this.rand() * 6);
    const operation = this.chance(0.05) ? this.pick(["mutation", "subscription"]) : "query";
    const doc = `${operation} Fuzz ${this.selection(root, 0, maxDepth)}`;
    if (this.chance(0.08)) return doc.slice(0, Math.floor(this.rand() * doc.length));
    if (this.chance(0.03)) return doc.replace(/\{/g, "{ ".repeat(1 + Math.floor(this.rand() * 50)));
    return doc;
  }
}

const json = { "content-type": "application/json" };

/** A well-formed GraphQL POST (or GET) of a schema-shaped document with random variables and extensions. */
const graphqlRequest = (schema: GraphQLSchema): fc.Arbitrary<HostileRequest> =>
  fc
    .record({
      seed: fc.integer(),
      variables: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), { nil: undefined }),
      operationName: fc.option(fc.constantFrom("Fuzz", "Other", ""), { nil: undefined }),
      asGet: fc.boolean().map((b) => b && Math.random() < 0.2),
      persisted: fc.option(fc.constantFrom("0".repeat(64), "zz", ""), { nil: undefined }),
    })
    .map(({ seed, variables, operationName, asGet, persisted }) => {
      const query = new QueryBuilder(schema, seed).document();
      const extensions = persisted === undefined ? undefined : { persistedQuery: { version: 1, sha256Hash: persisted } };
      if (asGet) {
        const params = new URLSearchParams({ query, ...(operationName ? { operationName } : {}) });
        return { method: "GET", path: `/graphql?${params}`, headers: { "apollo-require-preflight": "true" } } satisfies HostileRequest;
      }
      return { method: "POST", path: "/graphql", headers: json, body: JSON.stringify({ query, variables, operationName, extensions }) } satisfies HostileRequest;
    });

/** Broken HTTP: bad JSON, wrong charsets, encodings and content types, oversized bodies, odd methods and paths. */
const malformedRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  fc.string({ maxLength: 200 }).map((body) => ({ method: "POST" as const, path: "/graphql", headers: json, body })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ method: "POST" as const, path: "/graphql", headers: json, body: JSON.stringify(v) })),
  fc.constantFrom("latin1", "utf-16", "koi8-r", "x-unknown", "utf-8", "UTF-8").map((charset) => ({
    method: "POST" as const,
    path: "/graphql",
    headers: { "content-type": `application/json; charset=${charset}` },
    body: JSON.stringify({ query: "{ __typename }" }),
  })),
  fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql", "application/xml", "image/png", "").map((type) => ({
    method: "POST" as const,
    path: "/graphql",
    headers: (type === "" ? {} : { "content-type": type }) as Record<string, string>,
    body: "{ __typename }",
  })),
  fc.constantFrom("gzip", "deflate", "br", "zstd", "compress", "identity").map((encoding) => ({
    method: "POST" as const,
    path: "/graphql",
    headers: { ...json, "content-encoding": encoding },
    body: "not compressed at all",
  })),
  fc.integer({ min: 100_000, max: 400_000 }).map((size) => ({ method: "POST" as const, path: "/graphql", headers: json, body: JSON.stringify({ query: `{ __typename } #${"x".repeat(size)}` }) })),
  fc.record({
    method: fc.constantFrom("GET" as const, "PUT" as const, "DELETE" as const, "PATCH" as const),
    path: fc.constantFrom("/graphql", "/graphql?query=%7B", "/nope", "/health/../graphql", "/%ZZ", "/graphql?query=" + "a".repeat(5000)),
  }).map(({ method, path }) => ({ method, path, headers: json, ...(method === "GET" ? {} : { body: "{}" }) })),
);

/** A hostile request: 80 % schema-shaped GraphQL, 20 % malformed HTTP. */
export function hostileRequest(schema: GraphQLSchema): fc.Arbitrary<HostileRequest> {
  return fc.oneof({ arbitrary: graphqlRequest(schema), weight: 4 }, { arbitrary: malformedRequest, weight: 1 });
}
