import { afterAll, beforeAll, describe } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { hostileQueryTests } from "../support/hostile-suite.js";
import { startMemoryApi } from "../support/memory-api.js";

describe("hostile queries against the in-process graph", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMemoryApi();
  });
  afterAll(async () => server?.close());

  hostileQueryTests(() => server);
});
