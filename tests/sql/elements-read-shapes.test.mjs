// Every element that draws the customer-count and cohort families reads their versioned
// shapes (#14): <retention-gauge> and <kpi-tile> a period-counts/1 document, <retention-curve>
// and <kpi-tile> a cohort-matrix/1 document. On the real UK export, each job given the
// document (JSON round-tripped, as a file or a response would bring it) gives the model the
// same job computes from the orders; another version is refused by name; a document that
// contradicts the element's attributes, or whose counts do not add up, is said clearly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { importTs, root } from './load-ts.mjs';
import { UK_FIELDS, ukExportRecords } from './fixtures.mjs';
import { STRIPE_FIELDS, stripeRecords } from './subscription-fixtures.mjs';

const kit = await importTs('tests/sql/elements-read-shapes-entry.ts');
const fields = { ...UK_FIELDS, order: 'Invoice' };
const rows = ukExportRecords();
const table = value(kit.readTransactions(rows, { fields }));
/** What a file or a response brings: the document as JSON text, parsed. */
const roundTripped = (document) => JSON.parse(JSON.stringify(document));

function value(result) {
  assert.ok(result.ok, JSON.stringify(result.error));
  return result.value;
}

function refused(result, pattern) {
  assert.equal(result.ok, false, 'expected an error');
  assert.match(result.error.message, pattern);
}

/** A gauge model without the two fields that say where it came from. */
const figures = ({ input, windowSource, ...rest }) => rest;

describe('<retention-gauge> reads period-counts/1', () => {
  const fromRows = (options) => value(kit.computeGauge(rows, { fields, ...options }));
  const documentOf = (granularity, windowDays) => roundTripped(kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity, windowDays }))));

  it('the default period: the same S, E, N, CRR, churn, intervals, change and verdict as from the orders', () => {
    const orders = fromRows({});
    assert.equal(orders.windowSource, 'suggested');
    const document = documentOf('month', orders.windowDays);
    const shape = value(kit.computeGauge(document, {}));
    assert.equal(shape.input, 'period-counts');
    assert.equal(shape.windowSource, 'document');
    assert.deepEqual(figures(shape), figures(orders));
    assert.equal(orders.period, '2010-11');
    // Reactivations lift November's CRR above 100 %: churn (lost of S) has the interval.
    assert.ok(orders.churnInterval && orders.retention > 1 && orders.reactivated > 0);
    assert.deepEqual(kit.churnVerdict(shape.churn, shape.granularity), kit.churnVerdict(orders.churn, orders.granularity));
  });

  it('every month and quarter the orders give, warm-up periods and the running last one included', () => {
    for (const granularity of ['month', 'quarter']) {
      const document = documentOf(granularity, 90);
      for (const { period } of document.periods) {
        const orders = kit.computeGauge(rows, { fields, granularity, windowDays: 90, period });
        const shape = kit.computeGauge(document, { granularity, windowDays: '90', period });
        assert.equal(shape.ok, orders.ok, `${granularity} ${period}`);
        if (!orders.ok) {
          assert.equal(shape.error.message, orders.error.message);
          continue;
        }
        assert.deepEqual(figures(shape.value), figures(orders.value), `${granularity} ${period}`);
        // The orders' reading warnings (guest rows left out …) are the export's; the period's own are the same.
        const own = (warnings) => warnings.filter((w) => w.code === 'partial-period');
        assert.deepEqual(shape.warnings, own(orders.warnings), `${granularity} ${period} warnings`);
      }
    }
    // The export ends on 9 December 2010: that month is running, said as from the orders.
    const running = value(kit.computeGauge(documentOf('month', 90), { period: '2010-12' }));
    assert.equal(running.complete, false);
    const warned = kit.computeGauge(documentOf('month', 90), { period: '2010-12' }).warnings;
    assert.deepEqual(warned.map((w) => w.code), ['partial-period']);
  });

  it('weekly documents keep their week start', () => {
    const document = roundTripped(kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity: 'week', windowDays: 60 })), { weekStart: 1 }));
    assert.deepEqual(figures(value(kit.computeGauge(document, {}))), figures(fromRows({ granularity: 'week', windowDays: 60 })));
  });

  it('an attribute the document contradicts is an error naming the attribute and the document’s value', () => {
    const document = documentOf('month', 84);
    refused(kit.computeGauge(document, { granularity: 'quarter' }), /granularity": expected "month", as the period-counts\/1 document was counted \(or leave granularity out\), found "quarter"/);
    refused(kit.computeGauge(document, { windowDays: 60 }), /window-days": expected 84, as the period-counts\/1 document was counted \(or leave window-days out\), found 60/);
    refused(kit.computeGauge(document, { period: '2011-01' }), /period": expected a month key in the data \(2009-12 to 2010-12\)/);
  });

  it('another version is refused by name; counts that do not add up are refused per period', () => {
    refused(kit.computeGauge({ ...documentOf('month', 84), shape: 'period-counts/2' }), /shape": expected "period-counts\/1", the version this kit reads.*period-counts\/2/);
    const broken = documentOf('month', 84);
    broken.periods[3].end += 1;
    broken.periods[5].lost = broken.periods[5].start + 1;
    refused(kit.computeGauge(broken, {}), /2 problems in the period-counts\/1 periods: record 4, field "end": expected start − lost \+ new \+ reactivated = \d+.*record 6, field "lost": expected at most start/);
    const misnamed = documentOf('month', 84);
    misnamed.periods[0].period = '2009-Q4';
    refused(kit.computeGauge(misnamed, {}), /period": expected a month key/);
  });
});

describe('<retention-curve> reads cohort-matrix/1', () => {
  const curveOptions = { mode: 'on', input: 'auto', granularity: 'month' };
  const fromRows = (options) => value(kit.computeRetentionCurve(rows, { ...curveOptions, transactionFields: fields, ...options }));
  const documentOf = (measure, options) => roundTripped(kit.cohortMatrixShapeOf(value(kit.cohortMatrix(table, options)), { measure, weekStart: options.weekStart }));
  /** The model as a page receives it (postMessage drops nothing, JSON drops undefined), without where it came from. */
  const drawn = (model) => {
    const { input, ...rest } = roundTripped(model);
    return rest;
  };

  it('a count document: the same curves, counts, running cells and average over complete periods', () => {
    const orders = fromRows({});
    const shape = value(kit.computeRetentionCurve(documentOf('count', { granularity: 'month' }), curveOptions));
    assert.equal(shape.input, 'matrix');
    assert.deepEqual(drawn(shape), drawn(orders));
    // The export ends inside December 2010: every shown cohort's last cell is running, and stays out of the average.
    assert.ok(orders.cohorts.every((c) => c.partialPeriod === c.values.length - 1 || c.values.at(-1) === null));
    assert.equal(orders.cohortCount, 13);
  });

  it('weekly cohorts: all of them count in the average, not only the 36 a heatmap draws', () => {
    const options = { granularity: 'week', weekStart: 1 };
    const orders = fromRows({ ...options, maxCohorts: 20 });
    const shape = value(kit.computeRetentionCurve(documentOf('count', options), { ...curveOptions, ...options, maxCohorts: 20 }));
    assert.ok(orders.cohortCount > 36, `${orders.cohortCount} weekly cohorts`);
    assert.equal(shape.weekStart, 1);
    assert.deepEqual(drawn(shape), drawn(orders));
  });

  it('a percent document: the same shares and average', () => {
    const orders = fromRows({});
    const shape = value(kit.computeRetentionCurve(documentOf('percent', { granularity: 'month' }), curveOptions));
    const curves = (model) => model.cohorts.map((c) => [c.key, c.size, c.values, c.partialPeriod]);
    assert.deepEqual(curves(shape), curves(orders));
    shape.average.forEach((v, k) => assert.ok(v === orders.average[k] || Math.abs(v - orders.average[k]) < 1e-12, `average ${k}`));
  });

  it('refuses on-or-after, a revenue document and another version, by name', () => {
    const document = documentOf('count', { granularity: 'month' });
    refused(kit.computeRetentionCurve(document, { ...curveOptions, mode: 'on-or-after' }), /mode": expected on for a cohort-matrix\/1 document.*found "on-or-after"/);
    refused(kit.computeRetentionCurve(documentOf('revenue', { granularity: 'month', value: 'revenue' }), curveOptions), /measure": expected count or percent: a retention curve draws shares of customers.*found "revenue"/);
    refused(kit.computeRetentionCurve({ ...document, shape: 'cohort-matrix/2' }, curveOptions), /shape": expected "cohort-matrix\/1", the version this kit reads.*cohort-matrix\/2/);
  });
});

// One rule for every element that reads a document (shapes/versioned.ts): an attribute the page set
// that the document contradicts is an error naming it; left out, the document's own is drawn.
describe('<churn-trend>, <cohort-heatmap> and <retention-curve>: a contradicted granularity or window', () => {
  const periods = roundTripped(kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity: 'month', windowDays: 84 }))));
  const cohorts = roundTripped(kit.cohortMatrixShapeOf(value(kit.cohortMatrix(table, { granularity: 'week' })), { measure: 'count', weekStart: 1 }));
  const trend = (options) => kit.computeChurnTrend(periods, { metric: 'customer', input: 'auto', granularity: 'month', windowDays: null, ...options });
  const heatmap = (options) => kit.computeCohortHeatmap(cohorts, { value: 'count', input: 'auto', granularity: 'month', ...options });
  const curve = (options) => kit.computeRetentionCurve(cohorts, { mode: 'on', input: 'auto', granularity: 'month', ...options });

  it('left out, the document\'s periods and window are drawn', () => {
    assert.equal(value(trend({})).granularity, 'month');
    assert.equal(value(trend({})).windowDays, 84);
    assert.equal(value(heatmap({})).granularity, 'week');
    assert.equal(value(curve({})).granularity, 'week');
    // Set to what the document was counted on, they are no contradiction.
    assert.equal(value(trend({ givenGranularity: 'month', windowDays: 84 })).granularity, 'month');
    assert.equal(value(heatmap({ givenGranularity: 'week' })).granularity, 'week');
  });

  it('set to others, each is refused naming the attribute, the document\'s value and the page\'s', () => {
    refused(trend({ granularity: 'quarter', givenGranularity: 'quarter' }), /granularity": expected "month", as the period-counts\/1 document was counted \(or leave granularity out\), found "quarter"/);
    refused(trend({ windowDays: 30 }), /window-days": expected 84, as the period-counts\/1 document was counted \(or leave window-days out\), found 30/);
    refused(heatmap({ givenGranularity: 'month' }), /granularity": expected "week", as the cohort-matrix\/1 document was counted \(or leave granularity out\), found "month"/);
    refused(curve({ givenGranularity: 'quarter' }), /granularity": expected "week", as the cohort-matrix\/1 document was counted.*found "quarter"/);
  });
});

describe('<kpi-tile> reads period-counts/1', () => {
  const tileOptions = { input: 'auto', granularity: 'month', periods: 12, windowDays: null };
  const documentOf = (granularity, windowDays) => roundTripped(kit.periodCountsShapeOf(value(kit.churnSeries(table, { granularity, windowDays }))));
  /** The tile without where its figures came from. */
  const shown = ({ input, ...rest }) => roundTripped(rest);

  it('customer-churn, crr and active-customers: the value, change, sparkline, interval and warm-up as from the orders', () => {
    for (const metric of ['customer-churn', 'crr', 'active-customers']) {
      for (const granularity of ['month', 'quarter']) {
        const orders = value(kit.computeKpi(rows, { ...tileOptions, metric, granularity, transactionFields: fields }));
        const shape = value(kit.computeKpi(documentOf(granularity, orders.windowDays), { ...tileOptions, metric, granularity }));
        assert.equal(shape.input, 'periods');
        assert.deepEqual(shown(shape), shown(orders), `${metric} ${granularity}`);
        if (metric === 'customer-churn') assert.ok(orders.interval && orders.change, `${metric} has an interval and a change test`);
      }
    }
  });

  it('without granularity or window-days the document’s are taken; set to others, they are refused by name', () => {
    const document = documentOf('week', 60);
    const orders = value(kit.computeKpi(rows, { ...tileOptions, metric: 'customer-churn', granularity: 'week', weekStart: 1, windowDays: 60, transactionFields: fields }));
    assert.deepEqual(shown(value(kit.computeKpi(document, { ...tileOptions, metric: 'customer-churn' }))), shown(orders));
    refused(kit.computeKpi(document, { ...tileOptions, metric: 'crr', givenGranularity: 'month' }), /granularity": expected "week", as the period-counts\/1 document was counted.*found "month"/);
    refused(kit.computeKpi(document, { ...tileOptions, metric: 'crr', windowDays: 90 }), /window-days": expected 60, as the period-counts\/1 document was counted \(or leave window-days out\), found 90/);
  });

  it('a metric the document holds no figure of is refused naming the metric and the shape; another version by name', () => {
    const document = documentOf('month', 84);
    refused(kit.computeKpi(document, { ...tileOptions, metric: 'nrr' }), /metric": expected customer-churn, crr or active-customers for a period-counts\/1 document, found "nrr"/);
    refused(kit.computeKpi(document, { ...tileOptions, metric: 'repeat-purchase-rate' }), /period-counts\/1 document.*found "repeat-purchase-rate"/);
    refused(kit.computeKpi({ ...document, shape: 'period-counts/2' }, { ...tileOptions, metric: 'crr' }), /shape": expected .*period-counts\/1.*the versions the tile reads, found "period-counts\/2"/);
    const matrix = roundTripped(kit.cohortMatrixShapeOf(value(kit.cohortMatrix(table, { granularity: 'month' })), { measure: 'count' }));
    refused(kit.computeKpi(matrix, { ...tileOptions, metric: 'crr' }), /metric": expected records or a period-counts\/1, .* document for crr: a cohort-matrix\/1 document holds cohorts, which <cohort-heatmap> and <retention-curve> draw, found "crr"/);
  });
});

describe('<kpi-tile> reads revenue-movements/1', () => {
  const subscriptions = value(kit.readSubscriptions(stripeRecords(), { fields: STRIPE_FIELDS }));
  // The day that decides which periods are complete: the export's last start or end, and the tile's clock on that day.
  const asOfDay = Math.max(...subscriptions.map((s) => Math.max(s.startDay, s.endDay ?? -Infinity)));
  const now = asOfDay * 86_400_000 + 12 * 3_600_000;
  const documentOf = (granularity) => roundTripped(kit.revenueMovementsShapeOf(value(kit.revenueMovements(subscriptions, { granularity })), { asOfDay }));
  const tileOptions = { input: 'auto', periods: 12, windowDays: null };
  const shown = ({ input, ...rest }) => roundTripped(rest);

  it('nrr, grr, revenue-churn, arpa, customer-churn, crr and active-customers: as from the Stripe export', () => {
    for (const metric of ['nrr', 'grr', 'revenue-churn', 'arpa', 'customer-churn', 'crr', 'active-customers']) {
      for (const granularity of ['month', 'week']) {
        const orders = value(kit.computeKpi(stripeRecords(), { ...tileOptions, metric, input: 'subscriptions', granularity, ...(granularity === 'week' ? { weekStart: 1 } : {}), now, subscriptionFields: STRIPE_FIELDS }));
        const shape = value(kit.computeKpi(documentOf(granularity), { ...tileOptions, metric, granularity }));
        assert.deepEqual(shown(shape), shown(orders), `${metric} ${granularity}`);
        assert.notEqual(orders.value, null, `${metric} ${granularity} has a value`);
      }
    }
  });

  it('refuses a metric it holds no figure of, and a contradicted granularity, naming both', () => {
    refused(kit.computeKpi(documentOf('month'), { ...tileOptions, granularity: 'month', metric: 'nps' }), /metric": expected nrr, grr, revenue-churn, arpa, customer-churn, crr or active-customers for a revenue-movements\/1 document.*found "nps"/);
    refused(kit.computeKpi(documentOf('month'), { ...tileOptions, granularity: 'quarter', givenGranularity: 'quarter', metric: 'nrr' }), /granularity": expected "month", as the revenue-movements\/1 document was counted/);
  });
});

describe('<kpi-tile> reads nps-periods/1', () => {
  const records = csvParse(readFileSync(join(root, 'tests/fixtures/surveys/delighted-nps-responses.csv'), 'utf8'));
  const responseFields = { customer: 'person', date: 'created_at', score: 'score' };
  const responses = value(kit.readSurveyResponses(records, { fields: responseFields }));
  const tileOptions = { metric: 'nps', input: 'auto', periods: 12, windowDays: null };
  const shown = ({ input, ...rest }) => roundTripped(rest);

  it('the score, its change and interval per period: as from the Delighted export, monthly and weekly', () => {
    for (const granularity of ['month', 'week']) {
      const weekStart = granularity === 'week' ? { weekStart: 1 } : {};
      const document = roundTripped(value(kit.npsPeriodsShapeOf(responses, { granularity, ...weekStart })));
      const orders = value(kit.computeKpi(records, { ...tileOptions, input: 'responses', granularity, ...weekStart, responseFields }));
      const shape = value(kit.computeKpi(document, { ...tileOptions, granularity }));
      assert.deepEqual(shown(shape), shown(orders), granularity);
      assert.ok(orders.interval && orders.points.length >= 5, `${granularity}: an interval and a sparkline`);
    }
  });

  it('the committed document the command line wrote is the one the engine counts', () => {
    const committed = JSON.parse(readFileSync(join(root, 'tests/fixtures/surveys/delighted-nps-periods.json'), 'utf8'));
    const orders = value(kit.computeKpi(records, { ...tileOptions, input: 'responses', granularity: 'month', responseFields }));
    assert.deepEqual(shown(value(kit.computeKpi(committed, { ...tileOptions, granularity: 'month' }))), shown(orders));
  });

  it('undated responses, which the tile refuses from responses too, and another metric are refused by name', () => {
    const document = roundTripped(value(kit.npsPeriodsShapeOf(responses, { granularity: 'month' })));
    refused(kit.computeKpi({ ...document, undated: { promoters: 1, passives: 0, detractors: 1, responses: 2 } }, { ...tileOptions, granularity: 'month' }), /undated": expected no undated responses: a tile shows one period's NPS.*found 2/);
    refused(kit.computeKpi(document, { ...tileOptions, metric: 'crr', granularity: 'month' }), /metric": expected nps for a nps-periods\/1 document.*found "crr"/);
  });
});

describe('<kpi-tile> reads repeat-counts/1', () => {
  const tileOptions = { input: 'auto', periods: 12, windowDays: null };
  const shown = ({ input, ...rest }) => roundTripped(rest);
  const documentOf = (granularity, loyaltyThreshold) => {
    const series = (metric) => value(kit.purchaseMetricSeries(table, { metric, granularity, loyaltyThreshold }));
    return roundTripped(kit.repeatCountsShapeOf({ repeat: series('repeat-purchase-rate'), loyal: series('loyal-customer-rate') }, { granularity, asOfDay: table.lastDay, loyaltyThreshold }));
  };

  it('repeat-purchase-rate and loyal-customer-rate: the value, change, interval and running December as from the UK export', () => {
    for (const granularity of ['month', 'quarter']) {
      for (const metric of ['repeat-purchase-rate', 'loyal-customer-rate']) {
        const orders = value(kit.computeKpi(rows, { ...tileOptions, metric, granularity, loyaltyThreshold: 4, transactionFields: fields }));
        const shape = value(kit.computeKpi(documentOf(granularity, 4), { ...tileOptions, metric, granularity }));
        assert.deepEqual(shown(shape), shown(orders), `${metric} ${granularity}`);
        assert.ok(orders.interval && orders.change, `${metric} ${granularity}: an interval and a change test`);
      }
    }
  });

  it('a loyalty threshold or frame the document was not counted at is refused naming it; another metric too', () => {
    const document = documentOf('month', 3);
    refused(kit.computeKpi(document, { ...tileOptions, granularity: 'month', metric: 'loyal-customer-rate', loyaltyThreshold: 5 }), /loyalty-threshold": expected 3, as the repeat-counts\/1 document was counted \(or leave loyalty-threshold out\), found 5/);
    refused(kit.computeKpi(document, { ...tileOptions, granularity: 'month', metric: 'repeat-purchase-rate', frame: 'cumulative' }), /frame": expected "period", as the repeat-counts\/1 document was counted.*found "cumulative"/);
    refused(kit.computeKpi(document, { ...tileOptions, granularity: 'month', metric: 'time-between-purchases' }), /metric": expected repeat-purchase-rate or loyal-customer-rate for a repeat-counts\/1 document.*found "time-between-purchases"/);
  });
});

describe('<kpi-tile> and the shapes it draws no figure of', () => {
  it('purchase-gaps/1 is one frame, not periods: time-between-purchases from it is refused naming both', () => {
    const document = { shape: 'purchase-gaps/1', asOf: '2010-12-09', customersWithPurchase: 3, customersWithRepeat: 1, gapCount: 2, median: 9, gaps: [{ days: 4, count: 1 }, { days: 14, count: 1 }] };
    refused(kit.computeKpi(document, { metric: 'time-between-purchases', input: 'auto', granularity: 'month', periods: 12, windowDays: null }), /metric": expected records or a .* document for time-between-purchases: a purchase-gaps\/1 document holds the gaps of one time frame, which <purchase-cycle> draws: no median per period, found "time-between-purchases"/);
  });
});
