/** "1 article", "2 articles", "1,234 figures", "1 person", "3 people": a count with its noun. */
export const counted = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
