/**
 * Binary search over items kept in text order (references, acts of speech, quotations, sentences),
 * so that looking up what stands before or after an offset costs log n, never a scan of a
 * sentence or an article per look-up.
 */

/**
 * The index of the first item for which `after` holds, or -1; `after` must be false for a prefix
 * of the items and true for the rest (as "starts after offset X" is for items in text order).
 */
export function firstIndexWhere<T>(items: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item !== undefined && after(item)) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/**
 * The index of the last item for which `before` holds, or -1; `before` must be true for a prefix
 * of the items and false for the rest.
 */
export function lastIndexWhere<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item !== undefined && before(item)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
