/**
 * A small derivative-free minimiser for the model fits: Nelder–Mead with
 * restarts, run from several starting points.
 *
 * The likelihoods here have four or fewer parameters and cost a millisecond or
 * less to evaluate, so a simplex method is fast enough and needs no gradients
 * (which, for the BG/NBD likelihood, would mean digamma functions of every
 * parameter). A simplex can collapse before it reaches the minimum, so each run
 * restarts from its best point with a fresh simplex until a restart no longer
 * improves the value; several starting points guard against local minima and
 * flat regions.
 */

export interface MinimizeOptions {
  /** Stop when the simplex's values differ by at most this (absolute, plus relative to |value|); default 1e-10. */
  valueTolerance?: number;
  /** …and its vertices lie within this distance of the best one in every coordinate; default 1e-8. */
  pointTolerance?: number;
  /** Function evaluations allowed per starting point, restarts included; default 20,000. */
  maxEvaluations?: number;
  /** Edge of the first simplex around a starting point, per coordinate; default 0.5. */
  initialStep?: number;
}

export interface Minimum {
  /** The best point found. */
  point: number[];
  /** The objective there. */
  value: number;
  /** Whether the run that found it met both tolerances before its evaluation budget ran out. */
  converged: boolean;
  /** Evaluations over all runs. */
  evaluations: number;
  /** Index of the starting point whose run found the best value. */
  start: number;
}

interface Run {
  point: number[];
  value: number;
  converged: boolean;
  evaluations: number;
}

// Standard coefficients: reflection, expansion, contraction, shrink.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;
const MAX_RESTARTS = 20;

/**
 * Minimises `objective` from each start and keeps the best result. Non-finite
 * objective values count as +∞, so an objective may return NaN where its
 * parameters make no sense and the simplex simply moves away.
 */
export function minimize(objective: (point: number[]) => number, starts: number[][], options: MinimizeOptions = {}): Minimum {
  const safe = (point: number[]) => {
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best: Minimum | undefined;
  let evaluations = 0;
  starts.forEach((start, index) => {
    const run = restartedNelderMead(safe, start, options);
    evaluations += run.evaluations;
    if (!best || run.value < best.value) best = { ...run, evaluations: 0, start: index };
  });
  if (!best) return { point: [], value: Number.NaN, converged: false, evaluations: 0, start: -1 };
  return { ...best, evaluations };
}

function restartedNelderMead(objective: (point: number[]) => number, start: number[], options: MinimizeOptions): Run {
  const budget = options.maxEvaluations ?? 20_000;
  const step = options.initialStep ?? 0.5;
  let run = nelderMead(objective, start, step, budget, options);
  let evaluations = run.evaluations;
  for (let restart = 0; restart < MAX_RESTARTS && evaluations < budget; restart++) {
    // A smaller fresh simplex around the best point: if the first run stopped
    // short (a collapsed simplex), this one walks on; if not, it confirms.
    const next = nelderMead(objective, run.point, step / 10, budget - evaluations, options);
    evaluations += next.evaluations;
    const improvement = run.value - next.value;
    if (next.value <= run.value) run = next;
    if (next.converged && improvement <= tolerance(options.valueTolerance, run.value)) {
      return { ...run, converged: true, evaluations };
    }
  }
  return { ...run, converged: false, evaluations };
}

function tolerance(valueTolerance: number | undefined, value: number): number {
  const tol = valueTolerance ?? 1e-10;
  return tol * (1 + Math.abs(value));
}

/** One Nelder–Mead run: a simplex of n + 1 points around `start`. */
function nelderMead(objective: (point: number[]) => number, start: number[], step: number, budget: number, options: MinimizeOptions): Run {
  const n = start.length;
  const pointTolerance = options.pointTolerance ?? 1e-8;
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] += step;
    simplex.push(vertex);
  }
  const values = simplex.map(objective);
  let evaluations = n + 1;
  const centroid = new Array<number>(n);
  const along = (from: number[], towards: number[], factor: number) => from.map((x, i) => x + factor * (towards[i] - x));

  while (evaluations < budget) {
    // Order the vertices best first (n is tiny: an index sort is fine).
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sortedPoints = order.map((i) => simplex[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = sortedPoints[i];
      values[i] = sortedValues[i];
    }
    if (hasConverged(simplex, values, pointTolerance, tolerance(options.valueTolerance, values[0]))) {
      return { point: simplex[0], value: values[0], converged: true, evaluations };
    }

    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += simplex[i][k] / n;
    const worst = simplex[n];
    const reflected = along(centroid, worst, -REFLECT);
    const reflectedValue = objective(reflected);
    evaluations++;

    if (reflectedValue < values[0]) {
      const expanded = along(centroid, worst, -EXPAND);
      const expandedValue = objective(expanded);
      evaluations++;
      if (expandedValue < reflectedValue) replaceWorst(expanded, expandedValue);
      else replaceWorst(reflected, reflectedValue);
      continue;
    }
    if (reflectedValue < values[n - 1]) {
      replaceWorst(reflected, reflectedValue);
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = reflectedValue < values[n];
    const contracted = along(centroid, outside ? reflected : worst, CONTRACT);
    const contractedValue = objective(contracted);
    evaluations++;
    if (contractedValue < Math.min(reflectedValue, values[n])) {
      replaceWorst(contracted, contractedValue);
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = along(simplex[0], simplex[i], SHRINK);
      values[i] = objective(simplex[i]);
    }
    evaluations += n;
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { point: simplex[bestIndex], value: values[bestIndex], converged: false, evaluations };

  function replaceWorst(point: number[], value: number) {
    simplex[n] = point;
    values[n] = value;
  }
}

function hasConverged(simplex: number[][], values: number[], pointTolerance: number, valueTolerance: number): boolean {
  const n = simplex.length - 1;
  if (!Number.isFinite(values[0]) || values[n] - values[0] > valueTolerance) return false;
  for (let i = 1; i <= n; i++) {
    for (let k = 0; k < n; k++) if (Math.abs(simplex[i][k] - simplex[0][k]) > pointTolerance) return false;
  }
  return true;
}
