// --metric periods: customers per period (period-counts/1: S, E, N, lost, reactivated), with
// the activity window the elements suggest when --window-days is not given.
import { UsageError } from '../usage-error.mjs';
import { wholeNumber } from '../arg-checks.mjs';

export const periods = {
  help: 'customers per period (S, E, N, lost, reactivated)',
  what: 'customers per period',
  optionHelp: `  --window-days N              periods: days a purchase keeps a customer active
                               (default: 3 × the median days between purchases, as the elements suggest)`,
  options: ['window-days'],
  check(command, raw) {
    const windowDays = raw['window-days'] === undefined ? undefined : wholeNumber('window-days', raw['window-days'], 1);
    if (command === 'sql' && windowDays === undefined) {
      throw new UsageError('--window-days is needed to write the periods query: the days a purchase keeps a customer active (aggregate suggests 3 × the median days between purchases, as the elements do)');
    }
    return { windowDays };
  },
  /** Before the query: the suggested window when none was given. */
  async prepare(kit, source, sqlOptions, options, say) {
    if (options.windowDays !== undefined) return;
    const [gaps] = await source.query(kit.purchaseGapsSql(sqlOptions), 'measuring the days between purchases');
    options.windowDays = kit.windowDaysFromGaps(gaps);
    if (options.windowDays === null) throw new Error('no customer bought on two days, so no activity window can be suggested: give --window-days');
    say(`activity window: ${options.windowDays} days (3 × the median ${Number(gaps.median_days)} days between purchases; --window-days sets it)`);
  },
  sql: (kit, sqlOptions, options) => kit.periodCountsSql({ ...sqlOptions, windowDays: options.windowDays }),
  fromRows: (kit, rows, options) => kit.periodCountsFromRows(rows, { granularity: options.granularity, weekStart: options.weekStart, windowDays: options.windowDays }),
  schema: (kit) => kit.periodCountsShapeSchema,
  size: (shape) => `${shape.periods.length} periods`,
  running: (shape) => shape.periods.some((p) => !p.complete),
};
