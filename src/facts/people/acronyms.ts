/**
 * Acronyms an article spells out ("Karachi Chamber of Commerce and Industry (KCCI)"), so that a
 * later "KCCI President Javed Bilwani" can be given the body's full name, and with it its country.
 */

import { isAllCaps, type WordToken } from "../language/word-tokens";

/** How far back from the bracket the spelled-out name may begin. */
const MAX_NAME_TOKENS = 14;

/** Words that may sit inside a spelled-out name without a letter of their own. */
const LINKS = new Set(["of", "and", "for", "&", "the", ",", "on", "in"]);

/** The capital letters a word gives an acronym: `Commerce` → C, `China-Pakistan` → CP. */
function initialsOf(t: WordToken): string {
  return t.text
    .split(/[-‐]/)
    .map((part) => part.charAt(0))
    .filter((c) => /\p{Lu}/u.test(c))
    .join("");
}

/** Adds to `into` every "Spelled-Out Name (ACRONYM)" in a sentence's tokens. */
export function collectAcronyms(
  tokens: readonly WordToken[],
  text: string,
  base: number,
  into: Map<string, string>,
): void {
  for (let i = 1; i + 2 < tokens.length; i++) {
    const open = tokens[i];
    const acronym = tokens[i + 1];
    if (open?.text !== "(" || tokens[i + 2]?.text !== ")" || !acronym || !isAllCaps(acronym))
      continue;
    if (!/^\p{Lu}{2,10}$/u.test(acronym.text) || into.has(acronym.text)) continue;
    // Read back word by word, building the initials from the front, until they spell the acronym.
    let letters = "";
    for (let k = i - 1; k >= 0 && k >= i - MAX_NAME_TOKENS; k--) {
      const t = tokens[k];
      if (!t) break;
      if (LINKS.has(t.norm)) continue;
      const initials = initialsOf(t);
      if (!initials) break;
      letters = initials + letters;
      if (letters === acronym.text) {
        const last = tokens[i - 1];
        if (last) into.set(acronym.text, text.slice(t.start - base, last.end - base));
        break;
      }
      if (!acronym.text.endsWith(letters)) break;
    }
  }
}
