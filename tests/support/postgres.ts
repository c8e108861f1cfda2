/**
 * A throwaway PostgreSQL server for tests: a cluster in a temporary folder, listening on a free
 * port on 127.0.0.1 (and a socket in its own folder), trusting local connections. Without fsync,
 * which only a power cut would miss; commits stay synchronous, so a crashed server (`crash`)
 * keeps every transaction it acknowledged, as in production.
 * PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
 * `postgres` user (Debian's package makes it), else to `nobody`.
 *
 * initdb takes seconds, so it runs once per test run: the first file that needs a cluster makes a
 * template under a lock (`PG_TEMPLATE_DIR`, set by the global setup) and every server copies it.
 * The server runs as a child process of the test, so a test can stop it (`stop`, a clean and quick
 * shutdown), crash it (`crash`: immediate shutdown, recovery at the next start) and start it again
 * on the same port and data.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Where the server's programs are: Debian's newest `/usr/lib/postgresql/N/bin`, else the PATH. */
export function postgresBin(): string | null {
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(debian, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres"))) return bin;
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const initdb = found.status === 0 ? found.stdout.trim() : "";
  if (initdb) {
    const bin = initdb.slice(0, initdb.lastIndexOf("/"));
    if (existsSync(join(bin, "postgres"))) return bin;
  }
  return null;
}

/** Why the PostgreSQL tests do not run here, or null when they do. */
export function postgresMissing(): string | null {
  return postgresBin() === null
    ? "no PostgreSQL server programs (initdb, postgres) in /usr/lib/postgresql/*/bin or on the PATH; `apt-get install postgresql` to run these tests"
    : null;
}

/** The user the cluster runs as: ourselves, or when we are root one that may run PostgreSQL. */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (id.status === 0 && group.status === 0) {
      return { uid: Number(id.stdout.trim()), gid: Number(group.stdout.trim()) };
    }
  }
  throw new Error("the tests run as root and there is neither a postgres nor a nobody user");
}

/** A folder the cluster's owner can use. */
function ownedFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const owner = clusterOwner();
  if (owner) chownSync(folder, owner.uid, owner.gid);
  return folder;
}

function asOwner(command: string, args: string[]): void {
  const owner = clusterOwner();
  const result = spawnSync(command, args, { encoding: "utf8", ...(owner ?? {}) });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cluster every server copies, made by the first caller of the run; others wait for it. */
async function template(bin: string): Promise<string> {
  const root = process.env.PG_TEMPLATE_DIR ?? join(tmpdir(), `tijarat-pg-template-${process.pid}`);
  const data = join(root, "data");
  const done = join(root, "ready");
  const lock = join(root, "lock");
  mkdirSync(root, { recursive: true, mode: 0o755 });
  for (let waited = 0; !existsSync(done); waited += 50) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 60_000) throw new Error("gave up waiting for another test's initdb");
      await sleep(50);
      continue;
    }
    const owner = clusterOwner();
    if (owner) chownSync(root, owner.uid, owner.gid);
    asOwner(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "tijarat",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions",
    ]);
    mkdirSync(done);
  }
  return data;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export class PostgresServer {
  private child: ChildProcess | null = null;

  private constructor(
    private readonly bin: string,
    private readonly folder: string,
    readonly port: number,
  ) {}

  /** A fresh cluster, started. */
  static async start(): Promise<PostgresServer> {
    const bin = postgresBin();
    if (!bin) throw new Error(postgresMissing() ?? "no PostgreSQL");
    const data = await template(bin);
    const folder = ownedFolder("tijarat-pg-");
    asOwner("cp", ["-a", data, join(folder, "data")]);
    const server = new PostgresServer(bin, folder, await freePort());
    await server.restart();
    return server;
  }

  /** A URL for `database` (default `postgres`), as INSIGHTS_DB would give it. */
  url(database = "postgres"): string {
    return `postgres://tijarat@127.0.0.1:${this.port}/${database}`;
  }

  /** A new, empty database on this server; its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Starts the server (again) on the same port and data; resolves once it takes connections. */
  async restart(): Promise<void> {
    if (this.child) throw new Error("the server is running");
    const owner = clusterOwner();
    const log = openSync(join(this.folder, "server.log"), "a");
    if (owner) chownSync(join(this.folder, "server.log"), owner.uid, owner.gid);
    const child = spawn(
      join(this.bin, "postgres"),
      [
        "-D",
        join(this.folder, "data"),
        "-p",
        String(this.port),
        "-k",
        this.folder,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "shared_buffers=16MB",
        "-c",
        "max_connections=60",
      ],
      { stdio: ["ignore", log, log], ...(owner ?? {}) },
    );
    this.child = child;
    // A test process that ends without closing the server does not leave it running.
    const orphaned = () => child.kill("SIGQUIT");
    process.once("exit", orphaned);
    child.once("exit", () => process.off("exit", orphaned));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.once("exit", () => {
      if (this.child === child) this.child = null;
    });
    const started = performance.now();
    for (;;) {
      if (this.child !== child) {
        throw new Error(`postgres exited at start:\n${this.log().slice(-2000)}`);
      }
      const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      client.on("error", () => undefined);
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (performance.now() - started > 30_000) {
        child.kill("SIGKILL");
        await exited;
        throw new Error(`postgres did not take connections in 30 s:\n${this.log().slice(-2000)}`);
      }
      await sleep(25);
    }
  }

  /** A fast shutdown (SIGINT): connections are cut, the server is down until `restart`. */
  stop(): Promise<void> {
    return this.signal("SIGINT");
  }

  /** An immediate shutdown (SIGQUIT), as after a crash: the next start recovers from the log. */
  crash(): Promise<void> {
    return this.signal("SIGQUIT");
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** Stops the server and removes its folder. */
  async close(): Promise<void> {
    await this.crash();
    rmSync(this.folder, { recursive: true, force: true });
  }

  log(): string {
    try {
      return readFileSync(join(this.folder, "server.log"), "utf8");
    } catch {
      return "";
    }
  }
}

/** Rows of one query on `url`, for tests that look at what a store wrote. */
export async function rowsOf<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Polls the database (not the store under test) until it holds `count` questions; fails naming
 * how many it found. A database that is down counts as none yet.
 */
export async function waitForQuestions(url: string, count: number, timeoutMs = 10_000) {
  let seen = -1;
  const started = performance.now();
  while (seen !== count) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`expected ${count} questions in the database, found ${seen}`);
    }
    seen = await rowsOf<{ n: number }>(url, "SELECT COUNT(*)::int AS n FROM questions").then(
      (rows) => rows[0]?.n ?? 0,
      () => -1,
    );
    if (seen !== count) await sleep(20);
  }
}

/**
 * The number of questions in the database once the replicas' queued records have landed: read
 * until two reads half a second apart agree (records are written just after each reply).
 */
export async function settledQuestionCount(url: string, timeoutMs = 10_000): Promise<number> {
  const count = async () =>
    (await rowsOf<{ n: number }>(url, "SELECT COUNT(*)::int AS n FROM questions"))[0]?.n ?? 0;
  const started = performance.now();
  let last = await count();
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await count();
    if (now === last) return now;
    last = now;
  }
  return last;
}
