import { describe, expect, it } from "vitest";
import { spawnUntilReady } from "../../bench/ready-process.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

/** A server on PORT whose /ready answers 503 for its first READY_AFTER requests, then 200; other paths 404. */
const SERVER = `
let asked = 0;
require("node:http").createServer((req, res) => {
  if (req.url !== "/ready") return void res.writeHead(404).end();
  res.writeHead(++asked > Number(process.env.READY_AFTER) ? 200 : 503).end();
}).listen(Number(process.env.PORT), "127.0.0.1");
`;
const node = (script: string): [string, ...string[]] => [process.execPath, "-e", script];
const answers = (url: string): Promise<boolean> => fetch(url).then(() => true, () => false);

describe("the benchmark's process spawner (bench/ready-process.ts)", () => {
  it("resolves once the readiness URL answers 2xx, not before, and stops the process", async () => {
    const port = await findFreePort();
    const server = await spawnUntilReady(node(SERVER), { env: { PORT: String(port), READY_AFTER: "3" }, readyUrl: `http://127.0.0.1:${port}/ready`, pollMs: 5 });
    expect(server.pid).toBeGreaterThan(0);
    expect(server.startupMs).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    await server.stop();
    expect(await answers(`http://127.0.0.1:${port}/ready`)).toBe(false);
  });

  it("takes any answer as ready when told to (the peer has no readiness route)", async () => {
    const port = await findFreePort();
    const server = await spawnUntilReady(node(SERVER), { env: { PORT: String(port), READY_AFTER: "1000" }, readyUrl: `http://127.0.0.1:${port}/`, isReady: () => true });
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(503);
    await server.stop();
  });

  it("fails, naming the exit code, when the process exits before it is ready", async () => {
    await expect(spawnUntilReady(node("process.exit(3)"), { env: {}, readyUrl: `http://127.0.0.1:${await findFreePort()}/ready` })).rejects.toThrow(/exited with code 3 before it was ready/);
  });

  it("fails after its timeout, and stops the process it gave up on", async () => {
    const port = await findFreePort();
    const attempt = spawnUntilReady(node(SERVER), { env: { PORT: String(port), READY_AFTER: "1000000" }, readyUrl: `http://127.0.0.1:${port}/ready`, timeoutMs: 1500 });
    await expect(attempt).rejects.toThrow(/was not ready within 1.5 s/);
    expect(await answers(`http://127.0.0.1:${port}/ready`)).toBe(false);
  });

  it("stops the whole process group when the server is a child of what it spawned (npm start)", async () => {
    const port = await findFreePort();
    const parent = `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(SERVER)}], { stdio: "inherit" }); setInterval(() => {}, 1000);`;
    const server = await spawnUntilReady(node(parent), { env: { PORT: String(port), READY_AFTER: "0" }, readyUrl: `http://127.0.0.1:${port}/ready`, group: true });
    await server.stop();
    for (let i = 0; i < 100 && (await answers(`http://127.0.0.1:${port}/ready`)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await answers(`http://127.0.0.1:${port}/ready`)).toBe(false);
  });
});
