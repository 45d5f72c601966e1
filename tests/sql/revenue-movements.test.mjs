// revenue-movements/1 end to end: the SQL as text (golden files, parsed per dialect, hostile
// names quoted), the SQL on DuckDB (in process) and on a real PostgreSQL server equal to the
// engine's revenueMovements period by period (customer counts exactly, MRR to the cent) on the
// Stripe subscriptions export and on a generated table of subscription traps, <revenue-movements>'s
// job reading the document, and the command line on the Stripe export.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '@polyglot-sql/sdk';
import { importTs, root } from './load-ts.mjs';
import {
  HOSTILE_SUBSCRIPTION_FIELDS,
  loadSubscriptionsDuckdb,
  loadSubscriptionsPostgres,
  STRIPE_FIELDS,
  STRIPE_SUBSCRIPTIONS,
  stripeRecords,
  SUBSCRIPTION_TRAPS_FIELDS,
  subscriptionTrapRows,
  withCustomer,
} from './subscription-fixtures.mjs';
import { duckdbForSuite, postgresForSuite, runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/revenue-movements-entry.ts');
const GOLDEN = join(root, 'tests/sql/golden');
const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };
const BILLING = { table: ['billing', 'subscriptions'], fields: { customer: 'customer_id', start: 'started_at', end: 'ended_at', mrr: 'mrr' } };
const MONEY_FIELDS = ['startMrr', 'new', 'expansion', 'contraction', 'churned', 'reactivated', 'endMrr'];
const COUNT_FIELDS = ['startCustomers', 'endCustomers', 'newCustomers', 'reactivatedCustomers', 'expandedCustomers', 'contractedCustomers', 'lostCustomers', 'complete'];
const compared = { duckdb: { periods: 0, cells: 0 }, postgres: { periods: 0, cells: 0 } };

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

const dayOf = (iso) => kit.daysFromCivil(...iso.split('-').map(Number));

/** The engine's subscriptions of a case: the Stripe export, or the traps read in the case's zone (those with a customer). */
function engineSubscriptions(c) {
  if (c.data === 'stripe') return value(kit.readSubscriptions(stripeRecords(), { fields: STRIPE_FIELDS }));
  return value(kit.readSubscriptions(withCustomer(subscriptionTrapRows(), 'customer'), { fields: SUBSCRIPTION_TRAPS_FIELDS, timeZone: c.timeZone }));
}

/** The engine's document: as-of given, or the last start or end day (the SQL's default, computed here from the engine's own reading). */
function engineShape(c) {
  const subscriptions = engineSubscriptions(c);
  const series = value(kit.revenueMovements(subscriptions, { granularity: c.granularity, weekStart: c.weekStart }));
  const asOfDay = c.asOf ? dayOf(c.asOf) : Math.max(...subscriptions.map((s) => Math.max(s.startDay, s.endDay ?? -Infinity)));
  return kit.revenueMovementsShapeOf(series, { asOfDay, weekStart: c.weekStart });
}

function sqlOptions(c, dialect) {
  const base = c.data === 'stripe' ? { table: 'stripe', fields: STRIPE_FIELDS } : { table: 'subscription_traps', fields: SUBSCRIPTION_TRAPS_FIELDS, dates: 'instant', timeZone: c.timeZone };
  return { dialect, ...base, granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf };
}

/** Period by period: the counts and `complete` exactly, the money to the cent. Returns how many values were compared. */
function compareMovements(fromSql, fromEngine) {
  const { periods: sqlPeriods, ...sqlHead } = fromSql;
  const { periods: enginePeriods, ...engineHead } = fromEngine;
  assert.deepEqual(sqlHead, engineHead, 'the document heads (shape, granularity, weekStart, asOf)');
  assert.deepEqual(sqlPeriods.map((p) => p.period), enginePeriods.map((p) => p.period), 'the periods');
  let cells = 0;
  enginePeriods.forEach((expected, i) => {
    const actual = sqlPeriods[i];
    for (const field of COUNT_FIELDS) {
      assert.equal(actual[field], expected[field], `${field} of period ${expected.period}`);
      cells++;
    }
    for (const field of MONEY_FIELDS) {
      assert.ok(Math.abs(actual[field] - expected[field]) < 0.005, `${field} of period ${expected.period}: ${actual[field]} from SQL, ${expected[field]} from the engine`);
      cells++;
    }
  });
  return cells;
}

const CASES = [
  { data: 'stripe', granularity: 'month' },
  { data: 'stripe', granularity: 'week' },
  { data: 'stripe', granularity: 'week', weekStart: 0 },
  { data: 'stripe', granularity: 'quarter' },
  { data: 'stripe', granularity: 'day' },
  { data: 'stripe', granularity: 'month', asOf: '2024-06-15' },
  { data: 'traps', granularity: 'month', timeZone: 'Europe/Oslo' },
  { data: 'traps', granularity: 'month', timeZone: 'UTC', asOf: '2024-03-31' },
  { data: 'traps', granularity: 'week', timeZone: 'America/New_York', weekStart: 0 },
  { data: 'traps', granularity: 'week', timeZone: 'Asia/Tokyo' },
  { data: 'traps', granularity: 'quarter', timeZone: 'Asia/Kolkata' },
  { data: 'traps', granularity: 'day', timeZone: 'UTC' },
];

const describeCase = (c) => `${c.data} by ${c.granularity}${c.weekStart !== undefined ? ` (weeks from day ${c.weekStart})` : ''}${c.timeZone ? ` in ${c.timeZone}` : ''}${c.asOf ? ` as of ${c.asOf}` : ''}`;

describe('the traps are in the data (so equality means something)', () => {
  it('upgrades, downgrades, reactivations, same-day subscriptions, no end, blank customers, float-noisy sums', () => {
    const rows = subscriptionTrapRows();
    assert.ok(rows.filter((r) => r.customer.trim() === '').length >= 10, 'subscriptions without a customer');
    assert.ok(rows.filter((r) => r.ended_at === '').length >= 100, 'subscriptions with no end');
    assert.ok(rows.filter((r) => r.ended_at !== '' && r.ended_at.slice(0, 10) === r.started_at.slice(0, 10)).length >= 20, 'start and end on the same day');
    const shape = engineShape({ data: 'traps', granularity: 'month', timeZone: 'UTC' });
    const total = (field) => shape.periods.reduce((sum, p) => sum + p[field], 0);
    for (const field of ['newCustomers', 'reactivatedCustomers', 'expandedCustomers', 'contractedCustomers', 'lostCustomers']) assert.ok(total(field) >= 20, `${field}: ${total(field)}`);
    assert.equal(shape.periods.at(-1).period, '2024-08');
    assert.equal(shape.periods.at(-1).complete, false, 'the last month runs');
    const stripe = engineShape({ data: 'stripe', granularity: 'month' });
    assert.ok(stripe.periods.some((p) => p.reactivatedCustomers > 0), 'the export has customers who came back');
  });
});

/** The equality cases against one database, given a function that runs a query and returns row objects. */
function equalityCases(dialect, query) {
  it('subscription columns named "; drop table x; -- and the like are names, not SQL', async () => {
    const name = (column) => kit.dialects[dialect].identifier(column);
    const h = HOSTILE_SUBSCRIPTION_FIELDS;
    await query('CREATE TABLE x (kept INTEGER)');
    await query(`CREATE TABLE hostile AS SELECT customer AS ${name(h.customer)}, started_at AS ${name(h.start)}, ended_at AS ${name(h.end)}, mrr AS ${name(h.mrr)} FROM subscription_traps`);
    const options = { dialect, granularity: 'month', dates: 'instant', timeZone: 'Europe/Oslo' };
    const fromHostile = await query(kit.revenueMovementsSql({ ...options, table: 'hostile', fields: h }));
    assert.deepEqual(fromHostile, await query(kit.revenueMovementsSql({ ...options, table: 'subscription_traps', fields: SUBSCRIPTION_TRAPS_FIELDS })));
    assert.ok(fromHostile.length >= 19);
    assert.deepEqual(await query(kit.subscriptionRowCountsSql({ ...options, table: 'hostile', fields: h })), await query(kit.subscriptionRowCountsSql({ ...options, table: 'subscription_traps', fields: SUBSCRIPTION_TRAPS_FIELDS })));
    assert.equal(Number((await query('SELECT COUNT(*) AS n FROM x'))[0].n), 0, 'table x is still there');
  });

  for (const c of CASES) {
    it(`revenue movements: ${describeCase(c)}`, async () => {
      const rows = await query(kit.revenueMovementsSql(sqlOptions(c, dialect)));
      const fromSql = kit.revenueMovementsFromRows(rows, { granularity: c.granularity, weekStart: c.weekStart });
      assert.ok(kit.revenueMovementsShapeSchema.safeParse(JSON.parse(JSON.stringify(fromSql))).success, 'the document passes its schema');
      compared[dialect].cells += compareMovements(fromSql, engineShape(c));
      compared[dialect].periods += fromSql.periods.length;
    });
  }

  it('subscriptions without a customer are left out and counted; the refused rows are counted', async () => {
    const [traps] = await query(kit.subscriptionRowCountsSql({ dialect, table: 'subscription_traps', fields: SUBSCRIPTION_TRAPS_FIELDS, dates: 'instant' }));
    const rows = subscriptionTrapRows();
    assert.equal(Number(traps.rows_read), rows.length);
    assert.equal(Number(traps.rows_without_customer), rows.length - withCustomer(rows, 'customer').length);
    assert.equal(Number(traps.rows_without_mrr) + Number(traps.rows_ending_before_start) + Number(traps.rows_without_start), 0);
    assert.equal(traps.last_day, '2024-08-14');
    const [stripe] = await query(kit.subscriptionRowCountsSql({ dialect, table: 'stripe', fields: STRIPE_FIELDS }));
    assert.deepEqual([Number(stripe.rows_read), Number(stripe.rows_without_customer), stripe.first_day, stripe.last_day], [41, 0, '2024-01-05', '2024-10-09']);
    // A negative MRR and an end before the start: what the engine refuses is counted, and left out of the movements.
    await query(`CREATE TABLE refused AS SELECT * FROM subscription_traps`);
    await query(`UPDATE refused SET mrr = -5 WHERE customer = 'cus_2'`);
    await query(`UPDATE refused SET ended_at = started_at - INTERVAL '3 days' WHERE customer = 'cus_3' AND ended_at IS NOT NULL`);
    const [refused] = await query(kit.subscriptionRowCountsSql({ dialect, table: 'refused', fields: SUBSCRIPTION_TRAPS_FIELDS, dates: 'instant' }));
    assert.ok(Number(refused.rows_without_mrr) >= 1 && Number(refused.rows_ending_before_start) >= 1, `${refused.rows_without_mrr} without an MRR, ${refused.rows_ending_before_start} ending before the start`);
  });
}

describe('DuckDB (in process) equals the engine', () => {
  const query = duckdbForSuite(loadSubscriptionsDuckdb);
  equalityCases('duckdb', query);
});

describe('PostgreSQL (a real server) equals the engine', () => {
  const postgres = postgresForSuite(loadSubscriptionsPostgres);
  equalityCases('postgres', postgres.query);

  it('the command line on a postgres:// URL: the traps\' timestamptz read in a time zone, the engine\'s document', async () => {
    const run = await cli('aggregate', postgres.url, '--table', 'subscription_traps', '--metric', 'revenue', '--granularity', 'week', '--time-zone', 'America/New_York',
      '--customer-key', 'customer', '--start-key', 'started_at', '--end-key', 'ended_at', '--mrr-key', 'mrr');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /subscriptions read .*; \d+ without a customer are left out/);
    assert.ok(compareMovements(JSON.parse(run.stdout), engineShape({ data: 'traps', granularity: 'week', timeZone: 'America/New_York' })) > 1000);
  });
});

describe('golden SQL per dialect', () => {
  const GOLDEN_CASES = [
    ['revenue-movements-month', (dialect) => kit.revenueMovementsSql({ dialect, ...BILLING, granularity: 'month' })],
    ['revenue-movements-week-instant', (dialect) => kit.revenueMovementsSql({ dialect, ...BILLING, granularity: 'week', weekStart: 0, dates: 'instant', timeZone: 'America/New_York', asOf: '2024-06-30' })],
    ['subscription-row-counts', (dialect) => kit.subscriptionRowCountsSql({ dialect, ...BILLING })],
  ];
  for (const dialect of kit.DIALECTS) {
    for (const [name, write] of GOLDEN_CASES) {
      it(`${dialect}: ${name}`, () => {
        const file = join(GOLDEN, `${dialect}.${name}.sql`);
        const sql = write(dialect);
        if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        assert.equal(sql, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_GOLDEN=1`);
      });
    }
  }
});

/** One statement, a SELECT (or WITH … SELECT), and nothing the parser read as a DROP. */
function assertOneQuery(sql, dialect) {
  const result = parse(sql, PARSER_DIALECT[dialect]);
  assert.ok(result.success, `${dialect}: ${result.error}\n${sql}`);
  assert.equal(result.ast.length, 1, `${dialect}: one statement`);
  assert.ok(!/"drop"\s*:/i.test(JSON.stringify(result.ast)), `${dialect}: no DROP statement`);
}

describe('every variant parses in its dialect', () => {
  for (const dialect of ['bigquery', 'snowflake', 'clickhouse', 'duckdb', 'postgres']) {
    it(`${dialect}: each granularity, local and instant dates, with and without as-of`, () => {
      let parsed = 0;
      for (const granularity of ['day', 'week', 'month', 'quarter', 'year']) {
        for (const dates of ['local', 'instant']) {
          for (const asOf of [undefined, '2024-02-29']) {
            const options = { dialect, ...BILLING, granularity, dates, timeZone: 'Europe/Oslo', weekStart: 3, asOf };
            assertOneQuery(kit.revenueMovementsSql(options), dialect);
            assertOneQuery(kit.subscriptionRowCountsSql(options), dialect);
            parsed += 2;
          }
        }
      }
      assert.equal(parsed, 40);
    });
  }

  it('the parser refuses broken SQL (so a pass means something)', () => {
    for (const dialect of ['bigquery', 'snowflake', 'clickhouse']) {
      const broken = kit.revenueMovementsSql({ dialect, table: 'subscriptions' }).replace('GROUP BY c.customer', 'GROUP c.customer');
      assert.equal(parse(broken, PARSER_DIALECT[dialect]).success, false, dialect);
    }
  });

  it('hostile column and table names parse as one query in the backtick dialects, and are quoted in the others', () => {
    for (const dialect of ['bigquery', 'clickhouse']) {
      const options = { dialect, table: ['x; drop table x', 'subs'], fields: HOSTILE_SUBSCRIPTION_FIELDS, granularity: 'month' };
      assertOneQuery(kit.revenueMovementsSql(options), dialect);
      assertOneQuery(kit.subscriptionRowCountsSql(options), dialect);
    }
    const snowflake = kit.revenueMovementsSql({ dialect: 'snowflake', table: 's', fields: HOSTILE_SUBSCRIPTION_FIELDS });
    assert.ok(snowflake.includes('CAST("""; drop table x; --" AS VARCHAR)'));
    assert.ok(snowflake.includes(`TO_DATE("it's a start")`));
  });
});

describe('options are checked', () => {
  it('says which option is wrong and what it takes', () => {
    assert.throws(() => kit.revenueMovementsSql({ dialect: 'oracle', table: 't' }), /Unknown SQL dialect "oracle"/);
    assert.throws(() => kit.revenueMovementsSql({ dialect: 'duckdb', table: 't', granularity: 'fortnight' }), /granularity must be one of/);
    assert.throws(() => kit.revenueMovementsSql({ dialect: 'duckdb', table: 't', asOf: "2024-01-01' OR '1'='1" }), /asOf must be a day written YYYY-MM-DD/);
    assert.throws(() => kit.revenueMovementsSql({ dialect: 'postgres', table: 't', dates: 'instant', timeZone: "UTC'; drop table x; --" }), /timeZone must be an IANA zone name/);
    assert.throws(() => kit.revenueMovementsSql({ dialect: 'duckdb', table: 't', fields: { mrr: 'a\0b' } }), /cannot contain a NUL/);
    assert.throws(() => kit.subscriptionFieldsOfPreset('shopify-orders'), /reads transactions, not subscriptions/);
    assert.deepEqual(kit.subscriptionFieldsOfPreset('stripe-subscriptions').fields, STRIPE_FIELDS);
    assert.throws(() => kit.revenueMovementsFromRows([]), /no periods/);
  });
});

describe('<revenue-movements> reads the document', () => {
  const records = stripeRecords();
  const asOf = '2024-10-09';

  it('the job given a revenue-movements/1 document draws the model it computes from the subscriptions', () => {
    for (const [granularity, weekStart] of [['month'], ['week', 1], ['week', 0], ['quarter']]) {
      const document = JSON.parse(JSON.stringify(engineShape({ data: 'stripe', granularity, weekStart })));
      assert.equal(document.asOf, asOf);
      const fromShape = value(kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month' }));
      const fromRows = value(kit.computeRevenueMovements(records, { input: 'subscriptions', granularity, weekStart, subscriptionFields: STRIPE_FIELDS, asOf }));
      assert.deepEqual(fromShape.periods, fromRows.periods, granularity);
      assert.equal(fromShape.granularity, granularity, 'the document\'s calendar wins over the attribute');
      assert.equal(fromShape.defaultIndex, fromRows.defaultIndex);
      assert.equal(fromShape.periods.at(-1).complete, false, 'the running last period');
    }
  });

  it('from and to keep the periods of a document they keep of the subscriptions', () => {
    const document = JSON.parse(JSON.stringify(engineShape({ data: 'stripe', granularity: 'month' })));
    for (const range of [{ from: '2024-03-10', to: '2024-07-01' }, { from: '2024-06-01' }, { to: '2024-02-15' }]) {
      const fromShape = value(kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month', ...range }));
      const fromRows = value(kit.computeRevenueMovements(records, { input: 'subscriptions', granularity: 'month', subscriptionFields: STRIPE_FIELDS, asOf, ...range }));
      assert.deepEqual(fromShape.periods, fromRows.periods, JSON.stringify(range));
      assert.ok(fromShape.periods.length >= 2 && fromShape.periods.length < document.periods.length);
    }
    const wrong = kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month', from: '2024-13-01' });
    assert.equal(wrong.ok, false);
    assert.match(JSON.stringify(wrong.error), /from/);
  });

  it('a granularity the page set to another than the document\'s is refused naming both; the document\'s own is no contradiction', () => {
    const document = JSON.parse(JSON.stringify(engineShape({ data: 'stripe', granularity: 'month' })));
    const quarter = kit.computeRevenueMovements(document, { input: 'auto', granularity: 'quarter', givenGranularity: 'quarter' });
    assert.equal(quarter.ok, false);
    assert.match(quarter.error.message, /granularity.*"month", as the revenue-movements\/1 document was counted \(or leave granularity out\).*"quarter"/);
    assert.ok(value(kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month', givenGranularity: 'month' })).periods.length > 0);
  });

  it('a document of another version is refused by name; one whose amounts do not add up says which period', () => {
    const other = kit.computeRevenueMovements({ shape: 'revenue-movements/2', periods: [] }, { input: 'auto', granularity: 'month' });
    assert.equal(other.ok, false);
    assert.match(other.error.message, /revenue-movements\/1/);
    const document = JSON.parse(JSON.stringify(engineShape({ data: 'stripe', granularity: 'month' })));
    document.periods[4].endMrr += 10;
    const broken = kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month' });
    assert.equal(broken.ok, false);
    assert.match(JSON.stringify(broken.error), /endMrr = startMrr \+ new \+ expansion \+ reactivated − contraction − churned to the cent; period 2024-05: 1148 \+ 106 \+ 0 \+ 0 − 0 − 87 = 1167, not 1177/);
    document.periods[4].endMrr -= 10;
    document.periods[4].lostCustomers += 1;
    assert.match(JSON.stringify(kit.computeRevenueMovements(document, { input: 'auto', granularity: 'month' }).error), /endCustomers = startCustomers \+ newCustomers/);
  });
});

describe('retention-kit aggregate --metric revenue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-revenue-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the Stripe export (CSV, its preset): the engine\'s document', async () => {
    const out = join(dir, 'revenue.json');
    const run = await cli('aggregate', STRIPE_SUBSCRIPTIONS, '--metric', 'revenue', '--preset', 'stripe-subscriptions', '--out', out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /41 subscriptions read/);
    assert.match(run.stderr, /revenue-movements\/1: 10 periods, as of 2024-10-09 \(the last period is still running\)/);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(compareMovements(document, engineShape({ data: 'stripe', granularity: 'month' })) > 100);
  });

  it('the columns by flag, weekly', async () => {
    const run = await cli('aggregate', STRIPE_SUBSCRIPTIONS, '--metric', 'revenue', '--granularity', 'week', '--customer-key', 'Customer ID', '--start-key', 'Start Date (UTC)', '--end-key', 'Ended At (UTC)', '--mrr-key', 'Amount');
    assert.equal(run.code, 0, run.stderr);
    compareMovements(JSON.parse(run.stdout), engineShape({ data: 'stripe', granularity: 'week' }));
  });

  it('a missing column names its flag; a transaction flag is refused', async () => {
    const missing = await cli('aggregate', STRIPE_SUBSCRIPTIONS, '--metric', 'revenue', '--customer-key', 'Customer ID', '--start-key', 'Start Date (UTC)', '--end-key', 'Ended At (UTC)');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no column "mrr" \(--mrr-key, default "mrr"\)/);
    const amount = await cli('aggregate', STRIPE_SUBSCRIPTIONS, '--metric', 'revenue', '--preset', 'stripe-subscriptions', '--amount-key', 'Amount');
    assert.equal(amount.code, 2);
    assert.match(amount.stderr, /--amount-key is for orders; subscriptions take --customer-key, --start-key, --end-key, --mrr-key/);
    // What the elements refuse is refused, counted; subscriptions without a customer are left out and said.
    const csv = join(dir, 'refused.csv');
    writeFileSync(csv, 'customer,start,end,mrr\nc1,2024-01-05,,10\n,2024-01-06,,20\nc2,2024-02-01,2024-01-01,30\nc3,2024-02-01,,-5\n');
    const refused = await cli('aggregate', csv, '--metric', 'revenue');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /4 subscriptions read .*; 1 without a customer are left out/);
    assert.match(refused.stderr, /refused.csv has subscriptions the kit cannot read: 1 without an MRR of 0 or more \(mrr\); 1 ending \(end\) before they start \(start\)/);
    const sql = await cli('sql', '--metric', 'revenue', '--dialect', 'bigquery', '--table', 'billing.subscriptions', '--start-key', 'started_at');
    assert.equal(sql.code, 0, sql.stderr);
    assert.match(sql.stdout, /`billing`.`subscriptions`/);
  });
});

after(() => {
  for (const [dialect, { periods, cells }] of Object.entries(compared)) console.log(`${dialect}: compared ${cells.toLocaleString('en')} values of ${periods.toLocaleString('en')} periods with the engine's`);
});
