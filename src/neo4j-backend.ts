import type { Neo4jConfig, ReplicaSettings } from "./config/config.js";
import type { CurationReference } from "./domain/curation-check.js";
import { InMemoryKnowledgeStore } from "./memory/in-memory-knowledge.store.js";
import { readGraphStamp } from "./neo4j/graph-stamp.reader.js";
import { Neo4jCurationStore } from "./neo4j/neo4j-curation.store.js";
import { Neo4jExecutor } from "./neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "./neo4j/neo4j-knowledge.store.js";
import { ReplicatedKnowledgeStore, type ReplicaLog } from "./replica/replicated-knowledge.store.js";
import type { CurationDeps } from "./services/curation.service.js";
import { readGraphSnapshot } from "./services/graph-snapshot.service.js";
import type { KnowledgeStore } from "./store/knowledge-store.js";

/** The service's Neo4j side: the store requests read from, and curation over the same executor. */
export interface Neo4jBackend {
  readonly store: KnowledgeStore;
  readonly curation: CurationDeps;
  /** Set when READ_REPLICA is on. */
  readonly replica: ReplicatedKnowledgeStore | null;
  /** The one executor both sides use (tests count its statements). */
  readonly executor: Neo4jExecutor;
}

/**
 * Opens the Neo4j store with its curation side; with replica settings, puts the in-process read replica in
 * front of it: writes are validated against Neo4j itself, and each answers only once the replica serves it.
 * The replica's first snapshot loads in the background, so start-up does not wait on the graph's size.
 */
export function openNeo4jBackend(config: Neo4jConfig, replica: ReplicaSettings | null, reference: () => Promise<CurationReference>, log: ReplicaLog): Neo4jBackend {
  const executor = Neo4jExecutor.create(config);
  const primary = new Neo4jKnowledgeStore(executor);
  const curation = { store: new Neo4jCurationStore(executor), reference };
  if (replica === null) return { store: primary, curation, replica: null, executor };
  const replicated = new ReplicatedKnowledgeStore({
    primary,
    readStamp: () => readGraphStamp(executor),
    readGraph: async () => ({ ...(await readGraphSnapshot(primary)), tours: await primary.tours() }),
    build: (graph) => InMemoryKnowledgeStore.fromGraph(graph),
    maxConcepts: replica.maxConcepts,
    pollMs: replica.pollMs,
    log,
  });
  void replicated.start();
  return { store: replicated, curation: { ...curation, validateAgainst: primary, afterCommit: (version) => replicated.awaitFresh(version) }, replica: replicated, executor };
}
