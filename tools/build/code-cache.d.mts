/** The cache file for a script file as it is now. */
export function codeCacheFile(file: string): string;
/** Runs a CommonJS file in this process with its V8 code cache; writes the cache after start-up when it was not accepted. */
export function runWithCodeCache(file: string, options?: { writeAfterMs?: number }): "accepted" | "rejected" | "absent";
