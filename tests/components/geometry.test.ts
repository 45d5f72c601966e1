import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { nearestPointIndex, trendDomain, trendGeometry, type TrendDatum } from '../../src/components/churn-trend/trend-geometry.ts';

const points = (rates: (number | null)[], completeUpTo = rates.length): TrendDatum[] =>
  rates.map((rate, i) => ({ key: `p${i}`, rate, complete: i < completeUpTo }));
const pct = (v: number) => `${Math.round(v * 100)} %`;
const near = (actual: number | null, expected: number) => expect(actual).to.be.closeTo(expected, 1e-6);

describe('trendGeometry', () => {
  it('places points, ticks and the threshold from measured sizes', () => {
    const g = trendGeometry(points([0.05, 0.1, 0.02]), { width: 340, height: 228, threshold: 0.07, formatY: pct });
    // Inner height guess 228 − 12 − 28 = 188 → floor(188 / 40) = 4 ticks asked; d3 picks step 0.02 on [0, 0.1].
    expect(g.yTicks.map((t) => t.label)).to.deep.equal(['0 %', '2 %', '4 %', '6 %', '8 %', '10 %']);
    // Widest label "10 %" = 4 chars × 7 px + 12 = 40 = the default left margin.
    expect(g.margin.left).to.equal(40);
    expect(g.plotWidth).to.equal(340 - 40 - 16);
    expect(g.plotHeight).to.equal(188);
    // scalePoint, 3 points, padding 0.5: step = 284 / 3; x = step × (i + 0.5).
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
    const [, b, c] = g.points;
    expect(g.partialLinePath).to.equal(`M${b.x},${b.y}L${c.x},${c.y}`);
    // The solid line stops at the last complete period.
    expect(g.linePath).to.not.include(String(c.x));
    expect(g.partialAreaPath).to.include(`L${c.x},${g.zeroY}Z`);
  });

  it('skips periods without a rate instead of drawing them at zero', () => {
    const g = trendGeometry(points([0.05, null, 0.02]), { width: 300, height: 200 });
    expect(g.points[1].y).to.equal(null);
    expect(g.linePath.match(/M/g)).to.have.length(2);
  });

  it('thins x labels so they keep their distance, always labelling the newest period', () => {
    const g = trendGeometry(points(Array.from({ length: 36 }, () => 0.05)), { width: 340, height: 200, formatY: pct, minLabelSpacing: 64 });
    // step = 284 / 36 ≈ 7.9 px → every ceil(64 / 7.9) = 9th label, counted back from index 35.
    expect(g.xLabelIndexes).to.deep.equal([8, 17, 26, 35]);
  });

  it('never produces NaN, whatever the rates and sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: null }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 800 }),
        (rates, width, height) => {
          const g = trendGeometry(points(rates), { width, height, threshold: 0.07 });
          for (const p of g.points) {
            expect(Number.isFinite(p.x)).to.equal(true);
            if (p.y !== null) expect(Number.isFinite(p.y)).to.equal(true);
          }
          expect(g.linePath + g.partialLinePath + g.areaPath).to.not.include('NaN');
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

