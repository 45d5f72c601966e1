// The versioned shapes are what the elements draw: a cohort-matrix/1 document goes into
// <cohort-heatmap>'s job as its pre-aggregated matrix, the periods of a period-counts/1
// document into <churn-trend>'s job as pre-aggregated periods, and each gives the numbers
// the same job computes from the transactions. The schemas refuse what is not the shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';
import { UK_FIELDS, ukExportRecords } from './fixtures.mjs';

const kit = await importTs('tests/sql/engine-entry.ts');
const jobs = await importTs('tests/sql/jobs-entry.ts');
const fields = { ...UK_FIELDS, order: 'Invoice' };

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

describe('the elements read the shapes', () => {
  const table = value(kit.readTransactions(ukExportRecords(), { fields }));

  it('<cohort-heatmap> takes cohort-matrix/1 as its matrix: the cells it computes from the export', () => {
    const document = kit.cohortMatrixShapeOf(value(kit.cohortMatrix(table, { granularity: 'month' })), { measure: 'count' });
    assert.ok(kit.cohortMatrixShapeSchema.safeParse(JSON.parse(JSON.stringify(document))).success);
    for (const shown of ['count', 'percent']) {
      const fromShape = value(jobs.computeCohortHeatmap(JSON.parse(JSON.stringify(document)), { value: shown, input: 'auto', granularity: 'month' }));
      const fromRows = value(jobs.computeCohortHeatmap(ukExportRecords(), { value: shown, input: 'transactions', granularity: 'month', transactionFields: fields }));
      assert.equal(fromShape.input, 'matrix');
      assert.deepEqual(fromShape.cohorts.map((c) => [c.key, c.size, c.cells, c.running]), fromRows.cohorts.map((c) => [c.key, c.size, c.cells, c.running]), shown);
      // The document's running cells stay out of the average, as they do computed from the rows.
      assert.deepEqual(fromShape.average, fromRows.average, `${shown} average`);
      assert.equal(fromShape.partialLastPeriod, fromRows.partialLastPeriod);
      assert.equal(fromShape.granularity, 'month');
    }
  });

  it('a document of another version is refused by name, not read as something it may not be', () => {
    const document = { shape: 'cohort-matrix/2', measure: 'count', cohorts: [] };
    const result = jobs.computeCohortHeatmap(document, { value: 'count', input: 'auto', granularity: 'month' });
    assert.equal(result.ok, false);
    assert.match(result.error.message, /shape.*cohort-matrix\/1/);
    const trend = jobs.computeChurnTrend({ shape: 'period-counts/9', periods: [] }, { metric: 'customer', input: 'auto', granularity: 'month', windowDays: null });
    assert.equal(trend.ok, false);
    assert.match(trend.error.message, /period-counts\/1/);
  });

  it('<churn-trend> takes a period-counts/1 document: the churn it computes from the export, warm-up periods included', () => {
    // 84 days: the export's suggested window, whose warm-up periods have customers lost.
    const document = kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity: 'month', windowDays: 84 })));
    // The document's calendar wins over the element's granularity attribute.
    const fromShape = value(jobs.computeChurnTrend(JSON.parse(JSON.stringify(document)), { metric: 'customer', input: 'auto', granularity: 'week', windowDays: null }));
    const fromRows = value(jobs.computeChurnTrend(ukExportRecords(), { metric: 'customer', input: 'transactions', granularity: 'month', windowDays: 84, transactionFields: fields }));
    assert.equal(fromShape.input, 'periods');
    const points = (model) => model.points.map((p) => [p.key, p.start, p.lost, p.complete]);
    assert.deepEqual(points(fromShape), points(fromRows));
    // Periods whose window reaches back before the data (censored) have no rate either way.
    const rates = (model) => model.points.map((p) => [p.key, p.rate, p.censored]);
    assert.deepEqual(rates(fromShape), rates(fromRows));
    assert.ok(fromRows.points.filter((p) => p.rate !== null).length >= 9);
    assert.ok(fromRows.points.some((p) => p.censored && p.rate === null && p.lost > 0));
    assert.equal(fromShape.windowDays, 84);
    assert.equal(fromShape.granularity, 'month');
  });
});

describe('the schemas say what the shapes are', () => {
  const cohort = { shape: 'cohort-matrix/1', measure: 'count', granularity: 'month', asOf: '2024-03-31', partialLastPeriod: false, cohorts: [{ key: '2024-01', size: 3, values: [3, 1, null] }] };
  const periods = { shape: 'period-counts/1', granularity: 'week', weekStart: 0, windowDays: 30, asOf: '2024-03-31', periods: [{ period: '2024-03-24', start: 4, end: 5, new: 2, lost: 1, reactivated: 0, complete: true, censored: false }] };

  it('accept the documented examples', () => {
    assert.ok(kit.cohortMatrixShapeSchema.safeParse(cohort).success);
    assert.ok(kit.periodCountsShapeSchema.safeParse(periods).success);
  });

  it('refuse another version, a measure or granularity they do not know, and counts that are not whole', () => {
    const refused = (schema, document) => assert.equal(schema.safeParse(document).success, false, JSON.stringify(document));
    refused(kit.cohortMatrixShapeSchema, { ...cohort, shape: 'cohort-matrix/2' });
    refused(kit.cohortMatrixShapeSchema, { ...cohort, measure: 'share' });
    refused(kit.cohortMatrixShapeSchema, { ...cohort, granularity: 'fortnight' });
    refused(kit.cohortMatrixShapeSchema, { ...cohort, cohorts: [{ key: '2024-01', size: 2.5, values: [] }] });
    refused(kit.cohortMatrixShapeSchema, { ...cohort, asOf: '31/03/2024' });
    refused(kit.periodCountsShapeSchema, { ...periods, windowDays: 0 });
    refused(kit.periodCountsShapeSchema, { ...periods, periods: [{ ...periods.periods[0], lost: -1 }] });
    refused(kit.periodCountsShapeSchema, { ...periods, weekStart: 7 });
  });
});
