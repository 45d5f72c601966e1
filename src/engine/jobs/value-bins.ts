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
import { tickIncrement } from '../../components/platform/chart-scales.ts';

export interface ValueBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge: excluded, except in the last bin (and the overflow bin, whose `to` is the maximum). */
  to: number;
  count: number;
  /** The last bin holds every value ≥ `from`, however far above. */
  overflow?: true;
}

/** Linear interpolation between order statistics (d3's quantileSorted, R's type 7). */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i) : sorted[i];
}

/**
 * About `bins` round-width bins from min(0, smallest value) up, plus an
 * overflow bin when values reach far above the `quantile` of the values.
 */
export function valueBins(values: ArrayLike<number>, bins: number, quantile = 0.99): ValueBin[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const low = Math.min(0, sorted[0] ?? 0);
  const max = sorted[n - 1] ?? 0;
  if (!(max > low)) return [{ from: low, to: low + 1, count: n }];
  let cap = quantileSorted(sorted, quantile);
  if (!(cap > low)) cap = max;
  // A negative increment is the inverse of a step below 1: edges i / -inc stay exact decimals.
  const inc = tickIncrement(low, cap, bins);
  const edge = (i: number) => (inc > 0 ? i * inc : i / -inc);
  const scaled = (v: number) => (inc > 0 ? v / inc : v * -inc);
  let first = Math.floor(scaled(low));
  // Division may round a value onto the wrong side of an edge (or a tiny one to 0): the edges must enclose the values.
  if (edge(first) > low) first--;
  let last = Math.ceil(scaled(cap));
  const overflow = max > edge(last + 2);
  if (!overflow) last = Math.max(last, Math.ceil(scaled(max)));
  if (!overflow && edge(last) < max) last++;
  const regular = last - first;
  // Values so close to 0 that the bin width underflows: one bin holds them all.
  if (!(regular >= 1 && regular <= 4 * bins + 4)) return [{ from: low, to: max, count: n }];
  const histogram: ValueBin[] = [];
  for (let i = first; i < last; i++) histogram.push({ from: edge(i), to: edge(i + 1), count: 0 });
  if (overflow) histogram.push({ from: edge(last), to: max, count: 0, overflow: true });
  for (let k = 0; k < n; k++) {
    const v = sorted[k];
    let b = Math.min(regular - 1, Math.floor(scaled(v)) - first);
    if (overflow && v >= edge(last)) b = regular;
    else {
      // Settle the value on the edges themselves (see above).
      while (b > 0 && v < histogram[b].from) b--;
      while (b < regular - 1 && v >= histogram[b].to) b++;
    }
    histogram[b].count++;
  }
  return histogram;
}
