import { expect } from '@open-wc/testing';
import {
  BENCHMARK_TABLE,
  benchmarkFor,
  churnActionLevel,
  churnOverPeriod,
  churnVerdict,
  MONTHLY_CHURN_ACTION,
  saasRetentionLevel,
} from '../../src/metrics/benchmarks.ts';

/*
 * The table by hand (Python: 1 − 0.93 ** months, 0.35 ** (months / 12); a month = 365.25 / 12 days):
 *   day     months 1/30.4375  churn 0.002381  SaaS 0.99713
 *   week    months 7/30.4375  churn 0.016551  SaaS 0.980081
 *   month   months 1          churn 0.07      SaaS 0.916232
 *   quarter months 3          churn 0.195643  SaaS 0.769161
 *   year    months 12         churn 0.581404  SaaS 0.35
 */
const HAND = {
  day: [0.002381, 0.99713],
  week: [0.016551, 0.980081],
  month: [0.07, 0.916232],
  quarter: [0.195643, 0.769161],
  year: [0.581404, 0.35],
} as const;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('benchmarks: the one table', () => {
  it('converts 7 % churn a month and 35 % SaaS retention a year to every period length', () => {
    expect(BENCHMARK_TABLE.map((row) => [row.granularity, round6(row.churnAction), round6(row.saasRetention)])).to.deep.equal(
      Object.entries(HAND).map(([granularity, [churn, saas]]) => [granularity, churn, saas]),
    );
    // The references themselves are exact, not 0.07000000000000006.
    expect(churnActionLevel('month')).to.equal(MONTHLY_CHURN_ACTION);
    expect(saasRetentionLevel('year')).to.equal(0.35);
    expect(churnOverPeriod(0.07, 'quarter')).to.be.closeTo(1 - 0.93 ** 3, 1e-15);
    // Unknown period length (typed figures without granularity): read as a month.
    expect(churnActionLevel(null)).to.equal(0.07);
  });

  it('judges churn, not retention: above the level needs action, at it is healthy', () => {
    expect(churnVerdict(0.08, 'month')).to.deep.equal({ tone: 'bad', threshold: 0.07, granularity: 'month', source: 'table' });
    expect(churnVerdict(0.07, 'month')!.tone).to.equal('good');
    // A quarter at 15 % is healthy (19.6 % is the quarterly level); the monthly 7 % would have called it bad.
    expect(churnVerdict(0.15, 'quarter')).to.include({ tone: 'good', source: 'table', monthly: 0.07 });
    expect(churnVerdict(0.2, 'quarter')!.tone).to.equal('bad');
    // The page's own level is taken as given for the period, not converted.
    expect(churnVerdict(0.15, 'quarter', 0.1)).to.deep.equal({ tone: 'bad', threshold: 0.1, granularity: 'quarter', source: 'page' });
    expect(churnVerdict(0.15, 'quarter', null)).to.equal(null);
    expect(churnVerdict(Number.NaN, 'month')).to.equal(null);
  });

  it('KPI tiles: churn and retention tiles share the churn verdict; NPS bands; targets', () => {
    // The case: 93.3 % retained (returning customers lift CRR) but 21.4 % of the starting customers lost.
    const retention = benchmarkFor('crr', 0.933, 'month', { churn: 0.214 })!;
    const churn = benchmarkFor('customer-churn', 0.214, 'month')!;
    expect([retention.tone, churn.tone]).to.deep.equal(['bad', 'bad']);
    expect(retention.churn!.threshold).to.equal(churn.threshold);
    expect(round6(retention.threshold)).to.equal(0.93); // shown on the retention scale
    expect(benchmarkFor('nps', 51, 'month')).to.include({ kind: 'nps', tone: 'good', excellent: true });
    expect(benchmarkFor('nps', 0, 'month')!.tone).to.equal('bad');
    expect(benchmarkFor('repeat-purchase-rate', 0.3, 'month')).to.equal(null);
    expect(benchmarkFor('repeat-purchase-rate', 0.3, 'month', { threshold: 0.25 })).to.include({ kind: 'target', tone: 'good' });
  });
});
