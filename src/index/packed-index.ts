import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { LazyMap } from "../snapshot/lazy-map";
import { OverlayPostings } from "./overlay-postings";

/**
 * MiniSearch's index as flat arrays, for the snapshot, and MiniSearch over those arrays again
 * without rebuilding its maps.
 *
 * MiniSearch keeps, per term, field id → (short document id → term frequency) as nested Maps:
 * at 100,000 passages 3.9 million Map entries, 170 MB of heap, and `loadJS` spent 1.4 s (plus
 * as much in garbage collection) making them. Packed, the same postings are two typed arrays
 * (about 20 MB), and a search reads the few terms it asks for straight from them: `get` hands
 * MiniSearch a read-only view of a term's postings. A term MiniSearch changes (an article added
 * or discarded while the bot runs) gets postings that keep its changes beside the packed ones
 * (overlay-postings.ts), and anything that walks the whole index (a vacuum, a prefix or fuzzy
 * search) unpacks all of it once.
 *
 * This reaches into MiniSearch's private fields (minisearch 7.2: `_index`, `_documentIds`, …):
 * `minisearchState` checks they are there, and tests/index/packed-index.test.ts holds searches,
 * additions and removals on a packed index to those of a built one, so an upgrade that changes
 * them fails loudly rather than answering differently.
 */

/** Field id → (short document id → term frequency), as MiniSearch keeps a term's postings. */
type FieldPostings = Map<number, Map<number, number>>;

/** The private state of a MiniSearch instance (minisearch 7.2) that a pack covers. */
interface MiniSearchState {
  _index: TermMap;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _storedFields: Map<number, unknown>;
}

/** What MiniSearch calls on its term index (a SearchableMap, or the packed terms below). */
interface TermMap {
  get(term: string): FieldPostings | undefined;
  has(term: string): boolean;
  fetch(term: string, initial: () => FieldPostings): FieldPostings;
  set(term: string, postings: FieldPostings): unknown;
  delete(term: string): void;
  readonly size: number;
  [Symbol.iterator](): Iterator<[string, FieldPostings]>;
}

function minisearchState(search: MiniSearch<never> | MiniSearch<unknown>): MiniSearchState {
  const state = search as unknown as Partial<MiniSearchState>;
  const expected: (keyof MiniSearchState)[] = [
    "_index",
    "_documentIds",
    "_idToShortId",
    "_fieldIds",
    "_fieldLength",
    "_avgFieldLength",
  ];
  for (const key of expected) {
    if (state[key] == null) {
      throw new Error(`Tijarat: MiniSearch has no ${key}; the packed index needs minisearch 7.2`);
    }
  }
  return state as MiniSearchState;
}

/** The scalars and strings of a packed index: JSON in the snapshot. */
export interface PackedIndexMeta {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** Document ids, aligned with `PackedIndex.shortIds`. */
  documentIds: string[];
  /** Terms, aligned with the rows of `PackedIndex.ranges`. */
  terms: string[];
  /** Whether every term's documents are in ascending order (they are, unless MiniSearch changes). */
  ascending: boolean;
}

export interface PackedIndex {
  meta: PackedIndexMeta;
  /** The short id of each of `meta.documentIds`. */
  shortIds: Uint32Array;
  /** Per entry of MiniSearch's field lengths: short id, then the length of each field. */
  fieldLengths: Uint32Array;
  /**
   * Postings of term t in field f are `docs`/`freqs` from `ranges[t * F + f]` to
   * `ranges[t * F + f + 1]` (F fields); an empty range: the term is not in that field.
   */
  ranges: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
}

const fieldCount = (fieldIds: Record<string, number>) => Object.keys(fieldIds).length;

/** The index of `search` as flat arrays (its maps are read, not changed). */
export function packIndex(search: MiniSearch<never> | MiniSearch<unknown>): PackedIndex {
  const state = minisearchState(search);
  if (state._storedFields.size > 0) throw new Error("Tijarat: a packed index stores no fields");
  const fields = fieldCount(state._fieldIds);
  const documentIds: string[] = [];
  const shortIds: number[] = [];
  for (const [shortId, id] of state._documentIds) {
    shortIds.push(shortId);
    documentIds.push(id);
  }
  const fieldLengths: number[] = [];
  for (const [shortId, lengths] of state._fieldLength) {
    fieldLengths.push(shortId);
    for (let f = 0; f < fields; f++) fieldLengths.push(lengths[f] ?? 0);
  }

  const terms: string[] = [];
  const ranges: number[] = [0];
  const docs = new GrowingArray();
  const freqs = new GrowingArray();
  let ascending = true;
  const addTerm = (term: string, postings: ReadonlyMap<number, ReadonlyMap<number, number>>) => {
    terms.push(term);
    for (let f = 0; f < fields; f++) {
      let last = -1;
      for (const [doc, freq] of postings.get(f) ?? []) {
        if (doc <= last) ascending = false;
        last = doc;
        docs.push(doc);
        freqs.push(freq);
      }
      ranges.push(docs.length);
    }
  };
  const index = state._index;
  if (index instanceof PackedTerms) index.forEachTerm(addTerm);
  else for (const [term, postings] of index) addTerm(term, postings);

  return {
    meta: {
      documentCount: state._documentCount,
      nextId: state._nextId,
      fieldIds: state._fieldIds,
      averageFieldLength: state._avgFieldLength,
      dirtCount: state._dirtCount,
      documentIds,
      terms,
      ascending,
    },
    shortIds: Uint32Array.from(shortIds),
    fieldLengths: Uint32Array.from(fieldLengths),
    ranges: Uint32Array.from(ranges),
    docs: docs.toArray(),
    freqs: freqs.toArray(),
  };
}

/** A Uint32 list that grows by doubling: millions of postings without a JS array of numbers. */
class GrowingArray {
  #data = new Uint32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = new Uint32Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }

  toArray(): Uint32Array {
    return this.#data.slice(0, this.length);
  }
}

/**
 * Puts a packed index into `search`, a MiniSearch made with the options of the one packed and
 * holding nothing yet. Checks the arrays agree with each other, so a damaged pack is refused here
 * rather than found by a search. Every array of the pack is read after this returns (the
 * per-document tables are made on demand): give it arrays of their own, not views of a file.
 */
export function unpackInto<T>(search: MiniSearch<T>, pack: PackedIndex): MiniSearch<T> {
  const state = minisearchState(search as MiniSearch<unknown>);
  const { meta } = pack;
  const fields = fieldCount(meta.fieldIds);
  const postings = pack.docs.length;
  const consistent =
    fields > 0 &&
    pack.shortIds.length === meta.documentIds.length &&
    pack.fieldLengths.length % (fields + 1) === 0 &&
    pack.ranges.length === meta.terms.length * fields + 1 &&
    pack.freqs.length === postings &&
    pack.ranges[0] === 0 &&
    pack.ranges[pack.ranges.length - 1] === postings &&
    pack.ranges.every((r, i) => i === 0 || r >= (pack.ranges[i - 1] as number));
  if (!consistent) throw new Error("Tijarat: the packed index does not hold together");

  state._documentCount = meta.documentCount;
  state._nextId = meta.nextId;
  state._fieldIds = meta.fieldIds;
  state._avgFieldLength = meta.averageFieldLength;
  state._dirtCount = meta.dirtCount;
  // The per-document tables are made an entry at a time as searches read them (building all
  // 300,000 entries took a third of a 100,000-passage load); a change or a walk over one makes
  // it whole first (see LazyMap), so MiniSearch sees ordinary Maps in the order it built them.
  const { documentIds } = meta;
  const shortIds = pack.shortIds;
  const documentAt = positions(shortIds, 1);
  state._documentIds = new LazyMap<string, number>(
    (shortId) => documentIds[at(documentAt, shortId)],
    () => shortIds,
    shortIds.length,
  );
  // Read only when a document is added, removed or looked up by id (live edits): then made whole.
  let shortIdOf: Map<string, number> | null = null;
  state._idToShortId = new LazyMap<number, string>(
    (id) => {
      shortIdOf ??= new Map(documentIds.map((d, i) => [d, shortIds[i] as number]));
      return shortIdOf.get(id);
    },
    () => documentIds,
    documentIds.length,
  );
  const lengths = pack.fieldLengths;
  const lengthAt = positions(lengths, fields + 1);
  state._fieldLength = new LazyMap<number[], number>(
    (shortId) => {
      const row = at(lengthAt, shortId);
      if (row === -1) return undefined;
      const from = row * (fields + 1) + 1;
      const perField: number[] = [];
      for (let f = 0; f < fields; f++) perField.push(lengths[from + f] as number);
      return perField;
    },
    function* () {
      for (let i = 0; i < lengths.length; i += fields + 1) yield lengths[i] as number;
    },
    lengths.length / (fields + 1),
  );
  state._index = new PackedTerms(pack, fields);
  return search;
}

/**
 * Where each short id stands among `keys` (every `stride`-th entry of it, from the first): -1
 * for none. An Int32Array over the short ids, in place of a Map of them.
 */
function positions(keys: Uint32Array, stride: number): Int32Array {
  let top = -1;
  for (let i = 0; i < keys.length; i += stride) top = Math.max(top, keys[i] as number);
  const table = new Int32Array(top + 1).fill(-1);
  for (let i = 0; i < keys.length; i += stride) table[keys[i] as number] = i / stride;
  return table;
}

const at = (table: Int32Array, shortId: number): number =>
  Number.isInteger(shortId) && shortId >= 0 && shortId < table.length
    ? (table[shortId] as number)
    : -1;

/**
 * Makes MiniSearch's per-document tables whole (see `unpackInto`), as the first document added
 * or removed would: for whoever prepares changes ahead of time.
 */
export function makeDocumentTablesWhole(search: MiniSearch<unknown>): void {
  const state = minisearchState(search);
  for (const table of [state._documentIds, state._idToShortId, state._fieldLength]) {
    if (table instanceof LazyMap) table.makeWhole();
  }
}

/**
 * Every document's field lengths as one typed array per field id, read straight from a pack: what
 * RankedSearch reads for each posting it scores, without making MiniSearch's per-document map.
 */
export function packedFieldLengths(pack: PackedIndex): Float64Array[] {
  const fields = fieldCount(pack.meta.fieldIds);
  const lengths = Object.values(pack.meta.fieldIds).map(() => new Float64Array(pack.meta.nextId));
  const rows = pack.fieldLengths;
  for (let i = 0; i < rows.length; i += fields + 1) {
    const doc = rows[i] as number;
    for (const f of Object.values(pack.meta.fieldIds)) {
      (lengths[f] as Float64Array)[doc] = rows[i + 1 + f] as number;
    }
  }
  return lengths;
}

/** A term's postings in one field as packed: documents `docs[from..to]`, their counts in `freqs`. */
export interface PackedPostings {
  docs: Uint32Array;
  freqs: Uint32Array;
  from: number;
  to: number;
}

/**
 * A term's postings in one field, read from the packed arrays: the read-only part of the Map
 * interface MiniSearch uses when it scores. `get` right after `keys()` yielded that document (how
 * MiniSearch reads it) is one comparison.
 */
class PostingView implements ReadonlyMap<number, number> {
  #at: number;

  constructor(
    private readonly docs: Uint32Array,
    private readonly freqs: Uint32Array,
    private readonly from: number,
    private readonly to: number,
    private readonly ascending: boolean,
  ) {
    this.#at = from;
  }

  get size(): number {
    return this.to - this.from;
  }

  /** The packed arrays and this term's range in them, for a reader that goes through them all. */
  packedPostings(): PackedPostings {
    return { docs: this.docs, freqs: this.freqs, from: this.from, to: this.to };
  }

  #find(doc: number): number {
    if (this.docs[this.#at] === doc) return this.#at;
    if (this.ascending) {
      let lo = this.from;
      let hi = this.to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.docs[mid] as number) < doc) lo = mid + 1;
        else hi = mid;
      }
      return lo < this.to && this.docs[lo] === doc ? lo : -1;
    }
    for (let i = this.from; i < this.to; i++) if (this.docs[i] === doc) return i;
    return -1;
  }

  get(doc: number): number | undefined {
    const i = this.#find(doc);
    return i === -1 ? undefined : this.freqs[i];
  }

  has(doc: number): boolean {
    return this.#find(doc) !== -1;
  }

  *keys(): MapIterator<number> {
    for (let i = this.from; i < this.to; i++) {
      this.#at = i;
      yield this.docs[i] as number;
    }
  }

  *values(): MapIterator<number> {
    for (let i = this.from; i < this.to; i++) yield this.freqs[i] as number;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = this.from; i < this.to; i++) {
      this.#at = i;
      yield [this.docs[i] as number, this.freqs[i] as number];
    }
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (freq: number, doc: number, map: ReadonlyMap<number, number>) => void): void {
    for (let i = this.from; i < this.to; i++)
      fn(this.freqs[i] as number, this.docs[i] as number, this);
  }

  /** MiniSearch changes a term only after `fetch`, which overlays it; a change here is a bug. */
  set(): never {
    throw new Error("Tijarat: packed postings are read-only; fetch the term to change it");
  }

  delete(): never {
    return this.set();
  }

  clear(): never {
    return this.set();
  }
}

/**
 * MiniSearch's term index over a pack: terms found through a Map of term → row, postings read in
 * place. Terms MiniSearch changes live in `#changed` (overlaid or new Maps); whole-index operations
 * move everything into an ordinary SearchableMap once and use it from then on.
 */
class PackedTerms implements TermMap {
  /** Only the postings: the pack's other arrays may be views of a whole snapshot file's bytes. */
  readonly #pack: Pick<PackedIndex, "ranges" | "docs" | "freqs">;
  readonly #ascending: boolean;
  readonly #fields: number;
  #rows: Map<string, number>;
  #changed = new Map<string, FieldPostings>();
  /** Packed terms since deleted (never also in `#changed`). */
  #gone = new Set<string>();
  #whole: SearchableMap<FieldPostings> | null = null;

  constructor(pack: PackedIndex, fields: number) {
    this.#pack = { ranges: pack.ranges, docs: pack.docs, freqs: pack.freqs };
    this.#ascending = pack.meta.ascending;
    this.#fields = fields;
    this.#rows = new Map(pack.meta.terms.map((term, row) => [term, row]));
  }

  #postings(row: number, field: number): [number, number] {
    const at = row * this.#fields + field;
    return [this.#pack.ranges[at] as number, this.#pack.ranges[at + 1] as number];
  }

  #view(row: number): FieldPostings {
    const fields = new Map<number, Map<number, number>>();
    for (let f = 0; f < this.#fields; f++) {
      const [from, to] = this.#postings(row, f);
      if (from === to) continue;
      const { docs, freqs } = this.#pack;
      // Read-only to MiniSearch's scoring, which is all a view is given to (see PostingView).
      fields.set(
        f,
        new PostingView(docs, freqs, from, to, this.#ascending) as unknown as Map<number, number>,
      );
    }
    return fields;
  }

  /** A term's postings for MiniSearch to change: each field's packed ones with the changes beside. */
  #overlay(row: number): FieldPostings {
    const fields: FieldPostings = new Map();
    for (const [field, view] of this.#view(row)) fields.set(field, new OverlayPostings(view));
    return fields;
  }

  #unpack(row: number): FieldPostings {
    const fields: FieldPostings = new Map();
    for (let f = 0; f < this.#fields; f++) {
      const [from, to] = this.#postings(row, f);
      if (from === to) continue;
      const docs = new Map<number, number>();
      for (let i = from; i < to; i++) {
        docs.set(this.#pack.docs[i] as number, this.#pack.freqs[i] as number);
      }
      fields.set(f, docs);
    }
    return fields;
  }

  #row(term: string): number | undefined {
    return this.#gone.has(term) ? undefined : this.#rows.get(term);
  }

  get(term: string): FieldPostings | undefined {
    if (this.#whole) return this.#whole.get(term);
    const changed = this.#changed.get(term);
    if (changed) return changed;
    const row = this.#row(term);
    return row === undefined ? undefined : this.#view(row);
  }

  has(term: string): boolean {
    if (this.#whole) return this.#whole.has(term);
    return this.#changed.has(term) || this.#row(term) !== undefined;
  }

  fetch(term: string, initial: () => FieldPostings): FieldPostings {
    if (this.#whole) return this.#whole.fetch(term, initial);
    let postings = this.#changed.get(term);
    if (!postings) {
      const row = this.#row(term);
      postings = row === undefined ? initial() : this.#overlay(row);
      this.#changed.set(term, postings);
      this.#gone.delete(term);
    }
    return postings;
  }

  set(term: string, postings: FieldPostings): this {
    if (this.#whole) this.#whole.set(term, postings);
    else {
      this.#changed.set(term, postings);
      this.#gone.delete(term);
    }
    return this;
  }

  delete(term: string): void {
    if (this.#whole) {
      this.#whole.delete(term);
      return;
    }
    this.#changed.delete(term);
    if (this.#rows.has(term)) this.#gone.add(term);
  }

  get size(): number {
    if (this.#whole) return this.#whole.size;
    let added = 0;
    for (const term of this.#changed.keys()) if (!this.#rows.has(term)) added++;
    return this.#rows.size - this.#gone.size + added;
  }

  /** Every term with its postings, packed ones as views, in the pack's order then new ones. */
  forEachTerm(fn: (term: string, postings: FieldPostings) => void): void {
    if (this.#whole) {
      for (const [term, postings] of this.#whole) fn(term, postings);
      return;
    }
    for (const [term, row] of this.#rows) {
      if (this.#gone.has(term)) continue;
      fn(term, this.#changed.get(term) ?? this.#view(row));
    }
    for (const [term, postings] of this.#changed) if (!this.#rows.has(term)) fn(term, postings);
  }

  /** The index as an ordinary SearchableMap, unpacking every term once. */
  whole(): SearchableMap<FieldPostings> {
    if (!this.#whole) {
      const whole = new SearchableMap<FieldPostings>();
      for (const [term, row] of this.#rows) {
        if (this.#gone.has(term)) continue;
        whole.set(term, this.#changed.get(term) ?? this.#unpack(row));
      }
      for (const [term, postings] of this.#changed) {
        if (!this.#rows.has(term)) whole.set(term, postings);
      }
      this.#whole = whole;
      this.#rows = new Map();
      this.#changed = new Map();
      this.#gone = new Set();
    }
    return this.#whole;
  }

  [Symbol.iterator]() {
    return this.whole()[Symbol.iterator]();
  }

  entries() {
    return this.whole().entries();
  }

  keys() {
    return this.whole().keys();
  }

  values() {
    return this.whole().values();
  }

  forEach(fn: (term: string, postings: FieldPostings) => void): void {
    this.whole().forEach(fn);
  }

  atPrefix(prefix: string) {
    return this.whole().atPrefix(prefix);
  }

  fuzzyGet(term: string, maxEditDistance: number) {
    return this.whole().fuzzyGet(term, maxEditDistance);
  }

  update(term: string, fn: (value: FieldPostings | undefined) => FieldPostings) {
    return this.whole().update(term, fn);
  }

  clear(): void {
    this.whole().clear();
  }
}
