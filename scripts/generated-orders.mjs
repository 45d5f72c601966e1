// The generated shop the warehouse benchmark and the million-row SQL test both read: one in 20
// customers buys again often, three years of orders, amounts in cents, 3 % returns (negative
// amounts). Seeded, so a size always gives the same rows.

export const GENERATED_ORDERS_HEADER = 'customer_id,ordered_at,amount';

/** The rows as CSV lines (without the header), `rows` of them, in batches of about 1 MB of text. */
export function* generatedOrderCsvChunks(rows) {
  let chunk = '';
  for (const row of generatedOrders(rows)) {
    chunk += `${row.customer_id},${row.ordered_at},${row.amount}\n`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The rows as records: customer_id, ordered_at (`YYYY-MM-DD HH:MM:00`, UTC wall clock) and amount (text, 2 decimals). */
export function* generatedOrders(rows) {
  let seed = 20_260_101;
  const next = () => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296;
  const customers = Math.max(1000, Math.round(rows / 6));
  const first = Date.UTC(2022, 0, 1) / 1000;
  const pad = (n) => String(n).padStart(2, '0');
  for (let i = 0; i < rows; i++) {
    const customer = Math.floor(next() ** 2 * customers);
    const t = new Date((first + Math.floor(next() * 3 * 365 * 86_400)) * 1000);
    const cents = Math.floor(next() * 20_000) * (next() < 0.03 ? -1 : 1);
    yield {
      customer_id: `c${customer}`,
      ordered_at: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`,
      amount: (cents / 100).toFixed(2),
    };
  }
}
