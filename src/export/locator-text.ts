import type { Locator } from "../domain/knowledge-graph.model.js";

const PATTERN = /^([^#@\s]+)#([^#@\s]+)@(\d+)-(\d+)$/;

/** A locator as one compact string, "source#section@start-end", for cells and attributes. */
export function locatorText(locator: Locator): string {
  return `${locator.sourceId}#${locator.sectionId}@${locator.start}-${locator.end}`;
}

/** The locator a locatorText() string stands for; throws on anything else. */
export function parseLocatorText(text: string): Locator {
  const match = PATTERN.exec(text);
  if (match === null) throw new Error(`"${text}" is not a locator of the form source#section@start-end`);
  return { sourceId: match[1]!, sectionId: match[2]!, start: Number(match[3]), end: Number(match[4]) };
}
