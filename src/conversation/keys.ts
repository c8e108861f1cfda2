/**
 * The key a conversation's context is kept under. A Discord thread's names its server and the
 * thread (thread ids are unique, and the server makes a key forged across servers impossible to
 * meet); a console session's is made once per run. Nothing else ever shares a context.
 */
export const threadConversation = (guildId: string, threadId: string): string =>
  `discord:${guildId}:${threadId}`;

export const consoleConversation = (session: string): string => `console:${session}`;

/** The server a conversation key belongs to: a thread's server, or null for a console session. */
export function guildOfConversation(key: string): string | null {
  const thread = /^discord:([^:]+):[^:]+$/.exec(key);
  return thread?.[1] ?? null;
}
