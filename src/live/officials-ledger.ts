import {
  type ArticlePerson,
  type ArticleText,
  type Cluster,
  foldSpellings,
  joinClusters,
  officialOf,
  peopleOfArticle,
  personCluster,
  withAssociates,
} from "../facts/people/officials";
import type { Official } from "../types";

/**
 * The officials of a corpus, kept so that one article can come or go without reading every
 * article again. `mergeOfficials` folds people across articles, so an article's officials cannot
 * simply be appended: a new "Jam Kamal Khan" may join an existing entry, or make a shorter
 * "Jam Kamal" fold into it. The ledger keeps what is costly and per article (each article's
 * people, `peopleOfArticle`) and the first merge step per name key (people with one key are one
 * person), then on each change:
 *
 * 1. reads only the changed article's people, and re-joins only the name keys they carry;
 * 2. folds spellings again over one entry per key (cheap: keys, not mentions);
 * 3. rebuilds only the officials whose keys changed, reusing the others as they were.
 *
 * The result is what `mergeOfficials` gives over the whole new corpus in file-name order (the
 * order `loadCorpus` reads), checked by tests/live/officials-ledger.test.ts.
 */

/** The people of one name key, in corpus order, and their joined entry (never mutated). */
interface KeyGroup {
  people: readonly ArticlePerson[];
  joined: Cluster;
}

/** A person's place in the corpus: their article (in file-name order), then their place in it. */
const placeInArticle = new WeakMap<ArticlePerson, number>();
/** Each person's own entry, kept: working out their offices is the costly part of a join. */
const ownEntry = new WeakMap<ArticlePerson, Cluster>();

const fileOf = (articleId: string) => `${articleId}.md`;

function compareFiles(a: string, b: string): number {
  const fa = fileOf(a);
  const fb = fileOf(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function compareRank(a: ArticlePerson, b: ArticlePerson): number {
  return (
    compareFiles(a.articleId, b.articleId) ||
    (placeInArticle.get(a) ?? 0) - (placeInArticle.get(b) ?? 0)
  );
}

function entryOf(person: ArticlePerson): Cluster {
  let entry = ownEntry.get(person);
  if (!entry) {
    entry = personCluster(person);
    ownEntry.set(person, entry);
  }
  return entry;
}

/** A fresh entry holding `from`'s people, offices and countries, safe for `joinClusters` to grow. */
function copyOf(from: Cluster): Cluster {
  return {
    people: [...from.people],
    offices: new Map(from.offices),
    countries: new Set(from.countries),
    parts: from.parts,
  };
}

function groupOf(people: readonly ArticlePerson[]): KeyGroup | null {
  const [first, ...rest] = people;
  if (!first) return null;
  const joined = copyOf(entryOf(first));
  for (const person of rest) joinClusters(joined, entryOf(person));
  return { people, joined };
}

/** The people of one article, in the order the merge takes them, with their places recorded. */
function readArticle(doc: ArticleText): ArticlePerson[] {
  const people = peopleOfArticle(doc).sort((a, b) => a.firstOffset - b.firstOffset);
  people.forEach((person, i) => {
    placeInArticle.set(person, i);
  });
  return people;
}

export class OfficialsLedger {
  private constructor(
    private readonly byArticle: ReadonlyMap<string, readonly ArticlePerson[]>,
    private readonly byKey: ReadonlyMap<string, KeyGroup>,
    /** Officials by the name keys folded into them, for reuse when none of those keys changed. */
    private readonly byKeys: ReadonlyMap<string, Official>,
    /** One entry per person, as `mergeOfficials` orders them. */
    readonly officials: readonly Official[],
  ) {}

  /** Reads every article's people: as costly as extracting the officials afresh. */
  static fromArticles(docs: readonly ArticleText[]): OfficialsLedger {
    const byArticle = new Map<string, ArticlePerson[]>();
    for (const doc of docs) byArticle.set(doc.article.id, readArticle(doc));
    return OfficialsLedger.grouped(byArticle);
  }

  /** As `fromArticles`, handing the event loop a turn every few milliseconds. */
  static async fromArticlesInTurns(
    docs: readonly ArticleText[],
    turnMs = 10,
  ): Promise<OfficialsLedger> {
    const byArticle = new Map<string, ArticlePerson[]>();
    let since = performance.now();
    for (const doc of docs) {
      byArticle.set(doc.article.id, readArticle(doc));
      if (performance.now() - since >= turnMs) {
        await new Promise((resolve) => setImmediate(resolve));
        since = performance.now();
      }
    }
    return OfficialsLedger.grouped(byArticle);
  }

  private static grouped(byArticle: Map<string, ArticlePerson[]>): OfficialsLedger {
    const byKey = new Map<string, ArticlePerson[]>();
    for (const people of byArticle.values()) {
      for (const person of people) {
        const list = byKey.get(person.key);
        if (list) list.push(person);
        else byKey.set(person.key, [person]);
      }
    }
    const groups = new Map<string, KeyGroup>();
    for (const [key, people] of byKey) {
      const group = groupOf(people.sort(compareRank));
      if (group) groups.set(key, group);
    }
    return OfficialsLedger.folded(byArticle, groups, new Map(), new Set(byKey.keys()));
  }

  get articleIds(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  /** The ledger with `doc` in it (in place of an article with its id, if there was one). */
  withArticle(doc: ArticleText): OfficialsLedger {
    const id = doc.article.id;
    const before = this.byArticle.get(id) ?? [];
    const after = readArticle(doc);
    const byArticle = new Map(this.byArticle);
    byArticle.set(id, after);
    return this.changed(byArticle, id, before, after);
  }

  /** The ledger without article `id`; itself when the article is not in it. */
  withoutArticle(id: string): OfficialsLedger {
    const before = this.byArticle.get(id);
    if (!before) return this;
    const byArticle = new Map(this.byArticle);
    byArticle.delete(id);
    return this.changed(byArticle, id, before, []);
  }

  private changed(
    byArticle: Map<string, readonly ArticlePerson[]>,
    articleId: string,
    removed: readonly ArticlePerson[],
    added: readonly ArticlePerson[],
  ): OfficialsLedger {
    const touched = new Set([...removed, ...added].map((p) => p.key));
    const groups = new Map(this.byKey);
    for (const key of touched) {
      const kept = (groups.get(key)?.people ?? []).filter((p) => p.articleId !== articleId);
      const people = [...kept, ...added.filter((p) => p.key === key)].sort(compareRank);
      const group = groupOf(people);
      if (group) groups.set(key, group);
      else groups.delete(key);
    }
    return OfficialsLedger.folded(byArticle, groups, this.byKeys, touched);
  }

  /** Folds spellings over one entry per key and builds the officials, reusing untouched ones. */
  private static folded(
    byArticle: ReadonlyMap<string, readonly ArticlePerson[]>,
    groups: ReadonlyMap<string, KeyGroup>,
    previous: ReadonlyMap<string, Official>,
    touched: ReadonlySet<string>,
  ): OfficialsLedger {
    // mergeOfficials keeps keys in the order their first person appears in the corpus.
    const ordered = [...groups.values()].sort((a, b) =>
      compareRank(a.people[0] as ArticlePerson, b.people[0] as ArticlePerson),
    );
    const byKeys = new Map<string, Official>();
    const clusters = foldSpellings(ordered.map((g) => copyOf(g.joined)));
    const officials = clusters.map((cluster) => {
      const keys = keysOf(cluster.people);
      const signature = keys.join("\n");
      const reusable = keys.every((key) => !touched.has(key)) ? previous.get(signature) : undefined;
      const official = reusable ?? officialOf([...cluster.people].sort(compareRank));
      byKeys.set(signature, official);
      return official;
    });
    // Who is named beside whom may change with any article: linked afresh, on copies.
    return new OfficialsLedger(byArticle, groups, byKeys, withAssociates(clusters, officials));
  }
}

/** The name keys of a folded entry, in order: each key's people sit together in it. */
function keysOf(people: readonly ArticlePerson[]): string[] {
  const keys: string[] = [];
  let last: string | null = null;
  for (const person of people) {
    if (person.key !== last) {
      keys.push(person.key);
      last = person.key;
    }
  }
  return keys;
}
