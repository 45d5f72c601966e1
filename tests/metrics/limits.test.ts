/**
 * The range the kit computes in (src/metrics/read/limits.ts): values beyond it
 * are refused by record and field before any work, never summed to Infinity or
 * walked period by period.
 */
import { expect } from '@open-wc/testing';
import { readTransactions } from '../../src/metrics/read/transactions.ts';
import { readSubscriptions } from '../../src/metrics/subscriptions.ts';
import { DATE_RANGE_EXPECTATION, MAGNITUDE_EXPECTATION, dayOfOption } from '../../src/metrics/read/limits.ts';
import { resolveTimeFrame } from '../../src/metrics/calendar/timeframe.ts';
import { ZonedDayMapper } from '../../src/metrics/calendar/dates.ts';

const GOOD = { customer: 'a', date: '2024-01-05', amount: 10 };

function refusal(rows: unknown[], options = {}) {
  const table = readTransactions(rows, options);
  expect(table.ok, 'refused').to.equal(false);
  return table.ok ? [] : table.error.issues.map((issue) => [issue.index, issue.field, issue.expected]);
}

describe('limits: the range the kit computes in', () => {
  it('refuses dates outside 1900–2200 by record and field, in every form', () => {
    for (const date of ['9999-12-31', '1899-12-31', 8.64e15, -8.64e15, '0000-01-01', 253402300800000]) {
      expect(refusal([GOOD, { ...GOOD, date }]), String(date)).to.deep.equal([[1, 'date', DATE_RANGE_EXPECTATION]]);
    }
    for (const date of ['1900-01-01', '2200-12-31', '1970-01-01T00:00:00Z', 0]) {
      expect(readTransactions([{ ...GOOD, date }], { now: Date.UTC(2300, 0, 1) }).ok, String(date)).to.equal(true);
    }
  });

  it('refuses amounts, quantities, prices and refunds beyond ±1e15, and a line whose quantity × price is', () => {
    expect(refusal([{ ...GOOD, amount: 1e308 }])).to.deep.equal([[0, 'amount', MAGNITUDE_EXPECTATION]]);
    expect(refusal([{ ...GOOD, amount: '-2e15' }])).to.deep.equal([[0, 'amount', MAGNITUDE_EXPECTATION]]);
    const lines = { fields: { quantity: 'qty', unitPrice: 'price' } };
    expect(refusal([{ customer: 'a', date: '2024-01-05', qty: 1e16, price: 1 }], lines)).to.deep.equal([[0, 'qty', MAGNITUDE_EXPECTATION]]);
    expect(refusal([{ customer: 'a', date: '2024-01-05', qty: 1e9, price: 1e9 }], lines)).to.deep.equal([[0, 'price', `${MAGNITUDE_EXPECTATION} once multiplied by the quantity`]]);
    expect(refusal([{ ...GOOD, refunded: 1e300 }], { fields: { refund: 'refunded' } })).to.deep.equal([[0, 'refunded', MAGNITUDE_EXPECTATION]]);
    // At the limit, sums of a million values stay finite.
    const table = readTransactions([{ ...GOOD, amount: 1e15 }, { ...GOOD, amount: -1e15 }]);
    expect(table.ok).to.equal(true);
  });

  it('holds for the schema-read shapes too (subscriptions: MRR and dates)', () => {
    const base = { customer: 'a', start: '2024-01-01', end: '', mrr: 50 };
    const huge = readSubscriptions([base, { ...base, customer: 'b', mrr: 1e308 }]);
    expect(huge.ok).to.equal(false);
    expect(!huge.ok && huge.error.issues.map((issue) => [issue.index, issue.field, issue.expected])).to.deep.equal([[1, 'mrr', MAGNITUDE_EXPECTATION]]);
    const far = readSubscriptions([{ ...base, start: '9999-01-01' }]);
    expect(!far.ok && far.error.issues.map((issue) => [issue.field, issue.expected])).to.deep.equal([['start', DATE_RANGE_EXPECTATION]]);
  });

  it('holds option dates (as-of, from, to) to the same range, naming the option', () => {
    const frame = resolveTimeFrame({ from: '0000-01-01' });
    expect(!frame.ok && frame.error.issues.map((issue) => [issue.field, issue.expected])).to.deep.equal([['timeFrame.from', DATE_RANGE_EXPECTATION]]);
    const bad = dayOfOption('as-of', 'soon', new ZonedDayMapper('UTC'));
    expect(!bad.ok && bad.error.issues[0].field).to.equal('as-of');
    expect(dayOfOption('as-of', '2024-03-31', new ZonedDayMapper('UTC'))).to.deep.include({ ok: true });
  });
});

