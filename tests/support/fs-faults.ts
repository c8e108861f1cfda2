/**
 * File-system errors on demand, for paths a test names: the errors `chmod 000` gives an ordinary
 * user, which root never meets (CI runs as root, so tests that chmod are skipped there). A test
 * file routes `node:fs/promises` through `withFaults`, which leaves every other call alone:
 *
 *   vi.mock("node:fs/promises", async (importOriginal) =>
 *     (await import("../support/fs-faults")).withFaults(await importOriginal()));
 */
import type * as fsPromises from "node:fs/promises";

type Operation = "readFile" | "readdir";

/** Node's own wording: `EACCES: permission denied, open '/tmp/x/secret.md'`. */
const SYSCALL: Record<Operation, string> = { readFile: "open", readdir: "scandir" };
const WORDS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EIO: "i/o error",
};
const ERRNO: Record<string, number> = { EACCES: -13, EPERM: -1, EIO: -5 };

const faults = new Map<string, string>();
const key = (operation: Operation, path: string) => `${operation} ${path}`;

/** From now on `operation` on `path` fails with `code`, as the kernel would refuse it. */
export function injectFault(operation: Operation, path: string, code = "EACCES"): void {
  faults.set(key(operation, path), code);
}

export function clearFaults(): void {
  faults.clear();
}

function fault(operation: Operation, path: unknown): NodeJS.ErrnoException | null {
  const code = faults.get(key(operation, String(path)));
  if (!code) return null;
  const syscall = SYSCALL[operation];
  return Object.assign(new Error(`${code}: ${WORDS[code] ?? code}, ${syscall} '${path}'`), {
    code,
    errno: ERRNO[code],
    syscall,
    path: String(path),
  });
}

export function withFaults(real: typeof fsPromises): typeof fsPromises {
  const readFile = ((path: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    const error = fault("readFile", path);
    if (error) return Promise.reject(error);
    return (real.readFile as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFile;
  const readdir = ((path: Parameters<typeof real.readdir>[0], ...rest: unknown[]) => {
    const error = fault("readdir", path);
    if (error) return Promise.reject(error);
    return (real.readdir as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readdir;
  const patched = { ...real, readFile, readdir };
  return { ...patched, default: patched } as typeof fsPromises;
}
