/**
 * An article's id from its title: the corpus file is `ID.md`, so the id is a readable, portable
 * file name (lower-case ASCII letters, digits and hyphens), at most 60 characters cut at a word,
 * and unique in the folder ignoring case (macOS and Windows file names ignore it).
 */

export const MAX_ID_CHARS = 60;

export function slugOf(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’'`]/g, "")
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_ID_CHARS) break;
    slug = next;
  }
  // A title in another script (Urdu, Chinese) gives no ASCII words.
  return slug || (words[0]?.slice(0, MAX_ID_CHARS) ?? "") || "article";
}

/** `base`, or `base-2`, `base-3`, … : the first not in `taken` (compared ignoring case). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((id) => id.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!lower.has(id.toLowerCase())) return id;
  }
}

/** Whether `id` can name a corpus file: no path separators, not hidden, no `#`. */
export function isArticleId(id: string): boolean {
  return /^[^/\\#.\s][^/\\#]*$/.test(id) && !id.includes("..") && id.length <= 200;
}
