import { expect } from '@open-wc/testing';
import { interpolateLab, piecewise } from 'd3-interpolate';
import fc from 'fast-check';
import { DARK_RAMP, LIGHT_RAMP, colorRamp, contrastRatio, inkFor, parseColor, rampFromCss, rampSamples } from '../../src/components/cohort-heatmap/color-ramp.ts';
import { cellOrigin, heatmapHeight, heatmapLayout, moveCell } from '../../src/components/cohort-heatmap/heatmap-layout.ts';

describe('heatmapLayout', () => {
  it('fits 36 cohorts × 36 periods into 800 px, hiding cell text that would not fit', () => {
    const layout = heatmapLayout({ width: 800, cohortCount: 36, periodCount: 36, rowLabelChars: 8, sizeLabelChars: 5, cellLabelChars: 5 });
    expect(layout.width).to.equal(800);
    expect(layout.showCellText).to.equal(false);
    expect(layout.cellWidth * 36 + layout.gridLeft).to.be.at.most(800);
    // Column labels ("35" = 2 chars × 6.5 + 6 = 19 px) never closer than their width.
    expect(layout.columnLabelEvery * layout.cellWidth).to.be.at.least(19);
    expect(layout.rowLabelEvery * layout.cellHeight).to.be.at.least(11);
  });

  it('prints values in cells when they fit', () => {
    const layout = heatmapLayout({ width: 600, cohortCount: 4, periodCount: 4, rowLabelChars: 8, sizeLabelChars: 3, cellLabelChars: 5 });
    expect(layout.showCellText).to.equal(true);
    expect(layout.columnLabelEvery).to.equal(1);
    const origin = cellOrigin(layout, { row: 2, column: 3 });
    expect(origin).to.deep.equal({ x: layout.gridLeft + 3 * layout.cellWidth, y: layout.gridTop + 2 * layout.cellHeight });
    expect(cellOrigin(layout, { row: -1, column: 0 }).y).to.equal(layout.averageTop);
  });

  it('has a height that depends on the cohorts only, never on the width (no resize loop)', () => {
    for (const cohortCount of [1, 4, 12, 36]) {
      const heights = [200, 640, 1600].map(
        (width) => heatmapLayout({ width, cohortCount, periodCount: cohortCount, rowLabelChars: 8, sizeLabelChars: 4, cellLabelChars: 4 }).height,
      );
      expect(heights).to.deep.equal([heatmapHeight(cohortCount), heatmapHeight(cohortCount), heatmapHeight(cohortCount)]);
    }
    // 36 rows: floor(480 / 36) = 13 px each; 22 header + 37 × 13 + 8 gap + 18 + 10 + 18 legend = 557.
    expect(heatmapHeight(36)).to.equal(557);
  });

  it('grows past a container too narrow for the minimum cell, rather than drawing slivers', () => {
    const layout = heatmapLayout({ width: 100, cohortCount: 36, periodCount: 36, rowLabelChars: 8, sizeLabelChars: 5, cellLabelChars: 5 });
    expect(layout.cellWidth).to.equal(6);
    expect(layout.width).to.be.greaterThan(100);
  });
});

describe('moveCell on a cohort triangle', () => {
  const triangle = [4, 3, 2, 1];
  it('moves with arrows and clamps to reached cells', () => {
    expect(moveCell(triangle, { row: 0, column: 3 }, 'down')).to.deep.equal({ row: 1, column: 2 });
    expect(moveCell(triangle, { row: 1, column: 2 }, 'right')).to.deep.equal({ row: 1, column: 2 });
    expect(moveCell(triangle, { row: 3, column: 0 }, 'down')).to.deep.equal({ row: 3, column: 0 });
    expect(moveCell(triangle, { row: 2, column: 1 }, 'up')).to.deep.equal({ row: 1, column: 1 });
    expect(moveCell(triangle, { row: 2, column: 0 }, 'left')).to.deep.equal({ row: 2, column: 0 });
  });
  it('jumps with Home/End and Ctrl+Home/End', () => {
    expect(moveCell(triangle, { row: 1, column: 1 }, 'row-end')).to.deep.equal({ row: 1, column: 2 });
    expect(moveCell(triangle, { row: 1, column: 2 }, 'row-start')).to.deep.equal({ row: 1, column: 0 });
    expect(moveCell(triangle, { row: 2, column: 1 }, 'first')).to.deep.equal({ row: 0, column: 0 });
    expect(moveCell(triangle, { row: 0, column: 1 }, 'last')).to.deep.equal({ row: 3, column: 0 });
  });
  it('skips cohorts that reached no period', () => {
    expect(moveCell([2, 0, 2], { row: 0, column: 1 }, 'down')).to.deep.equal({ row: 2, column: 1 });
  });
});

describe('colour ramp', () => {
  it('starts and ends on its stops', () => {
    const ramp = colorRamp(LIGHT_RAMP);
    expect(parseColor(ramp(0))).to.deep.equal(parseColor(LIGHT_RAMP[0]));
    expect(parseColor(ramp(1))).to.deep.equal(parseColor(LIGHT_RAMP[LIGHT_RAMP.length - 1]));
    expect(parseColor(ramp(-5))).to.deep.equal(parseColor(ramp(0)));
  });

  it('gets darker with the value in light mode and lighter in dark mode', () => {
    const light = colorRamp(LIGHT_RAMP);
    const dark = colorRamp(DARK_RAMP);
    const white = parseColor('#ffffff')!;
    const black = parseColor('#000000')!;
    for (let t = 0.1; t <= 1; t += 0.1) {
      expect(contrastRatio(parseColor(light(t))!, white)).to.be.greaterThan(contrastRatio(parseColor(light(t - 0.1))!, white));
      expect(contrastRatio(parseColor(dark(t))!, black)).to.be.greaterThan(contrastRatio(parseColor(dark(t - 0.1))!, black));
    }
  });

  it('picks cell text with at least 4.5:1 contrast everywhere on both ramps', () => {
    for (const stops of [LIGHT_RAMP, DARK_RAMP]) {
      const ramp = colorRamp(stops);
      for (let i = 0; i <= 100; i++) {
        const fill = ramp(i / 100);
        expect(contrastRatio(parseColor(fill)!, parseColor(inkFor(fill))!), fill).to.be.at.least(4.5);
      }
    }
    expect(inkFor('#123f7a')).to.equal('#ffffff');
    expect(inkFor('#e4eef8')).to.equal('#000000');
  });

  const channel = fc.integer({ min: 0, max: 255 });
  const hex = fc.tuple(channel, channel, channel).map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
  const rgbText = fc.tuple(channel, channel, channel).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
  const rgbaText = fc
    .tuple(channel, channel, channel, fc.constantFrom(0, 0.25, 0.5, 1))
    .map(([r, g, b, a]) => `rgba(${r}, ${g}, ${b}, ${a})`);
  const position = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.25, 0.5, 0.75, 1));

  it('gives the colours of d3-interpolate’s piecewise(interpolateLab) on random stops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hex, hex, rgbText, rgbaText), { minLength: 2, maxLength: 7 }), fc.array(position, { minLength: 1, maxLength: 10 }), (stops, ts) => {
        const mine = colorRamp(stops);
        const d3 = piecewise(interpolateLab, stops);
        for (const t of ts) expect(mine(t), `${stops.join(' ')} at ${t}`).to.equal(d3(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same ramp colours as before d3 was dropped', () => {
    // Taken from d3's piecewise(interpolateLab, LIGHT_RAMP) / DARK_RAMP: stops at 0, 0.25, …; halfway between the first two.
    expect(rampSamples(colorRamp(LIGHT_RAMP), 5)).to.deep.equal(LIGHT_RAMP.map((stop) => `rgb(${parseColor(stop)!.join(', ')})`));
    expect(colorRamp(LIGHT_RAMP)(0.125)).to.equal(piecewise(interpolateLab, [...LIGHT_RAMP])(0.125));
    expect(colorRamp(DARK_RAMP)(0.6)).to.equal(piecewise(interpolateLab, [...DARK_RAMP])(0.6));
    // Grey to grey stays grey (a = b = 0 in Lab): halfway from black to white is L = 50, which is sRGB 119.
    expect(colorRamp(['#000', '#fff'])(0.5)).to.equal('rgb(119, 119, 119)');
    // A half-transparent end gives rgba() with the opacity interpolated too.
    expect(colorRamp(['rgba(0, 0, 255, 0.5)', '#0000ff'])(0.5)).to.equal('rgba(0, 0, 255, 0.75)');
  });

  it('reads a ramp from a custom property and ignores junk', () => {
    expect(rampFromCss(' #fff, rgb(0, 0, 255) ')).to.deep.equal(['#fff', 'rgb(0, 0, 255)']);
    expect(rampFromCss('#fff')).to.equal(undefined);
    expect(rampFromCss('')).to.equal(undefined);
  });
});
