import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html, render, svg } from 'lit';
import { categoryAxis, valueAxis } from '../../../src/components/platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../../../src/components/platform/chart-focus.ts';
import { chartTooltip, placeTooltip, TooltipPlacement } from '../../../src/components/platform/chart-tooltip.ts';

const key = (name: string) => new KeyboardEvent('keydown', { key: name, cancelable: true });

describe('indexMove', () => {
  it('moves along x with → ↑ forward and ← ↓ back, clamped to the ends', () => {
    expect(indexMove(3, key('ArrowRight'), 10)).to.equal(4);
    expect(indexMove(3, key('ArrowUp'), 10)).to.equal(4);
    expect(indexMove(3, key('ArrowLeft'), 10)).to.equal(2);
    expect(indexMove(0, key('ArrowDown'), 10)).to.equal(0);
    expect(indexMove(9, key('ArrowRight'), 10)).to.equal(9);
    expect(indexMove(4, key('Home'), 10)).to.equal(0);
    expect(indexMove(4, key('End'), 10)).to.equal(9);
    expect(indexMove(4, key('PageUp'), 40)).to.equal(8);
    expect(indexMove(4, key('a'), 10)).to.equal(undefined);
    expect(indexMove(0, key('End'), 0)).to.equal(undefined);
  });

  it('moves along y (a list read top down) with ↓ forward', () => {
    expect(indexMove(3, key('ArrowDown'), 10, 'y')).to.equal(4);
    expect(indexMove(3, key('ArrowUp'), 10, 'y')).to.equal(2);
    expect(indexMove(3, key('PageDown'), 10, 'y')).to.equal(4);
  });
});

describe('placeTooltip', () => {
  const room = { left: 0, top: 0, right: 400, bottom: 300 };

  it('goes right of and above the anchor when there is room', () => {
    expect(placeTooltip(100, 150, 120, 60, room)).to.deep.equal({ left: 112, top: 78 });
  });

  it('flips left near the right edge and below near the top', () => {
    expect(placeTooltip(350, 20, 120, 60, room)).to.deep.equal({ left: 218, top: 32 });
  });

  it('stays inside a room narrower than it would need on either side', () => {
    const narrow = { left: 10, top: 0, right: 200, bottom: 300 };
    const at = placeTooltip(100, 150, 150, 60, narrow);
    expect(at.left).to.be.at.least(10);
    expect(at.left + 150).to.be.at.most(200);
  });

  it('keeps the start edge in view when it is wider than the room', () => {
    expect(placeTooltip(100, 150, 500, 60, room).left).to.equal(0);
  });
});

describe('chartTooltip', () => {
  it('shows the title, notes and rows, and nothing at a non-finite anchor', () => {
    const box = document.createElement('div');
    render(chartTooltip({ title: 'Mar 2024', notes: ['running period'], rows: [['Churn', '4 %']] }, { x: 10, y: 20 }), box);
    expect(box.querySelector('strong')!.textContent).to.equal('Mar 2024');
    expect(box.querySelector('.note')!.textContent).to.equal('running period');
    expect(box.querySelector('dd')!.textContent).to.equal('4 %');
    render(chartTooltip({ title: 'x', rows: [] }, { x: NaN, y: 0 }), box);
    expect(box.querySelector('[part~="tooltip"]')).to.equal(null);
  });
});

describe('axis templates', () => {
  it('draw grid lines and labels, and leave out ticks that are not finite', () => {
    const drawing = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    render(
      svg`${valueAxis([{ at: 0, label: '10 %' }, { at: NaN, label: 'bad' }, { at: 50, label: '0 %' }], 300)}${categoryAxis(
        [{ at: 10, label: 'Jan' }, { at: Infinity, label: 'bad' }, { at: 290, label: 'Dec', anchor: 'end' }],
        100,
        { text: 'Months', plotWidth: 300 },
      )}`,
      drawing,
    );
    expect(drawing.querySelectorAll('[part~="grid-line"]').length).to.equal(2);
    expect([...drawing.querySelectorAll('[part~="y-axis"] text')].map((t) => t.textContent)).to.deep.equal(['10 %', '0 %']);
    const xLabels = [...drawing.querySelectorAll('[part~="x-axis"] text')];
    expect(xLabels.map((t) => t.textContent)).to.deep.equal(['Jan', 'Dec', 'Months']);
    expect(xLabels[1].getAttribute('text-anchor')).to.equal('end');
    expect(drawing.outerHTML).to.not.match(/NaN|Infinity/);
  });
});

/** A chart of five bars that uses the controller as an element would. */
class FocusProbe extends LitElement {
  static override properties = { count: { type: Number } };
  count = 5;
  updates = 0;
  chosen: number[] = [];
  focus_ = new ChartFocusController<number>(this, {
    first: () => (this.count > 0 ? this.count - 1 : null),
    move: (index, event) => indexMove(index, event, this.count),
    positionAt: (event) => {
      const box = this.renderRoot.querySelector('.chart')!.getBoundingClientRect();
      const index = Math.floor(((event.clientX - box.left) / box.width) * this.count);
      return index >= 0 && index < this.count ? index : null;
    },
    isValid: (index) => index < this.count,
    choose: (index) => this.chosen.push(index),
    describe: (index) => `Bar ${index + 1} of ${this.count}`,
  });

  override render() {
    this.updates++;
    const f = this.focus_;
    return html`<div
        class="chart"
        tabindex="0"
        style="width: 200px; height: 50px"
        @focus=${f.onFocus}
        @blur=${f.onBlur}
        @keydown=${f.onKeydown}
        @pointermove=${f.onPointerMove}
        @pointerleave=${f.onPointerLeave}
      >
        active ${f.active ?? 'none'}
      </div>
      ${f.announcement()}`;
  }
}
customElements.define('focus-probe', FocusProbe);

describe('ChartFocusController', () => {
  async function probe() {
    const el = await fixture<FocusProbe>(testHtml`<focus-probe></focus-probe>`);
    return { el, chart: el.shadowRoot!.querySelector<HTMLElement>('.chart')!, live: () => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim() };
  }

  it('starts keyboard focus on the first position, moves with keys and reads it out', async () => {
    const { el, chart, live } = await probe();
    chart.focus();
    await el.updateComplete;
    expect(el.focus_.active).to.equal(4);
    expect(live()).to.equal('Bar 5 of 5');
    const left = key('ArrowLeft');
    chart.dispatchEvent(left);
    await el.updateComplete;
    expect(left.defaultPrevented).to.equal(true);
    expect(el.focus_.active).to.equal(3);
    expect(live()).to.equal('Bar 4 of 5');
    chart.dispatchEvent(key('Enter'));
    expect(el.chosen).to.deep.equal([3]);
    chart.dispatchEvent(key('Escape'));
    await el.updateComplete;
    expect(el.focus_.active).to.equal(null);
    chart.blur();
    await el.updateComplete;
    expect(live()).to.equal('');
  });

  it('follows the pointer, updating only when the mark under it changes', async () => {
    const { el, chart, live } = await probe();
    const box = chart.getBoundingClientRect();
    const move = (x: number) => chart.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + x, clientY: box.top + 10 }));
    move(10);
    await el.updateComplete;
    expect(el.focus_.active).to.equal(0);
    const before = el.updates;
    move(20);
    move(30);
    await el.updateComplete;
    expect(el.updates).to.equal(before);
    move(190);
    await el.updateComplete;
    expect(el.focus_.active).to.equal(4);
    // Hover is not announced: the live region speaks for the keyboard.
    expect(live()).to.equal('');
    chart.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(el.focus_.active).to.equal(null);
  });

  it('forgets a position the data no longer has', async () => {
    const { el, chart } = await probe();
    chart.focus();
    await el.updateComplete;
    expect(el.focus_.active).to.equal(4);
    el.count = 3;
    await el.updateComplete;
    expect(el.focus_.active).to.equal(null);
    chart.dispatchEvent(key('ArrowLeft'));
    await el.updateComplete;
    expect(el.focus_.active).to.equal(1);
  });
});

describe('TooltipPlacement', () => {
  class TipProbe extends LitElement {
    static override properties = { x: { type: Number } };
    x = 0;
    placement = new TooltipPlacement(this);
    override render() {
      return html`<div class="chart" style="position: relative; width: 300px; height: 150px">
        ${chartTooltip({ title: 'A long period name', rows: [['Customers', '1,234']] }, { x: this.x, y: 20 })}
      </div>`;
    }
  }
  customElements.define('tip-probe', TipProbe);

  it('keeps the tooltip inside the element at either end of the chart', async () => {
    const el = await fixture<TipProbe>(testHtml`<tip-probe style="display: block; width: 300px"></tip-probe>`);
    for (const x of [0, 150, 300]) {
      el.x = x;
      await el.updateComplete;
      const tip = el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      tip.style.position = 'absolute';
      el.placement.hostUpdated();
      const host = el.getBoundingClientRect();
      const box = tip.getBoundingClientRect();
      expect(box.left, `x=${x}`).to.be.at.least(host.left - 0.5);
      expect(box.right, `x=${x}`).to.be.at.most(host.right + 0.5);
      expect(box.top, `x=${x}`).to.be.at.least(host.top - 0.5);
    }
  });
});
