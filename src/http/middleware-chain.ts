import type { IncomingMessage, ServerResponse } from "node:http";

/** A Connect-style step of a request: plain Node request and response, so Express and the direct route share it. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Runs `steps` in order, as Express would: each goes on by calling next(), a step that passes an error (or
 * throws) ends the chain in `onError`.
 */
export function runChain(steps: readonly Middleware[], req: IncomingMessage, res: ServerResponse, onError: (error: unknown) => void): void {
  let index = 0;
  const next = (error?: unknown): void => {
    if (error !== undefined) {
      onError(error);
      return;
    }
    const step = steps[index++];
    if (step === undefined) return;
    try {
      step(req, res, next);
    } catch (thrown) {
      onError(thrown);
    }
  };
  next();
}
