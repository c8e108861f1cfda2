/**
 * `make` remembered per key, for work asked again and again on the same text (a sentence's
 * countries, a word's terms, a period label parsed). Forgets everything once it holds more than
 * `limit` keys, so a flood of new texts cannot grow it for ever.
 */
export function boundedMemo<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      if (cache.size > limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
