import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { daysFromCivil } from '../../src/metrics/calendar/dates.ts';
import { readTransactions } from '../../src/metrics/read/transactions.ts';
import {
  ACTIVITY_EVENTS,
  DEFAULT_HEALTH_WEIGHTS,
  HEALTH_SIGNALS,
  POSITIVE_HEALTH_SIGNALS,
  callOrder,
  customerHealth,
  purchaseActivity,
  readActivityEvents,
  type ActivityEvent,
  type CustomerHealthOptions,
  type CustomerHealthReport,
} from '../../src/metrics/health.ts';

// asOf 2024-03-31 with 30-day windows: recent = Mar 1 … Mar 30, previous = Jan 31 … Feb 29.
const rows = [
  // ann: 4 logins before and after; usage 60 + 60 = 120 before, 30 now; renewed Mar 15.
  ...['2024-02-01', '2024-02-05', '2024-02-09', '2024-02-12', '2024-03-02', '2024-03-05', '2024-03-09', '2024-03-12'].map((when) => ({
    id: 'ann',
    when,
    what: 'login',
  })),
  { id: 'ann', when: '2024-02-10', what: 'usage', amount: 60 },
  { id: 'ann', when: '2024-02-20', what: ' Usage ', amount: '60' },
  { id: 'ann', when: '2024-03-10', what: 'usage', amount: 30 },
  { id: 'ann', when: '2024-03-15', what: 'renewal' },
  // bob: renewed long ago, then expired Feb 15; 10 logins before, none now; 2 tickets before, none now; a downgrade.
  { id: 'bob', when: '2024-01-05', what: 'renewal' },
  { id: 'bob', when: '2024-02-01', what: 'LOGIN', amount: 10 },
  { id: 'bob', when: '2024-02-03', what: 'ticket' },
  { id: 'bob', when: '2024-02-04', what: 'ticket' },
  { id: 'bob', when: '2024-02-15', what: 'expiry' },
  { id: 'bob', when: '2024-03-03', what: 'downgrade' },
  // cat: last seen in December; expired and renewed the same day in January.
  { id: 'cat', when: '2023-12-01', what: 'login' },
  { id: 'cat', when: '2024-01-10', what: 'expiry' },
  { id: 'cat', when: '2024-01-10', what: 'renewal' },
  // dan: usage up from 10 to 20 (not rewarded), two upgrades.
  { id: 'dan', when: '2024-02-15', what: 'usage', amount: 10 },
  { id: 'dan', when: '2024-03-20', what: 'usage', amount: 20 },
  { id: 'dan', when: '2024-03-05', what: 'upgrade' },
  { id: 'dan', when: '2024-03-06', what: 'upgrade' },
  // eve: a login on the last day of the window; two events on or after asOf.
  { id: 'eve', when: '2024-03-30', what: 'login' },
  { id: 'eve', when: '2024-03-31', what: 'usage', amount: 5 },
  { id: 'eve', when: '2024-04-02', what: 'login' },
];

function read(): ActivityEvent[] {
  const result = readActivityEvents(rows, { fields: { customer: 'id', date: 'when', event: 'what', value: 'amount' } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function health(events: readonly ActivityEvent[], options: CustomerHealthOptions = {}): CustomerHealthReport {
  const result = customerHealth(events, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('readActivityEvents', () => {
  it('maps fields, folds the case of event words and defaults the value to 1 (keeping a given value as the amount)', () => {
    const events = read();
    expect(events[0]).to.deep.equal({ customer: 'ann', day: daysFromCivil(2024, 2, 1), event: 'login', value: 1 });
    expect(events[9]).to.deep.equal({ customer: 'ann', day: daysFromCivil(2024, 2, 20), event: 'usage', value: 60, amount: 60 });
    expect(events[13].event).to.equal('login');
  });

  it('names the record and field of an unknown event and lists the allowed words', () => {
    const result = readActivityEvents(
      [
        { id: 'a', when: '2024-01-01', type: 'login' },
        { id: 'a', when: '2024-01-02', type: 'logout' },
        { id: 'a', when: 'someday', type: 'usage', minutes: -5 },
      ],
      { fields: { customer: 'id', date: 'when', event: 'type', value: 'minutes' } },
    );
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => [i.index, i.field])).to.deep.equal([
      [1, 'type'],
      [2, 'when'],
      [2, 'minutes'],
    ]);
    expect(result.error.message).to.contain(
      'record 2, field "type": expected an event: one of login, usage, ticket, renewal, downgrade, upgrade, expiry, found "logout"',
    );
  });
});

describe('customerHealth', () => {
  it('scores the hand-computed fixture', () => {
    const result = customerHealth(read(), { asOf: '2024-03-31' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report.asOfDay).to.equal(daysFromCivil(2024, 3, 31));
    expect(result.warnings.map((w) => [w.code, w.count])).to.deep.equal([['future-date', 2]]); // eve on Mar 31 and Apr 2
    // The call order: no event carries an amount, so by risk = max(0, 70 − score) / 70; the lapsed last.
    expect(report.valueKind).to.equal(null);
    expect(report.customers.map((c) => [c.customer, c.score, c.status, Number(c.risk.toFixed(4))])).to.deep.equal([
      ['cat', 30, 'at-risk', 0.5714], // 70 − 40 (dormant since Dec 1)
      ['ann', 62.5, 'healthy', 0.1071], // 70 − 30 × (120 − 30) / 120 + 15 (renewal) = 70 − 22.5 + 15
      ['eve', 70, 'healthy', 0], // no signal
      ['dan', 90, 'healthy', 0], // 70 + 2 × 10 (upgrades); usage 10 → 20 is not rewarded
      ['bob', 0, 'lapsed', 1], // 70 − 40 (expired) − 20 (logins 10 → 0) − 15 (1 downgrade) − 10 (tickets silent) = −15 → 0
    ]);
    expect(report.customers.map((c) => c.atRisk)).to.deep.equal([true, false, false, false, false]); // bob is gone, not at risk
    expect(report.atRiskCount).to.equal(1);
    expect(report.lapsedCount).to.equal(1);

    const bob = report.customers[4];
    expect(bob.unclampedScore).to.equal(-15);
    expect(bob.signals.map((s) => [s.signal, s.contribution])).to.deep.equal([
      ['expired-not-renewed', -40],
      ['login-drop', -20],
      ['downgrade', -15],
      ['tickets-silent', -10],
    ]);
    expect(bob.signals[0].detail).to.equal('subscription expired on 2024-02-15 and was not renewed');
    expect(bob.signals[3].facts).to.deep.equal({ previous: 2, recent: 0 });
    expect(bob.previous).to.deep.equal({ logins: 10, usage: 0, tickets: 2, renewals: 0, downgrades: 0, upgrades: 0, expiries: 1 });

    const ann = report.customers[1];
    expect(ann.signals.map((s) => [s.signal, s.contribution, s.detail])).to.deep.equal([
      ['usage-drop', -22.5, 'usage fell 75% (120 → 30) against the previous 30 days'],
      ['renewal', 15, '1 renewal in the last 30 days'],
    ]);
    const cat = report.customers[0];
    expect(cat.signals.map((s) => [s.signal, s.facts.day])).to.deep.equal([['dormant', daysFromCivil(2023, 12, 1)]]);
    expect(report.customers[2].recent.logins).to.equal(1); // eve: Mar 30 is inside [Mar 1, Mar 31)
  });

  it('one behaviour, one penalty: usage and logins stopping together take at most the largest engagement weight', () => {
    // as-of Mar 31: usage 100 → 0 (−30) and logins 4 → 0 (−20) sum to 50 > 40 (the dormant weight, the largest):
    // each is scaled by 40 / 50, −24 and −16, and the score is 70 − 40 = 30, not 20.
    const day = (d: string) => daysFromCivil(2024, Number(d.slice(0, 2)), Number(d.slice(3)));
    const events: ActivityEvent[] = [
      { customer: 'x', day: day('02-10'), event: 'usage', value: 100 },
      ...['02-01', '02-05', '02-09', '02-12'].map((d): ActivityEvent => ({ customer: 'x', day: day(d), event: 'login', value: 1 })),
      { customer: 'x', day: day('03-10'), event: 'usage', value: 0 },
    ];
    const x = health(events, { asOf: '2024-03-31' }).customers[0];
    expect(x.signals.map((s) => [s.signal, s.contribution])).to.deep.equal([
      ['usage-drop', -24],
      ['login-drop', -16],
    ]);
    expect([x.score, x.status]).to.deep.equal([30, 'at-risk']);
    // Below the cap nothing is scaled: usage 100 → 50 alone is −15.
    const half = health([events[0], { ...events[5], value: 50 }, ...events.slice(1, 5), { customer: 'x', day: day('03-02'), event: 'login', value: 1 }], { asOf: '2024-03-31' });
    expect(half.customers[0].signals.find((s) => s.signal === 'usage-drop')!.contribution).to.equal(-15);
  });

  it('values a customer by their latest recurring revenue and orders by risk × value', () => {
    const day = (m: number, d: number) => daysFromCivil(2024, m, d);
    const events: ActivityEvent[] = [
      // a: $99 then upgraded to $299; usage 100 → 50 (−15): risk 15/70, priority 299 × 15/70 = 64.07
      { customer: 'a', day: day(2, 1), event: 'renewal', value: 99, amount: 99 },
      { customer: 'a', day: day(2, 20), event: 'upgrade', value: 299, amount: 299 },
      { customer: 'a', day: day(2, 12), event: 'usage', value: 100 },
      { customer: 'a', day: day(3, 12), event: 'usage', value: 50 },
      // b: $29, dormant (−40): risk 40/70, priority 16.57
      { customer: 'b', day: day(2, 1), event: 'renewal', value: 29, amount: 29 },
      { customer: 'b', day: day(1, 2), event: 'login', value: 1 },
    ];
    const report = health(events, { asOf: '2024-03-31' });
    expect(report.valueKind).to.equal('recurring');
    expect(report.customers.map((c) => [c.customer, c.value, Number(c.priority.toFixed(2))])).to.deep.equal([
      ['a', 299, 64.07],
      ['b', 29, 16.57],
    ]);
  });

  it('reads orders as activity: each purchase day a visit and its spend; the value is the last year of spend', () => {
    const table = readTransactions([
      { customer: 'k', date: '2024-01-10', amount: 30 },
      { customer: 'k', date: '2024-01-10', amount: 20 }, // same day: one visit of 50
      { customer: 'k', date: '2024-02-20', amount: 40 },
      { customer: 'k', date: '2024-02-21', amount: -10 }, // a return is not activity
      { customer: 'm', date: '2023-01-05', amount: 500 }, // over a year before as-of: not in the value
      { customer: 'm', date: '2024-03-05', amount: 80 },
    ]);
    if (!table.ok) throw new Error(table.error.message);
    const events = purchaseActivity(table.value);
    const kEvents = events.filter((e) => e.customer === 'k').map((e) => [e.event, e.value]);
    expect(kEvents).to.deep.equal([
      ['login', 1],
      ['usage', 50],
      ['login', 1],
      ['usage', 40],
    ]);
    const report = health(events, { asOf: '2024-03-31', source: 'orders', windowDays: 30 });
    expect(report.valueKind).to.equal('revenue');
    const value = Object.fromEntries(report.customers.map((c) => [c.customer, c.value]));
    expect(value).to.deep.equal({ k: 90, m: 80 });
    // k bought 40 in the previous window (Feb 1 … Mar 1) and nothing since: spend and purchase days fell 100 %,
    // worded as spend, not usage.
    const k = report.customers.find((c) => c.customer === 'k')!;
    expect(k.signals.map((s) => s.detail)).to.deep.equal([
      'spend fell 100% (40 → 0) against the previous 30 days',
      'purchase days fell 100% (1 → 0) against the previous 30 days',
    ]);
  });

  it('defaults asOf to the day after the last event', () => {
    const report = health(read());
    expect(report.asOfDay).to.equal(daysFromCivil(2024, 4, 3));
  });

  it('uses the given weights, window and thresholds', () => {
    // 7-day windows: recent = Mar 24 … 30, previous = Mar 17 … 23. Bob's downgrade (Mar 3), logins
    // and tickets fall in neither; his last login (Feb 1) is before both, so he is dormant (−40),
    // and his expiry still has no renewal (−25 with this weight): 60 − 40 − 25 = −5 → 0.
    const report = health(read(), { asOf: '2024-03-31', windowDays: 7, baseline: 60, atRiskBelow: 25, weights: { 'expired-not-renewed': 25 } });
    const bob = report.customers.find((c) => c.customer === 'bob')!;
    expect(bob.signals.map((s) => [s.signal, s.contribution])).to.deep.equal([
      ['dormant', -40],
      ['expired-not-renewed', -25],
    ]);
    expect([bob.score, bob.unclampedScore]).to.deep.equal([0, -5]);
    const eve = report.customers.find((c) => c.customer === 'eve')!;
    expect([eve.score, eve.atRisk]).to.deep.equal([60, false]); // login on Mar 30, no signal
    const ann = report.customers.find((c) => c.customer === 'ann')!;
    // Last login Mar 12, before both windows: dormant, 60 − 40 = 20 < 25. The Mar 15 renewal is outside the recent window.
    expect([ann.score, ann.atRisk]).to.deep.equal([20, true]);
    expect(report.weights).to.deep.equal({ ...DEFAULT_HEALTH_WEIGHTS, 'expired-not-renewed': 25 });
  });

  it('returns an empty report for no events', () => {
    const report = health([]);
    expect(report.customers).to.deep.equal([]);
    expect(report.asOfDay).to.equal(null);
  });

  it('rejects bad options, naming the option', () => {
    const cases: Array<[CustomerHealthOptions, string]> = [
      [{ windowDays: 0 }, 'windowDays'],
      [{ atRiskBelow: 140 }, 'atRiskBelow'],
      [{ baseline: Number.NaN }, 'baseline'],
      [{ weights: { renewal: -1 } }, 'weights.renewal'],
      [{ weights: { happiness: 3 } as CustomerHealthOptions['weights'] }, 'weights.happiness'],
      [{ asOf: 'tomorrow' }, 'asOf'],
    ];
    for (const [options, field] of cases) {
      const result = customerHealth(read(), options);
      expect(result.ok, field).to.equal(false);
      if (!result.ok) expect(result.error.issues[0].field).to.equal(field);
    }
  });

  it('scores every customer of a 100,000-event input', () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const start = daysFromCivil(2024, 1, 1);
    const events: ActivityEvent[] = Array.from({ length: 100_000 }, () => ({
      customer: `c${Math.floor(random() * 5_000)}`,
      day: start + Math.floor(random() * 120),
      event: ACTIVITY_EVENTS[Math.floor(random() * ACTIVITY_EVENTS.length)],
      value: Math.floor(random() * 60),
    }));
    // Speed is the benchmark's business; here only that a large input is handled whole.
    const report = health(events);
    expect(report.customers).to.have.length(5_000);
  });

  const base = daysFromCivil(2024, 6, 1);
  const event = fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    day: fc.integer({ min: base - 120, max: base + 3 }),
    event: fc.constantFrom(...ACTIVITY_EVENTS),
    value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1_000, noNaN: true })),
  });
  const weights = fc.record(Object.fromEntries(HEALTH_SIGNALS.map((s) => [s, fc.double({ min: 0, max: 100, noNaN: true })])) as Record<string, fc.Arbitrary<number>>, {
    requiredKeys: [],
  });
  const options = fc.record({
    asOf: fc.constant(base),
    windowDays: fc.integer({ min: 1, max: 45 }),
    baseline: fc.double({ min: 0, max: 100, noNaN: true }),
    weights,
  });

  it('property: scores stay within 0–100 and come in call order (risk × value, the lapsed last)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), options, (events, opts) => {
        const report = health(events, { ...opts, asOf: opts.asOf * 86_400_000 });
        for (const [i, customer] of report.customers.entries()) {
          expect(customer.score).to.be.within(0, 100);
          expect(customer.atRisk).to.equal(customer.status === 'at-risk');
          expect(customer.status).to.equal(
            customer.signals.some((s) => s.signal === 'expired-not-renewed') ? 'lapsed' : customer.score < report.atRiskBelow ? 'at-risk' : 'healthy',
          );
          expect(customer.risk).to.be.within(0, 1);
          if (i > 0) expect(callOrder(report.customers[i - 1], customer)).to.be.below(0);
          const magnitudes = customer.signals.map((s) => Math.abs(s.contribution));
          expect(magnitudes).to.deep.equal([...magnitudes].sort((x, y) => y - x));
        }
      }),
    );
  });

  // Few customers and days, mostly usage with fractional values: sums of three or more terms, where
  // floating-point addition in input order would show.
  const denseEvent = fc.record({
    customer: fc.constantFrom('a', 'b'),
    day: fc.integer({ min: base - 20, max: base - 1 }),
    event: fc.constantFrom<ActivityEvent['event']>('usage', 'usage', 'login', ...ACTIVITY_EVENTS),
    value: fc.integer({ min: 1, max: 999 }).map((n) => n / 10), // 0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1
  });

  it('property: the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(event, denseEvent), { maxLength: 60 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        options,
        ([list, shuffled], opts) => {
          const o = { ...opts, asOf: opts.asOf * 86_400_000 };
          expect(health(shuffled, o)).to.deep.equal(health(list, o));
        },
      ),
    );
  });

  it('property: raising a positive weight never lowers the score of a customer with that signal', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 80 }),
        options,
        fc.constantFrom(...POSITIVE_HEALTH_SIGNALS),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (events, opts, signal, raise) => {
          const o = { ...opts, asOf: opts.asOf * 86_400_000 };
          const before = health(events, o);
          const weight = before.weights[signal];
          const after = health(events, { ...o, weights: { ...o.weights, [signal]: weight + raise } });
          for (const customer of before.customers) {
            if (!customer.signals.some((s) => s.signal === signal)) continue;
            const raised = after.customers.find((c) => c.customer === customer.customer)!;
            expect(raised.score).to.be.at.least(customer.score);
            expect(raised.unclampedScore).to.be.at.least(customer.unclampedScore);
          }
        },
      ),
    );
  });
});
