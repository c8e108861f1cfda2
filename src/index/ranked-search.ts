import type MiniSearch from "minisearch";
import type { PackedPostings } from "./packed-index";

/**
 * MiniSearch's own ranking (BM25 over the fields, AND or OR, `score × matched terms`, a stable sort
 * by score), computed so that a query costs what its answer costs rather than what its commonest
 * word costs. `MiniSearch.search` scores every posting of every query term, allocating a result
 * object per posting: a question with "trade" in it (in six passages of ten) scores 60,000
 * passages to keep 12. Here:
 *
 * - Each term's passages are kept in an impact list, best score first (made once per term while
 *   the index is unchanged, for the longer lists).
 * - AND and OR read the query terms' lists best first (the threshold algorithm), score each new
 *   passage in full by looking the other terms up, and stop when no passage not yet read can
 *   reach the `limit`-th best score found: the sum of the lists' next scores (times the number of
 *   terms) falls below it, or, for AND, one list is read to its end.
 *
 * The result is the same list, in the same order, as `search(terms, { combineWith })` sliced to
 * `limit`: the same floating-point sums in the same order, and ties ordered as MiniSearch's result
 * map orders them (`tests/index/ranked-search.test.ts` holds it to that on random corpora). It reads
 * MiniSearch's internal tables (minisearch 7.x), so it refuses, and the caller falls back to
 * `search`, when they are not as expected or when the index holds discarded documents not yet
 * cleaned out (whose postings MiniSearch cleans as a side effect of searching).
 */

/** The parts of MiniSearch 7's internals read here. */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, string>;
  _dirtCount: number;
  _nextId: number;
  _options: {
    fields: string[];
    tokenize: (text: string, field?: string) => string[];
    processTerm: (term: string, field?: string) => string | string[] | null | undefined | false;
    searchOptions: {
      boost?: Record<string, number>;
      bm25?: { k: number; b: number; d: number };
      boostDocument?: unknown;
      boostTerm?: unknown;
      filter?: unknown;
      fuzzy?: unknown;
      prefix?: unknown;
      fields?: string[];
      weights?: unknown;
    };
  };
}

export interface RankedHit {
  id: string;
  score: number;
}

/** One field's postings of a term, with what its BM25 needs. */
interface FieldPostings {
  boost: number;
  fieldId: number;
  postings: Map<number, number>;
  matching: number;
  avgLength: number;
  /** `calcBM25Score`'s inverse document frequency, the same for every document of the field. */
  idf: number;
}

/** A query term as MiniSearch scores it: its postings in field order (title, then text). */
interface QueryTerm {
  term: string;
  fields: FieldPostings[];
  size: number;
}

/**
 * MiniSearch 7's weighted BM25 of one field (`calcBM25Score` times the field's boost, in
 * `termResults`), operation for operation, so that sums match to the last bit.
 */
function fieldScore(
  f: FieldPostings,
  termFreq: number,
  fieldLength: number,
  bm25: { k: number; b: number; d: number },
): number {
  const { k, b, d } = bm25;
  const raw =
    f.idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / f.avgLength)));
  return 1 * 1 * f.boost * 1 * raw;
}

/** Relative slack on the bound for passages left out: float sums taken in another order. */
const BOUND_SLACK = 1e-9;

export class RankedSearch {
  /** Long terms' impact lists, valid while the index is unchanged (see `changed`). */
  private readonly impacts = new Map<string, ImpactList>();
  private impactEntries = 0;

  /**
   * `fieldLengths`: what `lengths` would make, when the caller has it already (a packed index
   * reads it off its arrays, leaving MiniSearch's per-document map unmade).
   */
  constructor(
    private readonly search: MiniSearch<unknown>,
    private fieldLengths: Float64Array[] | null = null,
  ) {}

  /** Per document, where `impact` put it, marked with the build it belongs to. */
  private slots: { stamp: Int32Array; at: Int32Array } | null = null;
  private stamp = 0;

  private scratch(): { stamp: Int32Array; at: Int32Array } {
    const size = this.internals._nextId;
    if (!this.slots || this.slots.stamp.length < size) {
      this.slots = { stamp: new Int32Array(size), at: new Int32Array(size) };
      this.stamp = 0;
    }
    return this.slots;
  }

  private seen: Int32Array | null = null;
  private seenStamp = 0;

  /** Per document, the stamp of the last search that read it (its own array: `impact` uses `slots`). */
  private seenScratch(): Int32Array {
    const size = this.internals._nextId;
    if (!this.seen || this.seen.length < size || this.seenStamp >= 0x7fffffff) {
      this.seen = new Int32Array(size);
      this.seenStamp = 0;
    }
    return this.seen;
  }

  /** Forgets what depends on the index's contents: call after every add or removal. */
  changed(): void {
    this.fieldLengths = null;
    this.impacts.clear();
    this.impactEntries = 0;
  }

  private get internals(): Internals {
    return this.search as unknown as Internals;
  }

  /**
   * Whether the fast path computes exactly what `search` would: the internals look as expected,
   * the search options are the plain ones this module implements, and nothing is left discarded.
   */
  usable(): boolean {
    const m = this.internals;
    const o = m._options?.searchOptions;
    return (
      m._dirtCount === 0 &&
      typeof m._index?.get === "function" &&
      m._fieldLength instanceof Map &&
      Number.isInteger(m._nextId) &&
      m._documentIds instanceof Map &&
      Array.isArray(m._avgFieldLength) &&
      o !== undefined &&
      o.bm25 !== undefined &&
      !o.boostDocument &&
      !o.boostTerm &&
      !o.filter &&
      !o.fuzzy &&
      !o.prefix &&
      !o.fields
    );
  }

  /** The query string's terms, tokenised and processed as `search` does. */
  private terms(query: string): QueryTerm[] {
    const m = this.internals;
    const { tokenize, processTerm, fields, searchOptions } = m._options;
    const processed = tokenize(query)
      .flatMap((t) => processTerm(t))
      .filter((t): t is string => !!t);
    return processed.map((term) => {
      const data = m._index.get(term);
      const list: FieldPostings[] = [];
      for (const field of fields) {
        const fieldId = m._fieldIds[field] as number;
        const postings = data?.get(fieldId);
        if (!postings) continue;
        list.push({
          // As MiniSearch: `getOwnProperty(boost, field) || 1`.
          boost:
            (Object.hasOwn(searchOptions.boost ?? {}, field) && searchOptions.boost?.[field]) || 1,
          fieldId,
          postings,
          matching: postings.size,
          avgLength: m._avgFieldLength[fieldId] as number,
          idf: Math.log(1 + (m._documentCount - postings.size + 0.5) / (postings.size + 0.5)),
        });
      }
      return { term, fields: list, size: list.reduce((n, f) => n + f.postings.size, 0) };
    });
  }

  /** A term's score for one document, summed over fields as `termResults` does; undefined if absent. */
  private termScore(t: QueryTerm, doc: number): number | undefined {
    const bm25 = this.bm25;
    const lengths = this.lengths();
    let score: number | undefined;
    for (const f of t.fields) {
      const tf = f.postings.get(doc);
      if (tf === undefined) continue;
      const weighted = fieldScore(f, tf, (lengths[f.fieldId] as Float64Array)[doc] as number, bm25);
      score = score === undefined ? weighted : score + weighted;
    }
    return score;
  }

  private get bm25(): { k: number; b: number; d: number } {
    return this.internals._options.searchOptions.bm25 as { k: number; b: number; d: number };
  }

  /**
   * Every document's field lengths as one typed array per field (MiniSearch keeps an array per
   * document in a map): read for each posting scored, made again after any change.
   */
  private lengths(): Float64Array[] {
    if (this.fieldLengths) return this.fieldLengths;
    const m = this.internals;
    const size = m._nextId;
    const fields = Object.values(m._fieldIds);
    const lengths = fields.map(() => new Float64Array(size));
    for (const [doc, perField] of m._fieldLength) {
      for (const f of fields) (lengths[f] as Float64Array)[doc] = perField[f] as number;
    }
    this.fieldLengths = lengths;
    return lengths;
  }

  /**
   * A term's documents with its score in each, best first: read from the head down, a list says
   * how much any document not yet read can still score. Kept per term while the index is
   * unchanged when it is long (the commonest words recur in question after question), made
   * afresh when short.
   */
  private impact(t: QueryTerm): ImpactList {
    const kept = this.impacts.get(t.term);
    if (kept) return kept;
    // The term's result map, as `termResults` builds it: the first field's documents in order,
    // then the next field's, its score added to a document already there.
    const capacity = t.fields.reduce((n, f) => n + f.postings.size, 0);
    const docs = new Int32Array(capacity);
    const scores = new Float64Array(capacity);
    let count = 0;
    const bm25 = this.bm25;
    const lengths = this.lengths();
    const slot = this.scratch();
    const stamp = ++this.stamp;
    const add = (doc: number, weighted: number) => {
      if (slot.stamp[doc] === stamp) {
        const at = slot.at[doc] as number;
        scores[at] = (scores[at] as number) + weighted;
      } else {
        slot.stamp[doc] = stamp;
        slot.at[doc] = count;
        docs[count] = doc;
        scores[count] = weighted;
        count++;
      }
    };
    for (const f of t.fields) {
      const fieldLengths = lengths[f.fieldId] as Float64Array;
      // Packed postings are read straight from their arrays: a term may be in most documents.
      const packed = (f.postings as { packedPostings?: () => PackedPostings }).packedPostings?.();
      if (packed) {
        const { docs: ds, freqs, from, to } = packed;
        for (let j = from; j < to; j++) {
          const doc = ds[j] as number;
          add(doc, fieldScore(f, freqs[j] as number, fieldLengths[doc] as number, bm25));
        }
      } else {
        f.postings.forEach((tf, doc) => {
          add(doc, fieldScore(f, tf, fieldLengths[doc] as number, bm25));
        });
      }
    }
    // Best first by a counting sort over the few distinct scores (term frequency and length
    // take few values); among equal scores the result map's order is kept, in `ranks`. Each
    // score's bucket is found once (numbered as first met, then ranked best first).
    const bucketOf = new Map<number, number>();
    const bucket = new Int32Array(count);
    const distinct: number[] = [];
    for (let i = 0; i < count; i++) {
      const score = scores[i] as number;
      let b = bucketOf.get(score);
      if (b === undefined) {
        b = distinct.length;
        distinct.push(score);
        bucketOf.set(score, b);
      }
      bucket[i] = b;
    }
    const order = Float64Array.from(distinct).sort().reverse();
    const rankOf = new Int32Array(distinct.length);
    for (let r = 0; r < order.length; r++) rankOf[bucketOf.get(order[r] as number) as number] = r;
    const starts = new Int32Array(distinct.length + 1);
    for (let i = 0; i < count; i++) {
      const r = rankOf[bucket[i] as number] as number;
      starts[r + 1] = (starts[r + 1] as number) + 1;
    }
    for (let r = 1; r <= distinct.length; r++) {
      starts[r] = (starts[r] as number) + (starts[r - 1] as number);
    }
    const list: ImpactList = {
      docs: new Int32Array(count),
      scores: new Float64Array(count),
      ranks: new Int32Array(count),
    };
    for (let i = 0; i < count; i++) {
      const r = rankOf[bucket[i] as number] as number;
      const at = starts[r] as number;
      starts[r] = at + 1;
      list.docs[at] = docs[i] as number;
      list.scores[at] = scores[i] as number;
      list.ranks[at] = i;
    }
    if (list.docs.length >= KEPT_IMPACT_LENGTH) {
      this.impactEntries += list.docs.length;
      if (this.impactEntries > MAX_IMPACT_ENTRIES) {
        this.impacts.clear();
        this.impactEntries = list.docs.length;
      }
      this.impacts.set(t.term, list);
    }
    return list;
  }

  /**
   * The first `limit` of `scored` by score, ties in MiniSearch's order: `order(docs)` gives the
   * position of each tied document in the combined result map.
   */
  private top(
    scored: Map<number, number>,
    limit: number,
    order: (docs: Set<number>) => Map<number, number[]>,
  ): RankedHit[] {
    const m = this.internals;
    if (scored.size === 0 || limit <= 0) return [];
    // The documents that are shown, with those tied with the last shown: all scoring at least the
    // `limit`-th best score (a numeric sort of the scores alone finds it cheaply).
    const scores = Float64Array.from(scored.values()).sort();
    const last = scores[Math.max(0, scores.length - limit)] as number;
    const shown: [number, number][] = [];
    for (const entry of scored) if (entry[1] >= last) shown.push(entry);
    shown.sort((a, b) => b[1] - a[1]);
    const tied = new Set<number>();
    for (let i = 1; i < shown.length; i++) {
      const [a, sa] = shown[i - 1] as [number, number];
      const [b, sb] = shown[i] as [number, number];
      if (sa === sb) {
        tied.add(a);
        tied.add(b);
      }
    }
    if (tied.size > 0) {
      const position = order(tied);
      const key = (doc: number) => position.get(doc) ?? [];
      shown.sort((x, y) => {
        if (x[1] !== y[1]) return y[1] - x[1];
        const kx = key(x[0]);
        const ky = key(y[0]);
        for (let i = 0; i < Math.max(kx.length, ky.length); i++) {
          const d = (kx[i] ?? 0) - (ky[i] ?? 0);
          if (d !== 0) return d;
        }
        return 0;
      });
    }
    return shown.slice(0, limit).map(([doc, score]) => ({
      id: String(m._documentIds.get(doc)),
      score,
    }));
  }

  /**
   * Positions of `docs` in one term's result map, where they are in it: found in the term's
   * impact list among the entries of the same score (a binary search, then a short scan).
   */
  private positions(t: QueryTerm, docs: Set<number>): Map<number, number> {
    const found = new Map<number, number>();
    if (t.size === 0) return found;
    const list = this.impact(t);
    for (const doc of docs) {
      const score = this.termScore(t, doc);
      if (score === undefined) continue;
      // The first entry scoring no more than `score` (scores run from high to low).
      let lo = 0;
      let hi = list.scores.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list.scores[mid] as number) > score) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.scores.length && list.scores[i] === score; i++) {
        if (list.docs[i] === doc) {
          found.set(doc, list.ranks[i] as number);
          break;
        }
      }
    }
    return found;
  }

  /** `search(query, { combineWith: "AND" }).slice(0, limit)`, as ids and scores. */
  and(query: string, limit: number): RankedHit[] {
    const terms = this.terms(query);
    if (terms.length === 0 || terms.some((t) => t.size === 0)) return [];
    const quality = new Set(terms.map((t) => t.term)).size;
    // Every match is in every term's list: read them all best first, scoring each new document in
    // full, until the heads' sum cannot reach the `limit`-th best or one list is read to its end
    // (no document left unread holds that term).
    const scored = this.threshold(
      terms,
      limit,
      (doc) => {
        let total = 0;
        for (let i = 0; i < terms.length; i++) {
          const s = this.termScore(terms[i] as QueryTerm, doc);
          if (s === undefined) return undefined;
          total = i === 0 ? s : total + s;
        }
        return total * quality;
      },
      (heads) => {
        let sum = 0;
        for (const h of heads) {
          if (h === 0) return Number.NEGATIVE_INFINITY;
          sum += h;
        }
        return sum * quality;
      },
    );
    // AND keeps the order of the last term's result map.
    const last = terms[terms.length - 1] as QueryTerm;
    return this.top(scored, limit, (docs) => {
      const at = this.positions(last, docs);
      return new Map([...at].map(([doc, p]) => [doc, [p]]));
    });
  }

  /** `search(query, { combineWith: "OR" }).slice(0, limit)`, as ids and scores. */
  or(query: string, limit: number): RankedHit[] {
    const terms = this.terms(query).filter((t) => t.size > 0);
    if (terms.length === 0) return [];
    // Unread documents score at most the sum of the lists' heads, times how many terms they can
    // still hold (a term whose list is read to the end holds no unread document).
    const scored = this.threshold(
      terms,
      limit,
      (doc) => this.orScore(terms, doc),
      (heads) => {
        let sum = 0;
        const open = new Set<string>();
        heads.forEach((h, i) => {
          if (h > 0) {
            sum += h;
            open.add((terms[i] as QueryTerm).term);
          }
        });
        return sum * open.size;
      },
    );
    // OR's result map: the first term's documents in its order, then each later term's new ones.
    return this.top(scored, limit, (docs) => {
      const at = new Map<number, number[]>();
      for (let i = 0; i < terms.length && at.size < docs.size; i++) {
        const left = new Set([...docs].filter((d) => !at.has(d)));
        for (const [doc, p] of this.positions(terms[i] as QueryTerm, left)) at.set(doc, [i, p]);
      }
      return at;
    });
  }

  /**
   * The threshold algorithm (Fagin): reads the terms' impact lists best first, always the list
   * with the highest head, scores each new document in full (`score`, undefined for no match), and
   * stops when `bound(heads)` — the most any unread document could score, −∞ when none can
   * match — is below the `limit`-th best score found. Every document scoring at least that is then read, ties with it
   * included: the top `limit` of what it returns is the top `limit` of the whole index.
   */
  private threshold(
    terms: readonly QueryTerm[],
    limit: number,
    score: (doc: number) => number | undefined,
    bound: (heads: readonly number[]) => number,
  ): Map<number, number> {
    const lists = terms.map((t) => this.impact(t));
    const at = lists.map(() => 0);
    const heads = lists.map((l) => l.scores[0] ?? 0);
    const scored = new Map<number, number>();
    // Documents read so far, marked with this search's stamp (a Set of thousands cost more).
    const seen = this.seenScratch();
    const mark = ++this.seenStamp;
    const best = new MinHeap(limit);
    for (;;) {
      let next = -1;
      for (let i = 0; i < lists.length; i++) {
        if (
          (at[i] as number) < (lists[i] as ImpactList).docs.length &&
          (next < 0 || (heads[i] as number) > (heads[next] as number))
        )
          next = i;
      }
      if (next < 0) break;
      const list = lists[next] as ImpactList;
      const doc = list.docs[at[next] as number] as number;
      const i = (at[next] as number) + 1;
      at[next] = i;
      heads[next] = i < list.docs.length ? (list.scores[i] as number) : 0;
      if (seen[doc] !== mark) {
        seen[doc] = mark;
        const s = score(doc);
        if (s !== undefined) {
          scored.set(doc, s);
          best.push(s);
        }
      }
      const most = bound(heads);
      if (most === Number.NEGATIVE_INFINITY) break;
      if (best.full && best.min > most * (1 + BOUND_SLACK)) break;
    }
    return scored;
  }

  /** A document's OR score: matched terms summed in query order, times how many distinct. */
  private orScore(terms: QueryTerm[], doc: number): number {
    let total: number | undefined;
    const matched = new Set<string>();
    for (const t of terms) {
      const s = this.termScore(t, doc);
      if (s === undefined) continue;
      total = total === undefined ? s : total + s;
      matched.add(t.term);
    }
    return (total ?? 0) * (matched.size || 1);
  }
}

/** A term's documents and its score in each, best first. */
interface ImpactList {
  docs: Int32Array;
  scores: Float64Array;
  /** Each document's position in the term's result map, for ordering ties as MiniSearch does. */
  ranks: Int32Array;
}

/** Impact lists at least this long are kept between searches; shorter ones cost little to make. */
const KEPT_IMPACT_LENGTH = 2000;
/** At most this many entries kept in all (16 bytes each): about 48 MB. */
const MAX_IMPACT_ENTRIES = 3_000_000;

/** The `size` largest numbers pushed so far, the smallest of them on top. */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly size: number) {}

  get full(): boolean {
    return this.items.length >= this.size;
  }

  get min(): number {
    return this.items[0] ?? Number.NEGATIVE_INFINITY;
  }

  push(x: number): void {
    const h = this.items;
    if (h.length < this.size) {
      h.push(x);
      for (let i = h.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if ((h[parent] as number) <= (h[i] as number)) break;
        [h[parent], h[i]] = [h[i] as number, h[parent] as number];
        i = parent;
      }
      return;
    }
    if (x <= (h[0] as number)) return;
    h[0] = x;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < h.length && (h[l] as number) < (h[least] as number)) least = l;
      if (r < h.length && (h[r] as number) < (h[least] as number)) least = r;
      if (least === i) break;
      [h[least], h[i]] = [h[i] as number, h[least] as number];
      i = least;
    }
  }
}
