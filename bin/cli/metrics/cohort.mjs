// --metric cohort: the cohort matrix (cohort-matrix/1) of customers, a share of them, or revenue.
import { UsageError } from '../usage-error.mjs';

export const cohort = {
  help: 'cohort matrix (--measure count, percent or revenue)',
  what: 'cohort matrix',
  optionHelp: '  --measure M                  cohort values: count (default), percent, revenue',
  options: ['measure'],
  /** This metric's own flags, checked; `raw` is every flag as given. */
  check(command, raw) {
    const measure = raw.measure ?? 'count';
    if (!['count', 'percent', 'revenue'].includes(measure)) throw new UsageError(`--measure takes count, percent, revenue, not "${measure}"`);
    return { measure };
  },
  sql: (kit, sqlOptions) => kit.cohortMatrixSql(sqlOptions),
  fromRows: (kit, rows, options) => kit.cohortMatrixFromRows(rows, { granularity: options.granularity, weekStart: options.weekStart, measure: options.measure }),
  schema: (kit) => kit.cohortMatrixShapeSchema,
  size: (shape) => `${shape.cohorts.length} cohorts, ${Math.max(0, ...shape.cohorts.map((c) => c.values.length))} periods`,
  running: (shape) => shape.partialLastPeriod === true,
};
