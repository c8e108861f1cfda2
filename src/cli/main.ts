import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConfigError } from "../config";
import { CorpusError, formatIssue } from "../corpus/load";
import { loadEngine } from "../engine";
import type { Engine } from "../types";
import { addArticle, type CliAddOptions, removeArticle } from "./add-remove";
import { answerJson, figureJson, officialJson, sourceJson } from "./render-json";
import { answerText, figuresText, officialsText, sourcesText } from "./render-text";

/**
 * The command line, as `CONTRACT.md` describes it:
 *   ask "QUESTION" [--json] | ask --jsonl | figures [--partner NAME] | official ["NAME"] | sources
 *   | add URL|FILE [--json] | remove ID [--json]
 * Every command takes --corpus DIR (default corpus/). Exit 0 on success (also when a question has
 * no answer), 2 for bad usage or an unreadable corpus folder, with a one-line reason on stderr.
 */

const USAGE =
  'usage: tijarat <ask "QUESTION" [--json] | ask --jsonl | figures [--partner NAME] [--measure M] [--period P] [--json] | official ["NAME"] [--json] | sources [--json] | add URL|FILE [--json] | remove ID [--json]> [--corpus DIR]';

class UsageError extends Error {}

const OptionsSchema = z.object({
  command: z.enum(["ask", "figures", "official", "sources", "add", "remove"], {
    error: (issue) =>
      issue.input === undefined
        ? "no command given"
        : `unknown command ${JSON.stringify(issue.input)}`,
  }),
  rest: z.array(z.string()),
  corpus: z.string().min(1),
  json: z.boolean(),
  jsonl: z.boolean(),
  partner: z.string().optional(),
  measure: z.string().optional(),
  period: z.string().optional(),
});
type Options = z.infer<typeof OptionsSchema>;

function parseOptions(argv: string[]): Options {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: "string", default: "corpus" },
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
        partner: { type: "string" },
        measure: { type: "string" },
        period: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.values.help) throw new UsageError("help");
  const [command, ...rest] = parsed.positionals;
  const result = OptionsSchema.safeParse({ ...parsed.values, command, rest });
  if (!result.success) {
    throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  }
  const o = result.data;
  if (o.command === "ask" && !o.jsonl && o.rest.length === 0) {
    throw new UsageError('ask needs a question: ask "QUESTION" (or ask --jsonl to read stdin)');
  }
  if (o.command !== "ask" && o.jsonl) throw new UsageError("--jsonl goes with ask");
  if (o.command === "sources" && o.rest.length > 0) throw new UsageError("sources takes no words");
  if (o.command === "add" && o.rest.length !== 1) {
    throw new UsageError("add takes one URL or file: add URL|FILE");
  }
  if (o.command === "remove" && o.rest.length !== 1) {
    throw new UsageError("remove takes one article id: remove ID");
  }
  if (o.command === "figures" && o.rest.length > 0) {
    throw new UsageError("figures takes --partner, --measure, --period, not words");
  }
  return o;
}

/** Where the CLI reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  /** The environment settings are read from; the process's by default. */
  env?: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

async function askLines(engine: Engine, io: CliIo, write: (line: string) => void) {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    write(JSON.stringify(answerJson(engine.ask(line))));
  }
}

/** Resolves to the exit status, or undefined for 0. */
async function run(o: Options, io: CliIo, options: CliOptions): Promise<number | undefined> {
  const write = (line: string): undefined => {
    io.stdout.write(`${line}\n`);
  };
  if (o.command === "add") {
    return addArticle(o.rest[0] ?? "", o.corpus, o.json, io, options.add ?? {});
  }
  if (o.command === "remove") return removeArticle(o.rest[0] ?? "", o.corpus, o.json, io);
  const engine = await loadEngine({
    corpusDir: o.corpus,
    onIssue: (issue) => io.stderr.write(`tijarat: skipped ${formatIssue(issue)}\n`),
  });
  switch (o.command) {
    case "ask": {
      if (o.jsonl) {
        await askLines(engine, io, write);
        return;
      }
      const answer = engine.ask(o.rest.join(" "));
      return write(o.json ? JSON.stringify(answerJson(answer), null, 2) : answerText(answer));
    }
    case "figures": {
      const figures = engine.figures({ partner: o.partner, measure: o.measure, period: o.period });
      return write(
        o.json
          ? JSON.stringify({ figures: figures.map(figureJson) }, null, 2)
          : figuresText(figures),
      );
    }
    case "official": {
      const officials = engine.officials(o.rest.join(" "));
      return write(
        o.json
          ? JSON.stringify({ officials: officials.map(officialJson) }, null, 2)
          : officialsText(officials),
      );
    }
    case "sources": {
      const sources = engine.sources();
      return write(
        o.json
          ? JSON.stringify({ articles: sources.map(sourceJson) }, null, 2)
          : sourcesText(sources),
      );
    }
  }
}

export interface CliOptions {
  /** For tests: shorter fetch limits and a resolver table (see src/articles/fetch-page.ts). */
  add?: CliAddOptions;
}

/** Runs one CLI command; resolves to the exit status. */
export async function main(
  argv: string[],
  io: CliIo = process,
  options: CliOptions = {},
): Promise<number> {
  try {
    return (await run(parseOptions(argv), io, options)) ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(e.message === "help" ? `${USAGE}\n` : `tijarat: ${e.message}\n${USAGE}\n`);
      return e.message === "help" ? 0 : 2;
    }
    if (e instanceof CorpusError) {
      io.stderr.write(`tijarat: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`tijarat: ${e.message.replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    throw e;
  }
}
