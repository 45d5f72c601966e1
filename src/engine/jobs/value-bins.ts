/**
 * Bins of <ltv-forecast>'s "predicted value per customer" histogram. Runs in
 * the job (the metrics engine), so the element only draws what it gets.
 *
 * Predicted values are strongly right-skewed: one customer worth ten times
 * the rest would stretch equal-width bins from $0 to that customer and crowd
 * every other bar into the first few. So, as plotting libraries do for a
 * robust range, the regular bins end at a high quantile (the 99th percentile)
 * rounded up to a round bin edge, and everyone at or above that edge shares
 * one overflow bin ("$X or more"). When the range to the maximum needs at most
 * two more bins there is no overflow: the bins simply reach the maximum.
 * Nobody is dropped: the counts add up to the number of customers.
 */
import { bin, bisectLeft, quantileSorted, range, tickIncrement } from 'd3-array';

export interface ValueBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge: excluded, except in the last bin (and the overflow bin, whose `to` is the maximum). */
  to: number;
  count: number;
  /** The last bin holds every value ≥ `from`, however far above. */
  overflow?: true;
}

/**
 * About `bins` round-width bins from min(0, smallest value) up, plus an
 * overflow bin when values reach far above the `quantile` of the values.
 */
export function valueBins(values: ArrayLike<number>, bins: number, quantile = 0.99): ValueBin[] {
  // A typed array sorts numerically, NaN last (where the range check below catches it); d3 reads a plain array.
  const sorted = Array.from(Float64Array.from(values).sort());
  const n = sorted.length;
  const low = Math.min(0, sorted[0] ?? 0);
  const max = sorted[n - 1] ?? 0;
  if (!(max > low)) return [{ from: low, to: low + 1, count: n }];
  let cap = quantileSorted(sorted, quantile) ?? max;
  if (!(cap > low)) cap = max;
  // d3's tick increment for about `bins` bins up to the cap. A negative one is
  // the inverse of a step below 1 (as in d3's ticks): edges i / -inc stay exact
  // decimals (0.3, not 0.30000000000000004).
  const inc = tickIncrement(low, cap, bins);
  const edge = (i: number) => (inc > 0 ? i * inc : i / -inc);
  const edgeIndex = (v: number) => (inc > 0 ? v / inc : v * -inc);
  let first = Math.floor(edgeIndex(low));
  // Division may round a value onto the wrong side of an edge (or a tiny one to 0): the edges must enclose the values.
  if (edge(first) > low) first--;
  let last = Math.ceil(edgeIndex(cap));
  const overflow = max > edge(last + 2);
  if (!overflow) last = Math.max(last, Math.ceil(edgeIndex(max)));
  if (!overflow && edge(last) < max) last++;
  // Values so close to 0 that the bin width underflows: one bin holds them all.
  if (!(last - first >= 1 && last - first <= 4 * bins + 4)) return [{ from: low, to: max, count: n }];

  const edges = range(first, last + 1).map(edge);
  const top = edges[edges.length - 1];
  // Everyone at or above the top edge is the overflow bin's. d3's bin puts each
  // other value in the bin whose edges enclose it ([from, to), the last bin
  // including its upper edge), comparing with the edges themselves.
  const regular = overflow ? sorted.slice(0, bisectLeft(sorted, top)) : sorted;
  const histogram: ValueBin[] = bin()
    .domain([edges[0], top])
    .thresholds(edges.slice(1, -1))(regular)
    .map((b) => ({ from: b.x0 ?? 0, to: b.x1 ?? 0, count: b.length }));
  if (overflow) histogram.push({ from: top, to: max, count: n - regular.length, overflow: true });
  return histogram;
}
