import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/revenue-movements/define.ts';
import '../../src/components/retention-source/define.ts';
import type { RevenueMovements, MovementSelectEvent } from '../../src/components/revenue-movements/revenue-movements.ts';
import { columnAt, movementGeometry } from '../../src/components/revenue-movements/movement-geometry.ts';
import type { ElementError } from '../../src/components/platform/errors.ts';
import '../../src/translations/ru.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * MRR at each month end (a subscription runs from start up to the day before its end):
 *   Jan 31: x 100, y 100, w 80, v 60 = 340 (all new).
 *   Feb 29: x 100, y 0 (ended Feb 10), w 80, v 60, z 50 (new) = 290.
 *     Feb: start 340, new 50, churn 100 → net −50; NRR = GRR = (340 − 100) / 340 = 70.6 %; quick ratio 50 / 100 = 0.50.
 *   Mar 31: x 130 (+30 expansion), y 70 (back: reactivation), w 0 (ended Mar 20: churn 80), v 40 (60 → 40: contraction 20), z 50 = 290.
 *     Mar: start 290 → net 0; NRR = (290 + 30 − 20 − 80) / 290 = 220 / 290 = 75.9 %;
 *     GRR = (290 − 20 − 80) / 290 = 190 / 290 = 65.5 %; quick ratio = (30 + 70) / (20 + 80) = 1.00.
 */
const SUBSCRIPTIONS = [
  { customer: 'x', start: '2024-01-01', mrr: 100 },
  { customer: 'y', start: '2024-01-01', end: '2024-02-10', mrr: 100 },
  { customer: 'w', start: '2024-01-15', end: '2024-03-20', mrr: 80 },
  { customer: 'v', start: '2024-01-10', end: '2024-03-01', mrr: 60 },
  { customer: 'z', start: '2024-02-05', mrr: 50 },
  { customer: 'x', start: '2024-03-01', mrr: 30 },
  { customer: 'v', start: '2024-03-01', mrr: 40 },
  { customer: 'y', start: '2024-03-15', mrr: 70 },
];

const TABLE = [
  ['Jan 2024', '$0', '$340', '$0', '$0', '$0', '$0', '+$340', '–', '–', '–'],
  ['Feb 2024', '$340', '$50', '$0', '$0', '$0', '$100', '-$50', '70.6%', '70.6%', '0.50'],
  ['Mar 2024', '$290', '$0', '$30', '$70', '$20', '$80', '$0', '75.9%', '65.5%', '1.00'],
];

/** The same February and March, summed elsewhere; March is still running. Given out of order. */
const PERIODS = [
  { period: '2024-03', new: 0, expansion: 30, reactivation: 70, contraction: 20, churn: 80, startMrr: 290, complete: false },
  { period: '2024-02', new: 50, expansion: 0, reactivation: 0, contraction: 0, churn: 100, startMrr: 340 },
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const kpi = (el: Element, name: string) => el.shadowRoot!.querySelector(`[data-kpi="${name}"] [part~="kpi-value"]`)!.textContent!.trim();
const tableRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));

async function ready(el: RevenueMovements, { chart = true } = {}): Promise<RevenueMovements> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 20_000 });
  if (chart && el.status === 'ready') await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'chart was not drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function inBox(template: unknown, width = 640): Promise<RevenueMovements> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  return box.querySelector('revenue-movements')!;
}

function expectHandComputed(el: RevenueMovements, selected = 'Mar 2024', marchRunning = false) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(el.result!.input).to.equal('subscriptions');
  const table = TABLE.map((row) => [...row]);
  if (marchRunning) table[2][0] = 'Mar 2024 (period not over yet)';
  expect(tableRows(el)).to.deep.equal(table);
  const march = el.result!.periods[2];
  expect(march.netRevenueRetention).to.be.closeTo(220 / 290, 1e-12);
  expect(march.grossRevenueRetention).to.be.closeTo(190 / 290, 1e-12);
  expect(march.quickRatio).to.equal(1);
  expect(text(el, 'selected-period')).to.equal(`Selected: ${selected}`);
}

describe('revenue-movements: geometry', () => {
  it('stacks gains up and losses down from one zero line', () => {
    const amounts = { newMrr: 50, expansionMrr: 30, reactivationMrr: 20, contractionMrr: 40, churnedMrr: 60, net: 0 };
    const g = movementGeometry([amounts, { ...amounts, newMrr: 0, net: -50 }], { width: 400, height: 240 });
    const [first] = g.columns;
    const byKind = Object.fromEntries(first.segments.map((s) => [s.kind, s]));
    // Up: new from zero, expansion on top of it, reactivation on top; down: contraction from zero, churn below it.
    expect(byKind.newMrr.y + byKind.newMrr.height).to.be.closeTo(g.zeroY, 1e-9);
    expect(byKind.expansionMrr.y + byKind.expansionMrr.height).to.be.closeTo(byKind.newMrr.y, 1e-9);
    expect(byKind.contractionMrr.y).to.be.closeTo(g.zeroY, 1e-9);
    expect(byKind.churnedMrr.y).to.be.closeTo(byKind.contractionMrr.y + byKind.contractionMrr.height, 1e-9);
    // Equal amounts, equal heights: up 100 and down 100 are mirror images.
    const up = byKind.newMrr.height + byKind.expansionMrr.height + byKind.reactivationMrr.height;
    expect(up).to.be.closeTo(byKind.contractionMrr.height + byKind.churnedMrr.height, 1e-9);
    expect(g.columns[1].segments.map((s) => s.kind)).to.deep.equal(['expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr']);
    expect(first.netY).to.be.closeTo(g.zeroY, 1e-9);
    expect(columnAt(g, first.centerX)).to.equal(0);
    expect(columnAt(g, g.plotWidth + 50)).to.equal(1);
  });
});

describe('<revenue-movements> input routes', () => {
  it('data property: hand-computed movements, rates and the default period', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`));
    expectHandComputed(el);
    expect(kpi(el, 'nrr')).to.equal('75.9%');
    expect(kpi(el, 'grr')).to.equal('65.5%');
    expect(kpi(el, 'quick-ratio')).to.equal('1.00');
    expect(el.getAttribute('aria-label')).to.equal(
      'Recurring revenue movements from Jan 2024 to Mar 2024. Mar 2024: net revenue retention 75.9%, gross revenue retention 65.5%, quick ratio 1.00.',
    );
  });

  it('JSON data attribute', async () => {
    expectHandComputed(await ready(await inBox(html`<revenue-movements data=${JSON.stringify(SUBSCRIPTIONS)}></revenue-movements>`)));
  });

  it('src JSON', async () => {
    expectHandComputed(await ready(await inBox(html`<revenue-movements src="${FIXTURES}/revenue-movements-subscriptions.json"></revenue-movements>`)));
  });

  it('src CSV with field mapping', async () => {
    expectHandComputed(
      await ready(
        await inBox(
          html`<revenue-movements customer-key="account" start-key="started" end-key="ended" mrr-key="monthly" src="${FIXTURES}/revenue-movements-subscriptions.csv"></revenue-movements>`,
        ),
      ),
    );
  });

  it('inline JSON script', async () => {
    expectHandComputed(await ready(await inBox(html`<revenue-movements><script type="application/json">${JSON.stringify(SUBSCRIPTIONS)}</script></revenue-movements>`)));
  });

  it('a shared retention-source', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width:640px">
      <revenue-movements source="mrr-export"></revenue-movements>
      <retention-source id="mrr-export" src="${FIXTURES}/revenue-movements-subscriptions.json"></retention-source>
    </div>`);
    expectHandComputed(await ready(box.querySelector('revenue-movements')!));
  });

  it('computes in the worker with the same result', async () => {
    const el = await ready(await inBox(html`<revenue-movements compute="worker" .data=${SUBSCRIPTIONS}></revenue-movements>`));
    expect(el.ranIn).to.equal('worker');
    expectHandComputed(el);
  });

  it('pre-aggregated periods: sorted, validated, the last complete period selected', async () => {
    const el = await ready(await inBox(html`<revenue-movements currency="EUR" .data=${PERIODS}></revenue-movements>`));
    expect(el.result!.input).to.equal('periods');
    expect(el.result!.periods.map((p) => [p.key, p.complete])).to.deep.equal([
      ['2024-02', true],
      ['2024-03', false],
    ]);
    expect(el.result!.defaultIndex).to.equal(0);
    expect(tableRows(el)).to.deep.equal([
      ['Feb 2024', '€340', '€50', '€0', '€0', '€0', '€100', '-€50', '70.6%', '70.6%', '0.50'],
      ['Mar 2024 (period not over yet)', '€290', '€0', '€30', '€70', '€20', '€80', '€0', '75.9%', '65.5%', '1.00'],
    ]);
    expect(text(el, 'selected-period')).to.equal('Selected: Feb 2024');
    expect(kpi(el, 'net')).to.equal('-€50');
  });
});

describe('<revenue-movements> selection', () => {
  it('as-of decides the last complete period; arrow keys move the tooltip, Enter selects and fires movement-select', async () => {
    const el = await ready(await inBox(html`<revenue-movements as-of="2024-03-20" .data=${SUBSCRIPTIONS}></revenue-movements>`));
    expect(el.result!.periods.map((p) => p.complete)).to.deep.equal([true, true, false]);
    expectHandComputed(el, 'Feb 2024', true);
    expect(kpi(el, 'nrr')).to.equal('70.6%');
    expect(kpi(el, 'quick-ratio')).to.equal('0.50');
    expect(el.shadowRoot!.querySelector('[part~="column"].selected')!.getAttribute('data-index')).to.equal('1');
    expect(el.shadowRoot!.querySelector('[part~="column"].running')!.getAttribute('data-index')).to.equal('2');
    const chart = part(el, 'chart') as HTMLElement;
    const live = () => el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent!.trim();
    let selections = 0;
    el.addEventListener('movement-select', () => selections++);
    chart.focus();
    await el.updateComplete;
    // Keyboard focus starts on the selected period, ringed, with its tooltip.
    expect(part(el, 'column-focus')).to.exist;
    expect(live()).to.equal('Feb 2024: net revenue retention 70.6%, gross revenue retention 70.6%, quick ratio 0.50.');
    const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
    const right = key('ArrowRight');
    chart.dispatchEvent(right);
    await el.updateComplete;
    expect(right.defaultPrevented).to.equal(true);
    expect(part(el, 'tooltip')!.querySelector('strong')!.textContent).to.equal('Mar 2024');
    expect(part(el, 'tooltip')!.querySelector('.note')!.textContent).to.equal('period not over yet');
    expect(live()).to.equal('Mar 2024 (period not over yet): net revenue retention 75.9%, gross revenue retention 65.5%, quick ratio 1.00.');
    expect([...part(el, 'tooltip')!.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Expansion', 'Reactivation', 'Contraction', 'Churn', 'Net change', 'Net revenue retention', 'Gross revenue retention']);
    expect([...part(el, 'tooltip')!.querySelectorAll('dd')].map((dd) => dd.textContent)).to.deep.equal(['+$30', '+$70', '-$20', '-$80', '$0', '75.9%', '65.5%']);
    // Moving is not choosing: the selection and the KPIs stay.
    expect(selections).to.equal(0);
    expect(kpi(el, 'nrr')).to.equal('70.6%');
    const selected = oneEvent(el, 'movement-select') as Promise<MovementSelectEvent>;
    chart.dispatchEvent(key('Enter'));
    const event = await selected;
    expect(event.detail).to.deep.include({ period: '2024-03', index: 2, quickRatio: 1, net: 0, complete: false });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(kpi(el, 'grr')).to.equal('65.5%');
    expect(text(el, 'selected-period')).to.equal('Selected: Mar 2024 (period not over yet)');
    // Choosing the selected period again: no event.
    chart.dispatchEvent(key(' '));
    await el.updateComplete;
    expect(selections).to.equal(1);
    chart.dispatchEvent(key('Home'));
    chart.dispatchEvent(key('Enter'));
    await el.updateComplete;
    expect(selections).to.equal(2);
    expect(el.selectedPeriod).to.equal('2024-01');
    expect(kpi(el, 'nrr')).to.equal('–'); // January starts without recurring revenue
    chart.dispatchEvent(key('Escape'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('hovering shows a period\'s tooltip; a click selects the period under the pointer', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`));
    const segment = el.shadowRoot!.querySelector('[part~="column"][data-index="1"] [part~="segment"]')!.getBoundingClientRect();
    const at = { clientX: segment.x + segment.width / 2, clientY: segment.y + 1, bubbles: true };
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    expect(part(el, 'tooltip')!.querySelector('strong')!.textContent).to.equal('Feb 2024');
    expect(part(el, 'column-hover')).to.exist;
    const selected = oneEvent(el, 'movement-select') as Promise<MovementSelectEvent>;
    part(el, 'chart')!.dispatchEvent(new MouseEvent('click', at));
    expect((await selected).detail.period).to.equal('2024-02');
    await el.updateComplete;
    expect(kpi(el, 'nrr')).to.equal('70.6%');
    part(el, 'chart')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('keeps the tooltip inside the element at both ends of the chart', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`, 390));
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    const host = el.getBoundingClientRect();
    for (const key of ['Home', 'End']) {
      chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await el.updateComplete;
      const tip = part(el, 'tooltip')!.getBoundingClientRect();
      expect(tip.left, key).to.be.at.least(host.left);
      expect(tip.right, key).to.be.at.most(host.right + 0.5);
      expect(tip.top, key).to.be.at.least(host.top);
    }
  });

  it('a hover redraws no bar: only the hover band and the tooltip change', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`));
    const columns = [...el.shadowRoot!.querySelectorAll('[part~="column"]')];
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    for (const column of columns) observer.observe(column, { subtree: true, childList: true, attributes: true, characterData: true });
    const chart = part(el, 'chart')!;
    for (const index of [0, 1, 2]) {
      const band = el.shadowRoot!.querySelector(`[part~="column"][data-index="${index}"]`)!.getBoundingClientRect();
      chart.dispatchEvent(new PointerEvent('pointermove', { clientX: band.x + band.width / 2, clientY: band.y + band.height / 2, bubbles: true }));
      await el.updateComplete;
    }
    observer.disconnect();
    expect(changes).to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('[part~="column"]')]).to.deep.equal(columns);
  });
});

describe('<revenue-movements> many periods', () => {
  it('draws the latest 366 of 5,000 periods, and with bars under 2 px only the net line, saying which granularity shows the movements', async () => {
    const start = Date.UTC(2010, 0, 1);
    const periods = Array.from({ length: 5000 }, (_, i) => ({
      period: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      new: 100 + (i % 7) * 10,
      expansion: 20,
      reactivation: 5,
      contraction: 10,
      churn: 60 + (i % 11) * 5,
      startMrr: 100_000,
    }));
    const el = await ready(await inBox(html`<revenue-movements granularity="day" .data=${periods}></revenue-movements>`, 390));
    expect(el.result!.periods).to.have.length(366);
    expect(el.result!.periods[0].key).to.equal(periods[5000 - 366].period);
    const earlier = el.warnings.find((w) => w.code === 'earlier-periods-left-out')!;
    expect(earlier.count).to.equal(5000 - 366);
    expect(part(el, 'notice')!.textContent).to.include('The 4,634 earliest periods are not drawn, only the latest 366');
    const drawing = el.shadowRoot!.querySelector('.chart > svg')!;
    expect(drawing.querySelectorAll('[part~="segment"], [part~="column"]')).to.have.length(0);
    expect(drawing.querySelectorAll('[part~="net-point"]')).to.have.length(1); // the selected period's
    expect(drawing.querySelectorAll('[part~="x-axis"] text').length).to.be.below(40);
    expect(drawing.outerHTML).to.not.match(/NaN|Infinity/);
    expect(text(el, 'note')).to.equal('366 periods are too many for bars at this width, so only the net change is drawn. Weekly or longer periods (granularity="week") show each movement.');
    // The keyboard still reaches every period.
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await el.updateComplete;
    expect(part(el, 'tooltip')!.querySelector('strong')!.textContent).to.equal(el.shadowRoot!.querySelector('table tbody th')!.textContent);
  });

  it('draws bars while they are at least 2 px wide, with no note', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`, 320));
    expect(el.shadowRoot!.querySelectorAll('[part~="segment"]').length).to.be.above(0);
    expect(part(el, 'note')).to.equal(null);
  });
});

describe('<revenue-movements> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('revenue-movements');
    const failed = oneEvent(el, 'error');
    el.src = src;
    document.body.append(el);
    const event = (await failed) as CustomEvent<ElementError>;
    await el.updateComplete;
    return { el, event };
  };

  it('malformed JSON', async () => {
    const { el, event } = await failing(`${FIXTURES}/malformed.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'parse' });
    expect(text(el, 'message')).to.contain('malformed JSON');
    el.remove();
  });

  it('wrong fields', async () => {
    const { el, event } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    expect(text(el, 'message')).to.contain('record 1, field “customer”');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/no-such-subscriptions.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('pre-aggregated periods with a wrong amount or losing more than they had', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${[{ ...PERIODS[1], churn: 'lots' }]}></revenue-movements>`));
    expect(el.status).to.equal('error');
    expect(text(el, 'message')).to.contain('record 1, field “churn”').and.contain('"lots"');
    const failed = oneEvent(el, 'error');
    el.data = [{ ...PERIODS[1], churn: 400 }];
    await failed;
    await el.updateComplete;
    expect(text(el, 'message')).to.contain('contraction + churn of at most startMrr');
  });
});

describe('<revenue-movements> drawing and accessibility', () => {
  it('draws what the hidden table says', async () => {
    const el = await ready(await inBox(html`<revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements>`));
    const heightOf = (index: number, kind: string) =>
      Number(el.shadowRoot!.querySelector(`[part~="column"][data-index="${index}"] [data-kind="${kind}"]`)?.getAttribute('height') ?? 0);
    // February: new 50 up, churn 100 down (twice as tall); March: reactivation 70 vs expansion 30.
    expect(heightOf(1, 'churnedMrr')).to.be.closeTo(2 * heightOf(1, 'newMrr'), 1e-6);
    expect(heightOf(2, 'reactivationMrr') * 30).to.be.closeTo(heightOf(2, 'expansionMrr') * 70, 1e-6);
    expect(heightOf(1, 'expansionMrr')).to.equal(0); // nothing drawn for nothing
    expect(el.shadowRoot!.querySelectorAll('[part~="segment"]')).to.have.length(1 + 2 + 4);
    // March's net point is on the zero line; February's below it.
    const points = [...el.shadowRoot!.querySelectorAll('[part~="net-point"]')].map((c) => Number(c.getAttribute('cy')));
    const zero = Number(part(el, 'zero-line')!.getAttribute('y1'));
    expect(points[2]).to.be.closeTo(zero, 1e-6);
    expect(points[1]).to.be.greaterThan(zero);
    expect(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect([...el.shadowRoot!.querySelectorAll('[part~="legend"] li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'New',
      'Expansion',
      'Reactivation',
      'Contraction',
      'Churn',
      'Net change',
    ]);
  });

  it('does not draw at zero width, and draws once it gets a size', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display:none"><revenue-movements .data=${SUBSCRIPTIONS}></revenue-movements></div>`);
    const el = box.querySelector('revenue-movements')!;
    await ready(el, { chart: false });
    expect(el.shadowRoot!.querySelector('.chart > svg')).to.equal(null);
    expect(tableRows(el)).to.have.length(3);
    box.style.display = 'block';
    await waitUntil(() => el.shadowRoot!.querySelector('.chart > svg'), 'drawn after showing');
    expect(Number(el.shadowRoot!.querySelector('.chart > svg')!.getAttribute('width'))).to.be.greaterThan(0);
  });

  it('shows markup in data as text only', async () => {
    const payload = '<img src=x onerror="window.__rkMoves=1">';
    const el = await ready(await inBox(html`<revenue-movements .data=${[{ ...PERIODS[1], period: payload }]}></revenue-movements>`));
    expect(tableRows(el)[0][0]).to.equal(payload);
    expect(el.shadowRoot!.querySelector('[part~="x-axis"] text')!.textContent).to.equal(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkMoves?: number }).__rkMoves).to.equal(undefined);
  });

  it('speaks Russian, with the currency attribute', async () => {
    const el = await ready(await inBox(html`<revenue-movements lang="ru" currency="RUB" .data=${SUBSCRIPTIONS}></revenue-movements>`));
    expect(tableRows(el)[1][1]).to.match(/^340\s?₽$/);
    expect(text(el, 'selected-period')).to.match(/^Выбрано: /);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme, focused or not`, async () => {
      const el = await ready(await inBox(html`<revenue-movements theme=${theme} .data=${SUBSCRIPTIONS}></revenue-movements>`));
      await expect(el).to.be.accessible();
      (part(el, 'chart') as HTMLElement).focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
