import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GRANULARITIES, PeriodCalendar, type Granularity, type Weekday } from '../../src/metrics/calendar/calendar.ts';
import { cohortMatrix, type CohortMatrix } from '../../src/metrics/cohorts.ts';
import { readCustomers } from '../../src/metrics/read/customers.ts';
import { daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import { readTransactions, type TransactionTable } from '../../src/metrics/read/transactions.ts';

const NOW = Date.UTC(2100, 0, 1);

function table(rows: object[], timeZone = 'UTC'): TransactionTable {
  const result = readTransactions(rows, { now: NOW, timeZone });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function matrix(t: TransactionTable, options: Parameters<typeof cohortMatrix>[1] = {}): CohortMatrix {
  const result = cohortMatrix(t, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// a, b first buy in January; c, d in February; e only ever returns something. Data ends 30 March.
const SHOP = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'b', date: '2024-01-20 14:00:00', amount: 30 },
  { customer: 'e', date: '2024-01-10', amount: -5 },
  { customer: 'c', date: '2024-02-01', amount: 40 },
  { customer: 'a', date: '2024-02-10', amount: 20 },
  { customer: 'd', date: '2024-02-15', amount: 12 },
  { customer: 'a', date: '2024-02-20', amount: 5 },
  { customer: 'a', date: '2024-02-25', amount: -8 },
  { customer: 'b', date: '2024-03-03', amount: 15 },
  { customer: 'd', date: '2024-03-30', amount: 7 },
];

describe('cohortMatrix: first-purchase cohorts', () => {
  it('counts, shares and net revenue per cohort and period (hand-computed)', () => {
    const m = matrix(table(SHOP));
    expect(m.periods).to.equal(3); // Jan, Feb, Mar
    expect(m.partialLastPeriod).to.equal(true); // data ends 30 March
    expect(m.cohorts.map((c) => [c.key, c.label, c.size])).to.deep.equal([
      ['2024-01', 'Jan 2024', 2],
      ['2024-02', 'Feb 2024', 2],
    ]); // no one first bought in March: no March cohort; e never bought: in no cohort
    const [jan, feb] = m.cohorts;
    // Jan {a, b}: both in Jan; a in Feb; b in Mar.
    expect(jan.counts).to.deep.equal([2, 1, 1]);
    expect(jan.cells).to.deep.equal([1, 0.5, 0.5]);
    // Revenue: Jan 10 + 30 = 40; Feb a 20 + 5 − 8 (return) = 17; Mar b 15.
    expect(jan.revenue).to.deep.equal([40, 17, 15]);
    // Feb {c, d}: both in Feb; d in Mar; period 2 (April) not reached: null, not 0.
    expect(feb.counts).to.deep.equal([2, 1, null]);
    expect(feb.cells).to.deep.equal([1, 0.5, null]);
    expect(feb.revenue).to.deep.equal([52, 7, null]); // 40 + 12; 7
    expect(feb.reached).to.deep.equal([2, 2, 0]);
    expect(feb.firstPeriod).to.equal(2024 * 12 + 1);
    // Average over complete periods (March, the running month, is left out: Feb's k1, Jan's k2):
    // k0 (2 + 2) / (2 + 2) = 1; k1 Jan only: 1 / 2; k2 only Jan reached it, and it is running: none.
    expect(m.average).to.deep.equal([1, 0.5, null]);
    // The customers behind it, for its interval: the same cohorts, counts summed (not shares averaged).
    expect(m.averageCounts).to.deep.equal([{ active: 4, reached: 4 }, { active: 1, reached: 2 }, null]);
  });

  it('averages the running period in once it is over', () => {
    // Same data, asOf the last day of March: March is complete, every cell counts.
    const m = matrix(table(SHOP), { asOf: '2024-03-31' });
    expect(m.partialLastPeriod).to.equal(false);
    // k0 4 / 4; k1 (1 + 1) / (2 + 2); k2 Jan only: 1 / 2.
    expect(m.average).to.deep.equal([1, 0.5, 0.5]);
    expect(m.averageCounts).to.deep.equal([{ active: 4, reached: 4 }, { active: 2, reached: 4 }, { active: 1, reached: 2 }]);
    // Counts and revenue views average differently, on the same customers.
    expect(matrix(table(SHOP), { asOf: '2024-03-31', value: 'revenue' }).averageCounts).to.deep.equal(m.averageCounts);
  });

  it('fills the cells with counts or revenue, averaging over cohorts that reached the period', () => {
    const counts = matrix(table(SHOP), { value: 'count' });
    expect(counts.cohorts.map((c) => c.cells)).to.deep.equal([
      [2, 1, 1],
      [2, 1, null],
    ]);
    // March is running: Feb's k1 and Jan's k2 are left out of the average.
    expect(counts.average).to.deep.equal([2, 1, null]);
    const revenue = matrix(table(SHOP), { value: 'revenue' });
    expect(revenue.cohorts[0].cells).to.deep.equal([40, 17, 15]);
    expect(revenue.average).to.deep.equal([46, 17, null]); // (40 + 52) / 2; Jan's 17 alone; none complete
  });

  it('stops at asOf and limits columns with maxPeriods', () => {
    const m = matrix(table(SHOP), { asOf: '2024-02-29' });
    expect(m.periods).to.equal(2);
    expect(m.partialLastPeriod).to.equal(false); // 29 Feb is the last day of February 2024
    expect(m.cohorts.map((c) => c.counts)).to.deep.equal([
      [2, 1],
      [2, null],
    ]);
    const narrow = matrix(table(SHOP), { maxPeriods: 2 });
    expect(narrow.periods).to.equal(2);
    expect(narrow.cohorts[0].revenue).to.deep.equal([40, 17]);
  });

  it('buckets by quarter and by week', () => {
    const quarters = matrix(table(SHOP), { granularity: 'quarter' });
    expect(quarters.cohorts.map((c) => [c.key, c.size, ...c.counts])).to.deep.equal([['2024-Q1', 4, 4]]);
    // Weeks starting Sunday: a's first purchase (Fri 5 Jan) is in the week of Sun 31 Dec 2023.
    const weeks = matrix(table(SHOP), { granularity: 'week', weekStart: 0 });
    expect(weeks.cohorts[0].key).to.equal('2023-12-31');
  });

  it('rejects bad options with the option named', () => {
    const t = table(SHOP);
    for (const [options, field] of [
      [{ granularity: 'fortnight' }, 'granularity'],
      [{ value: 'share' }, 'value'],
      [{ maxPeriods: 0 }, 'maxPeriods'],
      [{ asOf: 'soon' }, 'asOf'],
      [{ weekStart: 7 }, 'weekStart'],
    ] as const) {
      const result = cohortMatrix(t, options as never);
      expect(result.ok, field).to.equal(false);
      if (!result.ok) expect(result.error.issues[0].field).to.equal(field);
    }
    const tooMany = cohortMatrix(table([{ customer: 'a', date: '1990-01-01', amount: 1 }, { customer: 'b', date: '2024-01-01', amount: 1 }]), { granularity: 'day' });
    expect(tooMany.ok).to.equal(false);
  });

  it('gives an empty matrix for an empty table', () => {
    const m = matrix(table([]));
    expect(m.periods).to.equal(0);
    expect(m.cohorts).to.deep.equal([]);
  });
});

describe('cohortMatrix: property cohorts', () => {
  const customers = readCustomers([
    { customer: 'a', channel: 'ads' },
    { customer: 'b', channel: 'organic' },
    { customer: 'c', channel: 'ads' },
    { customer: 'd', channel: '' },
    { customer: 'f', channel: 'ads' }, // never bought
  ]);

  it('groups by the property, each customer counted from their own first period (hand-computed)', () => {
    if (!customers.ok) throw new Error(customers.error.message);
    // g bought but is not in the customer list.
    const result = cohortMatrix(table([...SHOP, { customer: 'g', date: '2024-03-10', amount: 9 }]), {
      cohortBy: { property: 'channel', customers: customers.value },
    });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const m = result.value;
    expect(m.cohorts.map((c) => [c.key, c.label, c.size, c.firstPeriod])).to.deep.equal([
      ['ads', 'ads', 2, null],
      ['organic', 'organic', 1, null],
      ['', '(none)', 2, null],
    ]);
    const [ads, organic, none] = m.cohorts;
    // ads = a (first Jan), c (first Feb). Data ends in March.
    // reached: k0 both; k1 a→Feb, c→Mar both; k2 a→Mar only (c's k2 is April).
    expect(ads.reached).to.deep.equal([2, 2, 1]);
    // active: k0 a, c; k1 a in Feb (c not in Mar); k2 a not in Mar.
    expect(ads.counts).to.deep.equal([2, 1, 0]);
    expect(ads.cells).to.deep.equal([1, 0.5, 0]);
    expect(ads.revenue).to.deep.equal([50, 17, 0]); // a 10 + c 40; a 20 + 5 − 8; nothing
    expect(organic.cells).to.deep.equal([1, 0, 1]); // b: Jan, not Feb, Mar
    // (none) = d (blank channel, first Feb) and g (not listed, first Mar).
    expect(none.reached).to.deep.equal([2, 1, 0]);
    expect(none.cells).to.deep.equal([1, 1, null]);
    // Average: (2 + 1 + 2) / 5; (1 + 0 + 1) / (2 + 1 + 1); (0 + 1) / (1 + 1).
    expect(m.average).to.deep.equal([1, 0.5, 0.5]);
    // Its counts use who reached k, which shrinks for property cohorts.
    expect(m.averageCounts).to.deep.equal([
      { active: 5, reached: 5 },
      { active: 2, reached: 4 },
      { active: 1, reached: 2 },
    ]);
    expect(result.warnings.map((w) => [w.code, w.count, w.examples])).to.deep.equal([
      ['missing-property', 1, [10]], // g's transaction record
      ['missing-property', 1, [3]], // d's customer record
      ['customer-without-purchases', 1, [4]], // f's customer record
    ]);
  });

  it('names the known properties when asked for an unknown one', () => {
    if (!customers.ok) throw new Error(customers.error.message);
    const result = cohortMatrix(table(SHOP), { cohortBy: { property: 'plan', customers: customers.value } });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.message).to.contain('channel');
  });
});

describe('cohortMatrix: time zones', () => {
  it('reads wall-clock strings the same whatever the table zone', () => {
    const expected = matrix(table(SHOP, 'UTC'));
    for (const zone of ['Europe/Oslo', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      expect(matrix(table(SHOP, zone)), zone).to.deep.equal(expected);
    }
  });

  it('puts instants near a DST change on the Oslo local day', () => {
    const rows = [
      { customer: 'a', date: '2024-02-29T23:30:00Z', amount: 1 }, // Oslo (UTC+1): 1 March 00:30
      { customer: 'a', date: '2024-03-31T21:30:00Z', amount: 1 }, // Oslo (UTC+2 since 01:00 UTC): 31 March 23:30
      { customer: 'b', date: '2024-03-31T00:30:00Z', amount: 1 }, // before the change: 31 March 01:30
      { customer: 'b', date: '2024-03-31T22:30:00Z', amount: 1 }, // Oslo: 1 April 00:30
    ];
    const oslo = matrix(table(rows, 'Europe/Oslo'), { value: 'count' });
    expect(oslo.cohorts.map((c) => [c.key, ...c.counts])).to.deep.equal([['2024-03', 2, 1]]); // a: Mar, Mar; b: Mar, Apr
    const utc = matrix(table(rows, 'UTC'), { value: 'count' });
    expect(utc.cohorts.map((c) => [c.key, ...c.counts])).to.deep.equal([
      ['2024-02', 1, 1], // a: Feb, Mar
      ['2024-03', 1, null], // b: Mar, Mar; April not reached
    ]);
  });
});

// ---- properties -------------------------------------------------------------

const BASE = daysFromCivil(2023, 1, 1);
const rowArb = fc.record({ c: fc.integer({ min: 0, max: 9 }), d: fc.integer({ min: 0, max: 500 }), a: fc.integer({ min: -20, max: 100 }) });
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 80 });
const optionsArb = fc.record({
  granularity: fc.constantFrom<Granularity>(...GRANULARITIES.filter((g) => g !== 'day')),
  weekStart: fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>,
  asOf: fc.option(fc.integer({ min: 0, max: 560 }), { nil: undefined }),
});

function toRecords(rows: { c: number; d: number; a: number }[]) {
  return rows.map((r) => ({ customer: `c${r.c}`, date: isoDate(BASE + r.d), amount: r.a }));
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The definition, spelled out with Maps and Sets. */
function naiveCohorts(rows: { c: number; d: number; a: number }[], granularity: Granularity, weekStart: Weekday, asOfDay: number) {
  const calendar = new PeriodCalendar({ granularity, weekStart });
  const first = new Map<number, number>();
  for (const r of rows) if (r.a >= 0 && BASE + r.d <= asOfDay) first.set(r.c, Math.min(first.get(r.c) ?? Infinity, BASE + r.d));
  const cohorts = new Map<number, { size: number; active: Set<string>; revenue: Map<number, number> }>();
  for (const [, day] of first) {
    const p = calendar.indexOfDay(day);
    const cohort = cohorts.get(p) ?? { size: 0, active: new Set(), revenue: new Map() };
    cohort.size++;
    cohorts.set(p, cohort);
  }
  for (const r of rows) {
    const day = BASE + r.d;
    const f = first.get(r.c);
    if (f === undefined || day > asOfDay || day < f) continue;
    const cohort = cohorts.get(calendar.indexOfDay(f))!;
    const k = calendar.indexOfDay(day) - calendar.indexOfDay(f);
    if (r.a >= 0) cohort.active.add(`${r.c}|${k}`);
    cohort.revenue.set(k, (cohort.revenue.get(k) ?? 0) + r.a);
  }
  return { calendar, cohorts };
}

describe('cohortMatrix: properties', () => {
  it('agrees with the definition spelled out naively, with either counting strategy', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, { granularity, weekStart, asOf }) => {
        const t = table(toRecords(rows));
        const asOfDay = asOf === undefined ? t.lastDay : BASE + asOf;
        const options = { granularity, weekStart, asOf: asOf === undefined ? undefined : isoDate(asOfDay) };
        const m = matrix(t, options);
        expect(matrix(t, { ...options, strategy: 'sorted' })).to.deep.equal(m);
        expect(matrix(t, { ...options, strategy: 'bitmap' })).to.deep.equal(m);
        const { calendar, cohorts } = naiveCohorts(rows, granularity, weekStart, asOfDay);
        expect(m.cohorts.map((c) => c.firstPeriod)).to.deep.equal([...cohorts.keys()].sort((x, y) => x - y));
        const lastPeriod = calendar.indexOfDay(asOfDay);
        for (const cohort of m.cohorts) {
          const expected = cohorts.get(cohort.firstPeriod!)!;
          expect(cohort.size).to.equal(expected.size);
          for (let k = 0; k < m.periods; k++) {
            if (cohort.firstPeriod! + k > lastPeriod) {
              expect(cohort.cells[k]).to.equal(null); // not reached yet
              continue;
            }
            const active = [...expected.active].filter((key) => key.endsWith(`|${k}`)).length;
            expect(cohort.counts[k]).to.equal(active);
            expect(cohort.revenue[k]).to.equal(expected.revenue.get(k) ?? 0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every cell within its cohort, period 0 at 100 %, and ignores row order', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, fc.integer(), (rows, { granularity, weekStart }, seed) => {
        const m = matrix(table(toRecords(rows)), { granularity, weekStart });
        for (const cohort of m.cohorts) {
          expect(cohort.cells[0]).to.equal(1);
          cohort.counts.forEach((count, k) => {
            if (count === null) return;
            expect(count).to.be.at.most(cohort.reached[k]);
            expect(cohort.reached[k]).to.be.at.most(cohort.size);
          });
        }
        // Integer amounts keep the sums exact in any order.
        expect(matrix(table(shuffled(toRecords(rows), seed)), { granularity, weekStart })).to.deep.equal(m);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps property cohort cells within reach and sizes summing to all buyers', () => {
    const channels = ['ads', 'organic', undefined];
    fc.assert(
      fc.property(rowsArb, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 10, maxLength: 10 }), (rows, pick) => {
        const customers = readCustomers(pick.map((p, c) => ({ customer: `c${c}`, channel: channels[p] })));
        if (!customers.ok) throw new Error(customers.error.message);
        const t = table(toRecords(rows));
        const m = matrix(t, { cohortBy: { property: 'channel', customers: customers.value } });
        const buyers = new Set(rows.filter((r) => r.a >= 0).map((r) => r.c)).size;
        expect(m.cohorts.reduce((sum, c) => sum + c.size, 0)).to.equal(buyers);
        for (const cohort of m.cohorts) {
          expect(cohort.cells[0]).to.equal(1);
          cohort.cells.forEach((cell, k) => {
            expect(cell === null).to.equal(cohort.reached[k] === 0);
            if (cell !== null) expect(cell).to.be.within(0, 1);
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('cohortMatrix: large input', () => {
  // Speed is the benchmark's business (bench/); here: a 1M-row table is handled whole, both ways alike.
  it('counts 1M rows the same with the bitmap and with sorted purchase days', () => {
    const t = syntheticTable(1_000_000, 200_000);
    const bitmap = matrix(t, { strategy: 'bitmap' });
    expect(bitmap.periods).to.equal(24);
    const buyers = new Set(Array.from(t.customer).filter((_, r) => t.kind[r] === 0)).size;
    expect(bitmap.cohorts.reduce((sum, c) => sum + c.size, 0)).to.equal(buyers);
    expect(matrix(t, { strategy: 'sorted' })).to.deep.equal(bitmap);
  });
});

/** A table made directly in columns: 1M rows over two years, ~5 % returns. */
function syntheticTable(n: number, customers: number): TransactionTable {
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const kind = new Uint8Array(n);
  const first = daysFromCivil(2023, 1, 1);
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
  for (let r = 0; r < n; r++) {
    customer[r] = next() % customers;
    day[r] = first + (next() % 730);
    const isReturn = next() % 20 === 0;
    kind[r] = isReturn ? 1 : 0;
    amount[r] = isReturn ? -10 : 25;
  }
  return {
    length: n,
    customerIds: Array.from({ length: customers }, (_, c) => `c${c}`),
    customer,
    day,
    amount,
    quantity: new Float64Array(n).fill(1),
    kind,
    order: Int32Array.from({ length: n }, (_, r) => r),
    orderCount: n,
    sourceIndex: Int32Array.from({ length: n }, (_, r) => r),
    firstDay: first,
    lastDay: first + 729,
    timeZone: 'UTC',
    hasMoney: true,
  };
}
