// The SQL as text, for the warehouses no test can reach: golden files (a change of the SQL is a
// reviewed change of these files: `UPDATE_GOLDEN=1 npm run test:sql`), every variant parsed by
// a SQL parser of its dialect (@polyglot-sql/sdk), the quoting of names, the options refused.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '@polyglot-sql/sdk';
import { importTs, root } from './load-ts.mjs';
import { HOSTILE } from './fixtures.mjs';

const kit = await importTs('tests/sql/engine-entry.ts');
const GOLDEN = join(root, 'tests/sql/golden');
const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };
const ORDERS = { table: ['shop', 'orders'], fields: { customer: 'customer_id', date: 'ordered_at', quantity: 'quantity', unitPrice: 'unit_price', type: 'status' } };

/** The printed examples: what a person pastes into their console. */
const GOLDEN_CASES = [
  ['cohort-matrix-month', (dialect) => kit.cohortMatrixSql({ dialect, ...ORDERS, granularity: 'month' })],
  ['period-counts-week-instant', (dialect) => kit.periodCountsSql({ dialect, ...ORDERS, granularity: 'week', weekStart: 0, dates: 'instant', timeZone: 'America/New_York', windowDays: 90 })],
  ['row-counts', (dialect) => kit.rowCountsSql({ dialect, ...ORDERS })],
  ['purchase-gaps', (dialect) => kit.purchaseGapsSql({ dialect, ...ORDERS })],
];

describe('golden SQL per dialect', () => {
  for (const dialect of kit.DIALECTS) {
    for (const [name, write] of GOLDEN_CASES) {
      it(`${dialect}: ${name}`, () => {
        const file = join(GOLDEN, `${dialect}.${name}.sql`);
        const sql = write(dialect);
        if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        assert.equal(sql, readFileSync(file, 'utf8'), `${file} differs: review the change, then UPDATE_GOLDEN=1 npm run test:sql`);
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
  for (const dialect of ['bigquery', 'snowflake', 'clickhouse', 'duckdb']) {
    it(`${dialect}: each granularity, local and instant dates, with and without money and type`, () => {
      let parsed = 0;
      for (const granularity of ['day', 'week', 'month', 'quarter', 'year']) {
        for (const dates of ['local', 'instant']) {
          for (const fields of [ORDERS.fields, { customer: 'c', date: 'd' }, { customer: 'c', date: 'd', amount: 'a' }]) {
            const options = { dialect, table: 'orders', fields, granularity, dates, timeZone: 'Europe/Oslo', weekStart: 3, asOf: granularity === 'day' ? '2024-02-29' : undefined };
            assertOneQuery(kit.cohortMatrixSql(options), dialect);
            assertOneQuery(kit.periodCountsSql({ ...options, windowDays: 30 }), dialect);
            assertOneQuery(kit.rowCountsSql(options), dialect);
            assertOneQuery(kit.purchaseGapsSql(options), dialect);
            parsed += 4;
          }
        }
      }
      assert.equal(parsed, 120);
    });
  }

  it('the parser refuses broken SQL (so a pass means something)', () => {
    for (const dialect of ['bigquery', 'snowflake', 'clickhouse']) {
      const broken = kit.cohortMatrixSql({ dialect, table: 'orders' }).replace('GROUP BY customer', 'GROUP customer');
      assert.equal(parse(broken, PARSER_DIALECT[dialect]).success, false, dialect);
    }
  });
});

describe('names are quoted as names', () => {
  it('each dialect escapes its own quote character', () => {
    const name = '"; drop table x; --';
    assert.equal(kit.dialects.duckdb.identifier(name), '"""; drop table x; --"');
    assert.equal(kit.dialects.postgres.identifier(name), '"""; drop table x; --"');
    assert.equal(kit.dialects.snowflake.identifier(name), '"""; drop table x; --"');
    assert.equal(kit.dialects.bigquery.identifier('a`b\\c'), '`a\\`b\\\\c`');
    assert.equal(kit.dialects.clickhouse.identifier('a`b\\c'), '`a\\`b\\\\c`');
    assert.equal(kit.dialects.bigquery.identifier(name), '`"; drop table x; --`');
  });

  it('hostile column and table names parse as one query in the backtick dialects', () => {
    // (Snowflake's doubled quotes are read correctly by Snowflake; the parser's tokenizer takes a
    // leading """ for a triple-quoted string, so Snowflake is held to the golden quoting above.)
    for (const dialect of ['bigquery', 'clickhouse']) {
      const options = { dialect, table: ['x; drop table x', HOSTILE.customer], fields: HOSTILE, granularity: 'month' };
      assertOneQuery(kit.cohortMatrixSql(options), dialect);
      assertOneQuery(kit.periodCountsSql({ ...options, windowDays: 9 }), dialect);
    }
  });

  it('a time zone or an as-of day cannot carry SQL', () => {
    assert.throws(() => kit.periodCountsSql({ dialect: 'postgres', table: 't', dates: 'instant', timeZone: "UTC'; drop table x; --", windowDays: 9 }), /timeZone must be an IANA zone name/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 't', asOf: "2024-01-01' OR '1'='1" }), /asOf must be a day written YYYY-MM-DD/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 'a\0b' }), /cannot contain a NUL/);
  });
});

describe('options are checked', () => {
  it('says which option is wrong and what it takes', () => {
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'oracle', table: 't' }), /Unknown SQL dialect "oracle": one of duckdb, postgres, bigquery, snowflake, clickhouse/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 't', granularity: 'fortnight' }), /granularity must be one of day, week, month, quarter, year/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 't', weekStart: 7 }), /weekStart must be a weekday number/);
    assert.throws(() => kit.periodCountsSql({ dialect: 'duckdb', table: 't', windowDays: 0 }), /windowDays must be a whole number of days of at least 1/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 't', fields: { unitPrice: 'p' } }), /unitPrice needs fields.quantity/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb' }), /table must be a table name/);
    assert.throws(() => kit.cohortMatrixSql({ dialect: 'duckdb', table: 't', from: 'u' }), /table or from, not both/);
  });
});

describe('the README prints the SQL as it is written', () => {
  it('its DuckDB cohort query is the golden file', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const golden = readFileSync(join(GOLDEN, 'duckdb.cohort-matrix-month.sql'), 'utf8').trimEnd();
    assert.ok(readme.includes(`\`\`\`sql\n${golden}\n\`\`\``), 'README.md, section "Bigger than a browser": paste tests/sql/golden/duckdb.cohort-matrix-month.sql again');
  });
});
