import type { Article, Passage } from "../types";
import { SnapshotError } from "./container";
import { LazyMap } from "./lazy-map";

/**
 * The snapshot's passages: per passage, a row of `PASSAGE_FIELDS` Uint32s (article position,
 * index, start, end, sentence count), and each sentence as a [start, end] pair of `spans`. Texts
 * are slices of the article bodies. Restored as the Maps the answerer reads (`passages`,
 * `passagesByArticle`), with each passage made when first asked for (see lazy-map.ts).
 */

export const PASSAGE_FIELDS = 5;

export interface PassageMaps {
  passages: Map<string, Passage>;
  passagesByArticle: Map<string, Passage[]>;
}

/** The table's rows and spans for `passages`, whose articles are at `position` in the snapshot. */
export function passageRows(
  passages: readonly Passage[],
  position: ReadonlyMap<string, number>,
  articles: readonly Article[],
): { rows: Uint32Array; spans: Uint32Array } {
  const rows = new Uint32Array(passages.length * PASSAGE_FIELDS);
  const spans: number[] = [];
  passages.forEach((p, i) => {
    const at = position.get(p.articleId);
    const body = articles[at ?? -1]?.body;
    // Restoring slices texts from bodies and makes ids from article and index: refuse what would not round-trip.
    if (at === undefined || body === undefined || p.id !== `${p.articleId}#${p.index}`) {
      throw new Error(`Tijarat: passage ${p.id} cannot be stored as offsets`);
    }
    if (body.slice(p.start, p.end) !== p.text) {
      throw new Error(`Tijarat: passage ${p.id} is not its article's text`);
    }
    rows.set([at, p.index, p.start, p.end, p.sentences.length], i * PASSAGE_FIELDS);
    for (const s of p.sentences) {
      if (body.slice(s.start, s.end) !== s.text) {
        throw new Error(`Tijarat: a sentence of ${p.id} is not its article's text`);
      }
      spans.push(s.start, s.end);
    }
  });
  return { rows, spans: Uint32Array.from(spans) };
}

/**
 * The passages of `rows` and `spans` over `articles`. Every row is checked here (article, offsets
 * within its body), so a passage made later cannot fail.
 */
export function passageMaps(
  rows: Uint32Array,
  spans: Uint32Array,
  articles: readonly Article[],
): PassageMaps {
  if (rows.length % PASSAGE_FIELDS !== 0 || spans.length % 2 !== 0) {
    throw new SnapshotError("passage table damaged");
  }
  const count = rows.length / PASSAGE_FIELDS;
  /** Where each passage's sentences start in `spans`, in pairs; one past the end last. */
  const firstSentence = new Uint32Array(count + 1);
  /** The rows of article a are firstRow[a] up to firstRow[a + 1]: rows come grouped by article. */
  const firstRow = new Uint32Array(articles.length + 1);
  let sentences = 0;
  let lastArticle = 0;
  for (let r = 0; r < count; r++) {
    const at = rows[r * PASSAGE_FIELDS] as number;
    const article = articles[at];
    const end = rows[r * PASSAGE_FIELDS + 3] as number;
    const start = rows[r * PASSAGE_FIELDS + 2] as number;
    if (!article || at < lastArticle || start > end || end > article.body.length) {
      throw new SnapshotError("passage out of range or out of order");
    }
    for (let a = lastArticle + 1; a <= at; a++) firstRow[a] = r;
    lastArticle = at;
    firstSentence[r] = sentences;
    sentences += rows[r * PASSAGE_FIELDS + 4] as number;
    if (sentences * 2 > spans.length) throw new SnapshotError("sentence table cut short");
    for (let s = firstSentence[r] as number; s < sentences; s++) {
      if ((spans[2 * s] as number) > (spans[2 * s + 1] as number)) {
        throw new SnapshotError("sentence out of range");
      }
      if ((spans[2 * s + 1] as number) > article.body.length) {
        throw new SnapshotError("sentence out of range");
      }
    }
  }
  for (let a = count === 0 ? 0 : lastArticle + 1; a <= articles.length; a++) firstRow[a] = count;
  firstSentence[count] = sentences;

  const position = new Map(articles.map((a, i) => [a.id, i]));
  const make = (r: number): Passage => {
    const article = articles[rows[r * PASSAGE_FIELDS] as number] as Article;
    const index = rows[r * PASSAGE_FIELDS + 1] as number;
    const start = rows[r * PASSAGE_FIELDS + 2] as number;
    const end = rows[r * PASSAGE_FIELDS + 3] as number;
    const sentences = [];
    for (let s = firstSentence[r] as number; s < (firstSentence[r + 1] as number); s++) {
      const from = spans[2 * s] as number;
      const to = spans[2 * s + 1] as number;
      sentences.push({ text: article.body.slice(from, to), start: from, end: to });
    }
    return {
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      text: article.body.slice(start, end),
      start,
      end,
      sentences,
    };
  };
  const rowOf = (id: string): number | undefined => {
    const hash = id.lastIndexOf("#");
    const at = position.get(id.slice(0, hash));
    const index = Number(id.slice(hash + 1));
    if (hash === -1 || at === undefined || `${id.slice(0, hash)}#${index}` !== id) return undefined;
    const from = firstRow[at] as number;
    const to = firstRow[at + 1] as number;
    // Passage i of an article is its row i, unless rows were ever left out; then look.
    const guess = from + index;
    if (guess < to && rows[guess * PASSAGE_FIELDS + 1] === index) return guess;
    for (let r = from; r < to; r++) if (rows[r * PASSAGE_FIELDS + 1] === index) return r;
    return undefined;
  };

  const passages = new LazyMap<Passage>(
    (id) => {
      const r = rowOf(id);
      return r === undefined ? undefined : make(r);
    },
    function* () {
      for (let r = 0; r < count; r++) {
        const article = articles[rows[r * PASSAGE_FIELDS] as number] as Article;
        yield `${article.id}#${rows[r * PASSAGE_FIELDS + 1]}`;
      }
    },
    count,
  );
  const withPassages = articles.filter(
    (_, a) => (firstRow[a + 1] as number) > (firstRow[a] as number),
  );
  const passagesByArticle = new LazyMap<Passage[]>(
    (articleId) => {
      const at = position.get(articleId);
      if (at === undefined || firstRow[at] === firstRow[at + 1]) return undefined;
      const list: Passage[] = [];
      for (let r = firstRow[at] as number; r < (firstRow[at + 1] as number); r++) {
        const article = articles[at] as Article;
        const passage = passages.get(`${article.id}#${rows[r * PASSAGE_FIELDS + 1]}`);
        if (passage) list.push(passage);
      }
      return list;
    },
    () => withPassages.map((a) => a.id),
    withPassages.length,
  );
  return { passages, passagesByArticle };
}
