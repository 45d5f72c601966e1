// --metric repeat: per period, the customers who purchased, purchased at least twice and reached the
// loyalty threshold (repeat-counts/1: the counts of <kpi-tile>'s repeat and loyal customer rates).
// A purchase is an order: give --order-key for order lines, else each row is an order of its own.
import { wholeNumber } from '../arg-checks.mjs';

export const repeat = {
  help: 'repeat and loyal customers per period (orders with --order-key)',
  what: 'repeat and loyal customers per period',
  optionHelp: '  --loyalty-threshold N        repeat: purchases in a period that make a customer loyal (default 3)',
  options: ['loyalty-threshold'],
  check(command, raw) {
    return { loyaltyThreshold: raw['loyalty-threshold'] === undefined ? 3 : wholeNumber('loyalty-threshold', raw['loyalty-threshold'], 2) };
  },
  sql: (kit, sqlOptions, options) => kit.repeatCountsSql({ ...sqlOptions, loyaltyThreshold: options.loyaltyThreshold }),
  fromRows: (kit, rows, options) =>
    kit.repeatCountsFromRows(rows, { granularity: options.granularity, weekStart: options.weekStart, loyaltyThreshold: options.loyaltyThreshold, asOf: options.asOf }),
  schema: (kit) => kit.repeatCountsShapeSchema,
  size: (shape) => {
    const last = shape.periods.filter((p) => p.complete).at(-1);
    const figures = last ? `; ${last.period}: ${last.repeatCustomers.toLocaleString('en')} repeat and ${last.loyalCustomers.toLocaleString('en')} loyal of ${last.customers.toLocaleString('en')} customers` : '';
    return `${shape.periods.length} periods${figures}`;
  },
  running: (shape) => shape.periods.some((p) => !p.complete),
};
