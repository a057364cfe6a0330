/** Where the services read source texts from; the seed layer implements it over SOURCE_TEXT_DIR. */
export interface SourceTexts {
  /**
   * The full text of a source, or null when this server does not have it, or has a different text
   * than the one the locators were written against (its SHA-256 differs from `sha256`).
   */
  textOf(source: { readonly id: string; readonly textFile: string | null; readonly sha256: string | null }): Promise<string | null>;
}
