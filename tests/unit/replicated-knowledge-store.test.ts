import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { ReplicatedKnowledgeStore, type ReplicaDeps } from "../../src/replica/replicated-knowledge.store.js";
import type { GraphStamp } from "../../src/store/graph-stamp.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";

/** A store that answers `conceptsByIds` with its own name, so a test can tell who answered. */
function namedStore(name: string, concepts = 3): KnowledgeStore {
  return {
    conceptsByIds: async (ids: readonly string[]) => ids.map(() => ({ id: name }) as never),
    stats: async () => ({ concepts, relations: 0, evidence: 0, sources: 0, conceptsByKind: [], relationsByType: [] }),
    ping: async () => true,
    close: async () => {},
  } as unknown as KnowledgeStore;
}

/** A fake database: a stamp that tests move, a graph read counter, and a switch that makes reads fail. */
function fakeDatabase(concepts = 3) {
  const state = { stamp: { version: 0, loadId: "load-1" } as GraphStamp, graphReads: 0, failing: null as string | null, duringRead: null as (() => void) | null };
  const warnings: string[] = [];
  const deps: ReplicaDeps = {
    primary: namedStore("primary", concepts),
    readStamp: async () => {
      if (state.failing !== null) throw new Error(state.failing);
      return state.stamp;
    },
    readGraph: async () => {
      state.graphReads++;
      state.duringRead?.();
      return { sources: [], concepts: [], relations: [], tours: [] } as KnowledgeGraph;
    },
    build: () => namedStore(`snapshot@${state.stamp.version}`),
    maxConcepts: 10,
    pollMs: 60_000,
    log: { info: () => {}, warn: (_fields, message) => warnings.push(message) },
  };
  return { state, deps, warnings };
}

const answerer = async (store: KnowledgeStore): Promise<string> => ((await store.conceptsByIds(["x"]))[0] as { id: string }).id;

describe("ReplicatedKnowledgeStore", () => {
  it("lets the primary answer until the first snapshot is in, then answers from the snapshot", async () => {
    const { deps } = fakeDatabase();
    const replica = new ReplicatedKnowledgeStore(deps);
    expect(await answerer(replica)).toBe("primary");
    await replica.refresh();
    expect(await answerer(replica)).toBe("snapshot@0");
    expect(replica.servedStamp()).toEqual({ version: 0, loadId: "load-1" });
  });

  it("reads the graph again only when the stamp moved: a write bumps the version, a reload changes the load id", async () => {
    const { state, deps } = fakeDatabase();
    const replica = new ReplicatedKnowledgeStore(deps);
    await replica.refresh();
    await replica.refresh();
    expect(state.graphReads).toBe(1);
    state.stamp = { version: 1, loadId: "load-1" };
    await replica.refresh();
    expect(await answerer(replica)).toBe("snapshot@1");
    state.stamp = { version: 1, loadId: "load-2" };
    await replica.refresh();
    expect(state.graphReads).toBe(3);
  });

  it("reads again when the graph changed while it was being read, and serves the stamp it read under", async () => {
    const { state, deps } = fakeDatabase();
    state.duringRead = () => {
      if (state.graphReads === 1) state.stamp = { version: 5, loadId: "load-1" };
    };
    const replica = new ReplicatedKnowledgeStore(deps);
    await replica.refresh();
    expect(state.graphReads).toBe(2);
    expect(replica.servedStamp()?.version).toBe(5);
  });

  it("shares one refresh between concurrent callers", async () => {
    const { state, deps } = fakeDatabase();
    const replica = new ReplicatedKnowledgeStore(deps);
    await Promise.all([replica.refresh(), replica.refresh(), replica.refresh()]);
    expect(state.graphReads).toBe(1);
  });

  it("keeps serving the last snapshot when a refresh fails, and logs a repeated failure once", async () => {
    const { state, deps, warnings } = fakeDatabase();
    const replica = new ReplicatedKnowledgeStore(deps);
    await replica.refresh();
    state.failing = "connection refused";
    await expect(replica.refresh()).rejects.toThrow("connection refused");
    await expect(replica.refresh()).rejects.toThrow("connection refused");
    expect(await answerer(replica)).toBe("snapshot@0");
    expect(warnings).toEqual(["read replica: refresh failed"]);
  });

  it("answers a write only once it serves the write's version, and hands reads to the primary when it cannot catch up", async () => {
    const { state, deps } = fakeDatabase();
    const replica = new ReplicatedKnowledgeStore(deps);
    await replica.refresh();
    state.stamp = { version: 1, loadId: "load-1" };
    await replica.awaitFresh(1);
    expect(await answerer(replica)).toBe("snapshot@1");
    state.stamp = { version: 2, loadId: "load-1" };
    state.failing = "connection reset";
    await replica.awaitFresh(2);
    expect(await answerer(replica)).toBe("primary");
  });

  it("leaves a graph larger than maxConcepts to the primary, and does not count it again until the stamp moves", async () => {
    const { state, deps, warnings } = fakeDatabase(11);
    let counts = 0;
    const primary = deps.primary;
    const counting = { ...deps, primary: { ...primary, stats: async () => (counts++, primary.stats()) } as KnowledgeStore };
    const replica = new ReplicatedKnowledgeStore(counting);
    await replica.refresh();
    await replica.refresh();
    expect(await answerer(replica)).toBe("primary");
    expect(state.graphReads).toBe(0);
    expect(counts).toBe(1);
    expect(warnings).toHaveLength(1);
    state.stamp = { version: 1, loadId: "load-1" };
    await replica.refresh();
    expect(counts).toBe(2);
  });
});
