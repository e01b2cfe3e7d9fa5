// Which way a click on a column header sorts. Sizes (lag, messages, bytes, counts) start largest
// first, since the largest is what one looks for; names and states start A to Z. A second click
// on the same column turns the order round.
export type SortDir = 'asc' | 'desc';

const LARGEST_FIRST = new Set(['messages', 'totalLag', 'lag', 'size', 'bytes', 'partitions', 'replicationFactor', 'underReplicated', 'members', 'topics']);

export function nextSort(current: { sort: string; dir: SortDir }, key: string): { sort: string; dir: SortDir } {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: LARGEST_FIRST.has(key) ? 'desc' : 'asc' };
}
