import { expect } from '@open-wc/testing';
import { tickIncrement as d3TickIncrement, ticks as d3Ticks } from 'd3-array';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import fc from 'fast-check';
import { bandScale, linearScale, linearTicks, niceDomain, pointScale, tickIncrement, ticks } from '../../../src/components/platform/chart-scales.ts';

// Doubles of chart-like magnitudes (rates, counts, money), plus integers and
// zero, which is where rounding and collapsed domains show up.
// (Subnormal numbers are left out: there d3-array's ticks itself throws.)
const value = fc.oneof(
  fc.double({ min: -1e7, max: 1e7, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-9),
  fc.double({ min: -1, max: 1, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-9),
  fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 6 })).map(([m, e]) => m / 10 ** e),
  fc.constant(0),
);
const extent = fc.tuple(value, value);
const count = fc.integer({ min: 1, max: 20 });

describe('chart-scales against d3-scale', () => {
  it('ticks and tickIncrement equal d3-array\'s, in either order and with fractional counts', () => {
    const anyCount = fc.oneof(count, fc.double({ min: 0, max: 3, noNaN: true }));
    fc.assert(
      fc.property(extent, anyCount, ([a, b], n) => {
        expect(ticks(a, b, n)).to.deep.equal(d3Ticks(a, b, n));
        if (a < b) expect(tickIncrement(a, b, n)).to.equal(d3TickIncrement(a, b, n));
      }),
      { numRuns: 3000 },
    );
    // Hand examples: 0…1 in about 5 steps is 0.2 apart (increment −5 means 1/5); 0…100 in 10 is 10 apart.
    expect(ticks(0, 1, 5)).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(tickIncrement(0, 1, 5)).to.equal(-5);
    expect(ticks(100, 0, 10)).to.deep.equal([100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0]);
  });

  it('niceDomain equals linear.nice(count).domain()', () => {
    fc.assert(
      fc.property(extent, count, (domain, n) => {
        expect(niceDomain(domain, n)).to.deep.equal(scaleLinear().domain(domain).nice(n).domain());
      }),
      { numRuns: 2000 },
    );
  });

  it('linearTicks equals linear.ticks(count), on raw and nice domains', () => {
    fc.assert(
      fc.property(extent, count, fc.boolean(), (raw, n, nice) => {
        const domain = nice ? niceDomain(raw, n) : raw;
        expect(linearTicks(domain, n)).to.deep.equal(scaleLinear().domain(domain).ticks(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('linearScale maps every value to the same number as scaleLinear', () => {
    fc.assert(
      fc.property(extent, extent, fc.array(value, { maxLength: 10 }), (domain, range, values) => {
        const mine = linearScale(domain, range);
        const d3 = scaleLinear().domain(domain).range(range);
        for (const v of [...values, domain[0], domain[1]]) expect(mine(v)).to.deep.equal(d3(v)); // deep: NaN equals NaN
      }),
      { numRuns: 2000 },
    );
  });

  const size = fc.integer({ min: 0, max: 40 });
  const padding = fc.double({ min: 0, max: 1.5, noNaN: true });
  const range = fc.tuple(fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }));

  it('bandScale has scaleBand’s step, bandwidth and positions', () => {
    fc.assert(
      fc.property(size, range, padding, padding, fc.double({ min: 0, max: 1, noNaN: true }), (n, r, inner, outer, align) => {
        const mine = bandScale(n, r, { paddingInner: inner, paddingOuter: outer, align });
        const d3 = scaleBand<number>()
          .domain(Array.from({ length: n }, (_, i) => i))
          .range(r)
          .paddingInner(inner)
          .paddingOuter(outer)
          .align(align);
        expect(mine.step).to.equal(d3.step());
        expect(mine.bandwidth).to.equal(d3.bandwidth());
        for (let i = -1; i <= n; i++) expect(mine(i)).to.equal(d3(i));
        expect(mine(0.5)).to.equal(undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('pointScale has scalePoint’s step and positions', () => {
    fc.assert(
      fc.property(size, range, padding, (n, r, pad) => {
        const mine = pointScale(n, r, pad);
        const d3 = scalePoint<number>()
          .domain(Array.from({ length: n }, (_, i) => i))
          .range(r)
          .padding(pad);
        expect(mine.step).to.equal(d3.step());
        expect(mine.bandwidth).to.equal(0);
        for (let i = 0; i < n; i++) expect(mine(i)).to.equal(d3(i));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('chart-scales by hand', () => {
  it('maps linearly, either way round', () => {
    const y = linearScale([0, 0.1], [188, 0]);
    // 188 − 0.05 / 0.1 × 188 = 94
    expect(y(0.05)).to.equal(94);
    expect(y(0.2)).to.equal(-188); // not clamped
    expect(linearScale([10, 0], [0, 100])(2.5)).to.equal(75);
    // A collapsed domain maps to the middle of the range.
    expect(linearScale([3, 3], [0, 50])(3)).to.equal(25);
  });

  it('widens a domain to round steps', () => {
    // [0, 0.093] for 4 ticks: step 0.02 → [0, 0.1].
    expect(niceDomain([0, 0.093], 4)).to.deep.equal([0, 0.1]);
    // [−37, 512] for 5 ticks: step 100 → [−100, 600].
    expect(niceDomain([-37, 512], 5)).to.deep.equal([-100, 600]);
    expect(niceDomain([512, -37], 5)).to.deep.equal([600, -100]);
    expect(niceDomain([2, 2], 5)).to.deep.equal([2, 2]);
    expect(linearTicks([0, 0.1], 4)).to.deep.equal([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
  });

  it('lays out bands with inner and outer padding', () => {
    // 4 bands over 300 px, inner 0.25, outer 0.15: step = 300 / (4 − 0.25 + 0.3) = 300 / 4.05;
    // start = (300 − step × 3.75) × 0.5 = step × 0.15.
    const x = bandScale(4, [0, 300], { paddingInner: 0.25, paddingOuter: 0.15 });
    const step = 300 / 4.05;
    expect(x.step).to.be.closeTo(step, 1e-12);
    expect(x.bandwidth).to.be.closeTo(step * 0.75, 1e-12);
    expect(x(0)).to.be.closeTo(step * 0.15, 1e-12);
    expect(x(3)).to.be.closeTo(step * 3.15, 1e-12);
    expect(x(4)).to.equal(undefined);
  });

  it('spaces points half a step in from the ends with padding 0.5', () => {
    // 3 points over 284 px: step = 284 / 3; x = step × (i + 0.5).
    const x = pointScale(3, [0, 284], 0.5);
    expect(x(0)).to.be.closeTo(284 / 6, 1e-12);
    expect(x(1)).to.be.closeTo(142, 1e-12);
    expect(x(2)).to.be.closeTo((284 * 5) / 6, 1e-12);
    // One point sits in the middle.
    expect(pointScale(1, [0, 100], 0.5)(0)).to.equal(50);
  });
});
