import type { Mention, Official, Quote } from "../types";
import { SnapshotError } from "./container";

/**
 * Officials' quotes and mentions in the snapshot, one JSON text per official, decoded when that
 * official's are first read. At 100,000 passages 112 officials hold 83,000 of them: 19 MB of JSON
 * whose parse, and the sentences sliced for it, were a fifth of a load, while a question reads
 * one official's (who is X, what did X say) or, for a quote by topic, all of them once.
 */

type Said<T> = Omit<T, "sentence">;
/** What the snapshot keeps of one official's statements: the sentences are sliced back on load. */
type Statements = [Said<Quote>[], Said<Mention>[]];

/** Every official's statements as JSON texts one after another, and where each ends. */
export function statementsToBytes(officials: readonly Official[]): {
  bytes: Uint8Array;
  ends: Uint32Array;
} {
  const parts = officials.map((o) =>
    Buffer.from(
      JSON.stringify([o.quotes.map(withoutSentence), o.mentions.map(withoutSentence)]),
      "utf8",
    ),
  );
  const ends = new Uint32Array(parts.length);
  let end = 0;
  parts.forEach((p, i) => {
    end += p.length;
    ends[i] = end;
  });
  return { bytes: Buffer.concat(parts), ends };
}

function withoutSentence<T extends { sentence: string }>(x: T): Omit<T, "sentence"> {
  const { sentence: _, ...rest } = x;
  return rest;
}

/**
 * Gives each official (written without `quotes` and `mentions`, or with placeholders where they
 * stood, which keeps the keys' order) `quotes` and `mentions` that decode its statements on
 * first read, then stay as ordinary properties. `bytes` must be the officials' own copy, not a
 * view of the snapshot file; `sentence(articleId, start, end)` gives back a cited sentence.
 */
export function attachStatements(
  officials: Omit<Official, "quotes" | "mentions">[],
  bytes: Buffer,
  ends: Uint32Array,
  sentence: (articleId: string, start: number, end: number) => string,
): Official[] {
  if (ends.length !== officials.length) throw new SnapshotError("officials' statements differ");
  return officials.map((head, i) => {
    const official = head as Official;
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    const to = ends[i] as number;
    if (to < from || to > bytes.length) throw new SnapshotError("statements out of range");
    const settle = (quotes: Quote[], mentions: Mention[]) => {
      const plain = { enumerable: true, writable: true, configurable: true };
      Object.defineProperty(official, "quotes", { ...plain, value: quotes });
      Object.defineProperty(official, "mentions", { ...plain, value: mentions });
    };
    const decode = () => {
      let said: Statements;
      try {
        said = JSON.parse(bytes.toString("utf8", from, to)) as Statements;
      } catch {
        throw new SnapshotError(`snapshot statements of ${official.name} are not JSON`);
      }
      const [quotes, mentions] = said.map((list) =>
        list.map((x) => {
          // In place: the parsed objects are this decode's own.
          const withText = x as typeof x & { sentence: string };
          withText.sentence = sentence(x.articleId, x.sentenceStart, x.sentenceEnd);
          return withText;
        }),
      ) as [Quote[], Mention[]];
      settle(quotes, mentions);
    };
    for (const key of ["quotes", "mentions"] as const) {
      Object.defineProperty(official, key, {
        enumerable: true,
        configurable: true,
        get() {
          decode();
          return official[key];
        },
        set(value: Quote[] & Mention[]) {
          decode();
          Object.defineProperty(official, key, {
            enumerable: true,
            writable: true,
            configurable: true,
            value,
          });
        },
      });
    }
    return official;
  });
}
