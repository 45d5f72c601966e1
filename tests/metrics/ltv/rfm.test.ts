import { expect } from '@open-wc/testing';
import { rfmSummary, timeUnitDays } from '../../../src/metrics/ltv/rfm.ts';
import { readTransactions, type TransactionTable } from '../../../src/metrics/read/transactions.ts';

function tableOf(rows: object[]): TransactionTable {
  const result = readTransactions(rows, { fields: { order: 'order' }, now: Date.UTC(2030, 0, 1) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/*
 * Calibration end 2024-01-29 (included), unit = weeks:
 *   A 2024-01-01 order A1  10  first purchase
 *   A 2024-01-08 order A2  12  ┐ one purchase day: 12 + 8 = 20
 *   A 2024-01-08 order A3   8  ┘
 *   A 2024-01-15 order A4  −5  a return: not a purchase, no value
 *   A 2024-01-29 order A5  30  on the end day: counts
 *   A 2024-02-05 order A6  99  after the end: left out
 *   B 2024-01-15 order B1  40  one purchase only
 *   C 2024-02-01 order C1  15  first purchase after the end: C is left out
 *   D 2024-01-10 order D1  −7  only a return: D is left out
 * A: x = 2 repeat days (01-08, 01-29); t_x = 28 days = 4 weeks; T = 28 / 7 = 4;
 *    monetary = (20 + 30) / 2 = 25.
 * B: x = 0, t_x = 0, T = 14 / 7 = 2, monetary 0.
 */
const ROWS = [
  { customer: 'A', date: '2024-01-01', order: 'A1', amount: 10 },
  { customer: 'A', date: '2024-01-08', order: 'A2', amount: 12 },
  { customer: 'A', date: '2024-01-08', order: 'A3', amount: 8 },
  { customer: 'A', date: '2024-01-15', order: 'A4', amount: -5 },
  { customer: 'A', date: '2024-01-29', order: 'A5', amount: 30 },
  { customer: 'A', date: '2024-02-05', order: 'A6', amount: 99 },
  { customer: 'B', date: '2024-01-15', order: 'B1', amount: 40 },
  { customer: 'C', date: '2024-02-01', order: 'C1', amount: 15 },
  { customer: 'D', date: '2024-01-10', order: 'D1', amount: -7 },
];

describe('rfmSummary', () => {
  it('summarises repeat purchase days, ages and repeat value', () => {
    const result = rfmSummary(tableOf(ROWS), { calibrationEnd: '2024-01-29', timeUnit: 'weeks' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const s = result.value;
    expect(s.customerIds).to.deep.equal(['A', 'B']);
    expect(Array.from(s.frequency)).to.deep.equal([2, 0]);
    expect(Array.from(s.recency)).to.deep.equal([4, 0]);
    expect(Array.from(s.T)).to.deep.equal([4, 2]);
    expect(Array.from(s.monetary)).to.deep.equal([25, 0]);
    expect(s.timeUnitDays).to.equal(7);
  });

  it('takes days or any number of days as the unit, never a fixed month', () => {
    const days = rfmSummary(tableOf(ROWS), { calibrationEnd: '2024-01-29', timeUnit: 'days' });
    // A: t_x = T = 28 days; B: T = 14 days
    expect(days.ok && Array.from(days.value.T)).to.deep.equal([28, 14]);
    const months = rfmSummary(tableOf(ROWS), { calibrationEnd: '2024-01-29', timeUnit: 30.4375 });
    // 28 / 30.4375 and 14 / 30.4375 average months
    expect(months.ok && Array.from(months.value.T)).to.deep.equal([28 / 30.4375, 14 / 30.4375]);
    expect(timeUnitDays('weeks')).to.equal(7);
    expect(timeUnitDays('months')).to.be.NaN;
  });

  it('ends at the last day of the data by default', () => {
    const result = rfmSummary(tableOf(ROWS));
    // Last day 2024-02-05: A has x = 3 (01-08, 01-29, 02-05), t_x = T = 35 / 7 = 5 weeks; C joins with T = 4 / 7.
    expect(result.ok && Array.from(result.value.frequency)).to.deep.equal([3, 0, 0]);
    expect(result.ok && result.value.customerIds).to.deep.equal(['A', 'B', 'C']);
    expect(result.ok && Array.from(result.value.T)).to.deep.equal([5, 3, 4 / 7]);
    // (20 + 30 + 99) / 3
    expect(result.ok && result.value.monetary[0]).to.be.closeTo(149 / 3, 1e-12);
  });

  it('reports bad options and data without purchases', () => {
    const unit = rfmSummary(tableOf(ROWS), { timeUnit: 'months' as never });
    expect(!unit.ok && unit.error.issues[0].field).to.equal('timeUnit');
    const zero = rfmSummary(tableOf(ROWS), { timeUnit: 0 });
    expect(!zero.ok && zero.error.issues[0].field).to.equal('timeUnit');
    const date = rfmSummary(tableOf(ROWS), { calibrationEnd: 'soon' });
    expect(!date.ok && date.error.issues[0].field).to.equal('calibrationEnd');
    const early = rfmSummary(tableOf(ROWS), { calibrationEnd: '2023-12-31' });
    expect(!early.ok && early.error.issues[0].field).to.equal('calibrationEnd');
    const empty = rfmSummary(tableOf([]));
    expect(!empty.ok && empty.error.issues[0].field).to.equal('data');
    const returnsOnly = rfmSummary(tableOf([ROWS[8]]));
    expect(!returnsOnly.ok && returnsOnly.error.message).to.contain('at least one purchase');
  });
});
