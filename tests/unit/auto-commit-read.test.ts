import { Neo4jError, type Result } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { readOnce, type StatementRunner } from "../../src/neo4j/neo4j-executor.js";

/** A session that records how each statement was sent and fails its auto-commit statements with `failure`, if any. */
function fakeSession(failure: Error | null) {
  const sent: string[] = [];
  const answer = (how: string) => {
    sent.push(how);
    return { records: [] } as unknown as Result;
  };
  return {
    sent,
    run: (() => {
      if (failure !== null) throw failure;
      return answer("auto-commit");
    }) as never,
    executeRead: (async (work: (tx: StatementRunner) => Promise<unknown>) => work({ run: () => answer("managed") })) as never,
  };
}

const readWork = async (tx: StatementRunner) => tx.run("RETURN 1", {});

describe("reads", () => {
  it("go as one auto-commit statement when it answers", async () => {
    const session = fakeSession(null);
    await readOnce(session, readWork, { timeout: 1000 });
    expect(session.sent).toEqual(["auto-commit"]);
  });

  it("are tried again in the driver's managed, retrying transaction after an error worth retrying", async () => {
    const session = fakeSession(new Neo4jError("leader switched", "Neo.TransientError.General.DatabaseUnavailable", "", ""));
    await readOnce(session, readWork, { timeout: 1000 });
    expect(session.sent).toEqual(["managed"]);
  });

  it("fail at once with an error no retry would mend", async () => {
    const session = fakeSession(new Neo4jError("bad query", "Neo.ClientError.Statement.SyntaxError", "", ""));
    await expect(readOnce(session, readWork, { timeout: 1000 })).rejects.toThrow("bad query");
    expect(session.sent).toEqual([]);
  });
});
