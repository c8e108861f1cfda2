import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { assembleKnowledge, type Knowledge } from "./answer/knowledge";
import { PassageIndex } from "./index/passage-index";
import type { Article, CorpusIssue, Figure, Mention, Official, Passage, Quote } from "./types";

/**
 * The prebuilt engine on disk. Every sentence the facts cite is a span of an article body, so the
 * snapshot keeps each body once and stores spans as offsets; texts are sliced back on load. With
 * the term lists of figures kept too, loading is parsing plus look-ups: no extraction, no stemming,
 * no re-indexing.
 */

/** Bump when the layout, or anything that produces what it stores, changes. */
export const SNAPSHOT_VERSION = 4;

type Slim<T, K extends keyof T> = Omit<T, K>;

/** A passage as stored: its sentences as flat [start, end, start, end, …] offsets. */
const PassageRow = z.tuple([z.number(), z.number(), z.number(), z.number(), z.array(z.number())]);

const SnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  fingerprint: z.string(),
  articles: z.array(z.custom<Article>()),
  /** [article position, passage index, start, end, sentence offsets] */
  passages: z.array(PassageRow),
  figures: z.array(z.custom<Slim<Figure, "sentence">>()),
  officials: z.array(z.custom<SlimOfficial>()),
  issues: z.array(z.custom<CorpusIssue>()),
  passageFrequency: z.array(z.tuple([z.string(), z.number()])),
  wordFrequency: z.array(z.tuple([z.string(), z.number()])),
  capitalisation: z.array(z.tuple([z.string(), z.tuple([z.number(), z.number()])])),
  figureMeasureTerms: z.array(z.array(z.string())),
  figureSentenceTerms: z.array(z.array(z.string())),
  index: z.unknown(),
});

type SlimOfficial = Omit<Official, "quotes" | "mentions"> & {
  quotes: Slim<Quote, "sentence">[];
  mentions: Slim<Mention, "sentence">[];
};

function withoutSentence<T extends { sentence: string }>(x: T): Omit<T, "sentence"> {
  const { sentence: _, ...rest } = x;
  return rest;
}

export function knowledgeToSnapshot(
  k: Knowledge,
  issues: readonly CorpusIssue[],
  fingerprint: string,
): string {
  const articles = [...k.articles.values()];
  const position = new Map(articles.map((a, i) => [a.id, i]));
  return JSON.stringify({
    version: SNAPSHOT_VERSION,
    fingerprint,
    articles,
    passages: [...k.passages.values()].map((p) => [
      position.get(p.articleId) ?? -1,
      p.index,
      p.start,
      p.end,
      p.sentences.flatMap((s) => [s.start, s.end]),
    ]),
    figures: k.figures.map(withoutSentence),
    officials: k.officials.map((o) => ({
      ...o,
      quotes: o.quotes.map(withoutSentence),
      mentions: o.mentions.map(withoutSentence),
    })),
    issues,
    passageFrequency: [...k.passageFrequency],
    wordFrequency: [...k.wordFrequency],
    capitalisation: [...k.capitalisation],
    figureMeasureTerms: k.figureMeasureTerms,
    figureSentenceTerms: k.figureSentenceTerms,
    index: k.index.toJSON(),
  });
}

const SOURCE_ROOT = fileURLToPath(new URL(".", import.meta.url));

/**
 * A hash of the engine's own source, so a snapshot made by other code (a changed extractor) is
 * never taken for current. Part of the fingerprint a snapshot is checked against.
 */
export async function codeFingerprint(): Promise<string> {
  const hash = createHash("sha256").update(`v${SNAPSHOT_VERSION}`);
  const files = (await readdir(SOURCE_ROOT, { recursive: true }))
    .filter((f) => f.endsWith(".ts") || f.endsWith(".json"))
    .sort();
  for (const f of files) hash.update(f).update(await readFile(join(SOURCE_ROOT, f)));
  return hash.digest("hex").slice(0, 16);
}

/** Reads the fingerprint from a snapshot's first bytes without parsing the whole of it. */
export function snapshotFingerprint(snapshot: string): string | null {
  const m = /"fingerprint":"((?:[^"\\]|\\.)*)"/.exec(snapshot.slice(0, 500));
  return m ? (JSON.parse(`"${m[1]}"`) as string) : null;
}

export function knowledgeFromSnapshot(snapshot: string): {
  knowledge: Knowledge;
  issues: CorpusIssue[];
} {
  const data = SnapshotSchema.parse(JSON.parse(snapshot));
  const articles = data.articles;
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const slice = (articleId: string, start: number, end: number) => {
    const body = bodies.get(articleId);
    if (body === undefined) throw new Error(`Tijarat: snapshot cites unknown article ${articleId}`);
    return body.slice(start, end);
  };

  const passages: Passage[] = data.passages.map(([at, index, start, end, offsets]) => {
    const article = articles[at];
    if (!article) throw new Error(`Tijarat: snapshot passage of unknown article ${at}`);
    const sentences = [];
    for (let i = 0; i + 1 < offsets.length; i += 2) {
      const s = offsets[i] as number;
      const e = offsets[i + 1] as number;
      sentences.push({ start: s, end: e, text: article.body.slice(s, e) });
    }
    return {
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      start,
      end,
      text: article.body.slice(start, end),
      sentences,
    };
  });
  const withSentence = <
    T extends { articleId: string; sentenceStart: number; sentenceEnd: number },
  >(
    x: T,
  ) => ({ ...x, sentence: slice(x.articleId, x.sentenceStart, x.sentenceEnd) });

  const knowledge = assembleKnowledge({
    articles,
    passages,
    figures: data.figures.map(withSentence),
    officials: data.officials.map((o) => ({
      ...o,
      quotes: o.quotes.map(withSentence),
      mentions: o.mentions.map(withSentence),
    })),
    index: PassageIndex.fromObject(data.index),
    passageFrequency: new Map(data.passageFrequency),
    wordFrequency: new Map(data.wordFrequency),
    capitalisation: new Map(data.capitalisation),
    figureTerms: { measure: data.figureMeasureTerms, sentence: data.figureSentenceTerms },
  });
  return { knowledge, issues: data.issues };
}
