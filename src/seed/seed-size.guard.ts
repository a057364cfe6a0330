import { constants } from "node:buffer";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

/**
 * Heap bytes that reading, validating and indexing a seed takes per byte of seed file, measured with a
 * generated seed of 10k concepts (10 MB of YAML): it fails with a 360 MB heap and loads with 460 MB, so
 * 40–46; 50 leaves a margin. Nearly all of it is the YAML document trees, kept whole until validation ends so
 * issues can name their line; the in-process graph itself holds 3–4 bytes per byte of seed.
 */
export const HEAP_BYTES_PER_SEED_BYTE = 50;

/** The memory this process may have: a container's limit when one is set below the host's memory, else the host's. */
function memoryLimit(): number {
  const host = totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < host ? constrained : host;
}

/** Share of the machine's memory a heap may be given: the rest is the process's other memory and the system's. */
const USABLE_SHARE_OF_MEMORY = 0.8;

const inUnits = (bytes: number): string => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / 2 ** 20)} MB`);

/**
 * Null when seed files of `seedBytes` fit the heap this process may still use; otherwise the reason,
 * said before any file is parsed, so a graph too large is refused instead of crashing the process with
 * an out-of-memory error minutes later. The way out it names depends on whether this machine could
 * give the process enough heap (`machineBytes`, its memory).
 */
export function seedTooLargeReason(seedBytes: number, heap = getHeapStatistics(), machineBytes = memoryLimit()): string | null {
  const needed = seedBytes * HEAP_BYTES_PER_SEED_BYTE;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return null;
  const problem = `the seed files total ${inUnits(seedBytes)}; reading them needs about ${inUnits(needed)} of heap, but this process may use ${inUnits(available)} more.`;
  if (needed <= machineBytes * USABLE_SHARE_OF_MEMORY) {
    const megabytes = Math.ceil((needed + heap.used_heap_size) / 2 ** 20);
    return (
      `${problem} This machine (${inUnits(machineBytes)}) has the memory: give Node the heap with NODE_OPTIONS=--max-old-space-size=${megabytes}. ` +
      `For a graph this large, load it into Neo4j that way once (npm run seed) and serve it from there (set NEO4J_URI), which needs far less memory than the in-process mode.`
    );
  }
  return (
    `${problem} This machine (${inUnits(machineBytes)}) cannot read seed files this large, in the service or in npm run seed. ` +
    `Serve the graph from Neo4j (set NEO4J_URI) and load it there another way: a generated graph goes straight from the generator (npm run generate -- --concepts N --load), ` +
    `and any graph through neo4j-admin database import (docs/scaling.md, "Loading").`
  );
}

/** Longest seed file that can be read: its text must fit in one string, and UTF-8 never takes fewer bytes than UTF-16 code units. */
export const MAX_SEED_FILE_BYTES = constants.MAX_STRING_LENGTH;

/** Null when one seed file of `fileBytes` can be read as text; otherwise why not and what to do instead. */
export function seedFileTooLargeReason(fileBytes: number, maxBytes = MAX_SEED_FILE_BYTES): string | null {
  if (fileBytes <= maxBytes) return null;
  return `this file is ${inUnits(fileBytes)}, longer than the longest text Node can hold (${inUnits(maxBytes)}); split it into several files whose names start with the same kind (relations-1.yaml, relations-2.yaml, ...).`;
}
