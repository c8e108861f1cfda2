import type { Citation, Figure, Mention, Official, Quote } from "../types";
import type {
  FigureCandidate,
  OfficialCandidate,
  QuoteCandidate,
  SentenceCandidate,
} from "./candidates/candidate";
import { isGoal } from "./candidates/figures";
import { type CitationList, citeSpan } from "./citations";
import { type Knowledge, sentenceKey } from "./knowledge";

/**
 * The reply's words for each kind of answer. Every value, name and quote is copied from the
 * sentence that is cited beside it, so a reply states nothing its citations do not hold.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line per figure: what it measures, for whom, the value as written, when, and who said so. */
export function describeFigure(f: Figure, n: number): string {
  const value =
    f.qualifier && !f.value.toLowerCase().startsWith(f.qualifier.toLowerCase())
      ? `${f.qualifier} ${f.value}`
      : f.value;
  const measure = f.measure ?? "figure";
  const what = isGoal(f) ? `Goal for ${measure}` : capitalise(measure);
  const who = f.partners.length > 0 ? ` (Pakistan–${f.partners.join(", ")})` : "";
  const by =
    f.period && new RegExp(`\\bby\\s+(?:the\\s+)?${escapeRegExp(f.period)}`, "i").test(f.sentence);
  const when = f.period ? ` ${by ? "by" : "in"} ${f.period}` : "";
  const source = f.source ? `, according to the ${f.source.replace(/^the\s+/i, "")}` : "";
  return `${what}${who}: ${value}${when}${source} [${n}].`;
}

/**
 * Other figures of the same sentence that measure the same thing in another form ("rose 9.4% to
 * $2.95 billion"): stated alongside, since the reader asked about that measure.
 */
function companions(k: Knowledge, c: FigureCandidate): string {
  const f = c.figure;
  const others = (k.figuresBySentence.get(sentenceKey(f)) ?? [])
    .filter((i) => i !== c.at)
    .map((i) => k.figures[i])
    .filter(
      (g): g is Figure =>
        g !== undefined &&
        g.kind !== f.kind &&
        g.kind !== "duration" &&
        (g.measure === null || g.measure === f.measure),
    );
  if (others.length === 0) return "";
  return ` The same sentence gives ${others.map((g) => g.value).join(", ")}.`;
}

export function figureReply(
  k: Knowledge,
  chosen: FigureCandidate[],
  citations: CitationList,
): string {
  return chosen
    .map((c) => {
      const f = c.figure;
      const n = citations.add(
        citeSpan(k, f.articleId, f.passageId, f.sentenceStart, f.sentenceEnd),
      );
      return describeFigure(f, n) + companions(k, c);
    })
    .join("\n");
}

const citeMention = (k: Knowledge, m: Mention | Quote): Citation =>
  citeSpan(k, m.articleId, m.passageId, m.sentenceStart, m.sentenceEnd);

/** The mention that carries the official's title, else their first mention. */
function titleMention(o: Official): Mention | undefined {
  return (
    o.mentions.find((m) => o.title && m.title === o.title) ??
    o.mentions.find((m) => m.title) ??
    o.mentions[0]
  );
}

/** "Name: title, organisation (country) [n]." with each part only where a cited sentence has it. */
export function describeOfficial(k: Knowledge, o: Official, citations: CitationList): string {
  const m = titleMention(o);
  if (!m) return o.name;
  const n = citations.add(citeMention(k, m));
  const parts: string[] = [];
  const inCited = (s: string) =>
    citations.items.some((c) => c.excerpt.toLowerCase().includes(s.toLowerCase()));
  if (o.title && inCited(o.title)) parts.push(o.title);
  if (o.organization && !(o.title ?? "").includes(o.organization)) {
    const holder = o.mentions.find((x) =>
      x.sentence.toLowerCase().includes((o.organization ?? "").toLowerCase()),
    );
    if (holder) {
      citations.add(citeMention(k, holder));
      parts.push(o.organization);
    }
  }
  const country = o.country && !parts.join(" ").includes(o.country) ? ` (${o.country})` : "";
  if (parts.length === 0) return `${o.name}${country} is named in: “${m.sentence}” [${n}].`;
  return `${o.name}: ${parts.join(", ")}${country} [${n}].`;
}

export function officialReply(k: Knowledge, c: OfficialCandidate, citations: CitationList): string {
  return describeOfficial(k, c.official, citations);
}

/**
 * "X said: “…” [n]". Where the quote's own sentence does not name the speaker ("…,” he added),
 * the sentence that names them in that article is cited too, so the name is grounded as well.
 */
export function quoteReply(
  k: Knowledge,
  chosen: QuoteCandidate[],
  citations: CitationList,
): string {
  return chosen
    .map((c) => {
      const n = citations.add(citeMention(k, c.quote));
      const surname = c.official.name.split(/\s+/).at(-1)?.toLowerCase() ?? "";
      const named = (m: Mention | Quote) => m.sentence.toLowerCase().includes(surname);
      let ref = `[${n}]`;
      if (!named(c.quote)) {
        const naming = c.official.mentions.find(
          (m) => m.articleId === c.quote.articleId && named(m),
        );
        if (naming) ref = `[${citations.add(citeMention(k, naming))}][${n}]`;
      }
      return `${c.official.name} said: “${c.quote.text}” ${ref}`;
    })
    .join("\n");
}

export function sentenceReply(k: Knowledge, c: SentenceCandidate, citations: CitationList): string {
  const n = citations.add(citeSpan(k, c.passage.articleId, c.passage.id, c.start, c.end));
  const article = k.articles.get(c.passage.articleId);
  const text = article ? article.body.slice(c.start, c.end) : c.sentence.text;
  return `${text} [${n}]`;
}
