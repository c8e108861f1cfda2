import type { Citation, Figure, Official } from "../types";

/** What one answering strategy found: an answer, or what the corpus lacks for it. */
export type Outcome =
  | {
      kind: "answer";
      text: string;
      figures: Figure[];
      officials: Official[];
      citations: Citation[];
    }
  | { kind: "none"; missing: string[] };
