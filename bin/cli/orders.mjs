// An order export (--preset shopify-orders, stripe-payments, woocommerce-orders, or --order-key,
// --refund-key, --currency-key): before the metric, what the engine would refuse or say. A status
// word nobody maps, an order whose lines disagree on an order-level cell and a tie between
// currencies are refused, since the SQL would decide them differently from the engine
// (src/sql/orders.ts); ignored statuses and money in other currencies are said, as the elements'
// notices say them.

const TRANSACTION_TYPES = 'a transaction type (purchase, order, sale, return, refund or cancellation)';

export async function checkOrders(kit, source, sqlOptions, ignored, say) {
  const { fields, typeMap } = sqlOptions;
  const statuses = fields.type ? await source.query(kit.statusCountsSql(sqlOptions), 'reading the statuses') : [];
  const unknown = statuses.find((row) => row.status !== null && row.role === null);
  if (unknown) {
    const words = Object.keys(typeMap ?? {});
    const expected = words.length ? `a word of the type map (${words.join(', ')}) or ${TRANSACTION_TYPES.slice(2)}` : TRANSACTION_TYPES;
    throw new Error(`field "${fields.type}": expected ${expected}, found "${unknown.status}" on ${Number(unknown.line_count).toLocaleString('en')} rows`);
  }
  if (ignored > 0) {
    const words = statuses.filter((row) => row.role === 'ignore').map((row) => `"${row.status}"`);
    say(`${ignored.toLocaleString('en')} rows with the status ${words.join(', ')} are left out (type map: ignore)`);
  }

  if (fields.order) {
    const [conflict] = await source.query(kit.orderConflictsSql(sqlOptions), 'checking that each order\'s lines agree');
    if (conflict) {
      const cells = [['customers', 'customer'], ['days', 'date'], ['statuses', 'status'], ['totals', 'amount'], ['refunds', 'refund'], ['currencies', 'currency']]
        .filter(([count]) => Number(conflict[count]) > 1)
        .map(([, field]) => `${field} ("${fields[field === 'status' ? 'type' : field]}")`);
      throw new Error(
        `order "${conflict.order_id}" (${fields.order}) has lines that disagree on its ${cells.join(', ')}: the elements take an order's first line, and a table has no first line; ` +
          'correct the export, or leave --order-key out to read each row as its own order',
      );
    }
  }

  if (fields.currency) {
    const currencies = await source.query(kit.currencyCountsSql(sqlOptions), 'counting the currencies');
    const codes = currencies.map((row) => row.currency);
    const wanted = sqlOptions.currency?.trim().toUpperCase();
    if (wanted && codes.length > 0 && !codes.includes(wanted)) throw new Error(`--currency: expected a currency of the data (${codes.join(', ')}), found "${sqlOptions.currency}"`);
    if (codes.length > 1) {
      if (!wanted && Number(currencies[0].line_count) === Number(currencies[1].line_count)) {
        throw new Error(`as many purchases in ${currencies[0].currency} as in ${currencies[1].currency} (${Number(currencies[0].line_count).toLocaleString('en')} rows each): give --currency to say which one money is shown in (currencies are never summed)`);
      }
      const shown = currencies[0].shown_currency;
      const others = codes.filter((code) => code !== shown);
      const count = Number(currencies[0].other_currency_lines);
      say(`${count.toLocaleString('en')} rows in ${others.join(', ')} count as activity but not in money figures, which are in ${shown} (currencies are never summed; --currency ${others[0]} shows ${others[0]})`);
    }
  }
}
