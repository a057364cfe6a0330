import { getHeapStatistics } from "node:v8";

/**
 * Heap bytes that reading, validating and indexing a seed takes per byte of seed file, measured with a
 * generated seed of 10k concepts (10 MB of YAML): it fails with a 360 MB heap and loads with 460 MB, so
 * 40–46; 50 leaves a margin. Nearly all of it is the YAML document trees, kept whole until validation ends so
 * issues can name their line; the in-process graph itself holds 3–4 bytes per byte of seed.
 */
export const HEAP_BYTES_PER_SEED_BYTE = 50;

/**
 * Null when seed files of `seedBytes` fit the heap this process may still use; otherwise the reason,
 * said before any file is parsed, so a graph too large for the in-process mode is refused instead of
 * crashing the process with an out-of-memory error minutes later.
 */
export function seedTooLargeReason(seedBytes: number, heap = getHeapStatistics()): string | null {
  const needed = seedBytes * HEAP_BYTES_PER_SEED_BYTE;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return null;
  const gb = (bytes: number): string => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / 2 ** 20)} MB`);
  return (
    `the seed files total ${gb(seedBytes)}; reading them needs about ${gb(needed)} of heap, but this process may use ${gb(available)} more. ` +
    `Serve a graph this large from Neo4j (set NEO4J_URI and load it with npm run seed), or give Node more heap (NODE_OPTIONS=--max-old-space-size=MB) if the machine has the memory.`
  );
}
