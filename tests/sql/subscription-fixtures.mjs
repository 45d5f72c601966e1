// The subscription data of the revenue-movements/1 tests, loaded the same way into the engine,
// DuckDB and PostgreSQL:
// - the Stripe subscriptions export (tests/fixtures/exports, the platform's layout: wall-clock
//   `2024-10-06 14:12` dates, Ended At blank while running, customers who cancelled and came back);
// - a generated table of the traps: upgrades and downgrades (one subscription ends the instant the
//   next starts), add-ons beside a running plan, cancel and resubscribe after a gap, subscriptions
//   with no end, a start and end on the same day, free plans (MRR 0), amounts such as 0.1 + 0.2
//   whose float sums are noisy, instants within two hours of midnight (so a time zone moves days),
//   blank customers, and a last start in the middle of a month (the running last period).
import { csvParse } from 'd3-dsv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-ts.mjs';
import { random } from './fixtures.mjs';

export const STRIPE_SUBSCRIPTIONS = join(root, 'tests/fixtures/exports/stripe-subscriptions.csv');
/** The stripe-subscriptions preset's columns (metrics/read/presets.ts). */
export const STRIPE_FIELDS = { customer: 'Customer ID', start: 'Start Date (UTC)', end: 'Ended At (UTC)', mrr: 'Amount', plan: 'Plan' };

export function stripeRecords() {
  return csvParse(readFileSync(STRIPE_SUBSCRIPTIONS, 'utf8'));
}

export const SUBSCRIPTION_TRAPS_FIELDS = { customer: 'customer', start: 'started_at', end: 'ended_at', mrr: 'mrr', plan: 'plan' };

/** Subscription column names that are SQL if pasted unquoted. */
export const HOSTILE_SUBSCRIPTION_FIELDS = { customer: '"; drop table x; --', start: "it's a start", end: 'a`b\\c "d"', mrr: 'mrr -- comment' };

const DAY = 86_400_000;
const PRICES = ['0.00', '9.99', '19.99', '29.00', '49.50', '99.00', '0.10', '0.20', '0.30', '149.95'];

/** ~1,500 subscriptions of 420 customers from 2023-01 to 2024-08, the last starting on 2024-08-14 (mid-month, mid-week). */
export function subscriptionTrapRows() {
  const next = random(2024);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const instant = (ms) => new Date(ms).toISOString();
  const nearMidnight = (day) => Date.UTC(2023, 0, 1) + day * DAY + Math.floor((next() - 0.5) * 240) * 60_000;
  const last = Date.UTC(2024, 7, 14, 12);
  const rows = [];
  const add = (customer, start, end, mrr) => rows.push({ customer, started_at: instant(start), ended_at: end === undefined ? '' : instant(end), mrr, plan: `p${mrr}` });
  for (let c = 1; c <= 420; c++) {
    const customer = `cus_${c}`;
    let start = nearMidnight(Math.floor(next() * 560));
    let price = pick(PRICES);
    const segments = 1 + Math.floor(next() * 4);
    for (let s = 0; s < segments && start < last; s++) {
      const roll = next();
      // 6 %: ends the day it starts (never active at a period end); else up to 8 months.
      const length = roll < 0.06 ? Math.floor(next() * 3) * 3_600_000 : Math.floor(next() * 240 + 1) * DAY + Math.floor((next() - 0.5) * 240) * 60_000;
      const end = start + length;
      const open = s === segments - 1 && next() < 0.45;
      if (open || end >= last) {
        add(customer, start, undefined, price);
        break;
      }
      add(customer, start, end, price);
      if (next() < 0.2) {
        // An add-on beside the plan, from some day inside it, sometimes outliving it.
        add(customer, start + Math.floor(next() * Math.max(1, length)), next() < 0.5 ? end : undefined, pick(PRICES));
      }
      const move = next();
      if (move < 0.45) {
        // Upgrade or downgrade: the next plan starts the instant this one ends.
        start = end;
        price = pick(PRICES);
      } else {
        // Cancel and come back after a gap (the same plan or another).
        start = end + Math.floor(next() * 120 + 1) * DAY;
        if (next() < 0.5) price = pick(PRICES);
      }
    }
    // Subscriptions without a customer: belong to nobody, left out by the SQL (the engine refuses them).
    if (next() < 0.04) add(next() < 0.5 ? '' : '   ', nearMidnight(Math.floor(next() * 560)), undefined, pick(PRICES));
  }
  // The last start, on a Wednesday in the middle of August: the last week, month, quarter and year run.
  add('cus_1', last, undefined, '29.00');
  return rows;
}

/** The rows the engine reads: those with a customer (it refuses the others, naming them). */
export function withCustomer(rows, column) {
  return rows.filter((row) => String(row[column] ?? '').trim() !== '');
}

function trapValues() {
  const text = (v) => `'${v.replaceAll("'", "''")}'`;
  const time = (v) => (v === '' ? 'NULL' : `TIMESTAMPTZ '${v.replace('T', ' ').replace('Z', '+00')}'`);
  return subscriptionTrapRows()
    .map((r) => `(${text(r.customer)}, ${time(r.started_at)}, ${time(r.ended_at)}, ${r.mrr}, ${text(r.plan)})`)
    .join(',\n');
}

const TRAPS_TABLE = 'CREATE TABLE subscription_traps (customer VARCHAR, started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, mrr DECIMAL(12, 2), plan VARCHAR)';

/** Loads both tables into DuckDB: `stripe` straight from the CSV (as the command line reads it), the traps from VALUES. */
export async function loadSubscriptionsDuckdb(connection) {
  await connection.run(`CREATE TABLE stripe AS SELECT * FROM read_csv('${STRIPE_SUBSCRIPTIONS.replaceAll("'", "''")}', header = true, types = {'Customer ID': 'VARCHAR'})`);
  await connection.run(TRAPS_TABLE);
  await connection.run(`INSERT INTO subscription_traps VALUES ${trapValues()}`);
}

/** Loads both tables into PostgreSQL: the export's columns typed as a billing database would hold them. */
export async function loadSubscriptionsPostgres(client) {
  const columns = ['id', 'Customer ID', 'Plan', 'Currency', 'Amount', 'Status', 'Start Date (UTC)', 'Ended At (UTC)'];
  const types = ['text', 'text', 'text', 'text', 'numeric', 'text', 'timestamp', 'timestamp'];
  await client.query(`CREATE TABLE stripe (${columns.map((c, i) => `"${c}" ${types[i]}`).join(', ')})`);
  const records = stripeRecords();
  const arrays = columns.map((c) => records.map((r) => (r[c] === '' ? null : r[c])));
  await client.query(`INSERT INTO stripe SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`, arrays);
  await client.query(TRAPS_TABLE.replaceAll('VARCHAR', 'text'));
  await client.query(`INSERT INTO subscription_traps VALUES ${trapValues()}`);
}
