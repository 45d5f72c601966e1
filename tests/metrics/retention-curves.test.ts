import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cohortMatrix } from '../../src/metrics/cohorts.ts';
import { daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import { completePeriodAverage, completePeriodAverageCounts, unboundedRetention, type UnboundedRetention } from '../../src/metrics/retention-curves.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const NOW = Date.UTC(2100, 0, 1);

function table(rows: object[]): TransactionTable {
  const result = readTransactions(rows, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function unbounded(t: TransactionTable, options: Parameters<typeof unboundedRetention>[1] = {}): UnboundedRetention {
  const result = unboundedRetention(t, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * Monthly, data up to 15 March 2024 (March still running).
 * Jan cohort {a, b, c, g}: a Jan + Mar, b Jan only, c Jan + Feb, g Jan + Mar (skips February).
 * Feb cohort {d, e, h}: d twice in Feb, e Feb + Mar, h Feb and a RETURN in March (not a visit).
 * Mar cohort {f}.
 */
const CURVE_SHOP = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'g', date: '2024-01-08', amount: 10 },
  { customer: 'b', date: '2024-01-20', amount: 10 },
  { customer: 'c', date: '2024-01-25', amount: 10 },
  { customer: 'd', date: '2024-02-01', amount: 10 },
  { customer: 'c', date: '2024-02-03', amount: 10 },
  { customer: 'h', date: '2024-02-10', amount: 10 },
  { customer: 'e', date: '2024-02-14', amount: 10 },
  { customer: 'd', date: '2024-02-20', amount: 10 },
  { customer: 'e', date: '2024-03-01', amount: 10 },
  { customer: 'f', date: '2024-03-02', amount: 10 },
  { customer: 'h', date: '2024-03-03', amount: -10 },
  { customer: 'g', date: '2024-03-05', amount: 10 },
  { customer: 'a', date: '2024-03-10', amount: 10 },
  { customer: 'b', date: '2024-03-15', amount: -3 },
];

describe('unboundedRetention (on or after)', () => {
  it('counts customers whose last purchase is k or more periods after their first (hand-computed)', () => {
    const u = unbounded(table(CURVE_SHOP));
    expect(u.periods).to.equal(3);
    expect(u.partialLastPeriod).to.equal(true); // 15 March is not the last day of March
    expect(u.asOfPeriod).to.equal(2024 * 12 + 2);
    expect(u.cohorts.map((c) => [c.key, c.size])).to.deep.equal([
      ['2024-01', 4],
      ['2024-02', 3],
      ['2024-03', 1],
    ]);
    const [jan, feb, mar] = u.cohorts;
    // Jan: last periods a 2, b 0, c 1, g 2 → k ≥ 0: 4; k ≥ 1: a, c, g = 3; k ≥ 2: a, g = 2.
    expect(jan.counts).to.deep.equal([4, 3, 2]);
    expect(jan.cells).to.deep.equal([1, 0.75, 0.5]);
    // Feb: d 0, e 1, h 0 (its March row is a return) → 3, 1; April not reached.
    expect(feb.counts).to.deep.equal([3, 1, null]);
    expect(feb.cells).to.deep.equal([1, 1 / 3, null]);
    expect(feb.reached).to.deep.equal([3, 3, 0]);
    expect(mar.counts).to.deep.equal([1, null, null]);
  });

  it('differs from "on" where a customer skips a period', () => {
    const on = cohortMatrix(table(CURVE_SHOP));
    if (!on.ok) throw new Error(on.error.message);
    // "On": January cohort active in Feb only c (1 / 4 = 25 %), in March a and g (2 / 4 = 50 %).
    expect(on.value.cohorts[0].cells).to.deep.equal([1, 0.25, 0.5]);
    // "On or after" in Feb also counts a and g, who come back in March: 3 / 4 = 75 %.
    expect(unbounded(table(CURVE_SHOP)).cohorts[0].cells[1]).to.equal(0.75);
  });

  it('respects maxPeriods and asOf, and reports bad options', () => {
    const capped = unbounded(table(CURVE_SHOP), { maxPeriods: 2 });
    // Customers whose last period is beyond the last column still count in every column.
    expect(capped.cohorts[0].counts).to.deep.equal([4, 3]);
    const february = unbounded(table(CURVE_SHOP), { asOf: '2024-02-29' });
    expect(february.partialLastPeriod).to.equal(false); // 29 Feb 2024 is February's last day
    // Up to February: a, g have not come back yet; only c did → k ≥ 1: 1.
    expect(february.cohorts[0].counts).to.deep.equal([4, 1]);
    expect(unboundedRetention(table(CURVE_SHOP), { maxPeriods: 0 }).ok).to.equal(false);
    expect(unboundedRetention(table(CURVE_SHOP), { granularity: 'fortnight' as never }).ok).to.equal(false);
    expect(unbounded(table([]), {}).cohorts).to.deep.equal([]);
  });

  it('is never below "on", never rises with k, and is 100 % at k = 0 (property)', () => {
    const start = daysFromCivil(2023, 1, 1);
    const row = fc.record({ customer: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 0, max: 300 }), sign: fc.integer({ min: -1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.constantFrom('week', 'month', 'quarter'), (rows, granularity) => {
        const t = table(rows.map((r) => ({ customer: `c${r.customer}`, date: isoDate(start + r.day), amount: r.sign < 0 ? -5 : 5 })));
        const on = cohortMatrix(t, { granularity: granularity as 'month' });
        const after = unboundedRetention(t, { granularity: granularity as 'month' });
        if (!on.ok || !after.ok) return false;
        expect(after.value.cohorts.map((c) => [c.key, c.size])).to.deep.equal(on.value.cohorts.map((c) => [c.key, c.size]));
        after.value.cohorts.forEach((cohort, i) => {
          const bounded = on.value.cohorts[i];
          expect(cohort.reached).to.deep.equal(bounded.reached);
          if (cohort.counts.length) expect(cohort.counts[0]).to.equal(cohort.size);
          for (let k = 0; k < cohort.counts.length; k++) {
            if (cohort.counts[k] === null) {
              expect(bounded.counts[k]).to.equal(null);
              continue;
            }
            expect(cohort.counts[k]!).to.be.at.least(bounded.counts[k]!);
            if (k > 0 && cohort.counts[k - 1] !== null) expect(cohort.counts[k]!).to.be.at.most(cohort.counts[k - 1]!);
          }
        });
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('completePeriodAverage', () => {
  it('weights by customers and leaves running periods out (hand-computed)', () => {
    const u = unbounded(table(CURVE_SHOP));
    const cohorts = u.cohorts.map((c) => ({ ...c, partialPeriod: c.running }));
    // March is running: Jan's k = 2, Feb's k = 1 and Mar's k = 0 are partial.
    expect(cohorts.map((c) => c.partialPeriod)).to.deep.equal([2, 1, 0]);
    // k = 0: (4 + 3) / (4 + 3) = 1 (March's 1 of 1 left out); k = 1: January only, 3 / 4; k = 2: only partial → null.
    expect(completePeriodAverage(cohorts, u.periods)).to.deep.equal([1, 0.75, null]);
    // Without the running period every reached cell counts: k = 1 → (3 + 1) / (4 + 3) = 4 / 7; k = 2 → 2 / 4.
    const all = cohorts.map((c) => ({ ...c, partialPeriod: -1 }));
    expect(completePeriodAverage(all, u.periods)).to.deep.equal([1, 4 / 7, 0.5]);
    // The customers behind those points, for their intervals: the same cohorts, summed.
    expect(completePeriodAverageCounts(cohorts, u.periods)).to.deep.equal([{ active: 7, reached: 7 }, { active: 3, reached: 4 }, null]);
    expect(completePeriodAverageCounts(all, u.periods)).to.deep.equal([
      { active: 8, reached: 8 },
      { active: 4, reached: 7 },
      { active: 2, reached: 4 },
    ]);
  });

  it('knows no running period when asOf ends its period or the column is not shown', () => {
    // Same shop up to 31 March: March is over, nothing runs.
    expect(unbounded(table(CURVE_SHOP), { asOf: '2024-03-31' }).cohorts.map((c) => c.running)).to.deep.equal([-1, -1, -1]);
    // Two columns: January's running k = 2 is not shown; February's k = 1 and March's k = 0 are.
    expect(unbounded(table(CURVE_SHOP), { maxPeriods: 2 }).cohorts.map((c) => c.running)).to.deep.equal([-1, 1, 0]);
  });
});
