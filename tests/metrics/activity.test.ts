import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from '../../src/metrics/calendar/calendar.ts';
import { churnSeries, customerActivity, type ChurnSeries } from '../../src/metrics/activity.ts';
import { purchaseDaysByCustomer } from '../../src/metrics/customer-rows.ts';
import { daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const NOW = Date.UTC(2100, 0, 1);

function table(rows: object[], timeZone = 'UTC'): TransactionTable {
  const result = readTransactions(rows, { now: NOW, timeZone });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function series(t: TransactionTable, options: Parameters<typeof churnSeries>[1]): ChurnSeries {
  const result = churnSeries(t, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// Window 30 days: active on day t = a purchase in [t − 30, t). Data ends 25 April (April incomplete).
const SHOP = [
  { customer: 'h', date: '2024-01-01', amount: 3 }, // active 2–31 Jan: no period boundary sees it
  { customer: 'a', date: '2024-01-10', amount: 10 }, // a: active 11 Jan – 6 Mar (chain with 5 Feb) …
  { customer: 'f', date: '2024-01-15', amount: 1 },
  { customer: 'f', date: '2024-01-16', amount: 2 }, // f: 17 Jan – 15 Feb
  { customer: 'b', date: '2024-01-25', amount: 40 }, // b: 26 Jan – 24 Feb
  { customer: 'a', date: '2024-02-05', amount: 20 },
  { customer: 'c', date: '2024-02-20', amount: 50 }, // c: 21 Feb – 21 Mar
  { customer: 'a', date: '2024-03-20', amount: 30 }, // … and 21 Mar – 19 Apr: the gap falls between boundaries
  { customer: 'd', date: '2024-03-25', amount: 70 }, // d: 26 Mar – 24 Apr
  { customer: 'e', date: '2024-04-10', amount: 80 }, // e: 11 Apr – 10 May
  { customer: 'e', date: '2024-04-12', amount: -5 }, // a return: no activity
  { customer: 'c', date: '2024-04-25', amount: 60 }, // c again: 26 Apr – 25 May
];

describe('churnSeries', () => {
  it('counts S, E, N, lost and reactivated per month (hand-computed)', () => {
    const s = series(table(SHOP), { windowDays: 30 });
    // Active at 1 Jan: nobody; 1 Feb: a, b, f; 1 Mar: a, c; 1 Apr: a, d; 26 Apr (day after the data): c, e.
    expect(s.periods.map((p) => [p.key, p.start, p.end, p.new, p.lost, p.reactivated])).to.deep.equal([
      ['2024-01', 0, 3, 3, 0, 0], // new a, b, f (h came and went unseen)
      ['2024-02', 3, 2, 1, 2, 0], // lost b, f; new c: 3 − 2 + 1 = 2
      ['2024-03', 2, 2, 1, 1, 0], // lost c; new d
      ['2024-04', 2, 2, 1, 2, 1], // lost a, d; new e; c reactivated: 2 − 2 + 1 + 1 = 2
    ]);
    const [jan, feb, mar, apr] = s.periods;
    expect([jan.retentionRate, jan.churnRate]).to.deep.equal([null, null]); // S = 0
    expect(feb.retentionRate).to.equal(1 / 3); // (2 − 1) / 3
    expect(feb.churnRate).to.equal(2 / 3);
    expect([mar.retentionRate, mar.churnRate]).to.deep.equal([0.5, 0.5]); // (2 − 1) / 2, 1 / 2
    expect([apr.retentionRate, apr.churnRate]).to.deep.equal([0.5, 1]); // reactivation breaks the sum
    // Net revenue: Jan 3 + 10 + 1 + 2 + 40; Feb 20 + 50; Mar 30 + 70; Apr 80 − 5 + 60.
    expect(s.periods.map((p) => p.revenue)).to.deep.equal([56, 70, 100, 135]);
    expect(s.periods.map((p) => p.complete)).to.deep.equal([true, true, true, false]);
    // Data starts 1 Jan: the 30-day window before 1 Feb starts 2 Jan, before 1 Jan it starts 2 Dec (no data).
    expect(s.periods.map((p) => p.startCensored)).to.deep.equal([true, false, false, false]);
    expect([apr.startDay, apr.endDay]).to.deep.equal([daysFromCivil(2024, 4, 1), daysFromCivil(2024, 5, 1)]);
    expect(apr.key).to.equal('2024-04');
    expect(apr).not.to.have.property('label'); // words are the page's: periodLabel(key, …, locale)
  });

  it('measures a complete last period at its end', () => {
    const s = series(table(SHOP), { windowDays: 30, asOf: '2024-04-30' });
    const apr = s.periods[3];
    expect(apr.complete).to.equal(true);
    expect([apr.start, apr.end, apr.new, apr.lost, apr.reactivated]).to.deep.equal([2, 2, 1, 2, 1]); // 1 May: c, e
    const early = series(table(SHOP), { windowDays: 30, asOf: '2024-02-29' });
    expect(early.periods.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02']);
    expect(early.periods[1].revenue).to.equal(70);
  });

  it('requires a window of whole days and checks the other options', () => {
    const t = table(SHOP);
    for (const windowDays of [undefined, 0, 2.5, '30']) {
      const result = churnSeries(t, { windowDays } as never);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error.issues[0].field).to.equal('windowDays');
    }
    const badZone = churnSeries(t, { windowDays: 30, granularity: 'hour' as never });
    expect(badZone.ok).to.equal(false);
    expect(series(table([]), { windowDays: 30 }).periods).to.deep.equal([]);
  });

  it('reads wall-clock strings the same whatever the table zone', () => {
    const expected = series(table(SHOP), { windowDays: 30, granularity: 'week' });
    for (const zone of ['Europe/Oslo', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      expect(series(table(SHOP, zone), { windowDays: 30, granularity: 'week' }), zone).to.deep.equal(expected);
    }
  });

  it('puts instants near a DST change on the Oslo local day', () => {
    // 31 Mar 2024 21:30Z is 23:30 in Oslo (summer time since 01:00Z); 22:30Z is already 1 April.
    const rows = [
      { customer: 'a', date: '2024-03-31T21:30:00Z', amount: 1 },
      { customer: 'b', date: '2024-03-31T22:30:00Z', amount: 1 },
    ];
    const oslo = series(table(rows, 'Europe/Oslo'), { windowDays: 5 });
    expect(oslo.periods.map((p) => [p.key, p.new, p.end, p.revenue])).to.deep.equal([
      ['2024-03', 1, 1, 1], // a buys on 31 March (Oslo): active at 1 April, new in March
      ['2024-04', 1, 2, 1], // measured on 2 April (the day after the data): a, and b, new in April
    ]);
    expect(series(table(rows, 'UTC'), { windowDays: 5 }).periods.map((p) => p.key)).to.deep.equal(['2024-03']);
  });
});

describe('customerActivity', () => {
  it('tells who is active at the end of asOf', () => {
    const t = table(SHOP);
    const result = customerActivity(t, { windowDays: 30 });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const byId = (id: string) => t.customerIds.indexOf(id);
    // Up to 25 April: c bought on 25 April, e on 10 April; a's last purchase (20 March) is 37 days back.
    expect(result.value.activeCount).to.equal(2);
    expect(result.value.active[byId('c')]).to.equal(1);
    expect(result.value.active[byId('a')]).to.equal(0);
    expect(result.value.purchaseDays[byId('f')]).to.equal(2);
    expect(result.value.lastPurchaseDay[byId('a')]).to.equal(daysFromCivil(2024, 3, 20));
  });
});

// ---- properties -------------------------------------------------------------

const BASE = daysFromCivil(2023, 1, 1);
const rowArb = fc.record({ c: fc.integer({ min: 0, max: 9 }), d: fc.integer({ min: 0, max: 400 }), a: fc.integer({ min: -20, max: 100 }) });
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 80 });
const optionsArb = fc.record({
  granularity: fc.constantFrom<Granularity>(...GRANULARITIES.filter((g) => g !== 'day')),
  weekStart: fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>,
  windowDays: fc.integer({ min: 1, max: 120 }),
  asOf: fc.option(fc.integer({ min: 0, max: 450 }), { nil: undefined }),
});

function toRecords(rows: { c: number; d: number; a: number }[]) {
  return rows.map((r) => ({ customer: `c${r.c}`, date: isoDate(BASE + r.d), amount: r.a }));
}

/** The definition, spelled out: check every customer at every boundary. */
function naiveSeries(rows: { c: number; d: number; a: number }[], calendar: PeriodCalendar, windowDays: number, asOfDay: number) {
  const purchases = rows.filter((r) => r.a >= 0 && BASE + r.d <= asOfDay).map((r) => ({ c: r.c, day: BASE + r.d }));
  const firstDay = Math.min(...rows.map((r) => BASE + r.d));
  const first = calendar.indexOfDay(firstDay);
  const last = calendar.indexOfDay(asOfDay);
  const isActive = (c: number, t: number) => purchases.some((p) => p.c === c && p.day >= t - windowDays && p.day < t);
  const firstPurchase = (c: number) => Math.min(...purchases.filter((p) => p.c === c).map((p) => p.day));
  const customers = [...new Set(purchases.map((p) => p.c))];
  const out = [];
  for (let index = first; index <= last; index++) {
    const s = calendar.startDay(index);
    const e = Math.min(calendar.endDay(index), asOfDay + 1);
    let start = 0, end = 0, gained = 0, lost = 0, reactivated = 0; // prettier-ignore
    for (const c of customers) {
      const atS = isActive(c, s);
      const atE = isActive(c, e);
      if (atS) start++;
      if (atE) end++;
      if (atS && !atE) lost++;
      if (!atS && atE) {
        if (firstPurchase(c) >= s) gained++;
        else reactivated++;
      }
    }
    out.push([calendar.key(index), start, end, gained, lost, reactivated]);
  }
  return out;
}

describe('churnSeries: properties', () => {
  it('agrees with the definition checked customer by customer, and E = S − lost + N + reactivated', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, { granularity, weekStart, windowDays, asOf }) => {
        const t = table(toRecords(rows));
        const asOfDay = asOf === undefined ? t.lastDay : BASE + asOf;
        const s = series(t, { granularity, weekStart, windowDays, asOf: asOf === undefined ? undefined : isoDate(asOfDay) });
        if (asOfDay < t.firstDay) {
          expect(s.periods).to.deep.equal([]);
          return;
        }
        const calendar = new PeriodCalendar({ granularity, weekStart });
        expect(s.periods.map((p) => [p.key, p.start, p.end, p.new, p.lost, p.reactivated])).to.deep.equal(
          naiveSeries(rows, calendar, windowDays, asOfDay),
        );
        s.periods.forEach((p, j) => {
          expect(p.end).to.equal(p.start - p.lost + p.new + p.reactivated);
          if (j > 0) expect(p.start).to.equal(s.periods[j - 1].end);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('has retention + churn = 100 % when nobody can reactivate', () => {
    // Each customer's purchases are a chain with gaps shorter than the window: one spell of activity each.
    const chainArb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 300 }), gaps: fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 8 }) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(chainArb, fc.constantFrom<Granularity>('week', 'month', 'quarter'), (chains, granularity) => {
        const records = chains.flatMap(({ start, gaps }, c) => {
          let day = BASE + start;
          return [day, ...gaps.map((gap) => (day += gap))].map((d) => ({ customer: `c${c}`, date: isoDate(d), amount: 5 }));
        });
        const s = series(table(records), { granularity, windowDays: 30 });
        for (const p of s.periods) {
          expect(p.reactivated).to.equal(0);
          if (p.start === 0) continue;
          expect(p.retentionRate! + p.churnRate!).to.be.closeTo(1, 1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ignores row order', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 90 }), fc.integer(), (rows, windowDays, seed) => {
        const records = toRecords(rows);
        const shuffled = records.slice();
        let state = seed >>> 0 || 1;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(series(table(shuffled), { windowDays })).to.deep.equal(series(table(records), { windowDays }));
      }),
      { numRuns: 100 },
    );
  });

  it('groups purchase days per customer sorted and distinct, returns left out', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const t = table(toRecords(rows));
        const { start, end, days } = purchaseDaysByCustomer(t, t.lastDay);
        t.customerIds.forEach((id, c) => {
          const expected = [...new Set(rows.filter((r) => `c${r.c}` === id && r.a >= 0).map((r) => BASE + r.d))].sort((x, y) => x - y);
          expect(Array.from(days.subarray(start[c], end[c]))).to.deep.equal(expected);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('churnSeries: large input', () => {
  // Speed is the benchmark's business (bench/); here: a 1M-row table is handled whole and balances.
  it('balances every period of a 1M-row table', () => {
    const n = 1_000_000;
    const customers = 100_000;
    const customer = new Int32Array(n);
    const day = new Int32Array(n);
    const amount = new Float64Array(n);
    const kind = new Uint8Array(n);
    const first = daysFromCivil(2023, 1, 1);
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    for (let r = 0; r < n; r++) {
      customer[r] = next() % customers;
      day[r] = first + (next() % 730);
      kind[r] = next() % 20 === 0 ? 1 : 0;
      amount[r] = kind[r] ? -10 : 25;
    }
    const t: TransactionTable = {
      length: n,
      customerIds: Array.from({ length: customers }, (_, c) => `c${c}`),
      customer,
      day,
      amount,
      quantity: new Float64Array(n),
      kind,
      order: new Int32Array(n),
      orderCount: n,
      sourceIndex: new Int32Array(n),
      firstDay: first,
      lastDay: first + 729,
      timeZone: 'UTC',
      hasMoney: true,
    };
    const s = series(t, { windowDays: 90 });
    expect(s.periods.length).to.equal(24);
    s.periods.forEach((p, j) => {
      expect(p.end).to.equal(p.start - p.lost + p.new + p.reactivated);
      if (j > 0) expect(p.start).to.equal(s.periods[j - 1].end);
    });
    // A 90-day window outlasts any month, so every buyer is counted new exactly once.
    const buyers = new Set(Array.from(customer).filter((_, r) => kind[r] === 0)).size;
    expect(s.periods.reduce((sum, p) => sum + p.new, 0)).to.equal(buyers);
  });
});
