import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { PLAYGROUND_CURATION_EXAMPLE, PLAYGROUND_EXAMPLES } from "./playground-examples.js";

export interface PlaygroundPage {
  readonly html: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

let page: PlaygroundPage | null = null;

const EXPLORER_LINK =
  '<a href="/explore" style="position:fixed;right:12px;bottom:12px;z-index:1000;padding:6px 12px;border-radius:6px;background:#0050b3;color:#fff;font:600 14px system-ui,sans-serif;text-decoration:none">Open the visual explorer</a>';

/** Adds a link to the visual explorer (/explore) at the start of the playground's body. */
function withExplorerLink(html: string): string {
  return html.replace(/<body[^>]*>/, (body) => `${body}${EXPLORER_LINK}`);
}

/**
 * The GraphiQL page with every asset inlined from local npm packages, so it works with no network.
 * Rendered and gzipped once per process: the page is about 9 MB raw. Options are our own constants,
 * which matters because the renderer writes them into a script tag unescaped.
 */
export function playgroundPage(): PlaygroundPage {
  if (page !== null) return page;
  const html = renderGraphiQL({
    title: "Back spasm knowledge graph",
    endpoint: "/graphql",
    defaultTabs: [
      ...PLAYGROUND_EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ?? null })),
      { query: PLAYGROUND_CURATION_EXAMPLE.query, variables: PLAYGROUND_CURATION_EXAMPLE.variables, headers: PLAYGROUND_CURATION_EXAMPLE.headers },
    ],
    defaultQuery: PLAYGROUND_EXAMPLES[0]?.query ?? "",
    // Writes need an Authorization header: the headers pane is on, and never persisted (a token must not outlive the tab).
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: true,
  });
  const raw = Buffer.from(withExplorerLink(html), "utf8");
  const gzipped = gzipSync(raw, { level: 9 });
  page = { html: raw, gzipped, etag: `"${createHash("sha256").update(gzipped).digest("base64url").slice(0, 27)}"` };
  return page;
}
