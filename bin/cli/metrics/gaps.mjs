// --metric gaps: the days between a customer's consecutive purchase days, counted per length, with
// the customers they rest on and the median (purchase-gaps/1, what <purchase-cycle> draws).
import { UsageError } from '../usage-error.mjs';

const isoDay = (name, value) => {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${name} takes a day written YYYY-MM-DD, not "${value}"`);
  return value;
};

export const gaps = {
  help: 'days between purchases per gap length, with the median',
  what: 'days between purchases',
  optionHelp: `  --from YYYY-MM-DD            gaps: first purchase day counted (default: the data's first)
  --to YYYY-MM-DD              gaps: first day no longer counted (default: the day after --as-of)`,
  options: ['from', 'to'],
  check(command, raw) {
    const from = isoDay('from', raw.from);
    const to = isoDay('to', raw.to);
    if (from !== undefined && to !== undefined && !(from < to)) throw new UsageError(`--to (${to}) must be a day after --from (${from})`);
    return { from, to };
  },
  sql: (kit, sqlOptions, options) => kit.purchaseGapsShapeSql({ ...sqlOptions, frame: { from: options.from, to: options.to } }),
  fromRows: (kit, rows, options) => kit.purchaseGapsFromRows(rows, { from: options.from, to: options.to }),
  schema: (kit) => kit.purchaseGapsShapeSchema,
  size: (shape) =>
    `${shape.gapCount.toLocaleString('en')} gaps of ${shape.gaps.length} lengths by ${shape.customersWithRepeat.toLocaleString('en')} of ${shape.customersWithPurchase.toLocaleString('en')} customers, median ${shape.median ?? 'none'} days`,
  running: () => false,
};
