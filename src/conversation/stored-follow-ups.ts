/**
 * Follow-up context kept in the store every process shares (`src/insights/conversations.ts`), so a
 * thread's next question reads against its last answer on whichever process or replica gets it,
 * and after a restart. The store knows each record's server, so erasing a server's records erases
 * its threads' context too.
 */
import { z } from "zod";
import type { ConversationContexts } from "../insights/conversations";
import type { FollowUpContextStore, StoredFollowUp } from "./conversations";
import { guildOfConversation } from "./keys";

const storedFollowUp = z.object({ context: z.string(), expiresAt: z.number() });

export function followUpsKeptIn(
  contexts: ConversationContexts,
  now: () => number = Date.now,
): FollowUpContextStore {
  return {
    async loadFollowUp(key: string, at: number): Promise<StoredFollowUp | null> {
      const stored = await contexts.recall(key, guildOfConversation(key), storedFollowUp);
      return stored && stored.expiresAt > at ? stored : null;
    },
    async saveFollowUp(key: string, context: string, expiresAt: number): Promise<void> {
      contexts.remember(key, guildOfConversation(key), { context, expiresAt }, expiresAt - now());
    },
  };
}
