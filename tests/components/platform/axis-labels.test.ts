import { expect, fixture, html } from '@open-wc/testing';
import { keepAxisLabelsInside } from '../../../src/components/platform/axis-labels.ts';
import type { ChurnTrend } from '../../../src/components/churn-trend/churn-trend.ts';
import '../../../src/components/churn-trend/define.ts';
import type { PurchaseCycle } from '../../../src/components/purchase-cycle/purchase-cycle.ts';
import '../../../src/components/purchase-cycle/define.ts';
import { settled } from '../settled.ts';

/** An SVG of `width` px with centred x-axis labels at the given x positions. */
async function drawing(width: number, labels: [x: number, text: string][]): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div style="font: 11px sans-serif; width: ${width}px"></div>`);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '40');
  const axis = document.createElementNS(svg.namespaceURI, 'g');
  axis.setAttribute('part', 'axis x-axis');
  for (const [x, text] of labels) {
    const label = document.createElementNS(svg.namespaceURI, 'text');
    Object.entries({ x: String(x), y: '20', 'text-anchor': 'middle' }).forEach(([name, value]) => label.setAttribute(name, value));
    label.textContent = text;
    axis.append(label);
  }
  svg.append(axis);
  host.append(svg);
  return host;
}

interface Shown {
  text: string;
  left: number;
  right: number;
}

/** The visible x-axis labels of every drawing under `root`, with their boxes relative to their SVG. */
function visibleLabels(root: ParentNode): { width: number; labels: Shown[] }[] {
  return [...root.querySelectorAll('svg')]
    .map((svg) => {
      const edges = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('[part~="x-axis"] text')]
        .filter((label) => getComputedStyle(label).visibility !== 'hidden')
        .map((label) => {
          const box = label.getBoundingClientRect();
          return { text: label.textContent ?? '', line: label.getAttribute('y'), left: box.left - edges.left, right: box.right - edges.left };
        });
      return { width: edges.width, labels };
    })
    .filter((drawing) => drawing.labels.length > 0);
}

function expectWholeAndApart({ width, labels }: { width: number; labels: (Shown & { line?: string | null })[] }): void {
  for (const label of labels) {
    expect(label.left, `"${label.text}" starts inside`).to.be.at.least(-0.5);
    expect(label.right, `"${label.text}" ends inside`).to.be.at.most(width + 0.5);
  }
  const byLine = new Map<string | null | undefined, Shown[]>();
  for (const label of labels) byLine.set(label.line, [...(byLine.get(label.line) ?? []), label]);
  for (const line of byLine.values()) {
    const sorted = [...line].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].left, `"${sorted[i].text}" clear of "${sorted[i - 1].text}"`).to.be.greaterThan(sorted[i - 1].right);
  }
}

describe('keepAxisLabelsInside', () => {
  it('moves end labels back inside by dx and keeps their x', async () => {
    const host = await drawing(200, [[0, 'Mar 2023'], [100, 'Oct 2023'], [200, 'Dec 2024']]);
    keepAxisLabelsInside(host);
    const [first, middle, last] = host.querySelectorAll('text');
    expect(Number(first.getAttribute('dx'))).to.be.greaterThan(0);
    expect(middle.hasAttribute('dx')).to.equal(false);
    expect(Number(last.getAttribute('dx'))).to.be.lessThan(0);
    expect([first, middle, last].map((t) => t.getAttribute('x'))).to.deep.equal(['0', '100', '200']);
    expectWholeAndApart(visibleLabels(host)[0]);
  });

  it('hides labels that would touch their neighbour, keeping the last', async () => {
    const host = await drawing(120, [[10, '1–7'], [30, '8–14'], [50, '15–21'], [70, '22–28'], [90, '29–35'], [110, '281–688']]);
    keepAxisLabelsInside(host);
    const shown = visibleLabels(host)[0];
    expect(shown.labels.length).to.be.lessThan(6);
    expect(shown.labels.at(-1)!.text).to.equal('281–688');
    expectWholeAndApart(shown);
  });

  it('measures again when a label moves, not on a render that moved nothing', async () => {
    const host = await drawing(200, [[200, 'Dec 2024']]);
    const label = host.querySelector('text')!;
    keepAxisLabelsInside(host);
    label.setAttribute('dx', '99');
    keepAxisLabelsInside(host);
    expect(label.getAttribute('dx'), 'unchanged label left alone').to.equal('99');
    label.setAttribute('x', '100');
    keepAxisLabelsInside(host);
    expect(label.hasAttribute('dx'), 'moved label measured again').to.equal(false);
  });
});

describe('x-axis labels of narrow charts', () => {
  const months = Array.from({ length: 22 }, (_, m) => ({ period: `${2023 + Math.floor((m + 2) / 12)}-${String(((m + 2) % 12) + 1).padStart(2, '0')}`, start: 100, lost: 10 + (m % 5) }));
  // Seven customers buying through 2024: gaps from days to months, so the histogram has many bins.
  const orders = Array.from({ length: 60 }, (_, i) => ({ customer: `c${i % 7}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`, amount: 10 }));

  for (const width of [280, 320, 390, 640]) {
    it(`<churn-trend> and <purchase-cycle> at ${width} px show whole labels that do not touch`, async () => {
      const trend = await fixture<ChurnTrend>(html`<churn-trend style="width: ${width}px" .data=${months}></churn-trend>`);
      const cycle = await fixture<PurchaseCycle>(html`<purchase-cycle style="width: ${width}px" bin-width="3" .data=${orders}></purchase-cycle>`);
      await settled(trend);
      await settled(cycle);
      for (const el of [trend, cycle]) {
        const drawings = visibleLabels(el.shadowRoot!);
        expect(drawings.length, `${el.localName} drew an axis`).to.be.greaterThan(0);
        drawings.forEach(expectWholeAndApart);
      }
    });
  }
});
