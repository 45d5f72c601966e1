// repeat-counts/1, end to end: the SQL as text (golden files, parsed per dialect, names quoted),
// run on DuckDB (in process) and a real PostgreSQL it equals the engine's per-period counts of
// the KPIs repeat-purchase-rate and loyal-customer-rate exactly, on the real UK export (read by
// invoice, and line by line) and on the trap rows; the KPI job's points are those counts; the
// command line writes the document from the export.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '@polyglot-sql/sdk';
import { importTs, root } from './load-ts.mjs';
import { HOSTILE, loadDuckdb, loadPostgres, trapRows, TRAPS_FIELDS, UK_FIELDS, ukExportRecords } from './fixtures.mjs';
import { duckdbForSuite, postgresForSuite, runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/repeat-counts-entry.ts');
const GOLDEN = join(root, 'tests/sql/golden');
const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };
const ORDERS = { table: ['shop', 'orders'], fields: { customer: 'customer_id', date: 'ordered_at', quantity: 'quantity', unitPrice: 'unit_price', type: 'status' } };
const UK_ORDER_FIELDS = { ...UK_FIELDS, order: 'Invoice' };

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

/** The engine's tables: the export by invoice (its lines one purchase) or line by line, the traps in each zone. */
const engineTables = new Map();
function engineTable(c) {
  const id = `${c.data}|${c.timeZone ?? ''}`;
  if (!engineTables.has(id)) {
    const read =
      c.data === 'traps'
        ? kit.readTransactions(trapRows(), { fields: TRAPS_FIELDS, timeZone: c.timeZone })
        : kit.readTransactions(ukExportRecords(), { fields: c.data === 'uk' ? UK_ORDER_FIELDS : UK_FIELDS });
    engineTables.set(id, value(read));
  }
  return engineTables.get(id);
}

/** What <kpi-tile> computes per period, as a document: the repeat and loyal series of purchaseMetricSeries. */
function engineDocument(c) {
  const table = engineTable(c);
  const loyaltyThreshold = c.threshold ?? kit.DEFAULT_LOYALTY_THRESHOLD;
  const options = { granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf };
  const repeat = value(kit.purchaseMetricSeries(table, { ...options, metric: 'repeat-purchase-rate' }));
  const loyal = value(kit.purchaseMetricSeries(table, { ...options, metric: 'loyal-customer-rate', loyaltyThreshold }));
  return kit.repeatCountsShapeOf({ repeat, loyal }, { granularity: c.granularity, weekStart: c.weekStart, asOfDay: c.asOf ? kit.dayOfText(c.asOf) : table.lastDay, loyaltyThreshold });
}

function sqlOptions(c, dialect) {
  const base =
    c.data === 'traps'
      ? { table: 'traps', fields: TRAPS_FIELDS, dates: 'instant', timeZone: c.timeZone }
      : { table: 'uk', fields: c.data === 'uk' ? UK_ORDER_FIELDS : UK_FIELDS };
  return { dialect, ...base, granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf, loyaltyThreshold: c.threshold };
}

const CASES = [
  { data: 'uk', granularity: 'month' },
  { data: 'uk', granularity: 'week' },
  { data: 'uk', granularity: 'quarter', threshold: 2 },
  { data: 'uk', granularity: 'month', asOf: '2010-06-15', threshold: 5 },
  { data: 'uk-lines', granularity: 'month' },
  { data: 'traps', granularity: 'month', timeZone: 'Europe/Oslo', threshold: 4 },
  { data: 'traps', granularity: 'week', weekStart: 0, timeZone: 'America/New_York', threshold: 2 },
  { data: 'traps', granularity: 'day', timeZone: 'Asia/Tokyo', threshold: 2 },
  { data: 'traps', granularity: 'year', timeZone: 'UTC' },
];
const describeCase = (c) =>
  `${c.data === 'uk' ? 'uk by invoice' : c.data === 'uk-lines' ? 'uk line by line' : 'traps'} by ${c.granularity}${c.weekStart !== undefined ? ` (weeks from day ${c.weekStart})` : ''}${c.timeZone ? ` in ${c.timeZone}` : ''}${c.asOf ? ` as of ${c.asOf}` : ''}, loyal from ${c.threshold ?? 3}`;

describe('repeat-counts/1 SQL as text', () => {
  const GOLDEN_CASES = [
    ['repeat-counts-month', (dialect) => kit.repeatCountsSql({ dialect, ...ORDERS, granularity: 'month' })],
    ['repeat-counts-week-orders-instant', (dialect) =>
      kit.repeatCountsSql({ dialect, ...ORDERS, fields: { ...ORDERS.fields, order: 'order_number' }, granularity: 'week', weekStart: 0, dates: 'instant', timeZone: 'America/New_York', loyaltyThreshold: 4 })],
  ];
  for (const dialect of kit.DIALECTS) {
    for (const [name, write] of GOLDEN_CASES) {
      it(`${dialect}: the golden file ${name}`, () => {
        const file = join(GOLDEN, `${dialect}.${name}.sql`);
        const sql = write(dialect);
        if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        assert.equal(sql, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_GOLDEN=1 node --test tests/sql/repeat-counts.test.mjs`);
      });
    }
  }

  it('every variant parses as one SELECT in each dialect', () => {
    let parsed = 0;
    for (const dialect of kit.DIALECTS) {
      for (const granularity of ['day', 'week', 'month', 'quarter', 'year']) {
        for (const dates of ['local', 'instant']) {
          for (const fields of [ORDERS.fields, { customer: 'c', date: 'd' }, { customer: 'c', date: 'd', amount: 'a', order: 'o' }]) {
            const sql = kit.repeatCountsSql({ dialect, table: 'orders', fields, granularity, dates, timeZone: 'Europe/Oslo', weekStart: 3, asOf: granularity === 'day' ? '2024-02-29' : undefined });
            const result = parse(sql, PARSER_DIALECT[dialect]);
            assert.ok(result.success, `${dialect}: ${result.error}\n${sql}`);
            assert.equal(result.ast.length, 1, `${dialect}: one statement`);
            parsed++;
          }
        }
      }
    }
    assert.equal(parsed, 150);
    assert.equal(parse(kit.repeatCountsSql({ dialect: 'snowflake', table: 'orders' }).replace('GROUP BY period_start', 'GROUP period_start'), 'snowflake').success, false, 'the parser refuses broken SQL');
  });

  it('hostile names are quoted names; the threshold is checked', () => {
    for (const dialect of ['bigquery', 'clickhouse']) {
      const result = parse(kit.repeatCountsSql({ dialect, table: ['x; drop table x', HOSTILE.customer], fields: HOSTILE }), PARSER_DIALECT[dialect]);
      assert.ok(result.success && result.ast.length === 1, dialect);
      assert.ok(!/"drop"\s*:/i.test(JSON.stringify(result.ast)), `${dialect}: no DROP statement`);
    }
    assert.match(kit.repeatCountsSql({ dialect: 'duckdb', table: 't', fields: HOSTILE }), /NULLIF\(TRIM\(CAST\("""; drop table x; --" AS VARCHAR\)\), ''\) AS customer/);
    assert.throws(() => kit.repeatCountsSql({ dialect: 'duckdb', table: 't', loyaltyThreshold: 1 }), /loyaltyThreshold must be a whole number of purchases of at least 2, not 1/);
    assert.throws(() => kit.repeatCountsSql({ dialect: 'duckdb', table: 't', loyaltyThreshold: '3; drop table x' }), /loyaltyThreshold must be a whole number/);
  });
});

describe('the repeat-counts/1 schema', () => {
  const documented = {
    shape: 'repeat-counts/1', granularity: 'month', asOf: '2024-03-20', frame: 'period', loyaltyThreshold: 3,
    periods: [
      { period: '2024-02', customers: 40, repeatCustomers: 12, loyalCustomers: 5, complete: true },
      { period: '2024-03', customers: 25, repeatCustomers: 4, loyalCustomers: 1, complete: false },
    ],
  };
  const issue = (document) => {
    const parsed = kit.repeatCountsShapeSchema.safeParse(document);
    assert.equal(parsed.success, false, JSON.stringify(document));
    return `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
  };
  const withPeriod = (i, change) => ({ ...documented, periods: documented.periods.map((p, k) => (k === i ? { ...p, ...change } : p)) });

  it('accepts the documented example', () => {
    assert.ok(kit.repeatCountsShapeSchema.safeParse(documented).success);
    assert.ok(kit.repeatCountsShapeSchema.safeParse({ ...documented, periods: [] }).success);
  });

  it('refuses what does not add up, saying which figure and why', () => {
    assert.match(issue(withPeriod(0, { repeatCustomers: 41 })), /^periods\.0\.repeatCustomers: at most "customers"/);
    assert.match(issue(withPeriod(1, { loyalCustomers: 5 })), /^periods\.1\.loyalCustomers: at most "repeatCustomers"/);
    assert.match(issue(withPeriod(0, { complete: false })), /^periods: complete periods, but for the last one/);
    assert.match(issue(withPeriod(1, { period: '2024-02' })), /^periods: each period once/);
    assert.match(issue({ ...documented, loyaltyThreshold: 2 }), /^loyaltyThreshold: more than 2 where loyal and repeat customers differ/);
    assert.match(issue({ ...documented, loyaltyThreshold: 1 }), /^loyaltyThreshold/);
    assert.match(issue({ ...documented, frame: 'cumulative' }), /^frame/);
    assert.match(issue({ ...documented, shape: 'repeat-counts/2' }), /^shape/);
    assert.match(issue(withPeriod(0, { customers: 2.5 })), /^periods/);
  });
});

describe('<kpi-tile>\'s repeat and loyal rates are the document\'s counts', () => {
  it('each point of the tile computed from the export is repeatCustomers (or loyalCustomers) of customers', () => {
    const document = engineDocument({ data: 'uk', granularity: 'month' });
    for (const [metric, field] of [['repeat-purchase-rate', 'repeatCustomers'], ['loyal-customer-rate', 'loyalCustomers']]) {
      const tile = value(kit.computeKpi(ukExportRecords(), { metric, input: 'transactions', granularity: 'month', periods: 13, windowDays: null, transactionFields: UK_ORDER_FIELDS }));
      assert.ok(tile.points.length >= 12, metric);
      for (const point of tile.points) {
        const period = document.periods.find((p) => p.period === point.key);
        assert.ok(period, `${metric}: period ${point.key} is in the document`);
        assert.deepEqual(point.counts, { successes: period[field], trials: period.customers }, `${metric} ${point.key}`);
        assert.equal(point.value, period.customers > 0 ? period[field] / period.customers : null, `${metric} ${point.key}`);
        assert.equal(point.complete, period.complete, `${metric} ${point.key}`);
      }
    }
  });
});

/** The equality cases against one database, given a function that runs a query and returns row objects. */
function equalityCases(dialect, query, figures) {
  for (const c of CASES) {
    it(`equals the engine: ${describeCase(c)}`, async () => {
      const rows = await query(kit.repeatCountsSql(sqlOptions(c, dialect)));
      const fromSql = kit.repeatCountsFromRows(rows, { granularity: c.granularity, weekStart: c.weekStart, loyaltyThreshold: c.threshold, asOf: c.asOf });
      const fromEngine = engineDocument(c);
      assert.ok(kit.repeatCountsShapeSchema.safeParse(fromSql).success, 'the document passes its schema');
      const { periods: sqlPeriods, ...sqlHead } = fromSql;
      const { periods: enginePeriods, ...engineHead } = fromEngine;
      assert.deepEqual(sqlHead, engineHead, 'the document heads');
      assert.deepEqual(sqlPeriods.map((p) => p.period), enginePeriods.map((p) => p.period), 'the periods');
      enginePeriods.forEach((expected, i) => assert.deepEqual(sqlPeriods[i], expected, `period ${expected.period}`));
      const sum = (field) => enginePeriods.reduce((total, p) => total + p[field], 0);
      assert.ok(sum('repeatCustomers') > 0 && sum('loyalCustomers') > 0, 'a case with repeat and loyal customers');
      figures.push(`${dialect}, ${describeCase(c)}: ${enginePeriods.length} periods × 4 values; Σ customers ${sum('customers')}, repeat ${sum('repeatCustomers')}, loyal ${sum('loyalCustomers')}`);
    });
  }

  it('a column named "; drop table x; -- is a name, not SQL', async () => {
    const name = (column) => kit.dialects[dialect].identifier(column);
    await query('CREATE TABLE x (kept INTEGER)');
    await query(`CREATE TABLE hostile_repeat AS SELECT customer AS ${name(HOSTILE.customer)}, paid_at AS ${name(HOSTILE.date)}, amount AS ${name(HOSTILE.amount)}, kind AS ${name(HOSTILE.type)} FROM traps`);
    const options = { dialect, granularity: 'month', dates: 'instant', timeZone: 'Europe/Oslo' };
    const fromHostile = await query(kit.repeatCountsSql({ ...options, table: 'hostile_repeat', fields: HOSTILE }));
    assert.deepEqual(fromHostile, await query(kit.repeatCountsSql({ ...options, table: 'traps', fields: TRAPS_FIELDS })));
    assert.ok(fromHostile.length > 10);
    // An order column with a hostile name, read through the order prologue: one order per customer and week.
    const orderName = "order'); drop table x; --";
    const week = dialect === 'duckdb' ? "strftime(paid_at, '%G-%V')" : "to_char(paid_at, 'IYYY-IW')";
    await query(
      `CREATE TABLE hostile_orders AS SELECT customer AS ${name(HOSTILE.customer)}, paid_at AS ${name(HOSTILE.date)}, amount AS ${name(HOSTILE.amount)}, kind AS ${name(HOSTILE.type)}, ` +
        `customer || '/' || ${week} AS ${name(orderName)}, customer || '/' || ${week} AS order_no FROM traps`,
    );
    const byOrder = async (order) => query(kit.repeatCountsSql({ ...options, table: 'hostile_orders', fields: { ...HOSTILE, order } }));
    const hostileOrders = await byOrder(orderName);
    assert.deepEqual(hostileOrders, await byOrder('order_no'));
    assert.ok(hostileOrders.some((row) => Number(row.repeat_customers) > 0), 'orders of several weeks in a month are repeat purchases');
    assert.equal(Number((await query('SELECT COUNT(*) AS n FROM x'))[0].n), 0, 'table x is still there');
  });
}

const figures = [];
after(() => console.log(`repeat-counts/1 equal to the engine:\n  ${figures.join('\n  ')}`));

describe('DuckDB (in process) equals the engine', () => {
  const query = duckdbForSuite(loadDuckdb);
  equalityCases('duckdb', query, figures);
});

describe('PostgreSQL (a real server) equals the engine', () => {
  const postgres = postgresForSuite(loadPostgres);
  equalityCases('postgres', postgres.query, figures);
});

describe('retention-kit aggregate --metric repeat', () => {
  const flags = ['--customer-key', UK_FIELDS.customer, '--date-key', UK_FIELDS.date, '--quantity-key', UK_FIELDS.quantity, '--price-key', UK_FIELDS.unitPrice];
  const relative = '../shared/data/online-retail-ii-2009-2010.csv.gz';

  it('the real UK export by invoice: the document equals the engine\'s, with a summary on stderr', async () => {
    const run = await cli('aggregate', relative, '--metric', 'repeat', '--order-key', 'Invoice', ...flags);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), engineDocument({ data: 'uk', granularity: 'month' }));
    assert.match(run.stderr, /525,461 rows read/);
    assert.match(run.stderr, /repeat-counts\/1: 13 periods; 2010-11: [\d,]+ repeat and [\d,]+ loyal of [\d,]+ customers, as of 2010-12-09 \(the last period is still running\)/);
    figures.push(`CLI on the export: ${run.stderr.trim().split('\n').at(-1)}`);
  });

  it('weeks and another threshold; the threshold checked', async () => {
    const run = await cli('aggregate', relative, '--metric', 'repeat', '--order-key', 'Invoice', '--granularity', 'week', '--loyalty-threshold', '2', ...flags);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), engineDocument({ data: 'uk', granularity: 'week', threshold: 2 }));
    const bad = await cli('aggregate', relative, '--metric', 'repeat', '--loyalty-threshold', '1', ...flags);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--loyalty-threshold takes a whole number of at least 2, not "1"/);
    const misplaced = await cli('aggregate', relative, '--metric', 'gaps', '--loyalty-threshold', '3', ...flags);
    assert.match(misplaced.stderr, /--loyalty-threshold is for --metric repeat/);
  });

  it('sql prints the query for a warehouse', async () => {
    const run = await cli('sql', '--dialect', 'snowflake', '--table', 'shop.orders', '--metric', 'repeat', '--customer-key', 'customer_id', '--date-key', 'ordered_at', '--quantity-key', 'quantity', '--price-key', 'unit_price', '--type-key', 'status');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, readFileSync(join(GOLDEN, 'snowflake.repeat-counts-month.sql'), 'utf8'));
  });
});
