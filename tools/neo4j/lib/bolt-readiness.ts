/** Readiness probe: Neo4j counts as up once the driver can log in and run RETURN 1. */
import neo4j, { type Driver } from "neo4j-driver";

/** Tries driver.verifyConnectivity() and RETURN 1 until it works or the deadline passes; auth errors fail at once. */
export async function verifyBolt(uri: string, user: string, password: string, deadline: number): Promise<void> {
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      connectionTimeout: 5_000,
      maxConnectionPoolSize: 1,
      disableLosslessIntegers: true,
    });
    try {
      await driver.verifyConnectivity();
      const session = driver.session();
      try {
        const result = await session.run("RETURN 1 AS ok");
        const ok: unknown = result.records[0]?.get("ok");
        if (ok !== 1) throw new Error(`RETURN 1 answered ${String(ok)}`);
        return;
      } finally {
        await session.close();
      }
    } catch (error) {
      lastError = error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && code.startsWith("Neo.ClientError.Security.")) {
        throw new Error(`Bolt is up at ${uri} but rejects user '${user}': ${(error as Error).message}`);
      }
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Bolt at ${uri} did not answer RETURN 1 in time: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}
