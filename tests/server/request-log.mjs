/**
 * Test-server middleware that lets a test see the requests the engine makes,
 * wherever it makes them (the page or the metrics worker, whose fetch a test
 * cannot stub):
 *
 * - any request whose query has `log=<token>` is counted under that token;
 *   `GET /__requests?log=<token>` answers `{ "count": n }`;
 * - `GET /__slow.csv?log=<token>&rows=<n>&delay=<ms>` streams an order CSV of n
 *   rows (customer, date with time, amount, order), 1,000 rows per chunk with
 *   `delay` ms between chunks, and records how
 *   many rows it sent before the client went away: `GET /__requests?log=<token>`
 *   then answers `{ "count": 1, "rowsSent": k, "closedEarly": true }`.
 */
import { PassThrough } from 'node:stream';

const logs = new Map();

function entry(token) {
  let log = logs.get(token);
  if (!log) logs.set(token, (log = { count: 0 }));
  return log;
}

export async function requestLogMiddleware(context, next) {
  const token = context.query.log;
  if (context.path === '/__requests') {
    context.type = 'json';
    context.set('Cache-Control', 'no-store');
    context.body = JSON.stringify(logs.get(String(token)) ?? { count: 0 });
    return;
  }
  if (typeof token === 'string' && token) entry(token).count++;
  if (context.path === '/__slow.csv') {
    slowCsv(context, entry(String(token ?? 'slow')));
    return;
  }
  await next();
}

function slowCsv(context, log) {
  const rows = Number(context.query.rows ?? 100_000);
  const delay = Number(context.query.delay ?? 20);
  const stream = new PassThrough();
  log.rowsSent = 0;
  log.closedEarly = false;
  context.type = 'text/csv';
  context.set('Cache-Control', 'no-store');
  context.body = stream;
  let sent = 0;
  const timer = setInterval(() => {
    if (context.req.destroyed || context.res.destroyed || stream.destroyed) {
      clearInterval(timer);
      log.closedEarly = sent < rows;
      return;
    }
    let chunk = sent === 0 ? 'customer,date,amount,order\n' : '';
    const end = Math.min(rows, sent + 1000);
    // Many customers, one order per line and a time on every date, as a shop's export has: reading
    // them costs what reading a real export costs (a Map entry per order, a day per timestamp).
    for (let i = sent; i < end; i++) {
      const second = i % 86_400;
      const time = `${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
      chunk += `c${(i * 7919) % 200_000},2024-0${1 + (i % 9)}-1${i % 10} ${time},${(i % 50) + 1}.${i % 100},o${i}\n`;
    }
    sent = end;
    log.rowsSent = sent;
    stream.write(chunk);
    if (sent >= rows) {
      clearInterval(timer);
      stream.end();
    }
  }, delay);
  context.res.on('close', () => {
    clearInterval(timer);
    log.closedEarly = sent < rows;
  });
}
