// --metric revenue: recurring revenue movements per period (revenue-movements/1) from a table of
// subscriptions (customer, start, end, MRR), the columns named as the elements' attributes name
// them (customer-key, start-key, end-key, mrr-key) or by a subscriptions preset.
import { UsageError } from '../usage-error.mjs';

/** Flags of order tables, which a table of subscriptions does not have. */
const ORDER_FLAGS = ['date-key', 'amount-key', 'quantity-key', 'price-key', 'type-key', 'order-key', 'refund-key', 'currency-key', 'currency'];

export const revenue = {
  help: 'recurring revenue movements per period (new, expansion, contraction, churned, reactivated MRR) from subscriptions',
  what: 'revenue movements',
  optionHelp: `  --start-key COLUMN           revenue: subscription start column (default start)
  --end-key COLUMN             revenue: first day no longer running, blank while it runs (default end)
  --mrr-key COLUMN             revenue: monthly recurring revenue column, 0 or more (default mrr);
                               --as-of only marks later periods as running, no subscription is left out`,
  options: ['start-key', 'end-key', 'mrr-key'],
  check(command, raw) {
    for (const flag of ORDER_FLAGS) {
      if (raw[flag] !== undefined) throw new UsageError(`--${flag} is for orders; subscriptions take --customer-key, --start-key, --end-key, --mrr-key`);
    }
    return { subscriptionFields: { start: raw['start-key'], end: raw['end-key'], mrr: raw['mrr-key'] } };
  },
  /** The columns read: the preset's (a subscriptions export), then the flags, then the engine's names. */
  fields(kit, options) {
    const preset = options.preset ? kit.subscriptionFieldsOfPreset(options.preset) : { fields: {} };
    if (preset.dateFormat && !options.dateFormat) options.dateFormat = preset.dateFormat;
    const { plan, ...read } = preset.fields; // No figure reads the plan.
    const fields = { customer: 'customer', start: 'start', end: 'end', mrr: 'mrr', ...read };
    if (options.fields.customer !== undefined) fields.customer = options.fields.customer;
    for (const [key, value] of Object.entries(options.subscriptionFields)) if (value !== undefined) fields[key] = value;
    return fields;
  },
  /** Rows read and left out, said on stderr; rows the engine refuses are refused here too, with their count. */
  async countRows(kit, source, sqlOptions, say, seconds) {
    const [counts] = await source.query(kit.subscriptionRowCountsSql(sqlOptions), 'counting subscriptions');
    const n = (column) => Number(counts[column]);
    const { customer, start, end, mrr } = sqlOptions.fields;
    say(`${n('rows_read').toLocaleString('en')} subscriptions read (${seconds()}); ${n('rows_without_customer').toLocaleString('en')} without a customer are left out`);
    const refused = [
      [n('rows_without_start'), `without a start date (${start})`],
      [n('rows_without_mrr'), `without an MRR of 0 or more (${mrr})`],
      [n('rows_ending_before_start'), `ending (${end}) before they start (${start})`],
    ].filter(([count]) => count > 0);
    if (refused.length) {
      // The elements refuse such subscriptions, naming them: the document would not be their numbers.
      throw new Error(`${source.name} has subscriptions the kit cannot read: ${refused.map(([count, what]) => `${count.toLocaleString('en')} ${what}`).join('; ')}. Fix or filter them (a view can)`);
    }
    if (n('rows_read') === n('rows_without_customer')) throw new Error(`no subscription of ${source.name} has a customer (${customer})`);
  },
  sql: (kit, sqlOptions) => kit.revenueMovementsSql(sqlOptions),
  fromRows: (kit, rows, options) => kit.revenueMovementsFromRows(rows, { granularity: options.granularity, weekStart: options.weekStart }),
  schema: (kit) => kit.revenueMovementsShapeSchema,
  size: (shape) => `${shape.periods.length} periods`,
  running: (shape) => shape.periods.some((p) => !p.complete),
};
