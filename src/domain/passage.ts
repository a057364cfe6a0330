/**
 * The passage a locator points at, and the text around it within its paragraph. Pure functions over
 * the source text, so both backends (and any client) get the same characters for the same span.
 */

/** Most characters of surrounding text a client may ask for on each side of a passage. */
export const MAX_CONTEXT_CHARS = 2000;
/** Surrounding characters on each side when the client does not say. */
export const DEFAULT_CONTEXT_CHARS = 300;

/** A passage with the text before and after it, clipped to its paragraph. */
export interface PassageInContext {
  readonly before: string;
  readonly quote: string;
  readonly after: string;
  /** Offset where `before` begins in the source text. */
  readonly contextStart: number;
  /** Offset just past the end of `after`. */
  readonly contextEnd: number;
}

// A paragraph ends at a blank line (a line break, optional spaces, another line break).
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g;

/** The exact source text at [start, end); throws RangeError when the span does not fit the text. */
export function quoteOf(text: string, start: number, end: number): string {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`span [${start}, ${end}) does not fit a text of ${text.length} characters`);
  }
  return text.slice(start, end);
}

/** [start, end) of the paragraph holding offset `at`: the text between the blank lines around it. */
export function paragraphAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    const breakStart = m.index;
    const breakEnd = breakStart + m[0].length;
    if (breakEnd <= at) start = breakEnd;
    else if (breakStart >= at) {
      end = breakStart;
      break;
    }
  }
  return { start, end };
}

/**
 * The passage at [start, end) with up to `chars` characters on each side, never crossing the
 * paragraphs that hold the passage's first and last characters, and cut back to whole words.
 */
export function passageInContext(text: string, start: number, end: number, chars: number): PassageInContext {
  const quote = quoteOf(text, start, end);
  const paragraphStart = paragraphAround(text, start).start;
  const paragraphEnd = paragraphAround(text, end - 1).end;
  let contextStart = Math.max(paragraphStart, start - chars);
  let contextEnd = Math.min(paragraphEnd, end + chars);
  // Cut a clipped side back to a word boundary so the client never shows half a word.
  if (contextStart > paragraphStart) contextStart = nextWordStart(text, contextStart, start);
  if (contextEnd < paragraphEnd) contextEnd = previousWordEnd(text, contextEnd, end);
  return { before: text.slice(contextStart, start), quote, after: text.slice(end, contextEnd), contextStart, contextEnd };
}

function nextWordStart(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/\s/.test(text.charAt(i - 1))) i++;
  return i;
}

function previousWordEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i > limit && !/\s/.test(text.charAt(i))) i--;
  return i;
}
