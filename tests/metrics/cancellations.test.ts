import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  NO_REASON_LABEL,
  OTHER_KEY,
  cancellationReasons,
  readCancellations,
  reasonKey,
  type Cancellation,
  type CancellationReasons,
} from '../../src/metrics/cancellations.ts';
import { daysFromCivil } from '../../src/metrics/calendar/dates.ts';

const rows = [
  { email: 'a', date: '2024-01-05', reason: 'Too expensive', mrr: 100 },
  { email: 'b', date: '2024-01-20', reason: ' too  expensive ', mrr: '50' },
  { email: 'c', date: '2024-02-03', reason: 'Too expensive', mrr: 30 },
  { email: 'd', date: '2024-02-10', reason: 'Missing features', mrr: 200 },
  { email: 'e', date: '2024-03-01', reason: 'missing features', mrr: 100 },
  { email: 'f', date: '2024-03-15', reason: '   ', mrr: 20 },
  { email: 'g', date: '2024-03-20', reason: 'Moved to a competitor', mrr: 0 },
  { email: 'h', date: '2024-03-28', reason: 'Company closed' },
];

function read(): Cancellation[] {
  const result = readCancellations(rows, { fields: { customer: 'email', lostRevenue: 'mrr' } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function reasons(cancellations: Cancellation[], options: Parameters<typeof cancellationReasons>[1] = {}): CancellationReasons {
  const result = cancellationReasons(cancellations, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('readCancellations', () => {
  it('maps fields, keeps blank reasons as "(no reason given)" and warns about them', () => {
    const result = readCancellations(rows, { fields: { customer: 'email', lostRevenue: 'mrr' } });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value[1]).to.deep.equal({ customer: 'b', day: daysFromCivil(2024, 1, 20), reason: ' too  expensive ', answered: true, lostRevenue: 50 });
    expect(result.value[5]).to.deep.include({ reason: NO_REASON_LABEL, answered: false, lostRevenue: 20 });
    expect(result.value[7].lostRevenue).to.equal(undefined);
    expect(result.warnings).to.have.length(1);
    expect(result.warnings[0]).to.deep.include({ code: 'missing-reason', count: 1, examples: [5] });
  });

  it('names the record and the user column of each bad value', () => {
    const result = readCancellations(
      [
        { email: 'a', date: '2024-01-05', reason: 'x', mrr: 1 },
        { email: 'b', date: 'last week', reason: 'x', mrr: 1 },
        { email: 'c', date: '2024-01-05', reason: 'x', mrr: -5 },
        { email: '', date: '2024-01-05', reason: { text: 'x' } },
      ],
      { fields: { customer: 'email', lostRevenue: 'mrr' } },
    );
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.total).to.equal(4);
    expect(result.error.issues.map((i) => [i.index, i.field])).to.deep.equal([
      [1, 'date'],
      [2, 'mrr'],
      [3, 'email'],
      [3, 'reason'],
    ]);
    expect(result.error.message).to.contain('record 2, field "date"');
    expect(result.error.message).to.contain('record 3, field "mrr": expected a finite number of at least 0, found -5');
  });

  it('rejects an unknown time zone', () => {
    const result = readCancellations(rows, { timeZone: 'Mars/Olympus' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.issues[0].field).to.equal('timeZone');
  });
});

describe('reasonKey', () => {
  it('groups answers that differ in case, spacing and composition', () => {
    expect(reasonKey('  Too   Expensive\t')).to.equal('too expensive');
    expect(reasonKey('STRASSE')).to.equal(reasonKey('Straße'));
    expect(reasonKey('Caf\u0065\u0301')).to.equal(reasonKey('Caf\u00e9'));
  });
});

describe('cancellationReasons', () => {
  it('counts, shares out and folds rare answers into Other (by count)', () => {
    const result = reasons(read());
    // 8 cancellations; lost revenue 100+50+30+200+100+20+0 = 500 (h has none).
    expect(result.total).to.deep.equal({ count: 8, lostRevenue: 500, withoutRevenue: 1, unanswered: 1 });
    expect(result.reasons.map((r) => [r.label, r.count, r.countShare, r.lostRevenue, r.revenueShare])).to.deep.equal([
      ['Too expensive', 3, 3 / 8, 180, 180 / 500], // 0.375; 100+50+30 = 180 → 0.36
      ['Missing features', 2, 2 / 8, 300, 300 / 500], // label tie 1:1 → code-point order, "M" < "m"
      [NO_REASON_LABEL, 1, 1 / 8, 20, 20 / 500], // blank answers are never "rare"
    ]);
    expect(result.reasons[0].spellings).to.deep.equal([
      { text: 'Too expensive', count: 2 },
      { text: 'too expensive', count: 1 },
    ]);
    expect(result.reasons[0].share).to.equal(0.375);
    const other = result.other!;
    // Given once each (< otherThreshold 2): company closed, moved to a competitor.
    expect(other).to.deep.include({ label: 'Rarer reasons', distinct: 2, count: 2, countShare: 0.25, lostRevenue: 0, revenueShare: 0, share: 0.25 });
    expect(other.members.map((m) => [m.label, m.foldedBecause])).to.deep.equal([
      ['Company closed', 'rare'],
      ['Moved to a competitor', 'rare'],
    ]);
  });

  it('ranks by lost revenue when asked', () => {
    const result = reasons(read(), { weightBy: 'revenue' });
    // 300 > 180 > 20
    expect(result.reasons.map((r) => [r.label, r.share])).to.deep.equal([
      ['Missing features', 0.6],
      ['Too expensive', 0.36],
      [NO_REASON_LABEL, 0.04],
    ]);
    expect(result.other!.share).to.equal(0);
  });

  it('folds the tail beyond maxReasons into Other and keeps its members', () => {
    const result = reasons(read(), { maxReasons: 2 });
    expect(result.reasons.map((r) => r.label)).to.deep.equal(['Too expensive', 'Missing features']);
    // Other = no reason (1, 20) + company closed (1) + moved (1): 3 of 8, 20 of 500.
    expect(result.other).to.deep.include({ distinct: 3, count: 3, countShare: 3 / 8, lostRevenue: 20, revenueShare: 0.04 });
    expect(result.other!.members.map((m) => [m.label, m.foldedBecause])).to.deep.equal([
      [NO_REASON_LABEL, 'tail'], // count tie at 1, more lost revenue first
      ['Company closed', 'rare'],
      ['Moved to a competitor', 'rare'],
    ]);
  });

  it('keeps every answer with otherThreshold 1', () => {
    const result = reasons(read(), { otherThreshold: 1 });
    expect(result.reasons).to.have.length(5);
    expect(result.other).to.equal(null);
  });

  it('follows the top reasons per month', () => {
    const { trend } = reasons(read());
    expect(trend.periods.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    expect(trend.series.map((s) => [s.key, s.counts, s.lostRevenue])).to.deep.equal([
      ['too expensive', [2, 1, 0], [150, 30, 0]], // a+b in Jan, c in Feb
      ['missing features', [0, 1, 1], [0, 200, 100]],
      ['', [0, 0, 1], [0, 0, 20]],
      [OTHER_KEY, [0, 0, 2], [0, 0, 0]],
    ]);
    expect(trend.totals).to.deep.equal([2, 2, 4]);
  });

  it('fills empty periods with zeros', () => {
    const [jan, , , , mar] = read();
    const { trend } = reasons([jan, mar], { granularity: 'month', otherThreshold: 1 });
    expect(trend.periods.map((p) => p.key)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    expect(trend.totals).to.deep.equal([1, 0, 1]);
  });

  it('returns empty results for no cancellations', () => {
    const result = reasons([]);
    expect(result.reasons).to.deep.equal([]);
    expect(result.other).to.equal(null);
    expect(result.trend.periods).to.deep.equal([]);
  });

  it('rejects bad options and weighting by revenue without any revenue', () => {
    const noRevenue = read().map((c) => ({ ...c, lostRevenue: undefined }));
    const cases: Array<[Parameters<typeof cancellationReasons>[1], string]> = [
      [{ weightBy: 'revenue' }, 'weightBy'],
      [{ otherThreshold: 0 }, 'otherThreshold'],
      [{ maxReasons: 1.5 }, 'maxReasons'],
      [{ granularity: 'fortnight' as 'month' }, 'granularity'],
    ];
    for (const [options, field] of cases) {
      const result = cancellationReasons(noRevenue, options);
      expect(result.ok, field).to.equal(false);
      if (!result.ok) expect(result.error.issues[0].field).to.equal(field);
    }
  });

  const spellings = ['Price', 'price', ' PRICE ', 'Support', 'support  ', 'Bugs', 'Moving', 'Closed', ''];
  const cancellation = fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd'),
    day: fc.integer({ min: daysFromCivil(2023, 1, 1), max: daysFromCivil(2024, 12, 31) }),
    reason: fc.oneof(fc.constantFrom(...spellings), fc.string({ maxLength: 6 })),
    lostRevenue: fc.option(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e4, noNaN: true })), { nil: undefined }),
  }).map(({ reason, ...rest }): Cancellation => {
    const answered = reason.trim() !== '';
    return { ...rest, reason: answered ? reason : NO_REASON_LABEL, answered };
  });
  const options = fc.record({
    weightBy: fc.constantFrom('count' as const, 'revenue' as const),
    otherThreshold: fc.integer({ min: 1, max: 4 }),
    maxReasons: fc.integer({ min: 1, max: 6 }),
    granularity: fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
  });
  const withRevenue = (list: Cancellation[]) => list.some((c) => (c.lostRevenue ?? 0) > 0);

  it('property: named reasons and Other share out everything, by count and by revenue', () => {
    fc.assert(
      fc.property(fc.array(cancellation, { minLength: 1, maxLength: 60 }).filter(withRevenue), options, (list, opts) => {
        const result = reasons(list, opts);
        const parts = [...result.reasons, ...(result.other ? [result.other] : [])];
        const sum = (f: (p: (typeof parts)[number]) => number) => parts.reduce((s, p) => s + f(p), 0);
        expect(sum((p) => p.countShare)).to.be.closeTo(1, 1e-9);
        expect(sum((p) => p.revenueShare)).to.be.closeTo(1, 1e-9);
        expect(sum((p) => p.count)).to.equal(list.length);
        expect(result.reasons.length).to.be.at.most(opts.maxReasons);
        if (result.other) {
          expect(result.other.distinct).to.equal(result.other.members.length);
          expect(result.other.members.reduce((s, m) => s + m.count, 0)).to.equal(result.other.count);
        }
        expect(result.trend.totals.reduce((s, n) => s + n, 0)).to.equal(list.length);
        for (const [i, series] of result.trend.series.entries()) {
          expect(series.counts.reduce((s, n) => s + n, 0)).to.equal(parts[i].count);
        }
      }),
    );
  });

  it('property: the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fc.array(cancellation, { maxLength: 40 }).filter(withRevenue).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        options,
        ([list, shuffled], opts) => {
          expect(reasons(shuffled, opts)).to.deep.equal(reasons(list, opts));
        },
      ),
    );
  });
});
