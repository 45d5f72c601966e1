import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { mrrByCustomerPeriod, readSubscriptions, type Subscription } from '../../src/metrics/subscriptions.ts';

function read(rows: unknown[]): Subscription[] {
  const result = readSubscriptions(rows);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('readSubscriptions', () => {
  it('reads mapped columns; end and plan are optional', () => {
    const result = readSubscriptions(
      [
        { account: 42, from: '2024-01-01', until: '2024-02-01', monthly: '49.5', tier: 'pro' },
        { account: 'b', from: '2024-01-15', until: '', monthly: 0, tier: 3 },
      ],
      { fields: { customer: 'account', start: 'from', end: 'until', mrr: 'monthly', plan: 'tier' } },
    );
    expect(result.ok && result.value).to.deep.equal([
      { customer: '42', startDay: 19723, endDay: 19754, mrr: 49.5, plan: 'pro' },
      { customer: 'b', startDay: 19737, endDay: undefined, mrr: 0, plan: '3' },
    ]);
  });

  it('rejects an end before the start, naming record and field', () => {
    const result = readSubscriptions([{ customer: 'a', start: '2024-01-01', mrr: 1 }, { customer: 'a', start: '2024-03-01', stop: '2024-02-01', mrr: 1 }], {
      fields: { end: 'stop' },
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues).to.deep.equal([{ index: 1, field: 'stop', expected: 'an end date on or after the start date', found: '"2024-02-01"' }]);
    expect(result.error.message).to.contain('record 2, field "stop"');
  });

  it('rejects wrong types, missing fields, bad dates, NaN and Infinity', () => {
    const result = readSubscriptions([
      { customer: '', start: '2024-01-01', mrr: 1 },
      { customer: 'a', start: '2024-13-01', mrr: 1 },
      { customer: 'a', start: '2024-01-01', mrr: Number.NaN },
      { customer: 'a', start: '2024-01-01', mrr: Infinity },
      { customer: 'a', start: '2024-01-01', mrr: -1 },
      { customer: {}, mrr: 'n/a' },
      'not a record',
    ]);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.total).to.equal(9);
    expect(result.error.issues.map((i) => [i.index, i.field, i.found])).to.deep.equal([
      [0, 'customer', 'an empty string ""'],
      [1, 'start', '"2024-13-01"'],
      [2, 'mrr', 'NaN'],
      [3, 'mrr', 'Infinity'],
      [4, 'mrr', '-1'],
    ]);
    expect(result.error.message).to.contain('and 4 more');
  });
});

describe('mrrByCustomerPeriod', () => {
  const subscriptions = read([
    { customer: 'A', start: '2024-01-01', mrr: 100 },
    { customer: 'A', start: '2024-02-15', end: '2024-04-01', mrr: 50 },
    { customer: 'B', start: '2024-01-31', end: '2024-02-01', mrr: 30 },
    { customer: 'C', start: '2024-01-10', end: '2024-01-20', mrr: 70 },
    { customer: 'C', start: '2024-03-01', mrr: 20 },
  ]);

  it('takes each customer at each month end: start ≤ last day < end', () => {
    const result = mrrByCustomerPeriod(subscriptions, { granularity: 'month' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const table = result.value;
    // Months from the first start (January) to the last date (A's end, 1 April).
    expect(table.periods.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(table.customerIds).to.deep.equal(['A', 'B', 'C']);
    // A: 100 all along, + 50 at the ends of February and March (ends 1 April, so not on 30 April).
    expect(Array.from(table.mrr[0])).to.deep.equal([100, 150, 150, 100]);
    // B runs on 31 January only, which is January's end.
    expect(Array.from(table.mrr[1])).to.deep.equal([30, 0, 0, 0]);
    // C's January subscription ends before the month does; the March one is open.
    expect(Array.from(table.mrr[2])).to.deep.equal([0, 0, 20, 20]);
  });

  it('narrows to from / to and supports quarters', () => {
    const months = mrrByCustomerPeriod(subscriptions, { granularity: 'month', from: '2024-02-10', to: '2024-04-01' });
    expect(months.ok && months.value.periods.map((p) => p.key)).to.deep.equal(['2024-02', '2024-03']);
    expect(months.ok && Array.from(months.value.mrr[0])).to.deep.equal([150, 150]);
    const quarters = mrrByCustomerPeriod(subscriptions, { granularity: 'quarter' });
    // Q1 ends 31 March: A 150, B 0, C 20; Q2 ends 30 June: A 100, C 20.
    expect(quarters.ok && quarters.value.mrr.map((row) => Array.from(row))).to.deep.equal([[150, 100], [0, 0], [20, 20]]);
  });

  it('reports bad options', () => {
    const bad = mrrByCustomerPeriod(subscriptions, { granularity: 'month', from: 'last year' });
    expect(!bad.ok && bad.error.issues[0]).to.include({ field: 'timeFrame.from' });
    const none = mrrByCustomerPeriod([], { granularity: 'month' });
    expect(none.ok && none.value.periods).to.deep.equal([]);
  });

  it('equals the amounts of the subscriptions active on each period’s last day', () => {
    const subscriptionArb = fc.record({
      customer: fc.constantFrom('a', 'b', 'c'),
      startDay: fc.integer({ min: 19_700, max: 19_900 }),
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      mrr: fc.constantFrom(0, 5, 12.5, 99),
    });
    fc.assert(
      fc.property(fc.array(subscriptionArb, { maxLength: 12 }), fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>, (raw, granularity) => {
        const subs: Subscription[] = raw.map((s) => ({ customer: s.customer, startDay: s.startDay, endDay: s.length === undefined ? undefined : s.startDay + s.length, mrr: s.mrr }));
        const result = mrrByCustomerPeriod(subs, { granularity });
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        const { periods, customerIds, mrr } = result.value;
        periods.forEach((period, p) => {
          const lastDay = period.endDay - 1;
          customerIds.forEach((customer, c) => {
            const expected = subs
              .filter((s) => s.customer === customer && s.startDay <= lastDay && (s.endDay === undefined || lastDay < s.endDay))
              .reduce((sum, s) => sum + s.mrr, 0);
            expect(mrr[c][p]).to.equal(expected);
          });
        });
      }),
    );
  });
});
