import { expect } from '@open-wc/testing';
import { arc, area, line } from 'd3-shape';
import fc from 'fast-check';
import { arcPath, areaPath, linePath } from '../../../src/components/platform/chart-paths.ts';

/** Command letters in order, and every number, of an SVG path. */
function parsePath(d: string): { commands: string; numbers: number[] } {
  return {
    commands: d.replace(/[^A-Za-z]/g, ''),
    numbers: (d.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number),
  };
}

/**
 * The same drawing: same commands, numbers within `tolerance` (paths are
 * rounded to 3 decimals, so a last-digit rounding difference is 0.001).
 */
function expectSamePath(actual: string, expected: string, tolerance = 1.5e-3): void {
  const a = parsePath(actual);
  const b = parsePath(expected);
  expect(a.commands, `${actual}\nvs\n${expected}`).to.equal(b.commands);
  expect(a.numbers.length, `${actual}\nvs\n${expected}`).to.equal(b.numbers.length);
  a.numbers.forEach((n, i) => expect(n, `number ${i} of ${actual}\nvs\n${expected}`).to.be.closeTo(b.numbers[i], tolerance));
}

interface P {
  x: number;
  y: number | null;
}

const coordinate = fc.oneof(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.integer({ min: -500, max: 500 }));
const points = fc.array(fc.record({ x: coordinate, y: fc.option(coordinate, { freq: 4 }) }), { maxLength: 30 });
const defined = (p: P) => p.y !== null;

describe('chart-paths against d3-shape', () => {
  it('linePath draws d3 line() with gaps where undefined', () => {
    fc.assert(
      fc.property(points, (data) => {
        const mine = linePath(data, (p) => p.x, (p) => p.y ?? 0, defined);
        const d3 =
          line<P>()
            .defined(defined)
            .x((p) => p.x)
            .y((p) => p.y ?? 0)(data) ?? '';
        expectSamePath(mine, d3);
        expect(mine).to.equal(d3);
      }),
      { numRuns: 1000 },
    );
  });

  it('linePath without `defined` draws every point', () => {
    fc.assert(
      fc.property(points, (data) => {
        const mine = linePath(data, (p) => p.x, (p) => p.y ?? 0);
        const d3 =
          line<P>()
            .x((p) => p.x)
            .y((p) => p.y ?? 0)(data) ?? '';
        expect(mine).to.equal(d3);
      }),
      { numRuns: 300 },
    );
  });

  it('areaPath draws d3 area() down to a constant baseline', () => {
    fc.assert(
      fc.property(points, coordinate, (data, baseline) => {
        const mine = areaPath(data, (p) => p.x, baseline, (p) => p.y ?? 0, defined);
        const d3 =
          area<P>()
            .defined(defined)
            .x((p) => p.x)
            .y0(baseline)
            .y1((p) => p.y ?? 0)(data) ?? '';
        expectSamePath(mine, d3);
        expect(mine).to.equal(d3);
      }),
      { numRuns: 1000 },
    );
  });

  const radius = fc.oneof(fc.double({ min: 0, max: 300, noNaN: true }), fc.integer({ min: 0, max: 300 }));
  const angle = fc.oneof(
    fc.double({ min: -2 * Math.PI, max: 2 * Math.PI, noNaN: true }),
    // The gauge's own angles: multiples of π/4 and the full turn.
    fc.integer({ min: -8, max: 8 }).map((k) => (k * Math.PI) / 4),
  );
  const corner = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 40, noNaN: true }), fc.integer({ min: 0, max: 10 }));

  it('arcPath draws d3 arc() with corner radius', () => {
    fc.assert(
      fc.property(radius, radius, angle, angle, corner, (innerRadius, outerRadius, startAngle, endAngle, cornerRadius) => {
        const mine = arcPath({ innerRadius, outerRadius, startAngle, endAngle, cornerRadius });
        const d3 =
          arc<null>()
            .innerRadius(innerRadius)
            .outerRadius(outerRadius)
            .startAngle(startAngle)
            .endAngle(endAngle)
            .cornerRadius(cornerRadius)(null) ?? '';
        expectSamePath(mine, d3);
        expect(mine).to.equal(d3);
      }),
      { numRuns: 3000 },
    );
  });

  it('arcPath draws the gauge’s rings as d3 does', () => {
    // The dial (270°) and value arcs of a 96…240 px gauge, corner radius 3, and its benchmark bands without.
    for (let size = 96; size <= 240; size += 12) {
      const outer = size / 2 - 2 - Math.max(3, size * 0.025) - Math.max(3, size * 0.02);
      const inner = outer - Math.max(10, size * 0.09);
      for (let value = 0; value <= 1; value += 0.05) {
        const end = (-3 * Math.PI) / 4 + value * 1.5 * Math.PI;
        for (const cornerRadius of [0, 3]) {
          const expected = arc<null>().innerRadius(inner).outerRadius(outer).startAngle((-3 * Math.PI) / 4).endAngle(end).cornerRadius(cornerRadius)(null);
          expect(arcPath({ innerRadius: inner, outerRadius: outer, startAngle: (-3 * Math.PI) / 4, endAngle: end, cornerRadius })).to.equal(expected);
        }
      }
    }
  });
});

describe('chart-paths by hand', () => {
  it('joins points with straight lines and rounds to 3 decimals', () => {
    const data = [
      [0, 10],
      [5, 1 / 3],
      [10, 2],
    ];
    expect(linePath(data, (p) => p[0], (p) => p[1])).to.equal('M0,10L5,0.333L10,2');
    expect(linePath([], (p: number[]) => p[0], (p) => p[1])).to.equal('');
  });

  it('leaves gaps and closes a lone point on itself', () => {
    const data: P[] = [
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: null },
      { x: 3, y: 4 },
    ];
    expect(linePath(data, (p) => p.x, (p) => p.y!, defined)).to.equal('M0,1L1,2M3,4Z');
  });

  it('fills down to the baseline, one shape per run', () => {
    const data: P[] = [
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: null },
      { x: 3, y: 4 },
    ];
    // Run 1: along the top, back along y = 10 from x = 1 to x = 0, closed. Run 2: one point, down and closed.
    expect(areaPath(data, (p) => p.x, 10, (p) => p.y!, defined)).to.equal('M0,1L1,2L1,10L0,10ZM3,4L3,10Z');
  });

  it('draws a quarter ring', () => {
    // From 12 o'clock to 3 o'clock, radii 5 and 10: out along the outer arc, line in, back along the inner arc.
    expect(arcPath({ innerRadius: 5, outerRadius: 10, startAngle: 0, endAngle: Math.PI / 2 })).to.equal('M0,-10A10,10,0,0,1,10,0L5,0A5,5,0,0,0,0,-5Z');
    // A point when the outer radius is 0.
    expect(arcPath({ innerRadius: 0, outerRadius: 0, startAngle: 0, endAngle: 1 })).to.equal('M0,0Z');
  });

  it('rounds the corners of a ring segment', () => {
    const d = arcPath({ innerRadius: 50, outerRadius: 70, startAngle: 0, endAngle: Math.PI / 2, cornerRadius: 3 });
    // Four corner arcs of radius 3 and the two ring arcs.
    expect(d.match(/A3,3/g)).to.have.length(4);
    expect(d).to.match(/A70,70,0,0,1/);
    expect(d).to.match(/A50,50,0,0,0/);
  });
});
