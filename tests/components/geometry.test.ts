import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { nearestPointIndex, trendDomain, trendGeometry, type TrendDatum } from '../../src/components/churn-trend/trend-geometry.ts';
import { curveGeometry } from '../../src/components/retention-curve/curve-geometry.ts';
import { sparklineGeometry } from '../../src/components/kpi-tile/sparkline-geometry.ts';
import { movementGeometry } from '../../src/components/revenue-movements/movement-geometry.ts';
import { histogramGeometry } from '../../src/components/purchase-cycle/cycle-geometry.ts';
import { histogramLayout } from '../../src/components/ltv-forecast/ltv-geometry.ts';
import { DIAL_END, DIAL_START, pointAt, ringPath } from '../../src/components/retention-gauge/gauge-geometry.ts';

const points = (rates: (number | null)[], completeUpTo = rates.length): TrendDatum[] =>
  rates.map((rate, i) => ({ key: `p${i}`, rate, complete: i < completeUpTo }));
const pct = (v: number) => `${Math.round(v * 100)} %`;
const near = (actual: number | null, expected: number) => expect(actual).to.be.closeTo(expected, 1e-6);

/**
 * The subpaths of SVG path data as their M/L points (d3-shape writes
 * "M x,y L x,y … Z", numbers rounded to 3 decimals). An arc command ends a
 * point at its last two numbers.
 */
function subpaths(d: string): [number, number][][] {
  const paths: [number, number][][] = [];
  for (const [, command, args] of d.matchAll(/([MLAZ])([^MLAZ]*)/g)) {
    const numbers = args.split(/[ ,]+/).filter(Boolean).map(Number);
    if (command === 'Z') continue;
    if (command === 'M') paths.push([]);
    paths[paths.length - 1].push([numbers[numbers.length - 2], numbers[numbers.length - 1]]);
  }
  return paths;
}
/** Points of path data within d3's 3-decimal rounding. */
function expectPoints(d: string, expected: [number, number][][]) {
  const actual = subpaths(d);
  expect(actual.map((p) => p.length)).to.deep.equal(expected.map((p) => p.length));
  actual.forEach((path, i) =>
    path.forEach(([x, y], j) => {
      expect(x).to.be.closeTo(expected[i][j][0], 5e-4);
      expect(y).to.be.closeTo(expected[i][j][1], 5e-4);
    }),
  );
}
const NON_FINITE = [NaN, Infinity, -Infinity];

describe('trendGeometry', () => {
  it('places points, ticks and the threshold from measured sizes', () => {
    const g = trendGeometry(points([0.05, 0.1, 0.02]), { width: 340, height: 228, threshold: 0.07, formatY: pct });
    // Inner height guess 228 − 12 − 28 = 188 → floor(188 / 40) = 4 ticks asked; d3 picks step 0.02 on [0, 0.1].
    expect(g.yTicks.map((t) => t.label)).to.deep.equal(['0 %', '2 %', '4 %', '6 %', '8 %', '10 %']);
    // Widest label "10 %" = 4 chars × 7 px + 12 = 40 = the default left margin.
    expect(g.margin.left).to.equal(40);
    expect(g.plotWidth).to.equal(340 - 40 - 16);
    expect(g.plotHeight).to.equal(188);
    // 3 periods, each in the middle of its third: step = 284 / 3; x = step × (i + 0.5).
    near(g.points[0].x, 284 / 6);
    near(g.points[1].x, 142);
    near(g.points[2].x, (284 * 5) / 6);
    // y = 188 − rate / 0.1 × 188.
    near(g.points[0].y, 94);
    near(g.points[1].y, 0);
    near(g.points[2].y, 150.4);
    near(g.thresholdY, 188 - 0.7 * 188);
    near(g.zeroY, 188);
    expect(g.hasNegative).to.equal(false);
  });

  it('keeps the threshold inside the domain even when every rate is below it', () => {
    expect(trendDomain([0.01, 0.02], 0.07)).to.deep.equal([0, 0.07]);
    expect(trendDomain([], null)).to.deep.equal([0, 0.1]);
  });

  it('takes negative revenue churn below a zero line', () => {
    const g = trendGeometry(points([0.02, -0.03]), { width: 300, height: 200 });
    expect(g.hasNegative).to.equal(true);
    expect(g.domain[0]).to.be.at.most(-0.03);
    expect(g.zeroY).to.be.greaterThan(0).and.lessThan(g.plotHeight);
    expect(g.points[1].y!).to.be.greaterThan(g.zeroY);
    expect(g.points[0].y!).to.be.lessThan(g.zeroY);
  });

  it('draws segments touching an incomplete period apart (dashed)', () => {
    const g = trendGeometry(points([0.05, 0.06, 0.02], 2), { width: 300, height: 200 });
    const [a, b, c] = g.points.map((p) => [p.x, p.y!] as [number, number]);
    expectPoints(g.partialLinePath, [[b, c]]);
    // The solid line stops at the last complete period; its area closes along the zero line.
    expectPoints(g.linePath, [[a, b]]);
    expectPoints(g.areaPath, [[a, b, [b[0], g.zeroY], [a[0], g.zeroY]]]);
    expectPoints(g.partialAreaPath, [[b, c, [c[0], g.zeroY], [b[0], g.zeroY]]]);
    expect(g.partialAreaPath.endsWith('Z')).to.equal(true);
  });

  it('skips periods without a rate instead of drawing them at zero', () => {
    const g = trendGeometry(points([0.05, null, 0.02, 0.03]), { width: 300, height: 200 });
    expect(g.points[1].y).to.equal(null);
    const [a, , c, d] = g.points.map((p) => [p.x, p.y!] as [number, number]);
    // A lone point before the gap is closed on itself ("Mx,yZ"), so its round cap still shows it.
    expectPoints(g.linePath, [[a], [c, d]]);
    expect(g.linePath).to.match(/^M[^L]+ZM/);
  });

  it('keeps NaN and Infinity rates out of the paths: a gap, as for a missing rate', () => {
    for (const bad of NON_FINITE) {
      const g = trendGeometry(points([0.05, bad, 0.02, 0.03], 3), { width: 300, height: 200, threshold: bad });
      expect(g.points[1].y).to.equal(null);
      expect(g.thresholdY).to.equal(null);
      expect(g.domain.every(Number.isFinite)).to.equal(true);
      const all = g.linePath + g.partialLinePath + g.areaPath + g.partialAreaPath;
      expect(all).to.not.match(/NaN|Infinity/);
      expect(subpaths(g.linePath)).to.have.length(2);
    }
  });

  it('thins x labels so they keep their distance, always labelling the newest period', () => {
    const g = trendGeometry(points(Array.from({ length: 36 }, () => 0.05)), { width: 340, height: 200, formatY: pct, minLabelSpacing: 64 });
    // step = 284 / 36 ≈ 7.9 px → every ceil(64 / 7.9) = 9th label, counted back from index 35.
    expect(g.xLabelIndexes).to.deep.equal([8, 17, 26, 35]);
  });

  it('never produces NaN, whatever the rates and sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(...NON_FINITE)), { nil: null }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 800 }),
        (rates, width, height) => {
          const g = trendGeometry(points(rates), { width, height, threshold: 0.07 });
          for (const p of g.points) {
            expect(Number.isFinite(p.x)).to.equal(true);
            if (p.y !== null) expect(Number.isFinite(p.y)).to.equal(true);
          }
          expect(g.linePath + g.partialLinePath + g.areaPath + g.partialAreaPath).to.not.match(/NaN|Infinity/);
          expect(g.domain[0]).to.be.at.most(0);
        },
      ),
    );
  });

  it('finds the nearest point to a pointer position', () => {
    const g = trendGeometry(points([0.05, 0.1, 0.02]), { width: 340, height: 228 });
    expect(nearestPointIndex(g.points, 0)).to.equal(0);
    expect(nearestPointIndex(g.points, 150)).to.equal(1);
    expect(nearestPointIndex(g.points, 10_000)).to.equal(2);
  });
});


describe('curveGeometry', () => {
  it('leaves NaN and Infinity out of the curve: a gap, never a NaN point', () => {
    for (const bad of NON_FINITE) {
      const values = [1, 0.6, bad, 0.3, 0.2];
      const g = curveGeometry([{ values, partialPeriod: -1 }], { width: 300, height: 200, periods: 5 });
      const { solid, points } = g.series[0];
      expect(points.map((p) => p.k)).to.deep.equal([0, 1, 3, 4]);
      expect(solid).to.not.match(/NaN|Infinity/);
      const at = (k: number): [number, number] => [g.xOf(k), g.yOf(values[k])];
      expectPoints(solid, [
        [at(0), at(1)],
        [at(3), at(4)],
      ]);
      expect(g.yTicks.every((t) => Number.isFinite(t.at))).to.equal(true);
    }
  });
});

describe('sparklineGeometry', () => {
  it('breaks the line at NaN and Infinity as at a missing value', () => {
    for (const bad of NON_FINITE) {
      const g = sparklineGeometry([1, 2, bad, 3, 4], { width: 106, height: 40 })!;
      expect(g.points[2].y).to.equal(null);
      expect(g.path).to.not.match(/NaN|Infinity/);
      expectPoints(g.path, [g.points.slice(0, 2), g.points.slice(3)].map((run) => run.map((p) => [p.x, p.y!] as [number, number])));
      expect(g.domain).to.deep.equal([1, 4]);
    }
    expect(sparklineGeometry([1, 2], { width: Infinity, height: 40 })).to.equal(null);
    expect(sparklineGeometry([NaN, NaN], { width: 100, height: 40 })!.path).to.equal('');
  });
});

describe('movementGeometry', () => {
  it('draws the net line through the bar centres, and counts a non-finite amount as none', () => {
    const amounts = { newMrr: 50, expansionMrr: 30, reactivationMrr: 20, contractionMrr: 40, churnedMrr: 60, net: 0 };
    const g = movementGeometry([amounts, { ...amounts, newMrr: NaN, expansionMrr: Infinity, net: -50 }], { width: 400, height: 240 });
    expectPoints(g.netPath, [g.columns.map((c) => [c.centerX, c.netY] as [number, number])]);
    expect(g.columns[1].segments.map((s) => s.kind)).to.deep.equal(['reactivationMrr', 'contractionMrr', 'churnedMrr']);
    for (const c of g.columns) for (const s of c.segments) expect([s.x, s.y, s.width, s.height].every(Number.isFinite)).to.equal(true);
    // Bands: 2 periods over the plot, inner padding 0.25, outer 0.15 → step = plotWidth / 2.05.
    const step = g.plotWidth / 2.05;
    expect(g.columns[0].bandWidth).to.be.closeTo(step, 1e-9);
    expect(g.columns[0].segments[0].width).to.be.closeTo(step * 0.75, 1e-9);
    expect(g.columns[0].segments[0].x).to.be.closeTo(step * 0.15, 1e-9);
  });
});

describe('bar histograms (purchase-cycle, ltv-forecast)', () => {
  it('draw no bar, rather than NaN, for a count that is not a finite number', () => {
    const cycle = histogramGeometry(
      [
        { fromDays: 1, toDays: 8, count: 4 },
        { fromDays: 8, toDays: 15, count: NaN },
      ],
      { width: 336, height: 200 },
    );
    expect(cycle.bars[1].height).to.equal(0);
    expect(cycle.bars.every((b) => [b.x, b.y, b.width, b.height].every(Number.isFinite))).to.equal(true);
    const ltv = histogramLayout(
      [
        { from: 0, to: 10, count: Infinity },
        { from: 10, to: 20, count: 4 },
      ],
      200,
      100,
    );
    expect(ltv.bars[0].height).to.equal(0);
    expect(ltv.yTicks.map((t) => t.value)).to.deep.equal([0, 1, 2, 3, 4]);
  });
});

describe('ringPath (the gauge)', () => {
  it('draws a quarter ring: out along the outer arc, in, back along the inner arc', () => {
    // From 12 o'clock to 3 o'clock, radii 5 and 10.
    const d = ringPath(5, 10, 0, Math.PI / 2);
    expect(d).to.match(/^M0,-10A10,10,0,0,1,10,0L5,0A5,5,0,0,0,0,-5Z$/);
  });

  it('rounds the four corners of the dial and ends where the angle says', () => {
    const d = ringPath(50, 70, DIAL_START, DIAL_END, 3);
    expect(d.match(/A3,3/g)).to.have.length(4);
    // 270°: the outer arc is the large one, drawn clockwise.
    expect(d).to.match(/A70,70,0,1,1/);
    // Points: start, corner, outer arc end, corner, …: the outer arc ends on the
    // 70 px circle, short of the dial's end by about the corner radius.
    const outerArcEnd = subpaths(d)[0][2];
    const end = pointAt(DIAL_END, 70);
    expect(Math.hypot(...outerArcEnd)).to.be.closeTo(70, 1e-3);
    expect(Math.hypot(outerArcEnd[0] - end.x, outerArcEnd[1] - end.y)).to.be.within(1, 6);
  });

  it('is empty, not NaN, when a radius or an angle is not a finite number', () => {
    for (const bad of NON_FINITE) {
      expect(ringPath(bad, 70, 0, 1)).to.equal('');
      expect(ringPath(50, 70, 0, bad, 3)).to.equal('');
    }
  });
});
