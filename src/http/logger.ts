import { pino, type Logger } from "pino";

/** The service's structured JSON logger; one per process. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "knowledge-graph" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie"], remove: true },
  });
}
