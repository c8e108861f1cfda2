/**
 * Interactions are answered one at a time, one per event-loop turn, so a burst cannot starve the
 * gateway's heartbeat or the REST replies already under way. Under a burst the last in line would
 * wait past Discord's 3 s deadline for its callback; an item expected to wait longer than
 * `acknowledgeAfterMs` — by the line ahead of it times the time an item has been taking, or by how
 * long it has already waited — is handed to `acknowledge` first, which tells Discord "thinking…"
 * at once, and the answer is edited in when its turn comes.
 */
export interface TakeInTurnOptions<T> {
  acknowledge?: (item: T) => void;
  acknowledgeAfterMs?: number;
  now?: () => number;
}

export function takeInTurn<T>(
  handle: (item: T) => void,
  options: TakeInTurnOptions<T> = {},
): (item: T) => void {
  const { acknowledge, acknowledgeAfterMs = 1_000, now = () => performance.now() } = options;
  const queue: { item: T; at: number; acknowledged: boolean }[] = [];
  // The synchronous part of handling (the engine's work), averaged over recent items.
  let averageMs: number | null = null;
  let scheduled = false;
  const early = (entry: (typeof queue)[number]) => {
    if (!acknowledge || entry.acknowledged) return;
    entry.acknowledged = true;
    acknowledge(entry.item);
  };
  const pump = () => {
    const entry = queue.shift();
    if (entry !== undefined) {
      if (now() - entry.at >= acknowledgeAfterMs) early(entry);
      const started = now();
      handle(entry.item);
      const took = now() - started;
      averageMs = averageMs === null ? took : averageMs * 0.8 + took * 0.2;
    }
    scheduled = queue.length > 0;
    if (scheduled) setImmediate(pump);
  };
  return (item) => {
    const entry = { item, at: now(), acknowledged: false };
    if (queue.length * (averageMs ?? 0) >= acknowledgeAfterMs) early(entry);
    queue.push(entry);
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  };
}
