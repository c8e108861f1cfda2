/**
 * The PostgreSQL store on a real server (a throwaway cluster on 127.0.0.1): the same
 * specification as the SQLite file, then what only a server shared by replicas needs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS } from "../../src/insights/postgres-schema";
import { PostgresInsightsStore } from "../../src/insights/postgres-store";
import { StoreError } from "../../src/insights/store";
import { PostgresServer, postgresMissing, rowsOf } from "../support/postgres";
import { questionRecord, storeContract } from "./store-contract";

const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL store tests skipped: ${missing}`);

describe.skipIf(missing !== null)("the PostgreSQL store", () => {
  let server: PostgresServer;
  let databases = 0;
  const freshDatabase = () => server.createDatabase(`store_${++databases}`);

  beforeAll(async () => {
    server = await PostgresServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  storeContract("PostgreSQL", async () => {
    const url = await freshDatabase();
    return { open: () => new PostgresInsightsStore({ url }) };
  });

  it("records each schema version once, however many replicas open it at once", async () => {
    const url = await freshDatabase();
    const replicas = Array.from({ length: 4 }, () => new PostgresInsightsStore({ url }));
    await Promise.all(replicas.map((replica) => replica.open()));
    await Promise.all(replicas.map((replica) => replica.close()));
    expect(await rowsOf(url, "SELECT version FROM schema_migrations ORDER BY version")).toEqual(
      POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })),
    );
  });

  it("deletes a question's facets with it", async () => {
    const url = await freshDatabase();
    const store = new PostgresInsightsStore({ url });
    await store.write([
      { type: "question", record: questionRecord({ missing: ["x"], askedAt: 1 }) },
    ]);
    await store.prune(2);
    await store.close();
    expect(await rowsOf(url, "SELECT COUNT(*)::int AS n FROM question_facets")).toEqual([{ n: 0 }]);
  });

  it("parses each statement once a connection, then only executes it", async () => {
    const url = await freshDatabase();
    // The server logs every parse, bind and execute in this database.
    await rowsOf(url, `ALTER DATABASE store_${databases} SET log_min_duration_statement = 0`);
    const store = new PostgresInsightsStore({ url, poolSize: 1 });
    for (let i = 0; i < 3; i++) {
      await store.takeCooldown({ subject: "u", windowStart: 0, windowMs: 10_000, limit: 100 });
    }
    await store.close();
    const log = server.log();
    const count = (step: string) =>
      log.match(new RegExp(`${step} tijarat_[0-9a-f]+: INSERT INTO cooldowns`, "g"))?.length ?? 0;
    expect([count("parse"), count("execute")]).toEqual([1, 3]);
  });

  it("fails naming the server without its password, as a failure worth trying again", async () => {
    const store = new PostgresInsightsStore({
      url: `postgres://tijarat:hunter2@127.0.0.1:${server.port}/no_such_database`,
    });
    const failure = await store.open().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).message).toMatch(
      new RegExp(
        `^insights store postgres://tijarat@127\\.0\\.0\\.1:${server.port}/no_such_database: `,
      ),
    );
    expect((failure as StoreError).message).not.toContain("hunter2");
    expect((failure as StoreError).transient).toBe(true);
    await store.close();
  });
});
