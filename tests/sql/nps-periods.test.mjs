// nps-periods/1 end to end: the SQL as text (golden files, parsed per dialect, hostile names),
// the SQL on DuckDB and on a real PostgreSQL equal to the engine count by count (a survey export
// in Delighted's layout, and generated traps: answers at period edges read in time zones, blank
// respondents, repeated answers, undated answers, a running last period), bad scores refused as
// the engine refuses them, <nps-score>'s job drawing the same model from the document as from the
// responses, and the command line on the export.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { csvParse } from 'd3-dsv';
import { parse } from '@polyglot-sql/sdk';
import { importTs, root } from './load-ts.mjs';
import { HOSTILE } from './fixtures.mjs';
import { duckdbForSuite, postgresForSuite, runCli as cli } from './databases.mjs';

const kit = await importTs('tests/sql/nps-periods-entry.ts');
const GOLDEN = join(root, 'tests/sql/golden');
const PARSER_DIALECT = { duckdb: 'duckdb', postgres: 'postgresql', bigquery: 'bigquery', snowflake: 'snowflake', clickhouse: 'clickhouse' };

export const DELIGHTED_CSV = join(root, 'tests/fixtures/surveys/delighted-nps-responses.csv');
const DELIGHTED_FIELDS = { customer: 'person', date: 'created_at', score: 'score' };
const TRAP_FIELDS = { customer: 'respondent', date: 'answered_at', score: 'nps' };

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 3,001 answers from 2023-11-01 to 2024-06-17 (a Monday mid-month: the last week and month
 * are running): times within two hours of midnight UTC, so Oslo, New York and Tokyo put many on
 * another day, month or week than UTC; 5 % without a respondent ('' or blanks), 3 % undated,
 * respondents answering several times a period.
 */
function trapRows() {
  const next = random(41);
  const rows = [];
  const first = Date.UTC(2023, 10, 1);
  for (let i = 0; i < 3000; i++) {
    const respondent = next() < 0.05 ? (next() < 0.5 ? '' : '  ') : `r${Math.floor(next() ** 2 * 120) + 1}`;
    const day = Math.floor(next() * 229);
    const minutes = Math.floor((next() - 0.5) * 240);
    const answered = next() < 0.03 ? '' : new Date(first + day * 86_400_000 + minutes * 60_000).toISOString();
    rows.push({ respondent, answered_at: answered, nps: String(Math.floor(next() * 11)) });
  }
  rows.push({ respondent: 'r1', answered_at: '2024-06-17T12:00:00.000Z', nps: '10' });
  return rows;
}

const delightedRecords = csvParse(readFileSync(DELIGHTED_CSV, 'utf8'));
const DATA = {
  delighted: { records: delightedRecords, fields: DELIGHTED_FIELDS, table: 'delighted' },
  traps: { records: trapRows(), fields: TRAP_FIELDS, table: 'traps' },
};

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

function responses(data, timeZone) {
  return value(kit.readSurveyResponses(DATA[data].records, { fields: DATA[data].fields, timeZone }));
}

/** The engine's document of a case. */
function engineShape(c) {
  return value(kit.npsPeriodsShapeOf(responses(c.data, c.timeZone), { granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf }));
}

function sqlOptions(c, dialect) {
  return { dialect, table: DATA[c.data].table, fields: DATA[c.data].fields, dates: 'instant', timeZone: c.timeZone ?? 'UTC', granularity: c.granularity, weekStart: c.weekStart, asOf: c.asOf };
}

const CASES = [
  { data: 'delighted', granularity: 'month' },
  { data: 'delighted', granularity: 'week' },
  { data: 'delighted', granularity: 'week', weekStart: 0, timeZone: 'America/Los_Angeles' },
  { data: 'traps', granularity: 'month', timeZone: 'Europe/Oslo' },
  { data: 'traps', granularity: 'week', weekStart: 0, timeZone: 'America/New_York' },
  { data: 'traps', granularity: 'week', timeZone: 'Asia/Tokyo' },
  { data: 'traps', granularity: 'month', timeZone: 'UTC', asOf: '2024-04-15' },
  { data: 'traps', granularity: 'quarter', timeZone: 'Asia/Kolkata' },
  { data: 'traps', granularity: 'day', timeZone: 'Europe/Oslo', asOf: '2024-01-31' },
];
const describeCase = (c) => `${c.data} by ${c.granularity}${c.weekStart !== undefined ? ` (weeks from day ${c.weekStart})` : ''} in ${c.timeZone ?? 'UTC'}${c.asOf ? ` as of ${c.asOf}` : ''}`;

/** Counts compared, for the report: every count of every period, and the undated counts. */
const compared = { values: 0, queries: 0 };
function compareShapes(fromSql, fromEngine) {
  assert.deepEqual(fromSql, fromEngine);
  compared.values += fromEngine.periods.length * 5 + (fromEngine.undated ? 4 : 0);
  compared.queries++;
}

describe('nps-periods SQL as text', () => {
  const SURVEYS = { table: ['feedback', 'nps_responses'], fields: { customer: 'person_id', date: 'answered_at', score: 'score' } };
  const GOLDEN_CASES = [
    ['nps-periods-month', (dialect) => kit.npsPeriodsSql({ dialect, ...SURVEYS, granularity: 'month' })],
    ['nps-periods-week-instant', (dialect) => kit.npsPeriodsSql({ dialect, ...SURVEYS, granularity: 'week', weekStart: 0, dates: 'instant', timeZone: 'Europe/Oslo', asOf: '2024-06-17' })],
  ];
  for (const dialect of kit.DIALECTS) {
    for (const [name, write] of GOLDEN_CASES) {
      it(`golden ${dialect}: ${name}`, () => {
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

  /** One statement, a query, and nothing the parser read as a DROP. */
  function assertOneQuery(sql, dialect) {
    const result = parse(sql, PARSER_DIALECT[dialect]);
    assert.ok(result.success, `${dialect}: ${result.error}\n${sql}`);
    assert.equal(result.ast.length, 1, `${dialect}: one statement`);
    assert.ok(!/"drop"\s*:/i.test(JSON.stringify(result.ast)), `${dialect}: no DROP statement`);
  }

  for (const dialect of kit.DIALECTS) {
    it(`${dialect}: every granularity, local and instant dates, with and without as-of and respondent, parses`, () => {
      let parsed = 0;
      for (const granularity of ['day', 'week', 'month', 'quarter', 'year']) {
        for (const dates of ['local', 'instant']) {
          for (const fields of [SURVEYS.fields, { date: 'd', score: 's' }, {}]) {
            const options = { dialect, table: 'responses', fields, granularity, dates, timeZone: 'Asia/Tokyo', weekStart: 3, asOf: dates === 'local' ? '2024-02-29' : undefined };
            assertOneQuery(kit.npsPeriodsSql(options), dialect);
            assertOneQuery(kit.surveyRowCountsSql(options), dialect);
            assertOneQuery(kit.invalidScoresSql(options), dialect);
            parsed += 3;
          }
        }
      }
      assert.equal(parsed, 90);
    });
  }

  it('hostile column and table names are names: quoted per dialect, one query in the backtick dialects', () => {
    const fields = { customer: HOSTILE.customer, date: HOSTILE.date, score: HOSTILE.amount };
    for (const dialect of ['bigquery', 'clickhouse']) assertOneQuery(kit.npsPeriodsSql({ dialect, table: ['x; drop table x', HOSTILE.customer], fields }), dialect);
    const duck = kit.npsPeriodsSql({ dialect: 'duckdb', table: 't', fields });
    assert.ok(duck.includes('"""; drop table x; --"') && duck.includes(`"it's a date"`) && duck.includes('"a`b\\c ""d"""'), duck);
    assert.throws(() => kit.npsPeriodsSql({ dialect: 'postgres', table: 't', dates: 'instant', timeZone: "UTC'; drop table x; --" }), /timeZone must be an IANA zone name/);
    assert.throws(() => kit.npsPeriodsSql({ dialect: 'duckdb', table: 't', asOf: "2024-01-01' OR '1'='1" }), /asOf must be a day written YYYY-MM-DD/);
  });
});

describe('nps-periods/1: the schema and the engine', () => {
  const document = {
    shape: 'nps-periods/1',
    granularity: 'month',
    asOf: '2024-06-17',
    periods: [
      { period: '2024-05', promoters: 41, passives: 22, detractors: 9, responses: 72, complete: true },
      { period: '2024-06', promoters: 12, passives: 5, detractors: 4, responses: 21, complete: false },
    ],
    undated: { promoters: 3, passives: 1, detractors: 0, responses: 4 },
  };

  it('accepts the documented example; refuses sums that do not add up, keys off the calendar, gaps, counts that are not whole', () => {
    assert.ok(kit.npsPeriodsShapeSchema.safeParse(document).success);
    const refused = (changed, message) => {
      const result = kit.npsPeriodsShapeSchema.safeParse(changed);
      assert.equal(result.success, false, JSON.stringify(changed));
      if (message) assert.match(result.error.issues.map((i) => i.message).join('\n'), message);
    };
    refused({ ...document, periods: [document.periods[0], { ...document.periods[1], responses: 20 }] }, /responses = promoters \+ passives \+ detractors .*; period 2024-06: 12 \+ 5 \+ 4 is 21, not 20/);
    refused({ ...document, undated: { ...document.undated, responses: 5 } }, /undated: 3 \+ 1 \+ 0 is 4, not 5/);
    refused({ ...document, periods: [{ ...document.periods[0], period: '2024-W20' }] }, /a month key of the kit's calendar/);
    refused({ ...document, periods: [document.periods[0], { ...document.periods[1], period: '2024-07' }] }, /consecutive periods.*2024-07 follows 2024-05/);
    refused({ ...document, periods: [{ ...document.periods[0], promoters: 40.5, responses: 71.5 }] });
    refused({ ...document, periods: [{ ...document.periods[0], detractors: -1, responses: 62 }] });
    refused({ ...document, shape: 'nps-periods/2' });
  });

  it("<nps-score>'s job draws from the document the model it computes from the responses (score, interval, split, trend, warning)", () => {
    for (const c of [{ data: 'delighted', granularity: 'month' }, { data: 'traps', granularity: 'week', weekStart: 0, timeZone: 'America/New_York' }]) {
      const shape = JSON.parse(JSON.stringify(engineShape(c)));
      const options = { granularity: c.granularity, weekStart: c.weekStart ?? (c.granularity === 'week' ? 1 : undefined), timeZone: c.timeZone, responseFields: DATA[c.data].fields };
      const fromRows = kit.computeNps(DATA[c.data].records, options);
      // The element's own granularity attribute does not change a document's calendar.
      const fromShape = kit.computeNps(shape, { granularity: 'year' });
      assert.ok(fromRows.ok && fromShape.ok, describeCase(c));
      const { input: rowsInput, ...rowsModel } = fromRows.value;
      const { input: shapeInput, ...shapeModel } = fromShape.value;
      assert.equal(rowsInput, 'responses');
      assert.equal(shapeInput, 'periods');
      if (c.granularity !== 'week') delete rowsModel.weekStart;
      assert.deepEqual(shapeModel, rowsModel, describeCase(c));
      assert.deepEqual(fromShape.warnings.map((w) => [w.code, w.count, w.message]), fromRows.warnings.map((w) => [w.code, w.count, w.message]));
      if (c.data === 'traps') assert.ok(fromRows.warnings[0].count > 50, 'the traps have undated answers');
      assert.ok(rowsModel.trend.length >= 6 && rowsModel.interval);
    }
  });

  it('a granularity the page set to another than the document\'s is refused naming both', () => {
    const weekly = kit.computeNps(document, { granularity: 'week', givenGranularity: 'week' });
    assert.equal(weekly.ok, false);
    assert.match(weekly.error.message, new RegExp(`granularity.*"${document.granularity}", as the nps-periods/1 document was counted \\(or leave granularity out\\).*"week"`));
    assert.ok(kit.computeNps(document, { granularity: 'week' }).ok, 'left out (the element passes no givenGranularity), the document\'s own');
  });

  it('a document of another version is refused by name; a document without responses has no score', () => {
    const other = kit.computeNps({ ...document, shape: 'nps-periods/2' }, { granularity: 'month' });
    assert.equal(other.ok, false);
    assert.match(other.error.message, /shape.*"nps-periods\/1", the version this kit reads.*nps-periods\/2/);
    const bad = kit.computeNps({ ...document, periods: [{ ...document.periods[0], responses: 1 }] }, { granularity: 'month' });
    assert.equal(bad.ok, false);
    assert.match(bad.error.message, /nps-periods\/1 document/);
    const empty = kit.computeNps({ ...document, periods: [{ ...document.periods[0], promoters: 0, passives: 0, detractors: 0, responses: 0 }], undated: undefined }, { granularity: 'month' });
    assert.equal(empty.ok, false);
  });
});

/** The answers in a table: respondent text, answer instant (NULL when undated), score as the column type given. */
function surveyValues(data) {
  const text = (v) => (v === undefined || v === '' ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);
  const { records, fields } = DATA[data];
  return records.map((r) => `(${text(r[fields.customer])}, ${r[fields.date] ? `TIMESTAMPTZ '${r[fields.date].replace('T', ' ').replace('Z', '+00')}'` : 'NULL'}, ${Number(r[fields.score])})`).join(',\n');
}

async function loadSurveys(query) {
  for (const [data, { table, fields }] of Object.entries(DATA)) {
    await query(`CREATE TABLE ${table} ("${fields.customer}" TEXT, "${fields.date}" TIMESTAMPTZ, "${fields.score}" INTEGER)`);
    await query(`INSERT INTO ${table} VALUES ${surveyValues(data)}`);
  }
  // Scores no response may have, in a text column: out of range, a fraction, blank, not a number.
  await query(`CREATE TABLE bad_scores (answered_at TIMESTAMPTZ, score TEXT)`);
  await query(`INSERT INTO bad_scores VALUES ('2024-01-02 10:00:00+00', '9'), ('2024-01-03 10:00:00+00', '11'), ('2024-01-04 10:00:00+00', '7.5'), ('2024-01-05 10:00:00+00', NULL), ('2024-01-06 10:00:00+00', 'n/a'), ('2024-01-07 10:00:00+00', ' 10 '), ('2024-01-08 10:00:00+00', '-1')`);
}

function equalityCases(dialect, query) {
  for (const c of CASES) {
    it(`counts equal the engine's: ${describeCase(c)}`, async () => {
      const rows = await query(kit.npsPeriodsSql(sqlOptions(c, dialect)));
      const fromSql = kit.npsPeriodsFromRows(rows, { granularity: c.granularity, weekStart: c.weekStart });
      assert.ok(kit.npsPeriodsShapeSchema.safeParse(fromSql).success, 'the document passes its schema');
      compareShapes(fromSql, engineShape(c));
    });
  }

  it('the traps are there: answers the zone moves to another period, blank respondents, repeated and undated answers', async () => {
    const utc = engineShape({ data: 'traps', granularity: 'month' });
    const oslo = engineShape({ data: 'traps', granularity: 'month', timeZone: 'Europe/Oslo' });
    assert.notDeepEqual(utc.periods.map((p) => p.responses), oslo.periods.map((p) => p.responses), 'the zone moves answers across month ends');
    assert.equal(oslo.periods.at(-1).complete, false, 'June 2024 is still running on 2024-06-17');
    const [counts] = await query(kit.surveyRowCountsSql({ dialect, table: 'traps', fields: TRAP_FIELDS, dates: 'instant', timeZone: 'Europe/Oslo' }));
    const records = DATA.traps.records;
    assert.equal(Number(counts.rows_read), records.length);
    assert.equal(Number(counts.rows_without_customer), records.filter((r) => r.respondent.trim() === '').length);
    assert.equal(Number(counts.rows_without_date), records.filter((r) => r.answered_at === '').length);
    assert.equal(Number(counts.rows_without_date), oslo.undated.responses, 'undated answers count apart, in the score');
    assert.equal(Number(counts.invalid_scores), 0);
    assert.ok(Number(counts.rows_without_customer) > 100);
    // Repeated answers count every time, as in the engine: more answers than respondent-periods.
    const perPeriod = new Set(responses('traps', 'Europe/Oslo').filter((r) => r.day !== undefined && r.customer).map((r) => `${r.customer}|${Math.floor(r.day / 30)}`));
    assert.ok(records.length > perPeriod.size + 1000);
  });

  it('a score that is no response is counted apart and refused, as the engine refuses it', async () => {
    const options = { dialect, table: 'bad_scores', fields: { date: 'answered_at' }, dates: 'instant' };
    const rows = await query(kit.npsPeriodsSql(options));
    assert.equal(Number(rows[0].invalid_scores), 5);
    assert.throws(() => kit.npsPeriodsFromRows(rows, {}), /5 problems in the survey responses: field "score": expected a whole number from 0 to 10/);
    const values = (await query(kit.invalidScoresSql(options))).map((r) => r.score);
    assert.deepEqual(new Set(values), new Set(['11', '7.5', null, 'n/a', '-1']));
    const engine = kit.readSurveyResponses(
      ['9', '11', '7.5', '', 'n/a', ' 10 ', '-1'].map((score) => ({ answered_at: '2024-01-02', score })),
      { fields: { date: 'answered_at' } },
    );
    assert.equal(engine.ok, false);
    assert.equal(engine.error.total, 5, 'the engine refuses the same five');
  });

  it('a column named "; drop table x; -- is a name, not SQL', async () => {
    const name = (column) => kit.dialects[dialect].identifier(column);
    await query('CREATE TABLE x (kept INTEGER)');
    await query(`CREATE TABLE hostile AS SELECT respondent AS ${name(HOSTILE.customer)}, answered_at AS ${name(HOSTILE.date)}, nps AS ${name(HOSTILE.amount)} FROM traps`);
    const options = { dialect, granularity: 'week', dates: 'instant', timeZone: 'Europe/Oslo' };
    const fromHostile = await query(kit.npsPeriodsSql({ ...options, table: 'hostile', fields: { customer: HOSTILE.customer, date: HOSTILE.date, score: HOSTILE.amount } }));
    assert.deepEqual(fromHostile, await query(kit.npsPeriodsSql({ ...options, table: 'traps', fields: TRAP_FIELDS })));
    assert.ok(fromHostile.length > 30);
    assert.equal(Number((await query('SELECT COUNT(*) AS n FROM x'))[0].n), 0, 'table x is still there');
  });
}

describe('DuckDB (in process) counts as the engine', () => {
  const query = duckdbForSuite((connection) => loadSurveys((sql) => connection.run(sql)));
  equalityCases('duckdb', query);
});

describe('PostgreSQL (a real server) counts as the engine', () => {
  const postgres = postgresForSuite((client) => loadSurveys((sql) => client.query(sql)));
  equalityCases('postgres', postgres.query);
  it('the command line on a postgres:// URL writes what it writes from the file', async () => {
    const run = await cli('aggregate', postgres.url, '--table', 'delighted', ...DELIGHTED_FLAGS);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(readFileSync(DELIGHTED_DOCUMENT, 'utf8')));
    assert.match(run.stderr, /reading delighted in postgres:/);
  });
});

const DELIGHTED_FLAGS = ['--metric', 'nps', '--customer-key', 'person', '--date-key', 'created_at'];
const DELIGHTED_DOCUMENT = join(root, 'tests/fixtures/surveys/delighted-nps-periods.json');

describe('retention-kit aggregate --metric nps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-nps-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const csv = (name, header, rows) => {
    const file = join(dir, name);
    writeFileSync(file, [header, ...rows].join('\n') + '\n');
    return file;
  };

  it('the Delighted-layout export: the document the engine counts, and the one the browser test draws', async () => {
    const out = join(dir, 'nps.json');
    const run = await cli('aggregate', DELIGHTED_CSV, ...DELIGHTED_FLAGS, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(written, engineShape({ data: 'delighted', granularity: 'month' }));
    assert.deepEqual(JSON.parse(readFileSync(DELIGHTED_DOCUMENT, 'utf8')), written, 'tests/fixtures/surveys/delighted-nps-periods.json is what the command line writes');
    assert.match(run.stderr, /640 responses read \(.*\); 0 without a respondent and 0 without a date count in the score/);
    assert.match(run.stderr, /nps-periods\/1: 6 periods, 640 dated responses, as of 2024-06-17 \(the last period is still running\) → nps.json/);
  });

  it('anonymous, undated and repeated answers near midnight, by week in a time zone, without --customer-key', async () => {
    const file = csv('traps.csv', 'respondent,answered_at,nps', DATA.traps.records.map((r) => [r.respondent.trim() === '' ? '' : r.respondent, r.answered_at, r.nps].join(',')));
    const run = await cli('aggregate', file, '--metric', 'nps', '--date-key', 'answered_at', '--score-key', 'nps', '--granularity', 'week', '--week-start', '0', '--time-zone', 'America/New_York');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), engineShape({ data: 'traps', granularity: 'week', weekStart: 0, timeZone: 'America/New_York' }));
    assert.match(run.stderr, /3,001 responses read \(.*\); \d+ without a date count in the score \(the undated in no period\)/);
    assert.match(run.stderr, /dated responses and \d+ undated/);
  });

  it('scores that are no response: refused with the engine\'s message', async () => {
    const file = csv('bad.csv', 'date,score', ['2024-01-02,9', '2024-01-03,11', '2024-01-04,7.5', '2024-01-05,', '2024-01-06,10']);
    const run = await cli('aggregate', file, '--metric', 'nps');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /retention-kit: 3 problems in the survey responses: field "score": expected a whole number from 0 to 10, found "11"; field "score": expected a whole number from 0 to 10, found "7.5"; field "score": expected a whole number from 0 to 10, found nothing/);
    const engine = kit.readSurveyResponses(csvParse(readFileSync(file, 'utf8')));
    assert.match(engine.error.message, /^3 problems in the survey responses: record 2, field "score": expected a whole number from 0 to 10, found "11"; record 3, .* found "7.5"; record 4, .* found an empty string ""/);
  });

  it('its flags: --score-key is its own, order flags are refused, a missing column is named', async () => {
    const cases = [
      [['aggregate', DELIGHTED_CSV, ...DELIGHTED_FLAGS, '--amount-key', 'score'], /--amount-key is for order exports; --metric nps reads survey responses/],
      [['aggregate', DELIGHTED_CSV, '--metric', 'cohort', '--score-key', 'score'], /--score-key is for --metric nps/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    const missing = await cli('aggregate', DELIGHTED_CSV, ...DELIGHTED_FLAGS, '--score-key', 'Score');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /has no column "Score" \(--score-key, default "score"\); did you mean "score"\?/);
    const sql = await cli('sql', '--dialect', 'snowflake', '--table', 'feedback.nps_responses', '--metric', 'nps', '--date-key', 'answered_at', '--customer-key', 'person_id');
    assert.equal(sql.code, 0, sql.stderr);
    assert.equal(sql.stdout, readFileSync(join(GOLDEN, 'snowflake.nps-periods-month.sql'), 'utf8'));
  });
});

after(() => {
  console.log(`nps-periods: compared ${compared.values.toLocaleString('en')} counts of ${compared.queries} queries with the engine's`);
});
