import { findCountries } from "../../facts/language/countries";
import { contentTerms } from "../../text/terms";
import type { Knowledge } from "../knowledge";
import type { QuestionPlan } from "../question";

/**
 * The schemes, bodies and projects a question names by acronym ("under the DCTS", "the TAPI
 * pipeline", "JICA's loan"). Such a name is what the question is about: a figure from an article
 * that never names it (nor spells it out) is another scheme's figure, however well its other words
 * fit — the EU's GSP+ share is not the UK's DCTS share. In a small corpus an ordinary word of the
 * question ("enter") can be rarer than the acronym, so term weights alone do not see it.
 */

/** Upper-case words of three to six letters, with an optional plural `s` (`MoUs` is not one). */
const ACRONYM = /\b\p{Lu}{3,6}s?\b/gu;

/** The acronyms the question names that the corpus also holds somewhere; countries left out. */
export function askedAcronyms(k: Knowledge, plan: QuestionPlan): string[] {
  const text = plan.text;
  // A question typed in capitals names no acronym by its case.
  const lower = text.match(/\p{Ll}+/gu)?.join("").length ?? 0;
  if (lower < text.replace(/[^\p{L}]/gu, "").length / 2) return [];
  const found = new Set<string>();
  for (const m of text.matchAll(ACRONYM)) {
    const acronym = m[0].replace(/s$/, "");
    if (acronym.length < 3 || findCountries(acronym).length > 0) continue;
    const term = contentTerms(acronym)[0];
    if (term && (k.passageFrequency.get(term) ?? 0) > 0) found.add(acronym);
  }
  return [...found];
}

const LINKS = "(?:(?:of|and|for|the|on|in|&)[\\s-]+)*";

/** `DCTS` as itself, or spelled out by initials: `Developing Countries Trading Scheme`. */
function acronymPattern(acronym: string): RegExp {
  const spelled = [...acronym].map((letter) => `${letter}[\\p{L}'’]*`).join(`[\\s-]+${LINKS}`);
  return new RegExp(`\\b(?:${acronym}s?\\b|${spelled})`, "iu");
}

const PATTERNS = new Map<string, RegExp>();

/** Whether an article names the acronym, as itself or spelled out. */
function articleNames(k: Knowledge, articleId: string, acronym: string): boolean {
  let pattern = PATTERNS.get(acronym);
  if (!pattern) {
    pattern = acronymPattern(acronym);
    if (PATTERNS.size > 1_000) PATTERNS.clear();
    PATTERNS.set(acronym, pattern);
  }
  const article = k.articles.get(articleId);
  if (article && pattern.test(article.title)) return true;
  return (k.passagesByArticle.get(articleId) ?? []).some((p) => pattern.test(p.text));
}

/**
 * The first acronym the question names that the article neither names nor spells out, or null.
 * `asked` is `askedAcronyms(k, plan)`, read once per question.
 */
export function acronymNotNamed(
  k: Knowledge,
  asked: readonly string[],
  articleId: string,
): string | null {
  for (const acronym of asked) if (!articleNames(k, articleId, acronym)) return acronym;
  return null;
}
