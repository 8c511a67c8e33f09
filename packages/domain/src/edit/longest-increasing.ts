/**
 * Marks one longest strictly increasing subsequence of `values` (patience sorting,
 * n log n): the rows that can stay where they are while the others move around them.
 */
export function longestIncreasing(values: readonly number[]): boolean[] {
  // tails[k]: the position of the smallest last value of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  });
  const marked: boolean[] = new Array(values.length).fill(false);
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i] as number) marked[i] = true;
  return marked;
}
