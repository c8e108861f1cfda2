import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { explanationText } from "../answer/explain";
import { chartFor, comparisonFor } from "../compare/requests";
import { ConfigError, loadConfig, parseConfig } from "../config";
import { converse } from "../conversation/converse";
import type { ConversationState } from "../conversation/state";
import { CorpusError, formatIssue } from "../corpus/load";
import { corpusFacts } from "../corpus/summary";
import { loadEngine } from "../engine";
import { StoreError } from "../insights/store";
import type { Engine } from "../types";
import { addArticle, type CliAddOptions, removeArticle } from "./add-remove";
import {
  chartJson,
  chartText,
  comparisonJson,
  comparisonText,
  RefusedError,
  writePng,
} from "./compare";
import { insightsReport } from "./insights";
import { answerJson, figureJson, officialJson, sourceJson } from "./render-json";
import { answerText, figuresText, insightsText, officialsText, sourcesText } from "./render-text";

/**
 * The command line, as `CONTRACT.md` describes it:
 *   ask "QUESTION" [--json] | ask --jsonl | figures [--partner NAME] | official ["NAME"] | sources
 *   | compare PARTNER PARTNER… [--measure M] | chart --partner P [--measure M] --out FILE.png
 *   | insights [--days N] (what the bot and the console recorded, read from INSIGHTS_DB)
 *   | add URL|FILE [--json] | remove ID [--json]
 * Every command takes --corpus DIR (default corpus/). Exit 0 on success (also when a question has
 * no answer), 2 for bad usage or an unreadable corpus folder, with a one-line reason on stderr.
 */

const USAGE =
  'usage: tijarat <ask "QUESTION" [--json] [--explain] | ask --jsonl [--follow-ups] | figures [--partner NAME] [--measure M] [--period P] [--json] | official ["NAME"] [--json] | sources [--json] | compare PARTNER PARTNER… [--measure M] [--json] | chart --partner P [--measure M] --out FILE.png [--json] | insights [--days N] [--json] | add URL|FILE [--json] | remove ID [--json]> [--corpus DIR]';

class UsageError extends Error {}

const OptionsSchema = z.object({
  command: z.enum(
    ["ask", "figures", "official", "sources", "compare", "chart", "insights", "add", "remove"],
    {
      error: (issue) =>
        issue.input === undefined
          ? "no command given"
          : `unknown command ${JSON.stringify(issue.input)}`,
    },
  ),
  rest: z.array(z.string()),
  corpus: z.string().min(1),
  json: z.boolean(),
  jsonl: z.boolean(),
  followUps: z.boolean(),
  explain: z.boolean(),
  partner: z.string().optional(),
  measure: z.string().optional(),
  period: z.string().optional(),
  out: z.string().min(1, "--out needs a file name").optional(),
  days: z
    .string()
    .regex(/^\d+$/, "--days must be a whole number of days")
    .transform(Number)
    .pipe(
      z.number().int().min(1, "--days must be at least 1").max(3650, "--days must be at most 3650"),
    )
    .optional(),
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
        "follow-ups": { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        partner: { type: "string" },
        measure: { type: "string" },
        period: { type: "string" },
        out: { type: "string" },
        days: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.values.help) throw new UsageError("help");
  const [command, ...rest] = parsed.positionals;
  const { "follow-ups": followUps, ...values } = parsed.values;
  const result = OptionsSchema.safeParse({ ...values, followUps, command, rest });
  if (!result.success) {
    throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  }
  const o = result.data;
  if (o.command === "ask" && !o.jsonl && o.rest.length === 0) {
    throw new UsageError('ask needs a question: ask "QUESTION" (or ask --jsonl to read stdin)');
  }
  if (o.command !== "ask" && o.jsonl) throw new UsageError("--jsonl goes with ask");
  if (o.followUps && !o.jsonl) throw new UsageError("--follow-ups goes with ask --jsonl");
  if (o.command !== "ask" && o.explain) throw new UsageError("--explain goes with ask");
  if (o.command === "sources" && o.rest.length > 0) throw new UsageError("sources takes no words");
  if (o.command === "insights" && o.rest.length > 0)
    throw new UsageError("insights takes no words");
  if (o.command !== "insights" && o.days !== undefined)
    throw new UsageError("--days goes with insights");
  if (o.command === "add" && o.rest.length !== 1) {
    throw new UsageError("add takes one URL or file: add URL|FILE");
  }
  if (o.command === "remove" && o.rest.length !== 1) {
    throw new UsageError("remove takes one article id: remove ID");
  }
  if (o.command === "figures" && o.rest.length > 0) {
    throw new UsageError("figures takes --partner, --measure, --period, not words");
  }
  if (o.command === "compare" && o.rest.length === 0) {
    throw new UsageError('compare needs 2 to 4 partners: compare Japan "United States"');
  }
  if (o.command === "chart") {
    if (o.rest.length > 0)
      throw new UsageError("chart takes --partner, --measure, --out, not words");
    if (!o.partner?.trim()) throw new UsageError("chart needs --partner P");
    if (!o.out) throw new UsageError("chart needs --out FILE.png");
  }
  if (o.command !== "chart" && o.out !== undefined) throw new UsageError("--out goes with chart");
  return o;
}

/** Where the CLI reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /**
   * Settings (INSIGHTS_DB, FETCH_ALLOW_LOOPBACK, …); absent: `.env` and the process's environment
   * for insights, the process's environment for add.
   */
  env?: Record<string, string | undefined>;
}

/**
 * `ask --jsonl`: a JSON line per question line. With `--follow-ups` each line is the next turn of
 * one conversation, read against the answer before it, and a blank line starts a new one.
 */
async function askLines(engine: Engine, o: Options, io: CliIo, write: (line: string) => void) {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let conversation: ConversationState | null = null;
  for await (const line of lines) {
    if (line.trim() === "") {
      conversation = null;
      continue;
    }
    if (!o.followUps) {
      write(JSON.stringify(answerJson(engine.ask(line, { explain: o.explain }))));
      continue;
    }
    const turn = converse(engine, line, conversation);
    conversation = turn.state;
    write(JSON.stringify(answerJson(turn.answer)));
  }
}

/** Resolves to the exit status, or undefined for 0. */
async function run(o: Options, io: CliIo, options: CliOptions): Promise<number | undefined> {
  const write = (line: string): undefined => {
    io.stdout.write(`${line}\n`);
  };
  if (o.command === "insights") {
    // The store, not the corpus: no articles are read.
    const config = io.env ? parseConfig(io.env) : loadConfig();
    const report = await insightsReport(config, o.days ?? 30);
    return write(o.json ? JSON.stringify(report, null, 2) : insightsText(report));
  }
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
        await askLines(engine, o, io, write);
        return;
      }
      const answer = engine.ask(o.rest.join(" "), { explain: o.explain });
      if (o.json) return write(JSON.stringify(answerJson(answer), null, 2));
      write(answerText(answer, corpusFacts(engine)));
      if (answer.explanation) write(`\n${explanationText(answer.explanation)}`);
      return;
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
    case "compare": {
      const result = comparisonFor(engine, o.rest, o.measure);
      if (!result.ok) throw new RefusedError(result.reason);
      return write(
        o.json
          ? JSON.stringify(comparisonJson(result.comparison), null, 2)
          : comparisonText(result.comparison),
      );
    }
    case "chart": {
      const outcome = chartFor(engine, o.partner ?? "", o.measure);
      if (!outcome.ok) throw new RefusedError(outcome.reason);
      // Loaded here, not at start: the renderer is only needed for a chart.
      const { renderChartPng } = await import("../chart/render-png");
      const image = await renderChartPng(outcome.chart);
      const file = await writePng(o.out ?? "", image.png);
      return write(
        o.json
          ? JSON.stringify(chartJson(outcome.chart, file), null, 2)
          : chartText(outcome.chart, file, image),
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
    if (e instanceof CorpusError || e instanceof StoreError || e instanceof RefusedError) {
      io.stderr.write(`tijarat: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      const problems = e.problems.map((p) => `${p.variable}: ${p.message}`).join("; ");
      io.stderr.write(`tijarat: invalid configuration: ${problems}\n`);
      return 2;
    }
    throw e;
  }
}
