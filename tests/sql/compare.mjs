// Cell-by-cell comparison of a shape the engine computed with one a database computed:
// counts exactly, money to the cent. Returns how many values were compared, for the report.
import assert from 'node:assert/strict';

const CENT = 0.005;

function sameMoney(actual, expected, where) {
  assert.ok(Math.abs(actual - expected) < CENT, `${where}: ${actual} from SQL, ${expected} from the engine`);
}

export function compareCohortMatrices(fromSql, fromEngine) {
  const { cohorts: sqlCohorts, ...sqlHead } = fromSql;
  const { cohorts: engineCohorts, ...engineHead } = fromEngine;
  assert.deepEqual(sqlHead, engineHead, 'the document heads (shape, measure, granularity, asOf, partialLastPeriod)');
  assert.deepEqual(sqlCohorts.map((c) => c.key), engineCohorts.map((c) => c.key), 'the cohorts');
  let cells = 0;
  engineCohorts.forEach((expected, i) => {
    const actual = sqlCohorts[i];
    assert.equal(actual.size, expected.size, `size of cohort ${expected.key}`);
    assert.equal(actual.running, expected.running, `running cell of cohort ${expected.key}`);
    assert.equal(actual.values.length, expected.values.length, `periods of cohort ${expected.key}`);
    expected.values.forEach((value, k) => {
      const where = `cohort ${expected.key}, period ${k} (${fromEngine.measure})`;
      if (fromEngine.measure === 'revenue') sameMoney(actual.values[k], value, where);
      else assert.equal(actual.values[k], value, where);
      cells++;
    });
  });
  return cells;
}

export function comparePeriodCounts(fromSql, fromEngine) {
  const { periods: sqlPeriods, ...sqlHead } = fromSql;
  const { periods: enginePeriods, ...engineHead } = fromEngine;
  assert.deepEqual(sqlHead, engineHead, 'the document heads');
  assert.deepEqual(sqlPeriods.map((p) => p.period), enginePeriods.map((p) => p.period), 'the periods');
  let cells = 0;
  enginePeriods.forEach((expected, i) => {
    const actual = sqlPeriods[i];
    for (const field of ['start', 'end', 'new', 'lost', 'reactivated', 'complete', 'censored']) {
      assert.equal(actual[field], expected[field], `${field} of period ${expected.period}`);
      cells++;
    }
    assert.equal('revenue' in actual, 'revenue' in expected, `revenue of period ${expected.period} given by both or neither`);
    if ('revenue' in expected) {
      sameMoney(actual.revenue, expected.revenue, `revenue of period ${expected.period}`);
      cells++;
    }
  });
  return cells;
}
