import type { Locator } from "../domain/knowledge-graph.model.js";
import { DEFAULT_CONTEXT_CHARS, MAX_CONTEXT_CHARS, passageInContext, quoteOf, type PassageInContext } from "../domain/passage.js";
import { intInRange } from "./argument-rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { SourceTexts } from "./source-texts.port.js";

/** The source passages that locators point at, read from the source texts at run time. */
export class PassageService {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly texts: SourceTexts,
  ) {}

  /** The exact text at the locator's span, or null when this server lacks that source's text. */
  async quote(locator: Locator): Promise<string | null> {
    const text = await this.textFor(locator);
    return text === null ? null : quoteOf(text, locator.start, locator.end);
  }

  /** The passage with up to `chars` characters around it in its paragraph; null without the text. */
  async context(locator: Locator, chars: number | null | undefined): Promise<PassageInContext | null> {
    const width = intInRange("chars", chars ?? DEFAULT_CONTEXT_CHARS, 0, MAX_CONTEXT_CHARS);
    const text = await this.textFor(locator);
    return text === null ? null : passageInContext(text, locator.start, locator.end, width);
  }

  private async textFor(locator: Locator): Promise<string | null> {
    const source = await this.loaders.source.load(locator.sourceId);
    if (source === null) return null;
    const text = await this.texts.textOf(source);
    // A text shorter than the span is not the text the seed was validated against.
    return text !== null && locator.end <= text.length ? text : null;
  }
}
