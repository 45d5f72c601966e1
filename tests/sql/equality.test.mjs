// The SQL of retention-kit/sql on DuckDB (in process) and on a real PostgreSQL server gives
// the engine's numbers, cell by cell: on the real UK export (guest orders, "C" cancellations,
// the partial last month) and on a generated table of the other traps (instants in a time
// zone, return words, negative amounts without a type, blank customers, a partial last week).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';
import { HOSTILE, loadDuckdb, loadPostgres, trapRows, TRAPS_FIELDS, UK_FIELDS, ukExportRecords } from './fixtures.mjs';
import { compareCohortMatrices, comparePeriodCounts } from './compare.mjs';
import { duckdbForSuite, postgresForSuite } from './databases.mjs';

const kit = await importTs('tests/sql/engine-entry.ts');
const compared = { cells: 0, queries: 0 };

/** The engine's tables, read once: the export as the demo reads it (order lines of invoices), and the traps in each zone. */
const engineTables = new Map();
function engineTable(data, timeZone) {
  const id = `${data}|${timeZone ?? ''}`;
  if (!engineTables.has(id)) {
    const table =
      data === 'uk'
        ? kit.readTransactions(ukExportRecords(), { fields: { ...UK_FIELDS, order: 'Invoice' } })
        : kit.readTransactions(trapRows(), { fields: TRAPS_FIELDS, timeZone });
    assert.ok(table.ok, JSON.stringify(table.error));
    engineTables.set(id, table.value);
  }
  return engineTables.get(id);
}

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

/** The SQL options and engine options of one case. */
function sqlOptions(c, dialect) {
  const base = c.data === 'uk' ? { table: 'uk', fields: UK_FIELDS } : { table: 'traps', fields: TRAPS_FIELDS, dates: 'instant', timeZone: c.timeZone };
  return { dialect, ...base, granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf };
}

function engineCohorts(c, measure) {
  const matrix = value(kit.cohortMatrix(engineTable(c.data, c.timeZone), { value: 'count', granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf }));
  return kit.cohortMatrixShapeOf(matrix, { measure, weekStart: c.weekStart });
}

function enginePeriods(c) {
  const series = value(kit.churnSeries(engineTable(c.data, c.timeZone), { granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf, windowDays: c.windowDays }));
  return kit.periodCountsShapeOf(series, { weekStart: c.weekStart });
}

const COHORT_CASES = [
  { data: 'uk', granularity: 'month' },
  { data: 'uk', granularity: 'week' },
  { data: 'uk', granularity: 'week', weekStart: 0 },
  { data: 'uk', granularity: 'quarter' },
  { data: 'uk', granularity: 'month', asOf: '2010-06-15' },
  { data: 'traps', granularity: 'month', timeZone: 'Europe/Oslo' },
  { data: 'traps', granularity: 'week', timeZone: 'America/New_York', weekStart: 0 },
  { data: 'traps', granularity: 'day', timeZone: 'UTC' },
  { data: 'traps', granularity: 'year', timeZone: 'Asia/Tokyo' },
];
const PERIOD_CASES = [
  { data: 'uk', granularity: 'month', windowDays: 90 },
  { data: 'uk', granularity: 'week', windowDays: 30 },
  { data: 'uk', granularity: 'quarter', windowDays: 120, asOf: '2010-08-20' },
  { data: 'uk', granularity: 'day', windowDays: 7 },
  { data: 'traps', granularity: 'month', windowDays: 60, timeZone: 'Europe/Oslo' },
  { data: 'traps', granularity: 'week', windowDays: 21, timeZone: 'America/New_York', weekStart: 6 },
  { data: 'traps', granularity: 'quarter', windowDays: 100, timeZone: 'Asia/Kolkata' },
];

const describeCase = (c) => `${c.data} by ${c.granularity}${c.weekStart !== undefined ? ` (weeks from day ${c.weekStart})` : ''}${c.timeZone ? ` in ${c.timeZone}` : ''}${c.asOf ? ` as of ${c.asOf}` : ''}${c.windowDays ? `, ${c.windowDays}-day window` : ''}`;

/** The equality cases against one database, given a function that runs a query and returns row objects. */
function equalityCases(dialect, query) {
  it('a column named "; drop table x; -- is a name, not SQL', async () => {
    const name = (column) => kit.dialects[dialect].identifier(column);
    await query('CREATE TABLE x (kept INTEGER)');
    await query(`CREATE TABLE hostile AS SELECT customer AS ${name(HOSTILE.customer)}, paid_at AS ${name(HOSTILE.date)}, amount AS ${name(HOSTILE.amount)}, kind AS ${name(HOSTILE.type)} FROM traps`);
    const options = { dialect, granularity: 'month', dates: 'instant', timeZone: 'Europe/Oslo' };
    const fromHostile = await query(kit.periodCountsSql({ ...options, table: 'hostile', fields: HOSTILE, windowDays: 45 }));
    const fromPlain = await query(kit.periodCountsSql({ ...options, table: 'traps', fields: TRAPS_FIELDS, windowDays: 45 }));
    assert.deepEqual(fromHostile, fromPlain);
    assert.ok(fromHostile.length > 10);
    const cohorts = await query(kit.cohortMatrixSql({ ...options, table: 'hostile', fields: HOSTILE }));
    assert.deepEqual(cohorts, await query(kit.cohortMatrixSql({ ...options, table: 'traps', fields: TRAPS_FIELDS })));
    assert.deepEqual(await query('SELECT COUNT(*) AS n FROM x').then((rows) => Number(rows[0].n)), 0, 'table x is still there');
  });

  for (const c of COHORT_CASES) {
    it(`cohort matrix: ${describeCase(c)}`, async () => {
      const rows = await query(kit.cohortMatrixSql(sqlOptions(c, dialect)));
      compared.queries++;
      for (const measure of ['count', 'percent', 'revenue']) {
        const fromSql = kit.cohortMatrixFromRows(rows, { granularity: c.granularity, weekStart: c.weekStart, measure });
        compared.cells += compareCohortMatrices(fromSql, engineCohorts(c, measure));
        assert.ok(kit.cohortMatrixShapeSchema.safeParse(fromSql).success, 'the document passes its schema');
      }
    });
  }
  for (const c of PERIOD_CASES) {
    it(`period counts: ${describeCase(c)}`, async () => {
      const rows = await query(kit.periodCountsSql({ ...sqlOptions(c, dialect), windowDays: c.windowDays }));
      compared.queries++;
      const fromSql = kit.periodCountsFromRows(rows, { granularity: c.granularity, weekStart: c.weekStart, windowDays: c.windowDays });
      compared.cells += comparePeriodCounts(fromSql, enginePeriods(c));
      assert.ok(kit.periodCountsShapeSchema.safeParse(fromSql).success, 'the document passes its schema');
    });
  }
  it('the suggested activity window (3 × the median days between purchases) is the elements\'', async () => {
    for (const c of [{ data: 'uk' }, { data: 'traps', timeZone: 'Europe/Oslo' }, { data: 'traps', timeZone: 'America/New_York' }]) {
      const [row] = await query(kit.purchaseGapsSql(sqlOptions(c, dialect)));
      assert.equal(kit.windowDaysFromGaps(row), value(kit.suggestedWindowDays(engineTable(c.data, c.timeZone))), describeCase(c));
    }
    const [uk] = await query(kit.purchaseGapsSql(sqlOptions({ data: 'uk' }, dialect)));
    assert.equal(kit.windowDaysFromGaps(uk), 84, 'the README\'s figure for the export');
  });
  it('rows without a customer are left out and counted', async () => {
    const [counts] = await query(kit.rowCountsSql({ dialect, table: 'uk', fields: UK_FIELDS }));
    const records = ukExportRecords();
    assert.equal(Number(counts.rows_read), records.length);
    assert.equal(Number(counts.rows_without_customer), records.filter((r) => r['Customer ID'].trim() === '').length);
    assert.equal(Number(counts.rows_without_customer), 107_927, 'the README of the data says 107,927');
    assert.equal(counts.last_day, '2010-12-09');
  });
}

describe('DuckDB (in process) equals the engine', () => {
  const query = duckdbForSuite(loadDuckdb);
  equalityCases('duckdb', query);
});

describe('PostgreSQL (a real server) equals the engine', () => {
  const postgres = postgresForSuite(loadPostgres);
  equalityCases('postgres', postgres.query);
});

after(() => {
  console.log(`compared ${compared.cells.toLocaleString('en')} values of ${compared.queries} queries with the engine's`);
});
