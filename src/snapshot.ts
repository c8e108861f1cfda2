import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { useFigureTermColumns } from "./answer/candidates/figure-table";
import { assembleKnowledge, figureTablesOfColumns, type Knowledge } from "./answer/knowledge";
import { passageTermColumnsOf, usePassageTermColumns } from "./answer/passage-term-columns";
import type { PackedIndexMeta } from "./index/packed-index";
import { PassageIndex } from "./index/passage-index";
import {
  fingerprintOf,
  frameSections,
  HEAD_BYTES,
  jsonBytes,
  SnapshotError,
  SnapshotSections,
  type SnapshotSource,
  uint32Bytes,
} from "./snapshot/container";
import { attachStatements, statementsToBytes } from "./snapshot/official-statements";
import { passageMaps, passageRows } from "./snapshot/passage-table";
import { type TermColumns, termColumns, termLists } from "./snapshot/term-columns";
import { sourceUrl } from "./source-url";
import type { Article, CorpusIssue, Figure, Official } from "./types";

/**
 * The prebuilt engine on disk, framed by snapshot/container.ts. Every sentence the facts cite is a
 * span of an article body, so the snapshot keeps each body once (UTF-8) and stores passages and
 * sentences as Uint32 offsets; texts are sliced back on load. Figures and officials (without
 * their sentences) and term counts are JSON sections, the figures' term lists columns of ids over
 * one dictionary (snapshot/term-columns.ts); officials' quotes and mentions
 * are one JSON text per official, decoded when first read (snapshot/official-statements.ts); the
 * MiniSearch index is packed (index/packed-index.ts) and searched in place, never rebuilt.
 * Loading is decoding plus look-ups: no extraction, no stemming, no re-indexing.
 */

export { SnapshotError } from "./snapshot/container";

/** Bump when the layout, or anything that produces what it stores, changes. */
export const SNAPSHOT_VERSION = 8;

type Slim<T, K extends keyof T> = Omit<T, K>;
type TermGroup = TermColumns["groups"][number];

/** An official without its statements (snapshot/official-statements.ts keeps those). */
type OfficialHead = Omit<Official, "quotes" | "mentions">;

type ArticleMeta = Omit<Article, "body">;

const MetaSchema = z.object({
  articles: z.array(z.custom<ArticleMeta>((a) => typeof (a as ArticleMeta)?.id === "string")),
  issues: z.array(z.custom<CorpusIssue>()),
});

/** Only the outer shape: the section's CRC already vouches for its content, and zod over 100,000 entries took 170 ms. */
const list = <T>() => z.custom<T[]>(Array.isArray);
const TermsSchema = z.object({
  passageFrequency: list<[string, number]>(),
  wordFrequency: list<[string, number]>(),
  capitalisation: list<[string, [number, number]]>(),
});

function withoutSentence<T extends { sentence: string }>(x: T): Omit<T, "sentence"> {
  const { sentence: _, ...rest } = x;
  return rest;
}

/**
 * The knowledge as snapshot bytes, in parts to be written one after another (see the module
 * comment; `SNAPSHOT_VERSION` names the layout).
 */
export function knowledgeToSnapshot(
  k: Knowledge,
  issues: readonly CorpusIssue[],
  fingerprint: string,
): Uint8Array[] {
  const articles = [...k.articles.values()];
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const bodies = articles.map((a) => Buffer.from(a.body, "utf8"));
  const bodyEnds = new Uint32Array(articles.length);
  let end = 0;
  bodies.forEach((b, i) => {
    end += b.length;
    bodyEnds[i] = end;
  });

  // Grouped by article (as built), which the restored table relies on; a stable sort keeps the order within.
  const passages = [...k.passages.values()].sort(
    (p, q) => (position.get(p.articleId) ?? -1) - (position.get(q.articleId) ?? -1),
  );
  const { rows, spans } = passageRows(passages, position, articles);

  const index = k.index.pack();
  const statements = statementsToBytes(k.officials);
  const figureTerms = termColumns([k.figureMeasureTerms, k.figureSentenceTerms]);
  const passageTerms = passageTermColumnsOf(k);
  const [measureTerms, sentenceTerms] = figureTerms.groups as [TermGroup, TermGroup];
  const sections = new Map<string, Uint8Array>([
    ["meta", jsonBytes({ articles: articles.map(({ body: _, ...meta }) => meta), issues })],
    ["bodies", Buffer.concat(bodies)],
    ["bodyEnds", uint32Bytes(bodyEnds)],
    ["passages", uint32Bytes(rows)],
    ["sentences", uint32Bytes(spans)],
    ["figures", jsonBytes(k.figures.map(withoutSentence))],
    // Placeholders keep the keys where they were; the statements are decoded when first read.
    ["officials", jsonBytes(k.officials.map((o) => ({ ...o, quotes: 0, mentions: 0 })))],
    ["officials.statements", statements.bytes],
    ["officials.statementEnds", uint32Bytes(statements.ends)],
    [
      "terms",
      jsonBytes({
        passageFrequency: [...k.passageFrequency],
        wordFrequency: [...k.wordFrequency],
        capitalisation: [...k.capitalisation],
      }),
    ],
    ["figureTerms", jsonBytes(figureTerms.dictionary)],
    ["figureTerms.measureAt", uint32Bytes(measureTerms.at)],
    ["figureTerms.measure", uint32Bytes(measureTerms.ids)],
    ["figureTerms.sentenceAt", uint32Bytes(sentenceTerms.at)],
    ["figureTerms.sentence", uint32Bytes(sentenceTerms.ids)],
    // In the order of `articles`, which the restored columns take their article ids from.
    ["passageTerms", jsonBytes(passageTerms.dictionary)],
    ["passageTerms.articleFirst", uint32Bytes(passageTerms.articleFirst)],
    ["passageTerms.at", uint32Bytes(passageTerms.at)],
    ["passageTerms.ids", uint32Bytes(passageTerms.ids)],
    ["index", jsonBytes(index.meta)],
    ["index.shortIds", uint32Bytes(index.shortIds)],
    ["index.fieldLengths", uint32Bytes(index.fieldLengths)],
    ["index.ranges", uint32Bytes(index.ranges)],
    ["index.docs", uint32Bytes(index.docs)],
    ["index.freqs", uint32Bytes(index.freqs)],
  ]);
  return frameSections(SNAPSHOT_VERSION, fingerprint, sections);
}

const SOURCE_ROOT = fileURLToPath(sourceUrl(""));

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

/** The fingerprint a snapshot was written with, from its first bytes (16 KB will do); null if none. */
export function snapshotFingerprint(head: Uint8Array): string | null {
  return fingerprintOf(head);
}

/** How many bytes of a snapshot `snapshotFingerprint` needs. */
export const SNAPSHOT_HEAD_BYTES = HEAD_BYTES;

/**
 * Knowledge from `knowledgeToSnapshot` bytes. Throws a SnapshotError when the bytes are not a
 * whole snapshot of this version (cut short, damaged, older): the caller rebuilds.
 */
export function knowledgeFromSnapshot(snapshot: SnapshotSource): {
  knowledge: Knowledge;
  issues: CorpusIssue[];
} {
  const sections = new SnapshotSections(snapshot, SNAPSHOT_VERSION);
  const meta = parseSection(MetaSchema, sections.json("meta"), "meta");
  const bodyBytes = sections.bytes("bodies");
  const bodyText = Buffer.from(bodyBytes.buffer, bodyBytes.byteOffset, bodyBytes.length);
  const bodyEnds = sections.uint32("bodyEnds");
  if (bodyEnds.length !== meta.articles.length) throw new SnapshotError("article count differs");
  let from = 0;
  const articles: Article[] = meta.articles.map((a, i) => {
    const to = bodyEnds[i] as number;
    if (to < from || to > bodyText.length) throw new SnapshotError("article text out of range");
    const body = bodyText.toString("utf8", from, to);
    from = to;
    return { ...a, body };
  });
  const slice = sentenceSlicer(articles);

  // Copies: the table outlives this load, and a view would keep the whole file's bytes alive.
  const passages = passageMaps(
    sections.uint32("passages", true),
    sections.uint32("sentences", true),
    articles,
  );

  const withSentence = <
    T extends { articleId: string; sentenceStart: number; sentenceEnd: number },
  >(
    x: T,
  ) => {
    // In place: the parsed objects are this load's own, and a copy of each would double them.
    const withText = x as T & { sentence: string };
    withText.sentence = slice(x.articleId, x.sentenceStart, x.sentenceEnd);
    return withText;
  };
  const figures = sections.json("figures") as Slim<Figure, "sentence">[];
  const officials = sections.json("officials") as OfficialHead[];
  const terms = parseSection(TermsSchema, sections.json("terms"), "terms");
  const dictionary = sections.json("figureTerms");
  if (!Array.isArray(dictionary)) throw new SnapshotError("figure terms damaged");
  // Copies: the figure table reads the columns on the first figure question.
  const columns = {
    dictionary: dictionary as string[],
    measure: {
      at: sections.uint32("figureTerms.measureAt", true),
      ids: sections.uint32("figureTerms.measure", true),
    },
    sentence: {
      at: sections.uint32("figureTerms.sentenceAt", true),
      ids: sections.uint32("figureTerms.sentence", true),
    },
  };
  const figureTerms = {
    measure: termLists(columns.dictionary, columns.measure.at, columns.measure.ids),
    sentence: termLists(columns.dictionary, columns.sentence.at, columns.sentence.ids),
  };
  if (!Array.isArray(figures) || !Array.isArray(officials))
    throw new SnapshotError("facts damaged");

  const restoredFigures = figures.map(withSentence);
  const rows = restoredFigures.length + 1;
  if (rows !== columns.measure.at.length || rows !== columns.sentence.at.length) {
    throw new SnapshotError("figure terms do not match the figures");
  }

  const index = PassageIndex.fromPack({
    meta: sections.json("index") as PackedIndexMeta,
    // Copies too: the index's per-document tables read them on demand (packed-index.ts).
    shortIds: sections.uint32("index.shortIds", true),
    fieldLengths: sections.uint32("index.fieldLengths", true),
    ranges: sections.uint32("index.ranges", true),
    docs: sections.uint32("index.docs", true),
    freqs: sections.uint32("index.freqs", true),
  });

  const knowledge = assembleKnowledge({
    articles,
    passages: [],
    passageMaps: passages,
    figures: restoredFigures,
    officials: attachStatements(
      officials,
      // Its own memory: the statements are read long after the file's bytes are let go.
      ownBuffer(sections, "officials.statements"),
      sections.uint32("officials.statementEnds", true),
      slice,
    ),
    index,
    passageFrequency: new Map(terms.passageFrequency),
    wordFrequency: new Map(terms.wordFrequency),
    capitalisation: new Map(terms.capitalisation),
    figureTerms,
    figureTables: figureTablesOfColumns(restoredFigures, columns),
  });
  useFigureTermColumns(knowledge, columns);
  const passageDictionary = sections.json("passageTerms");
  const articleFirst = sections.uint32("passageTerms.articleFirst", true);
  const termsAt = sections.uint32("passageTerms.at", true);
  const termIds = sections.uint32("passageTerms.ids", true);
  if (
    !Array.isArray(passageDictionary) ||
    articleFirst.length !== articles.length + 1 ||
    termsAt.length !== (articleFirst[articles.length] as number) + 1 ||
    termsAt[termsAt.length - 1] !== termIds.length ||
    !ascending(articleFirst) ||
    !ascending(termsAt) ||
    !below(termIds, passageDictionary.length)
  ) {
    throw new SnapshotError("passage terms damaged");
  }
  usePassageTermColumns(knowledge, {
    dictionary: passageDictionary as string[],
    articleIds: articles.map((a) => a.id),
    articleFirst,
    at: termsAt,
    ids: termIds,
  });
  return { knowledge, issues: meta.issues };
}

/**
 * A cited sentence back from its article's body. Made outside `knowledgeFromSnapshot`, whose
 * closures share one scope holding the file's bytes: officials' statements keep this one for
 * later (snapshot/official-statements.ts), and the bytes must not stay alive with it.
 */
function sentenceSlicer(articles: readonly Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return (articleId: string, start: number, end: number): string => {
    const body = byId.get(articleId)?.body;
    if (body === undefined) throw new SnapshotError(`snapshot cites unknown article ${articleId}`);
    return body.slice(start, end);
  };
}

function parseSection<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SnapshotError(`snapshot ${name} section: ${parsed.error.message}`);
  return parsed.data;
}

/** A section as a Buffer of its own: the section itself when read on its own, else a copy. */
function ownBuffer(sections: SnapshotSections, name: string): Buffer {
  const bytes = sections.bytes(name);
  return sections.ownsSections
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    : Buffer.from(bytes);
}

/** Whether every value is below `limit`. */
function below(values: Uint32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] as number) >= limit) return false;
  return true;
}

/** Whether each value is at least the one before it. */
function ascending(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) < (values[i - 1] as number)) return false;
  }
  return true;
}
