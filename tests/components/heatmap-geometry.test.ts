import { expect } from '@open-wc/testing';
import { rgb } from 'd3-color';
import fc from 'fast-check';
import { DARK_RAMP, LIGHT_RAMP, colorRamp, colorScale, contrastRatio, inkFor, rampFromCss, rampSamples } from '../../src/components/cohort-heatmap/color-ramp.ts';
import { heatmapColorDomain, type ColorDomainInput } from '../../src/components/cohort-heatmap/color-domain.ts';
import { cellOrigin, cellTextWidth, cellWidthAt, heatmapHeight, heatmapLayout, moveCell } from '../../src/components/cohort-heatmap/heatmap-layout.ts';

const base = { rowLabelChars: 8, sizeLabelChars: 3, cellLabelChars: 2, fullCellLabelChars: 3, startLabelChars: 3, fullStartLabelChars: 4 };

describe('heatmapLayout', () => {
  it('fits 36 cohorts × 36 periods into 800 px with 10 px values; wider values scroll, then move to the tooltip', () => {
    const layout = heatmapLayout({ ...base, width: 800, cohortCount: 36, periodCount: 36 });
    expect([layout.showCellText, layout.fontSize, layout.scrolls]).to.deep.equal([true, 10, false]);
    expect(layout.labelsWidth + layout.gridWidth).to.be.at.most(800);
    // Column labels ("35" = 2 chars × 7.5 + 6 = 21 px) never closer than their width.
    expect(layout.columnLabelEvery * layout.cellWidth).to.be.at.least(21);
    expect(layout.rowLabelEvery * layout.cellHeight).to.be.at.least(11);
    // "1.2K": the grid scrolls to keep them (under twice the room); "$12.3K": too wide even so, they go to the tooltip.
    const counts = heatmapLayout({ ...base, width: 800, cohortCount: 36, periodCount: 36, cellLabelChars: 4 });
    expect([counts.showCellText, counts.scrolls]).to.deep.equal([true, true]);
    expect(counts.labelsWidth + counts.gridWidth).to.be.at.most(1600);
    const revenue = heatmapLayout({ ...base, width: 800, cohortCount: 36, periodCount: 36, cellLabelChars: 6 });
    expect([revenue.showCellText, revenue.scrolls]).to.deep.equal([false, false]);
  });

  it('prints values with their unit in wide cells', () => {
    const layout = heatmapLayout({ ...base, width: 600, cohortCount: 4, periodCount: 4 });
    expect([layout.showCellText, layout.fullCellText, layout.showStartText, layout.fontSize]).to.deep.equal([true, true, true, 12]);
    expect(layout.columnLabelEvery).to.equal(1);
    const origin = cellOrigin(layout, { row: 2, column: 3 });
    expect(origin).to.deep.equal({ x: layout.gridLeft + layout.startWidth + layout.startGap + 2 * layout.cellWidth, y: layout.gridTop + 2 * layout.cellHeight });
    expect(cellOrigin(layout, { row: -1, column: 0 }).y).to.equal(layout.averageTop);
  });

  it('keeps 12 monthly periods legible on phones: 10–12 px values, scrolling sideways at 320 px only', () => {
    for (const width of [366, 390]) {
      const layout = heatmapLayout({ ...base, width, cohortCount: 24, periodCount: 12 });
      expect(layout.showCellText, `${width}`).to.equal(true);
      expect(layout.fontSize).to.be.within(10, 12);
      expect(layout.scrolls, `${width}`).to.equal(false);
      expect(layout.cellWidth).to.be.at.least(cellTextWidth(2, layout.fontSize));
    }
    const phone = heatmapLayout({ ...base, width: 296, cohortCount: 24, periodCount: 12 });
    expect([phone.showCellText, phone.scrolls]).to.deep.equal([true, true]);
    expect(phone.fontSize).to.be.at.least(10);
    expect(phone.labelsWidth + phone.gridWidth).to.be.at.most(2 * 296);
  });

  it('draws period 0 as a narrow strip when its 100 % does not fit, giving the room to the other periods', () => {
    const layout = heatmapLayout({ ...base, width: 366, cohortCount: 24, periodCount: 12 });
    expect(layout.showStartText).to.equal(false);
    expect(layout.startWidth).to.be.below(layout.cellWidth);
    expect(cellWidthAt(layout, 0)).to.equal(layout.startWidth);
    expect(cellOrigin(layout, { row: 0, column: 1 }).x).to.equal(layout.gridLeft + layout.startWidth + layout.startGap);
  });

  it('gives up values in cells (not legibility) where even scrolling twice the width would not fit them', () => {
    const layout = heatmapLayout({ ...base, width: 366, cohortCount: 36, periodCount: 36 });
    expect(layout.showCellText).to.equal(false);
    expect(layout.cellWidth).to.be.at.least(6);
  });

  it('has a height that depends on the cohorts only, never on the width (no resize loop)', () => {
    for (const cohortCount of [1, 4, 12, 36]) {
      const heights = [200, 640, 1600].map((width) => heatmapLayout({ ...base, width, cohortCount, periodCount: cohortCount }).height);
      expect(heights).to.deep.equal([heatmapHeight(cohortCount), heatmapHeight(cohortCount), heatmapHeight(cohortCount)]);
    }
    // 36 rows: floor(480 / 36) = 13 px each; 22 header + 37 × 13 + 8 gap + 2 = 513.
    expect(heatmapHeight(36)).to.equal(513);
  });

  it('grows past a container too narrow for the minimum cell, rather than drawing slivers', () => {
    const layout = heatmapLayout({ ...base, width: 100, cohortCount: 36, periodCount: 36 });
    expect(layout.cellWidth).to.equal(6);
    expect(layout.scrolls).to.equal(true);
  });

  it('never gives a non-finite number, whatever the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 }), (width, cohortCount, periodCount, chars) => {
        const layout = heatmapLayout({ ...base, width, cohortCount, periodCount, cellLabelChars: chars });
        for (const [key, value] of Object.entries(layout)) if (typeof value === 'number') expect(Number.isFinite(value), key).to.equal(true);
        expect(layout.fontSize).to.be.at.least(10);
      }),
    );
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

const sameColor = (a: string, b: string) => rgb(a).formatHex() === rgb(b).formatHex();

describe('colour ramp', () => {
  it('starts and ends on its stops and clamps outside [0, 1]', () => {
    const ramp = colorRamp(LIGHT_RAMP);
    expect(sameColor(ramp(0), LIGHT_RAMP[0])).to.equal(true);
    expect(sameColor(ramp(1), LIGHT_RAMP[LIGHT_RAMP.length - 1])).to.equal(true);
    expect(ramp(-5)).to.equal(ramp(0));
    expect(ramp(Number.NaN)).to.equal(ramp(0));
  });

  it('gets darker with the value in light mode and lighter in dark mode', () => {
    const light = colorRamp(LIGHT_RAMP);
    const dark = colorRamp(DARK_RAMP);
    for (let t = 0.1; t <= 1; t += 0.1) {
      expect(contrastRatio(light(t), '#ffffff')).to.be.greaterThan(contrastRatio(light(t - 0.1), '#ffffff'));
      expect(contrastRatio(dark(t), '#000000')).to.be.greaterThan(contrastRatio(dark(t - 0.1), '#000000'));
    }
  });

  it('maps values through the domain, clamping above the top', () => {
    const scale = colorScale(colorRamp(LIGHT_RAMP), { low: 0, high: 0.2, clampedAbove: true, clampedBelow: false });
    expect(scale(0.1)).to.equal(colorRamp(LIGHT_RAMP)(0.5));
    expect(scale(0.9)).to.equal(scale(0.2));
  });

  it('picks cell text with at least 4.5:1 contrast on any fill, the default ramps and random colours alike', () => {
    for (const fill of [...rampSamples(colorRamp(LIGHT_RAMP), 101), ...rampSamples(colorRamp(DARK_RAMP), 101)]) {
      expect(contrastRatio(fill, inkFor(fill)), fill).to.be.at.least(4.5);
    }
    const channel = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(channel, channel, channel, (r, g, b) => {
        const fill = `rgb(${r}, ${g}, ${b})`;
        expect(contrastRatio(fill, inkFor(fill)), fill).to.be.at.least(4.5);
      }),
      { numRuns: 2000 },
    );
    expect(inkFor('#123f7a')).to.equal('#ffffff');
    expect(inkFor('#e4eef8')).to.equal('#111827');
  });

  it('reads a ramp from a custom property in any colour syntax d3 reads, and ignores junk', () => {
    expect(rampFromCss(' #fff, rgb(0, 0, 255) ')).to.deep.equal(['#fff', 'rgb(0, 0, 255)']);
    expect(rampFromCss('white, hsl(210, 80%, 30%), nonsense')).to.deep.equal(['white', 'hsl(210, 80%, 30%)']);
    expect(rampFromCss('#fff')).to.equal(undefined);
    expect(rampFromCss('')).to.equal(undefined);
    // A ramp of fewer than two readable stops falls back to the default.
    expect(colorRamp(['nonsense'])(1)).to.equal(colorRamp(LIGHT_RAMP)(1));
  });
});

/** A model of `cohorts` rows (size, values from period 0), no running period. */
function model(rows: [number, (number | null)[]][], value: ColorDomainInput['value'] = 'percent', running: number[] = []): ColorDomainInput {
  return { value, cohorts: rows.map(([size, cells], i) => ({ size, cells, running: running[i] ?? -1 })), average: [] };
}

describe('heatmapColorDomain', () => {
  it('spans periods ≥ 1 only: period 0 (100 %) does not set the top', () => {
    const domain = heatmapColorDomain(model([[100, [1, 0.18, 0.12]], [100, [1, 0.15, 0.1]], [100, [1, 0.2]]]))!;
    expect(domain.low).to.equal(0);
    expect(domain.high).to.be.within(0.2, 0.25);
    expect(domain.clampedAbove).to.equal(false);
  });

  it('tops out at a round 95th percentile, so one outlier does not wash out the rest, and says it clamps', () => {
    const rows: [number, number[]][] = Array.from({ length: 20 }, (_, i) => [100, [1, 0.1 + (i % 5) / 100, 0.08]]);
    rows.push([100, [1, 0.9]]);
    const domain = heatmapColorDomain(model(rows))!;
    expect(domain.high).to.be.below(0.2);
    expect(domain.clampedAbove).to.equal(true);
    // The top is a round number, as a legend label should be.
    expect(Math.round(domain.high * 100)).to.be.closeTo(domain.high * 100, 1e-9);
  });

  it('does not let tiny cohorts or running periods stretch the scale', () => {
    const rows: [number, number[]][] = Array.from({ length: 10 }, () => [200, [1, 0.12, 0.1]]);
    rows.push([3, [1, 1, 0.67]]); // one of three customers is 33 %, two are 67 %: says little
    expect(heatmapColorDomain(model(rows))!.high).to.be.at.most(0.14);
    const running = heatmapColorDomain(model([[100, [1, 0.1, 0.9]], [100, [1, 0.12, 0.11]]], 'percent', [2, -1]))!;
    expect(running.high).to.be.at.most(0.14);
    expect(running.clampedAbove).to.equal(true);
  });

  it('is null when no cell past period 0 has a value, and spans a unit when all are zero', () => {
    expect(heatmapColorDomain(model([[10, [1]], [5, [1, null]]]))).to.equal(null);
    const zero = heatmapColorDomain(model([[10, [1, 0, 0]]]))!;
    expect([zero.low, zero.high]).to.deep.equal([0, 0.1]);
  });

  it('starts below zero for negative values (revenue after refunds)', () => {
    const domain = heatmapColorDomain(model([[10, [500, -40, 120]], [10, [400, 80, 60]]], 'revenue'))!;
    expect(domain.low).to.be.at.most(-40);
    expect(domain.high).to.be.at.least(100);
  });
});
