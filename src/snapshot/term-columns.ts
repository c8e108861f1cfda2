import { Dictionary } from "../text/dictionary";
import { SnapshotError } from "./container";

/**
 * Lists of terms (each figure's measure terms, each figure's sentence terms) as columns of
 * numbers over one dictionary, for the snapshot. At 100,000 passages the figures' sentence terms
 * were 3 MB of JSON, 300,000 strings parsed one by one (and as many copies in the heap); as
 * columns they load as typed arrays, and every list shares the dictionary's strings.
 *
 * Ids are given in order of first appearance, the first group's lists before the next's: the
 * order the figure table (answer/candidates/figure-table.ts) numbers them in.
 */
export interface TermColumns {
  dictionary: string[];
  /** Per group: list i is `ids[at[i] .. at[i + 1]]`. */
  groups: { at: Uint32Array; ids: Uint32Array }[];
}

export function termColumns(groups: readonly (readonly (readonly string[])[])[]): TermColumns {
  const dictionary = new Dictionary();
  return {
    dictionary: dictionary.strings,
    groups: groups.map((lists) => {
      const at = new Uint32Array(lists.length + 1);
      const ids: number[] = [];
      lists.forEach((list, i) => {
        at[i] = ids.length;
        for (const term of list) ids.push(dictionary.numberOf(term));
      });
      at[lists.length] = ids.length;
      return { at, ids: Uint32Array.from(ids) };
    }),
  };
}

/** The lists of one group back, as strings of the dictionary. */
export function termLists(
  dictionary: readonly string[],
  at: Uint32Array,
  ids: Uint32Array,
): string[][] {
  const count = at.length - 1;
  if (count < 0 || at[count] !== ids.length) throw new SnapshotError("term columns differ");
  const lists: string[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const from = at[i] as number;
    const to = at[i + 1] as number;
    if (to < from) throw new SnapshotError("term columns out of order");
    const list: string[] = new Array(to - from);
    for (let j = from; j < to; j++) {
      const term = dictionary[ids[j] as number];
      if (term === undefined) throw new SnapshotError("term id out of range");
      list[j - from] = term;
    }
    lists[i] = list;
  }
  return lists;
}
