import { createServer, type Socket } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnUntilReady, type ReadyProcess } from "../../bench/ready-process.js";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

/** A Bolt address that accepts connections and never answers: the first ping waits out its whole timeout. */
describe("the API started over a Neo4j that does not answer", () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => void sockets.push(socket));
  let api: ReadyProcess | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await api?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("listens without waiting for its first ping to give up", async () => {
    const boltPort = (silent.address() as { port: number }).port;
    const port = await findFreePort();
    api = await spawnUntilReady([process.execPath, "--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
      env: { NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_CONNECT_TIMEOUT_MS: "120000", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn" },
      readyUrl: `http://127.0.0.1:${port}/health`,
      // far below the ping's 120 s: before, the server listened only once the ping had given up
      timeoutMs: 60_000,
    });
    for (let i = 0; i < 100 && sockets.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sockets.length).toBeGreaterThan(0); // the ping is under way, not skipped
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: "ok" });
  }, 90_000);
});
