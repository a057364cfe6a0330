/** Newest modification time (ms) among the files under the given paths; missing paths count as 0. */
export function newestMtime(paths: readonly string[]): number;
/** True when there is no build stamp or any input file is newer than it. */
export function buildIsStale(stampFile: string, inputs: readonly string[]): boolean;
