import path from "node:path";
import { REPO_ROOT } from "../../src/config/config.js";
import { spawnUntilReady, type ReadyProcess } from "../ready-process.js";

export interface PeerProcess extends ReadyProcess {
  readonly url: string;
}

/** Starts bench/peer/peer-server.ts as its own Node process (production mode) and resolves once it listens. */
export async function startPeerProcess(neo4jUri: string, password: string, port: number): Promise<PeerProcess> {
  const url = `http://127.0.0.1:${port}`;
  const peer = await spawnUntilReady([process.execPath, "--import", "tsx", path.join(REPO_ROOT, "bench", "peer", "peer-server.ts")], {
    env: { NODE_ENV: "production", NEO4J_URI: neo4jUri, NEO4J_PASSWORD: password, PEER_PORT: String(port) },
    readyUrl: url,
    // The peer has no readiness route, but it listens only once its schema is built: any answer means ready.
    isReady: () => true,
  });
  return { ...peer, url };
}
