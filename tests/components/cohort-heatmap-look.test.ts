/**
 * <cohort-heatmap> as a reader sees it, in Chromium: colours span the data
 * (periods ≥ 1), period 0 is drawn apart, every value in a cell is readable
 * (≥ 4.5:1, ≥ 10 px, inside its cell) in light and dark at phone widths, and a
 * hover changes only the focus ring, the tooltip and the live region.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/cohort-heatmap/define.ts';
import type { CohortHeatmap } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import { contrastRatio } from '../../src/components/cohort-heatmap/color-ramp.ts';
import { heatmapColorDomain } from '../../src/components/cohort-heatmap/color-domain.ts';

/** A shop's year: 24 monthly cohorts of 60–250 customers, 3–25 % coming back, one lucky cohort at 60 %. */
function shopMatrix() {
  const cohorts = Array.from({ length: 24 }, (_, i) => {
    const size = 60 + ((i * 37) % 190);
    const periods = Math.min(12, 24 - i);
    const values = Array.from({ length: periods }, (_, k) => {
      if (k === 0) return size;
      const share = i === 5 && k === 1 ? 0.6 : 0.25 - 0.015 * k + ((i * 7 + k * 3) % 5) / 100;
      return Math.round(size * Math.max(0.03, share));
    });
    return { key: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, size, values };
  });
  return { cohorts };
}

async function heatmap(template: unknown, width: number): Promise<CohortHeatmap> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  const el = box.firstElementChild as CohortHeatmap;
  await waitUntil(() => el.status === 'ready' && el.shadowRoot!.querySelector('svg.grid [part~="cell"]'), 'heatmap was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const all = (el: CohortHeatmap, selector: string) => [...el.shadowRoot!.querySelectorAll<SVGElement>(selector)];
const legendText = (el: CohortHeatmap, name: string) => el.shadowRoot!.querySelector(`[part="legend"] .${name}`)?.textContent?.trim();

describe('<cohort-heatmap> colours', () => {
  it('spans periods ≥ 1 up to a round high quantile: the legend shows that range and says the top is clamped', async () => {
    const data = shopMatrix();
    const el = await heatmap(html`<cohort-heatmap theme="light" .data=${data}></cohort-heatmap>`, 1000);
    const domain = heatmapColorDomain(el.result!)!;
    expect(domain.low).to.equal(0);
    // Period 0 (100 %) and the one 60 % cell do not set the top: the 3–25 % cells get the ramp.
    expect(domain.high).to.be.within(0.2, 0.35);
    expect(domain.clampedAbove).to.equal(true);
    expect(legendText(el, 'scale-low')).to.equal('0%');
    expect(legendText(el, 'scale-high')).to.equal(`≥ ${Math.round(domain.high * 100)}%`);
    // The lucky cell shares the top colour with the domain's top; a low cell is far paler.
    const fillOf = (row: number, column: number) => getComputedStyle(el.shadowRoot!.querySelector(`[part~="cell"][data-row="${row}"][data-column="${column}"]`)!).fill;
    const lucky = fillOf(5, 1);
    expect(contrastRatio(lucky, '#ffffff')).to.be.above(contrastRatio(fillOf(0, 11), '#ffffff') + 3);
  });

  it('draws period 0 apart: neutral, not a ramp colour', async () => {
    const el = await heatmap(html`<cohort-heatmap theme="light" .data=${shopMatrix()}></cohort-heatmap>`, 1000);
    const starts = all(el, '[part~="cell-start"]');
    expect(starts).to.have.length(25); // 24 cohorts and the average
    expect(starts.every((cell) => cell.dataset.column === '0')).to.equal(true);
    const surface = getComputedStyle(el).getPropertyValue('--_surface').trim();
    const probe = document.createElement('div');
    probe.style.color = surface;
    document.body.append(probe);
    const surfaceRgb = getComputedStyle(probe).color;
    probe.remove();
    expect(new Set(starts.map((cell) => getComputedStyle(cell).fill))).to.deep.equal(new Set([surfaceRgb]));
    // No coloured cell is in column 0.
    expect(all(el, '[part~="cell"]:not([part~="cell-start"])').some((cell) => cell.dataset.column === '0')).to.equal(false);
  });
});

describe('<cohort-heatmap> legibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [320, 390, 1000]) {
      it(`prints every value at ≥ 10 px, inside its cell, with ≥ 4.5:1 contrast (${theme}, ${width} px)`, async () => {
        const el = await heatmap(html`<cohort-heatmap theme=${theme} .data=${shopMatrix()}></cohort-heatmap>`, width);
        const coloured = all(el, '[part~="cell"]:not([part~="cell-start"])');
        const texts = all(el, '[part~="cell-text"]');
        // Every coloured cell has its value (a phone scrolls the grid rather than dropping them).
        const valued = texts.filter((text) => !text.previousElementSibling?.matches('[part~="cell-start"]'));
        expect(valued.length, 'values in coloured cells').to.equal(coloured.length);
        for (const text of texts) {
          const rect = text.previousElementSibling as SVGGraphicsElement;
          const where = `${rect.dataset.row}/${rect.dataset.column} "${text.textContent}"`;
          expect(parseFloat(getComputedStyle(text).fontSize), where).to.be.at.least(10);
          const textBox = (text as SVGGraphicsElement).getBBox();
          const cellBox = rect.getBBox();
          expect(textBox.x, where).to.be.at.least(cellBox.x);
          expect(textBox.x + textBox.width, where).to.be.at.most(cellBox.x + cellBox.width);
          expect(contrastRatio(getComputedStyle(text).fill, getComputedStyle(rect).fill), where).to.be.at.least(4.5);
        }
      });
    }
  }

  /** The shop's revenue: first periods of $4K–$16K, then $20–$2K a period, one refund month below zero. */
  function revenueMatrix() {
    const { cohorts } = shopMatrix();
    return {
      measure: 'revenue',
      cohorts: cohorts.map((c, i) => ({ ...c, values: c.values.map((v, k) => (k === 0 ? c.size * 64.5 : i === 3 && k === 2 ? -21 : v * 37.25)) })),
    };
  }

  for (const theme of ['light', 'dark'] as const) {
    for (const width of [320, 390]) {
      it(`keeps revenue in its cells on a phone: compact amounts without the currency sign, named once in the legend (${theme}, ${width} px)`, async () => {
        const el = await heatmap(html`<cohort-heatmap theme=${theme} value="revenue" .data=${revenueMatrix()}></cohort-heatmap>`, width);
        const cells = all(el, '[part~="cells"] [part~="cell"]');
        const texts = all(el, '[part~="cells"] [part~="cell-text"]');
        expect(texts.length, 'a value in every cell, period 0 included').to.equal(cells.length);
        expect(legendText(el, 'hint')).to.equal(undefined); // not moved to the tooltip
        for (const text of texts) {
          const rect = text.previousElementSibling as SVGGraphicsElement;
          const where = `${rect.dataset.row}/${rect.dataset.column} "${text.textContent}"`;
          expect(text.textContent, where).to.match(/^-?\d+(\.\d)?K?$/); // "430", "1.6K", "-21": no "$"
          expect(parseFloat(getComputedStyle(text).fontSize), where).to.be.at.least(10);
          const textBox = (text as SVGGraphicsElement).getBBox();
          const cellBox = rect.getBBox();
          expect(textBox.x, where).to.be.at.least(cellBox.x);
          expect(textBox.x + textBox.width, where).to.be.at.most(cellBox.x + cellBox.width);
          expect(contrastRatio(getComputedStyle(text).fill, getComputedStyle(rect).fill), where).to.be.at.least(4.5);
        }
        expect(legendText(el, 'scale-title')).to.equal('Revenue ($)');
        // The tooltip gives the amount in full.
        const chart = el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
        chart.focus();
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part~="tooltip"] dl')!.textContent).to.match(/\$[\d,]+/);
      });
    }
  }

  it('prints revenue with its currency sign where cells are wide, and the legend then needs no unit', async () => {
    const el = await heatmap(html`<cohort-heatmap value="revenue" .data=${revenueMatrix()}></cohort-heatmap>`, 1000);
    const texts = all(el, '[part~="cells"] [part~="cell-text"]').map((text) => text.textContent!);
    expect(texts.every((text) => /^-?\$/.test(text)), texts.join(' ')).to.equal(true);
    expect(legendText(el, 'scale-title')).to.equal('Revenue');
  });

  it('scrolls the grid sideways beside the cohort labels where the periods do not fit (320 px)', async () => {
    const el = await heatmap(html`<cohort-heatmap .data=${shopMatrix()}></cohort-heatmap>`, 320);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollWidth).to.be.above(scroller.clientWidth);
    const labels = el.shadowRoot!.querySelector('svg.labels')!;
    const before = labels.getBoundingClientRect().left;
    scroller.scrollLeft = 100;
    await new Promise((done) => requestAnimationFrame(done));
    expect(labels.getBoundingClientRect().left).to.equal(before);
    // A keyboard move to a cell out of sight brings it into view.
    scroller.scrollLeft = 0;
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    chart.focus();
    await el.updateComplete;
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    await el.updateComplete;
    const ring = el.shadowRoot!.querySelector('[part~="cell-focus"]')!.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(ring.right).to.be.at.most(view.right + 2);
    expect(ring.left).to.be.at.least(labels.getBoundingClientRect().right - 2);
  });

  it('moves the values to hover and focus, and says so, where cells are too small even scrolled', async () => {
    const cohorts = Array.from({ length: 36 }, (_, i) => ({ key: `c${i}`, label: `Cohort ${i}`, size: 12_000, values: Array.from({ length: 36 - i }, (_, k) => (k === 0 ? 12_000 : 12_000 - 300 * k)) }));
    const el = await heatmap(html`<cohort-heatmap value="count" .data=${{ measure: 'count', cohorts }}></cohort-heatmap>`, 360);
    expect(all(el, '[part~="cell-text"]')).to.have.length(0);
    expect(legendText(el, 'hint')).to.equal('values on hover or focus');
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    chart.focus();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="tooltip"] dl')!.textContent).to.include('11,700');
  });
});

describe('<cohort-heatmap> interaction cost', () => {
  it('changes only the focus ring, the tooltip and the live region on a hover: no cell, label, legend or table', async () => {
    const el = await heatmap(html`<cohort-heatmap .data=${shopMatrix()}></cohort-heatmap>`, 1000);
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => changed.push(record.target, ...record.addedNodes, ...record.removedNodes)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const hover = async (row: number, column: number) => {
      el.shadowRoot!.querySelector(`[part~="cell"][data-row="${row}"][data-column="${column}"]`)!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await hover(3, 2);
    await hover(7, 5);
    await new Promise((done) => requestAnimationFrame(done));
    observer.disconnect();
    expect(el.shadowRoot!.querySelector('[part~="tooltip"] strong')!.textContent).to.include('Cohort');
    // Two hovers: a ring, a tooltip and their text each time, never a count proportional to the 250 cells.
    expect(changed.length).to.be.within(1, 60);
    const untouched = ['[part~="cells"]', '[part~="average"]', '[part~="column-labels"]', 'svg.labels', '[part~="legend"]', 'table'];
    for (const node of changed) {
      const element = node instanceof Element ? node : node.parentElement;
      if (!element) continue;
      for (const selector of untouched) expect(element.closest(selector), `${selector} changed: ${element.outerHTML.slice(0, 80)}`).to.equal(null);
    }
  });
});

describe('<cohort-heatmap> output', () => {
  it('puts nothing non-finite into attributes or styles, for odd data too', async () => {
    const odd = [
      shopMatrix(),
      { cohorts: [{ key: '2024-01', size: 10, values: [10] }] }, // period 0 only: nothing to colour
      { cohorts: [{ key: '2024-01', size: 10, values: [10, 0, 0] }, { key: '2024-02', size: 1, values: [1, 0] }] }, // all zero
      { cohorts: [{ key: '2024-01', size: 1e12, values: [1e12, 5e11] }] },
    ];
    for (const data of odd) {
      for (const width of [200, 390]) {
        const el = await heatmap(html`<cohort-heatmap .data=${data}></cohort-heatmap>`, width);
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          for (const attribute of node.getAttributeNames()) {
            expect(node.getAttribute(attribute), `${node.localName}[${attribute}]`).to.not.match(/NaN|Infinity|undefined/);
          }
          const style = (node as HTMLElement).style;
          if (style) for (let i = 0; i < style.length; i++) expect(style.getPropertyValue(style[i]), `${node.localName} ${style[i]}`).to.not.match(/NaN|Infinity|undefined/);
        }
      }
    }
  });
});
