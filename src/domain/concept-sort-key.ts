/**
 * The key concepts are ordered by when sorted by name: case-insensitive, accents kept. Computed once
 * in TypeScript and stored, so every backend orders names identically.
 */
export function conceptSortKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
