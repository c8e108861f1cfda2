import { Readable } from "node:stream";
import { main } from "../../src/cli/main";

/** Runs a CLI command in this process with its own streams, as `npm run cli -- …` would. */
export async function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdin: Readable.from([options.input ?? ""]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(options.env ? { env: options.env } : {}),
  });
  return { code, stdout, stderr };
}
