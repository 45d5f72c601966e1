// purchase-gaps/1, end to end: the SQL as text (golden files, parsed per dialect, names quoted),
// run on DuckDB (in process) and a real PostgreSQL it equals the engine's counts exactly on the
// real UK export and the trap rows; <purchase-cycle>'s job draws the same from the document as
// from the rows; the command line writes it from the export.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '@polyglot-sql/sdk';
import { importTs, root } from './load-ts.mjs';
import { HOSTILE, loadDuckdb, loadPostgres, trapRows, TRAPS_FIELDS, UK_FIELDS, ukExportRecords } from './fixtures.mjs';
import { duckdbForSuite, postgresForSuite, runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/purchase-gaps-entry.ts');
const GOLDEN = join(root, 'tests/sql/golden');
const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };
const ORDERS = { table: ['shop', 'orders'], fields: { customer: 'customer_id', date: 'ordered_at', quantity: 'quantity', unitPrice: 'unit_price', type: 'status' } };
const UK_ORDER_FIELDS = { ...UK_FIELDS, order: 'Invoice' };

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

const dayAfter = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const engineTables = new Map();
function engineTable(data, timeZone) {
  const id = `${data}|${timeZone ?? ''}`;
  if (!engineTables.has(id)) {
    engineTables.set(id, value(data === 'uk' ? kit.readTransactions(ukExportRecords(), { fields: UK_ORDER_FIELDS }) : kit.readTransactions(trapRows(), { fields: TRAPS_FIELDS, timeZone })));
  }
  return engineTables.get(id);
}

/** The engine's document of a case: as-of ends the frame the day after it, as the SQL's as-of leaves later rows out. */
function engineDocument(c) {
  const table = engineTable(c.data, c.timeZone);
  const to = c.asOf ? dayAfter(c.asOf) : c.to;
  const timeFrame = c.from || to ? { from: c.from, to } : undefined;
  const counts = value(kit.purchaseGapCounts(table, { timeFrame }));
  return kit.purchaseGapsShapeOf(counts, { asOfDay: c.asOf ? kit.dayOfText(c.asOf) : table.lastDay, from: c.from, to: c.to });
}

function sqlOptions(c, dialect) {
  const base = c.data === 'uk' ? { table: 'uk', fields: UK_FIELDS } : { table: 'traps', fields: TRAPS_FIELDS, dates: 'instant', timeZone: c.timeZone };
  return { dialect, ...base, asOf: c.asOf, frame: { from: c.from, to: c.to } };
}

const CASES = [
  { data: 'uk' },
  { data: 'uk', asOf: '2010-06-15' },
  { data: 'uk', from: '2010-03-01', to: '2010-09-01' },
  { data: 'traps', timeZone: 'Europe/Oslo' },
  { data: 'traps', timeZone: 'America/New_York' },
  { data: 'traps', timeZone: 'Asia/Tokyo', from: '2023-06-01' },
  { data: 'traps', timeZone: 'UTC', asOf: '2023-12-31' },
];
const describeCase = (c) => `${c.data}${c.timeZone ? ` in ${c.timeZone}` : ''}${c.asOf ? ` as of ${c.asOf}` : ''}${c.from || c.to ? ` over [${c.from ?? '…'}, ${c.to ?? '…'})` : ''}`;

describe('purchase-gaps/1 SQL as text', () => {
  const GOLDEN_CASES = [
    ['purchase-gaps-shape', (dialect) => kit.purchaseGapsShapeSql({ dialect, ...ORDERS })],
    ['purchase-gaps-shape-frame-instant', (dialect) => kit.purchaseGapsShapeSql({ dialect, ...ORDERS, dates: 'instant', timeZone: 'Europe/Oslo', frame: { from: '2024-01-01', to: '2025-01-01' }, asOf: '2024-10-31' })],
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
        assert.equal(sql, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_GOLDEN=1 node --test tests/sql/purchase-gaps.test.mjs`);
      });
    }
  }

  it('every variant parses as one SELECT in each dialect', () => {
    let parsed = 0;
    for (const dialect of kit.DIALECTS) {
      for (const dates of ['local', 'instant']) {
        for (const fields of [ORDERS.fields, { customer: 'c', date: 'd' }, { customer: 'c', date: 'd', amount: 'a' }]) {
          for (const frame of [{}, { frame: { from: '2024-01-01' } }, { frame: { to: '2024-07-01' }, asOf: '2024-02-29' }]) {
            const sql = kit.purchaseGapsShapeSql({ dialect, table: 'orders', fields, dates, timeZone: 'Europe/Oslo', ...frame });
            const result = parse(sql, PARSER_DIALECT[dialect]);
            assert.ok(result.success, `${dialect}: ${result.error}\n${sql}`);
            assert.equal(result.ast.length, 1, `${dialect}: one statement`);
            parsed++;
          }
        }
      }
    }
    assert.equal(parsed, 90);
    // The parser refuses broken SQL, so a pass means something.
    assert.equal(parse(kit.purchaseGapsShapeSql({ dialect: 'clickhouse', table: 'orders' }).replace('GROUP BY gap', 'GROUP gap'), 'clickhouse').success, false);
  });

  it('ClickHouse reads the previous purchase day with lagInFrame (it has no LAG), NULL before the first', () => {
    const sql = kit.purchaseGapsShapeSql({ dialect: 'clickhouse', table: 'orders' });
    assert.match(sql, /lagInFrame\(toNullable\(day\), 1\) OVER \(PARTITION BY customer ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING\)/);
    assert.doesNotMatch(sql, /\bLAG\(/);
  });

  it('hostile column names are quoted names in every dialect; a frame day cannot carry SQL', () => {
    for (const dialect of ['bigquery', 'clickhouse']) {
      const sql = kit.purchaseGapsShapeSql({ dialect, table: ['x; drop table x', HOSTILE.customer], fields: HOSTILE });
      const result = parse(sql, PARSER_DIALECT[dialect]);
      assert.ok(result.success && result.ast.length === 1, dialect);
      assert.ok(!/"drop"\s*:/i.test(JSON.stringify(result.ast)), `${dialect}: no DROP statement`);
    }
    assert.match(kit.purchaseGapsShapeSql({ dialect: 'postgres', table: 't', fields: HOSTILE }), /NULLIF\(TRIM\(CAST\("""; drop table x; --" AS TEXT\)\), ''\) AS customer/);
    assert.throws(() => kit.purchaseGapsShapeSql({ dialect: 'duckdb', table: 't', frame: { from: "2024-01-01' OR '1'='1" } }), /frame.from must be a day written YYYY-MM-DD/);
    assert.throws(() => kit.purchaseGapsShapeSql({ dialect: 'duckdb', table: 't', frame: { from: '2024-02-01', to: '2024-01-01' } }), /frame.to \(2024-01-01\) must be after frame.from \(2024-02-01\)/);
  });
});

describe('the purchase-gaps/1 schema', () => {
  const documented = {
    shape: 'purchase-gaps/1',
    asOf: '2024-03-31',
    customersWithPurchase: 5,
    customersWithRepeat: 2,
    gapCount: 4,
    median: 9,
    gaps: [{ days: 3, count: 1 }, { days: 7, count: 1 }, { days: 11, count: 1 }, { days: 40, count: 1 }],
  };
  const issue = (document) => {
    const parsed = kit.purchaseGapsShapeSchema.safeParse(document);
    assert.equal(parsed.success, false, JSON.stringify(document));
    return `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
  };

  it('accepts a consistent document, a median of an even count half-way between the middle gaps, and no gaps at all', () => {
    assert.ok(kit.purchaseGapsShapeSchema.safeParse(documented).success);
    assert.ok(kit.purchaseGapsShapeSchema.safeParse({ ...documented, gapCount: 3, median: 7, gaps: documented.gaps.slice(0, 3) }).success);
    assert.ok(kit.purchaseGapsShapeSchema.safeParse({ ...documented, gaps: [{ days: 3, count: 1 }, { days: 8, count: 3 }], median: 8 }).success);
    assert.ok(kit.purchaseGapsShapeSchema.safeParse({ ...documented, customersWithRepeat: 0, gapCount: 0, median: null, gaps: [] }).success);
  });

  it('refuses what does not add up, saying which figure and why', () => {
    assert.match(issue({ ...documented, gapCount: 5 }), /^gapCount: the sum of the counts in "gaps"/);
    assert.match(issue({ ...documented, median: 7 }), /^median: the median of the gaps listed/);
    assert.match(issue({ ...documented, median: null }), /^median: the median of the gaps listed/);
    assert.match(issue({ ...documented, gaps: [documented.gaps[1], documented.gaps[0], ...documented.gaps.slice(2)] }), /^gaps: gap lengths in increasing days/);
    assert.match(issue({ ...documented, customersWithPurchase: 1 }), /^customersWithRepeat: at most "customersWithPurchase"/);
    assert.match(issue({ ...documented, customersWithRepeat: 0 }), /^customersWithRepeat: at most "gapCount", and 0 exactly when there are no gaps/);
    assert.match(issue({ ...documented, from: '2024-02-01', to: '2024-01-01' }), /^to: a day after "from"/);
    assert.match(issue({ ...documented, gaps: [{ days: 0, count: 4 }] }), /^gaps/);
    assert.match(issue({ ...documented, gaps: [{ days: 3, count: 0 }, ...documented.gaps] }), /^gaps/);
    assert.match(issue({ ...documented, shape: 'purchase-gaps/2' }), /^shape/);
  });
});

describe('<purchase-cycle> draws a purchase-gaps/1 document as it draws the rows', () => {
  const records = () => ukExportRecords();
  const document = () => JSON.parse(JSON.stringify(engineDocument({ data: 'uk' })));

  it('the same bars, median, mean, window and customers for any bin width and cap', () => {
    for (const bins of [{ binWidth: 7 }, { binWidth: 1 }, { binWidth: 30, maxDays: 60 }, { binWidth: 14, maxDays: 400 }]) {
      const fromShape = value(kit.computePurchaseCycle(document(), bins));
      const fromRows = value(kit.computePurchaseCycle(records(), { ...bins, transactionFields: UK_ORDER_FIELDS }));
      assert.deepEqual(fromShape, fromRows, JSON.stringify(bins));
    }
    const model = value(kit.computePurchaseCycle(document(), { binWidth: 7 }));
    assert.equal(model.suggestedWindowDays, 84, 'the README\'s window for the export');
  });

  it('a document counted over a frame is drawn for that frame, and refused for another', () => {
    const framed = engineDocument({ data: 'uk', from: '2010-03-01', to: '2010-09-01' });
    const frame = { from: '2010-03-01', to: '2010-09-01' };
    assert.deepEqual(value(kit.computePurchaseCycle(framed, { binWidth: 7, ...frame })), value(kit.computePurchaseCycle(records(), { binWidth: 7, ...frame, transactionFields: UK_ORDER_FIELDS })));
    const other = kit.computePurchaseCycle(framed, { binWidth: 7, from: '2010-01-01' });
    assert.equal(other.ok, false);
    assert.match(other.error.message, /from.*"2010-03-01", as the purchase-gaps\/1 document was counted \(or leave from out\)/);
    const unframed = kit.computePurchaseCycle(document(), { binWidth: 7, to: '2010-06-01' });
    assert.match(unframed.error.message, /to.*none, as the purchase-gaps\/1 document was counted \(or leave to out\)/);
  });

  it('another version is refused by name, and an inconsistent document by its figure', () => {
    const other = kit.computePurchaseCycle({ ...document(), shape: 'purchase-gaps/2' }, { binWidth: 7 });
    assert.equal(other.ok, false);
    assert.match(other.error.message, /shape.*"purchase-gaps\/1", the version this kit reads/);
    const wrong = kit.computePurchaseCycle({ ...document(), gapCount: 1 }, { binWidth: 7 });
    assert.equal(wrong.ok, false);
    assert.match(wrong.error.message, /gapCount.*the sum of the counts/);
  });
});

/** The equality cases against one database, given a function that runs a query and returns row objects. */
function equalityCases(dialect, query, figures) {
  for (const c of CASES) {
    it(`equals the engine: ${describeCase(c)}`, async () => {
      const fromSql = kit.purchaseGapsFromRows(await query(kit.purchaseGapsShapeSql(sqlOptions(c, dialect))), { from: c.from, to: c.to });
      const fromEngine = engineDocument(c);
      assert.ok(kit.purchaseGapsShapeSchema.safeParse(fromSql).success, 'the document passes its schema');
      assert.deepEqual(fromSql, fromEngine);
      assert.ok(fromEngine.gapCount > 100, 'a case with gaps to compare');
      figures.push(`${dialect}, ${describeCase(c)}: ${fromSql.gapCount} gaps in ${fromSql.gaps.length} lengths, ${fromSql.customersWithRepeat} of ${fromSql.customersWithPurchase} customers, median ${fromSql.median}`);
    });
  }

  it('no gaps at all: one row, median NULL, a valid document', async () => {
    const fromSql = kit.purchaseGapsFromRows(await query(kit.purchaseGapsShapeSql({ ...sqlOptions({ data: 'uk' }, dialect), frame: { from: '2010-12-09' } })), { from: '2010-12-09' });
    assert.equal(fromSql.gapCount, 0);
    assert.equal(fromSql.median, null);
    assert.deepEqual(fromSql.gaps, []);
    assert.ok(fromSql.customersWithPurchase > 0);
    assert.deepEqual(fromSql, engineDocument({ data: 'uk', from: '2010-12-09' }));
  });

  it('a column named "; drop table x; -- is a name, not SQL', async () => {
    const name = (column) => kit.dialects[dialect].identifier(column);
    await query('CREATE TABLE x (kept INTEGER)');
    await query(`CREATE TABLE hostile_gaps AS SELECT customer AS ${name(HOSTILE.customer)}, paid_at AS ${name(HOSTILE.date)}, amount AS ${name(HOSTILE.amount)}, kind AS ${name(HOSTILE.type)} FROM traps`);
    const options = { dialect, dates: 'instant', timeZone: 'Europe/Oslo' };
    const fromHostile = await query(kit.purchaseGapsShapeSql({ ...options, table: 'hostile_gaps', fields: HOSTILE }));
    assert.deepEqual(fromHostile, await query(kit.purchaseGapsShapeSql({ ...options, table: 'traps', fields: TRAPS_FIELDS })));
    assert.ok(fromHostile.length > 50);
    assert.equal(Number((await query('SELECT COUNT(*) AS n FROM x'))[0].n), 0, 'table x is still there');
  });

  it('the existing median query (the CLI\'s activity window) still agrees with the new document', async () => {
    const [row] = await query(kit.purchaseGapsSql(sqlOptions({ data: 'uk' }, dialect)));
    const document = kit.purchaseGapsFromRows(await query(kit.purchaseGapsShapeSql(sqlOptions({ data: 'uk' }, dialect))));
    assert.equal(Number(row.median_days), document.median);
    assert.equal(Number(row.gap_count), document.gapCount);
  });
}

const figures = [];
after(() => console.log(`purchase-gaps/1 equal to the engine:\n  ${figures.join('\n  ')}`));

describe('DuckDB (in process) equals the engine', () => {
  const query = duckdbForSuite(loadDuckdb);
  equalityCases('duckdb', query, figures);
});

describe('PostgreSQL (a real server) equals the engine', () => {
  const postgres = postgresForSuite(loadPostgres);
  equalityCases('postgres', postgres.query, figures);
});

describe('retention-kit aggregate --metric gaps', () => {
  const flags = ['--customer-key', UK_FIELDS.customer, '--date-key', UK_FIELDS.date, '--quantity-key', UK_FIELDS.quantity, '--price-key', UK_FIELDS.unitPrice];
  const relative = '../shared/data/online-retail-ii-2009-2010.csv.gz';

  it('the real UK export: the document equals the engine\'s, with a summary on stderr', async () => {
    const run = await cli('aggregate', relative, '--metric', 'gaps', ...flags);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), engineDocument({ data: 'uk' }));
    assert.match(run.stderr, /525,461 rows read .* 107,927 without a customer/);
    assert.match(run.stderr, /purchase-gaps\/1: [\d,]+ gaps of \d+ lengths by [\d,]+ of [\d,]+ customers, median 28 days, as of 2010-12-09/);
    figures.push(`CLI on the export: ${run.stderr.trim().split('\n').at(-1)}`);
  });

  it('a frame, and its checks', async () => {
    const run = await cli('aggregate', relative, '--metric', 'gaps', '--from', '2010-03-01', '--to', '2010-09-01', ...flags);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), engineDocument({ data: 'uk', from: '2010-03-01', to: '2010-09-01' }));
    const bad = await cli('aggregate', relative, '--metric', 'gaps', '--from', '1/3/2010', ...flags);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from takes a day written YYYY-MM-DD, not "1\/3\/2010"/);
    const misplaced = await cli('aggregate', relative, '--metric', 'cohort', '--from', '2010-03-01', ...flags);
    assert.match(misplaced.stderr, /--from is for --metric gaps/);
  });

  it('sql prints the query for a warehouse', async () => {
    const run = await cli('sql', '--dialect', 'bigquery', '--table', 'shop.orders', '--metric', 'gaps', '--customer-key', 'customer_id', '--date-key', 'ordered_at', '--quantity-key', 'quantity', '--price-key', 'unit_price', '--type-key', 'status');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, readFileSync(join(GOLDEN, 'bigquery.purchase-gaps-shape.sql'), 'utf8'));
  });
});
