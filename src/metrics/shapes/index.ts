/**
 * Versioned pre-aggregated shapes: what a database, a warehouse or the command
 * line hands the elements instead of raw records. Each document names its
 * shape and version (`"shape": "cohort-matrix/1"`); a change that would read
 * differently gets a new version, never a silent change of meaning.
 */
export * from './cohort-matrix.ts';
export * from './period-counts.ts';
export * from './revenue-movements.ts';
export * from './nps-periods.ts';
export * from './purchase-gaps.ts';
export * from './repeat-counts.ts';
