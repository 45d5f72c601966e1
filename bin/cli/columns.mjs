// Checks of the field mapping against the columns a source really has, with the element's
// wording: which flag, which column, what is there instead.

const FLAG = { customer: '--customer-key', date: '--date-key', amount: '--amount-key', quantity: '--quantity-key', unitPrice: '--price-key', type: '--type-key', order: '--order-key', refund: '--refund-key', currency: '--currency-key', start: '--start-key', end: '--end-key', mrr: '--mrr-key', score: '--score-key' };
export const NUMBER_FIELDS = ['amount', 'quantity', 'unitPrice', 'refund', 'mrr'];
/** Fields whose column has a default name (the engine's): a message names it. */
const DEFAULTED = ['customer', 'date', 'start', 'end', 'mrr', 'score'];

/** Throws when a mapped column is missing, naming the flag and listing the columns there are. */
export function checkMapping(fields, columns, sourceName) {
  const names = columns.map((c) => c.name);
  for (const [field, column] of Object.entries(fields)) {
    if (column === undefined || names.includes(column)) continue;
    const near = names.find((name) => name.toLowerCase() === column.toLowerCase());
    throw new Error(
      `${sourceName} has no column "${column}" (${FLAG[field]}${DEFAULTED.includes(field) ? `, default "${field}"` : ''})` +
        `${near ? `; did you mean "${near}"?` : ''}; its columns are: ${names.map((n) => `"${n}"`).join(', ')}`,
    );
  }
}

/** "record 17 (line 18), field "Price": expected …, found "12,50"". */
export function recordError(n, column, expected, value, line = true) {
  return new Error(`record ${n}${line ? ` (line ${n + 1})` : ''}, field "${column}": expected ${expected}, found ${JSON.stringify(value)}`);
}
