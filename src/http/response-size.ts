import { RequestLimitError } from "../errors/app-errors.js";
import { formatGraphError } from "../graphql/error-formatter.js";

/**
 * Apollo's serialised answer as it may be sent: unchanged up to maxBytes, otherwise RESPONSE_TOO_LARGE in its
 * place, keeping the answer's extensions (its cost report). Measured on the text Apollo wrote, so an answer is
 * serialised once; only a refused one is read back, for its extensions.
 */
export function withinResponseLimit(body: string, maxBytes: number): string {
  const size = Buffer.byteLength(body);
  if (size <= maxBytes) return body;
  const error = new RequestLimitError("RESPONSE_TOO_LARGE", `The response would be ${size} bytes, over the limit of ${maxBytes}; ask for smaller pages or fewer fields`, {
    size,
    limit: maxBytes,
  });
  const { extensions } = JSON.parse(body) as { extensions?: Record<string, unknown> };
  return `${JSON.stringify({ errors: [formatGraphError({ message: error.message }, error)], extensions })}\n`;
}
