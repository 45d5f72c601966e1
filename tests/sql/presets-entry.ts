// What the preset tests take from the kit: the engine's CSV reader (as the elements parse a file),
// its transaction reader, metrics and shapes, and the SQL writers.
export { parseText } from '../../src/engine/parse.ts';
export { readTransactions } from '../../src/metrics/read/transactions.ts';
export { PRESETS } from '../../src/metrics/read/presets.ts';
export { cohortMatrix } from '../../src/metrics/cohorts.ts';
export { churnSeries } from '../../src/metrics/activity.ts';
export { suggestedWindowDays } from '../../src/metrics/purchase-gaps.ts';
export * from '../../src/sql/index.ts';
