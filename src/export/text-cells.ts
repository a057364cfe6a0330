/** Guards for values written into line- and cell-oriented formats (TSV, CSV arrays). */

/** Throws when a value would break a tab-separated line; our curated text never holds tabs or line breaks. */
export function tsvCell(value: string): string {
  if (/[\t\r\n]/.test(value)) throw new Error(`value cannot be written to TSV (tab or line break): ${JSON.stringify(value.slice(0, 60))}`);
  return value;
}

/** Joins list items with a delimiter, refusing items that contain it (they could not be split back). */
export function joinList(items: readonly string[], delimiter: string): string {
  for (const item of items) {
    if (item.includes(delimiter)) throw new Error(`list item contains the delimiter ${JSON.stringify(delimiter)}: ${JSON.stringify(item.slice(0, 60))}`);
  }
  return items.join(delimiter);
}

/** JSON text with "|" escaped as \u007c, so a JSON cell survives formats that split lists on "|". */
export function pipeSafeJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("|", "\\u007c");
}
