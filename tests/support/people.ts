import { splitPassages } from "../../src/corpus/passages";
import { type ArticleText, extractOfficials } from "../../src/facts/people/officials";
import type { Official } from "../../src/types";

/** An article of the given body, split into passages as the engine splits it. */
export function articleText(body: string, id = "a"): ArticleText {
  const article = {
    id,
    title: "Test article",
    publisher: null,
    url: null,
    published: null,
    body,
    file: `corpus/${id}.md`,
  };
  return { article, passages: splitPassages(article) };
}

/** Each person's name with the texts of the quotes given to them (people with none left out). */
export function quotesOf(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of extractOfficials([articleText(body)])) {
    if (o.quotes.length > 0) out[o.name] = o.quotes.map((q) => q.text);
  }
  return out;
}

/** The one person of that name the body names. */
export function personNamed(body: string, name: string): Official {
  const found = extractOfficials([articleText(body)]).find((o) => o.name === name);
  if (!found) throw new Error(`no ${name} in the article`);
  return found;
}
