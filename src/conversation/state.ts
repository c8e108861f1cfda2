import { z } from "zod";

/**
 * What a conversation remembers between turns: the slots of the last question as answered, so a
 * follow-up that leaves one out can take it ("and exports?" keeps the partner and the period).
 * Only slots and a span of a corpus article: never the words anyone typed, never who typed them.
 */
export interface ConversationState {
  /** Partner countries (canonical names) the last turn was about. */
  partners: string[];
  /** What was measured, in the asker's words ("trade volume", "IT exports"), or the figure's. */
  measure: string | null;
  /** The period as written ("FY2022-23", "2021"): asked, or the one the answer's figures gave. */
  period: string | null;
  /** The person the last turn was about (an official's name as the engine gives it). */
  person: string | null;
  /** The kind of question (`amount`, `who`, …), lent to a follow-up whose words name none. */
  kind: string;
  /** The sentence the last answer cited first: where "who said that?" looks. */
  cited: CitedSpan | null;
}

export interface CitedSpan {
  articleId: string;
  passageId: string;
  start: number;
  end: number;
}

const CitedSpanSchema = z.object({
  articleId: z.string().min(1).max(300),
  passageId: z.string().min(1).max(320),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

/** A stored state as read back (from the insights store, or any JSON): checked, not trusted. */
export const ConversationStateSchema = z.object({
  partners: z.array(z.string().max(100)).max(10),
  measure: z.string().max(200).nullable(),
  period: z.string().max(100).nullable(),
  person: z.string().max(200).nullable(),
  kind: z.string().max(20),
  cited: CitedSpanSchema.nullable(),
});

/** The state as stored: JSON text. */
export const stateToJson = (state: ConversationState): string => JSON.stringify(state);

/** A stored state, or null when the text is not one (damaged, or from an older shape). */
export function stateFromJson(text: string): ConversationState | null {
  try {
    const parsed = ConversationStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
