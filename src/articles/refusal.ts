/**
 * Why an article was not added. Every refusal is one line a person can act on, and nothing in
 * the corpus has changed when one is raised.
 */
export type RefusalKind =
  /** The same URL or the same text is already in the corpus. */
  | "duplicate"
  /** The page or file holds no article: a listing, a login wall, too little text. */
  | "no-article"
  /** Not HTML, plain text or Markdown. */
  | "type"
  /** Over the size limit. */
  | "too-large"
  /** No complete answer in time. */
  | "timeout"
  /** The host name does not resolve. */
  | "unknown-host"
  /** Not http(s). */
  | "scheme"
  /** Loopback, private, link-local, CGNAT, multicast, unspecified or otherwise not public. */
  | "address"
  /** The server answered with an error, or could not be reached. */
  | "unreachable"
  /** More redirects than allowed. */
  | "redirects"
  /** The input itself is unusable: an unreadable file, bad front matter, a bad date. */
  | "invalid";

export class ArticleRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** For a duplicate, the id of the article already there. */
    readonly existingId: string | null = null,
  ) {
    super(message.replace(/\s*[\r\n]+\s*/g, " ").trim());
    this.name = "ArticleRefusal";
  }
}

export const refuse = (kind: RefusalKind, message: string): never => {
  throw new ArticleRefusal(kind, message);
};
