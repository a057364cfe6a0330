/** A Cypher statement with its parameters; builders return these and never splice input into the text. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}
