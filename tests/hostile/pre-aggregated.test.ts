/**
 * Pre-aggregated input (per-period figures, a cohort matrix) in hostile shapes: holes, wrong
 * keys, markup and prototype names as keys, counts at and beyond the limits, and sizes a
 * warehouse can hand over in one go (a 100 × 100 matrix, 5,000 periods). Held to the rules of
 * harness.ts; huge shapes each alone, so a long task is theirs.
 */
import './elements.ts';
import { expectNoFailures, make, runGroup, type Case } from './harness.ts';

const MARKUP = '<img src=x onerror="window.__hostilePwned=1">';

interface Shape {
  tag: string;
  attributes: Record<string, string>;
  /** A small valid input. */
  valid: () => unknown;
  /** The input with one count replaced. */
  withCount: (value: unknown) => unknown;
  /** The count's field, as a message would name it. */
  countField: string;
  /** The input with a key (period or cohort) replaced. */
  withKey: (key: string) => unknown;
  /** The same shape, holes in it. */
  holes: () => unknown;
  /** Under keys the element does not read. */
  wrongKeys: () => unknown;
  /** Large: `n` periods or an n × n matrix. */
  large: (n: number) => unknown;
  largeSize: number;
}

const monthKey = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const dayKey = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);

const matrix = (tag: string): Shape => ({
  tag,
  attributes: { input: 'matrix' },
  valid: () => ({ cohorts: [{ key: '2024-01', size: 10, values: [10, 6, 4] }, { key: '2024-02', size: 8, values: [8, 3] }] }),
  withCount: (value) => ({ cohorts: [{ key: '2024-01', size: 10, values: [10, value, 4] }, { key: '2024-02', size: 8, values: [8, 3] }] }),
  countField: 'values',
  withKey: (key) => ({ cohorts: [{ key, size: 10, values: [10, 6, 4] }, { key: '2024-02', size: 8, values: [8, 3] }] }),
  // eslint-disable-next-line no-sparse-arrays
  holes: () => ({ cohorts: [{ key: '2024-01', size: 10, values: [10, null, , 4] }, null, { key: '2024-03', size: 5, values: [] }] }),
  wrongKeys: () => ({ rows: [{ cohort: '2024-01', n: 10, counts: [10, 6] }] }),
  large: (n) => ({ cohorts: Array.from({ length: n }, (_, i) => ({ key: monthKey(i), size: 1000, values: Array.from({ length: n - i }, (_, k) => Math.max(0, 1000 - 7 * k)) })) }),
  largeSize: 140, // 140 cohorts: 9,870 cells, the "10,000 matrix values"
});

const SHAPES: Shape[] = [
  {
    tag: 'churn-trend',
    attributes: { input: 'periods' },
    valid: () => [{ period: '2024-01', start: 500, lost: 25 }, { period: '2024-02', start: 520, lost: 52 }],
    withCount: (value) => [{ period: '2024-01', start: 500, lost: value }, { period: '2024-02', start: 520, lost: 52 }],
    countField: 'lost',
    withKey: (key) => [{ period: key, start: 500, lost: 25 }, { period: '2024-02', start: 520, lost: 52 }],
    holes: () => [{ period: '2024-01', start: 500, lost: 25 }, null, { period: '2024-03' }],
    wrongKeys: () => [{ month: '2024-01', customers: 500, churned: 25 }],
    large: (n) => Array.from({ length: n }, (_, i) => ({ period: dayKey(i), start: 1000, lost: i % 40 })),
    largeSize: 5000,
  },
  matrix('cohort-heatmap'),
  matrix('retention-curve'),
  {
    tag: 'revenue-movements',
    attributes: { input: 'periods' },
    valid: () => [
      { period: '2024-01', new: 100, expansion: 20, reactivation: 0, contraction: 10, churn: 30, startMrr: 1000 },
      { period: '2024-02', new: 80, expansion: 10, reactivation: 5, contraction: 0, churn: 20, startMrr: 1080 },
    ],
    withCount: (value) => [
      { period: '2024-01', new: value, expansion: 20, reactivation: 0, contraction: 10, churn: 30, startMrr: 1000 },
      { period: '2024-02', new: 80, expansion: 10, reactivation: 5, contraction: 0, churn: 20, startMrr: 1080 },
    ],
    countField: 'new',
    withKey: (key) => [
      { period: key, new: 100, expansion: 20, reactivation: 0, contraction: 10, churn: 30, startMrr: 1000 },
      { period: '2024-02', new: 80, expansion: 10, reactivation: 5, contraction: 0, churn: 20, startMrr: 1080 },
    ],
    holes: () => [{ period: '2024-01', new: 100, startMrr: 1000 }, null],
    wrongKeys: () => [{ month: '2024-01', added: 100, lost: 30, mrr: 1000 }],
    large: (n) => Array.from({ length: n }, (_, i) => ({ period: dayKey(i), new: 10, expansion: 2, reactivation: 1, contraction: 1, churn: 5, startMrr: 1000 + i })),
    largeSize: 5000,
  },
  {
    tag: 'kpi-tile',
    attributes: { input: 'periods', metric: 'customer-churn' },
    valid: () => [{ period: '2024-01', value: 0.05 }, { period: '2024-02', value: 0.06 }],
    withCount: (value) => [{ period: '2024-01', value: 0.05 }, { period: '2024-02', value }],
    countField: 'value',
    withKey: (key) => [{ period: key, value: 0.05 }, { period: '2024-02', value: 0.06 }],
    holes: () => [{ period: '2024-01', value: 0.05 }, null, { period: '2024-03' }],
    wrongKeys: () => [{ month: '2024-01', rate: 0.05 }],
    large: (n) => Array.from({ length: n }, (_, i) => ({ period: dayKey(i), value: (i % 10) / 100 })),
    largeSize: 5000,
  },
];

describe('hostile pre-aggregated input', function () {
  this.timeout(60_000);

  for (const shape of SHAPES) {
    const el = (data: unknown) => make(shape.tag, shape.attributes, data);
    const refused = (name: string, data: unknown, names: string[]): Case => ({ name, el: el(data), mustRefuse: true, names });

    it(`<${shape.tag}>: holes, wrong keys, markup and prototype names as keys, counts at and beyond the limits`, async () => {
      (window as { __hostilePwned?: number }).__hostilePwned = undefined;
      const cases = (): Case[] => [
        { name: 'valid', el: el(shape.valid()) },
        { name: 'holes and nulls', el: el(shape.holes()) },
        refused('wrong keys', shape.wrongKeys(), ['period', 'cohorts', 'key']),
        { name: 'markup as a key', el: el(shape.withKey(MARKUP)) },
        { name: '__proto__ as a key', el: el(shape.withKey('__proto__')) },
        { name: `${shape.countField} 0`, el: el(shape.withCount(0)) },
        refused(`${shape.countField} -1`, shape.withCount(-1), [shape.countField]),
        refused(`${shape.countField} 1e308`, shape.withCount(1e308), [shape.countField]),
        refused(`${shape.countField} NaN`, shape.withCount(Number.NaN), [shape.countField]),
        refused(`${shape.countField} Infinity`, shape.withCount(Number.POSITIVE_INFINITY), [shape.countField]),
        refused(`${shape.countField} "abc"`, shape.withCount('abc'), [shape.countField]),
        { name: `${shape.countField} 5e-324`, el: el(shape.withCount(5e-324)) },
      ];
      const outcome = await runGroup(`${shape.tag} pre-aggregated`, cases);
      const valid = outcome.cases[0].el;
      if (valid.status !== 'ready') outcome.failures.push(`valid input: ${valid.status} ${valid.error?.message ?? ''}`);
      if ((window as { __hostilePwned?: number }).__hostilePwned !== undefined) outcome.failures.push('markup in a key ran a script');
      expectNoFailures(outcome);
    });

    it(`<${shape.tag}>: ${shape.largeSize.toLocaleString('en')}${shape.attributes.input === 'matrix' ? ' cohorts' : ' periods'} settle without freezing the page`, async () => {
      const outcome = await runGroup(`${shape.tag} large pre-aggregated`, () => [{ name: `${shape.largeSize} large`, el: el(shape.large(shape.largeSize)) }], { width: 800 });
      expectNoFailures(outcome);
    });
  }
});
