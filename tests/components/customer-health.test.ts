import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { CustomerHealth, CustomerSelectDetail } from '../../src/components/customer-health/define.ts';
import '../../src/components/customer-health/define.ts';
import '../../src/components/retention-source/define.ts';
import { rowWindow, scrollToRow, viewRows } from '../../src/components/customer-health/health-table-layout.ts';
import type { HealthRow } from '../../src/engine/jobs/customer-health.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/zh.ts';
import { settled } from './settled.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * customer-health-events.json / .csv, as-of 2024-03-31, 30-day windows:
 * recent = Mar 1 … Mar 30, previous = Jan 31 … Feb 29; baseline 70, at risk below 40; default weights.
 *   ann  usage 100 (Feb 10) → 50 (Mar 10): usage-drop −30 × 50 % = −15                    → 55
 *   bob  expired Feb 15, last renewal Jan 5: −40; logins 10 → 0: −20 × 100 % = −20;
 *        a downgrade Mar 3: −15; 2 tickets in February, none in March: −10
 *        70 − 40 − 20 − 15 − 10 = −15 → clamped to 0, at risk
 *   cat  last login 2023-12-01, nothing in either window: dormant −40 → 30, at risk
 *        (expired and renewed the same day in January: no expiry signal)
 *   dan  usage 10 → 20 (a rise is not rewarded); 2 upgrades: +10 × 2 = +20                 → 90
 *   eve  a login on Mar 30, no signal                                                      → 70
 * Most at risk first: bob 0, cat 30, ann 55, eve 70, dan 90; 2 at risk.
 */
const EVENTS = [
  { customer: 'ann', date: '2024-02-10', event: 'usage', value: 100 },
  { customer: 'ann', date: '2024-03-10', event: 'usage', value: 50 },
  { customer: 'bob', date: '2024-01-05', event: 'renewal' },
  { customer: 'bob', date: '2024-02-01', event: 'login', value: 10 },
  { customer: 'bob', date: '2024-02-03', event: 'ticket' },
  { customer: 'bob', date: '2024-02-04', event: 'ticket' },
  { customer: 'bob', date: '2024-02-15', event: 'expiry' },
  { customer: 'bob', date: '2024-03-03', event: 'downgrade' },
  { customer: 'cat', date: '2023-12-01', event: 'login' },
  { customer: 'cat', date: '2024-01-10', event: 'expiry' },
  { customer: 'cat', date: '2024-01-10', event: 'renewal' },
  { customer: 'dan', date: '2024-02-15', event: 'usage', value: 10 },
  { customer: 'dan', date: '2024-03-20', event: 'usage', value: 20 },
  { customer: 'dan', date: '2024-03-05', event: 'upgrade' },
  { customer: 'dan', date: '2024-03-06', event: 'upgrade' },
  { customer: 'eve', date: '2024-03-30', event: 'login' },
];

const EXPECTED_ROWS = [
  [
    'bob',
    '0',
    'At risk',
    'Feb 1, 2024',
    'Subscription expired Feb 15, 2024, not renewed (-40); Logins fell 100% (10 → 0) (-20); Downgraded (-15); 2 support tickets before, none lately (-10)',
  ],
  ['cat', '30', 'At risk', 'Dec 1, 2023', 'No logins or usage since Dec 1, 2023 (-40)'],
  ['ann', '55', 'Healthy', 'Mar 10, 2024', 'Usage fell 50% (100 → 50) (-15)'],
  ['eve', '70', 'Healthy', 'Mar 30, 2024', 'no signals'],
  ['dan', '90', 'Healthy', 'Mar 20, 2024', 'Upgraded 2 times (+20)'],
];

const root = (el: Element) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const ready = (el: CustomerHealth) => settled(el, 20_000);
const dataRows = (el: Element) => [...root(el).querySelectorAll('tbody tr[data-row]')];
const cells = (el: Element) => dataRows(el).map((row) => [...row.children].map((cell) => squash(cell.textContent)));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function expectFixture(el: CustomerHealth) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(cells(el)).to.deep.equal(EXPECTED_ROWS);
  expect(el.result!.atRiskCount).to.equal(2);
}

describe('customer-health: table layout', () => {
  const row = (customer: string, score: number, atRisk: boolean, lastActiveDay: number | null): HealthRow => ({ customer, score, atRisk, lastActiveDay, signals: [] });
  const rows = [row('b', 0, true, 10), row('a', 30, true, null), row('c', 30, false, 20)];

  it('sorts stably and filters the at-risk customers', () => {
    expect(viewRows(rows, 'customer', 'ascending', false).map((r) => r.customer)).to.deep.equal(['a', 'b', 'c']);
    expect(viewRows(rows, 'score', 'descending', false).map((r) => r.customer)).to.deep.equal(['a', 'c', 'b']); // a before c: metric order on ties
    expect(viewRows(rows, 'last-active', 'ascending', false).map((r) => r.customer)).to.deep.equal(['a', 'b', 'c']); // never active first
    expect(viewRows(rows, 'score', 'ascending', true).map((r) => r.customer)).to.deep.equal(['b', 'a']);
  });

  it('renders a window of rows with spacers', () => {
    // 1000 rows of 44 px, scrolled to 4400 px (row 100), 440 px in view (10 rows), overscan 4: rows 96 … 113.
    expect(rowWindow(1000, 4400, 440, 44)).to.deep.equal({ first: 96, end: 114 });
    // Cards of 94 px, scrolled to 9400 px (row 100), 470 px in view (5 cards), overscan 4: rows 96 … 108.
    expect(rowWindow(1000, 9400, 470, 94)).to.deep.equal({ first: 96, end: 109 });
    expect(rowWindow(3, 0, 440, 44)).to.deep.equal({ first: 0, end: 3 });
    expect(rowWindow(0, 0, 440, 44)).to.deep.equal({ first: 0, end: 0 });
  });

  it('scrolls a row into view with the least movement', () => {
    expect(scrollToRow(5, 0, 440, 44)).to.equal(0); // already in view
    expect(scrollToRow(10, 0, 440, 44)).to.equal(44); // one below: scroll one row
    expect(scrollToRow(2, 440, 440, 44)).to.equal(88); // above: align to the top
  });
});

describe('<customer-health> numbers and input routes', () => {
  it('data property: scores, signals worded from their facts, most at risk first', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(el);
    expectFixture(el);
    expect(el.getAttribute('aria-label')).to.equal('Customer health: 5 customers, 2 at risk (score below 40).');
    const grid = root(el).querySelector('table')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('6');
    expect(dataRows(el).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4', '5', '6']);
  });

  it('JSON data attribute', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" data=${JSON.stringify(EVENTS)}></customer-health>`);
    await ready(el);
    expectFixture(el);
  });

  it('src JSON', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" src="${FIXTURES}/customer-health-events.json"></customer-health>`);
    await ready(el);
    expectFixture(el);
  });

  it('src CSV with field mapping', async () => {
    const el = await fixture<CustomerHealth>(
      html`<customer-health as-of="2024-03-31" customer-key="id" date-key="when" event-key="what" value-key="amount" src="${FIXTURES}/customer-health-events.csv"></customer-health>`,
    );
    await ready(el);
    expectFixture(el);
  });

  it('inline JSON script', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31"><script type="application/json">${JSON.stringify(EVENTS)}</script></customer-health>`);
    await ready(el);
    expectFixture(el);
  });

  it('a shared retention-source', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <customer-health as-of="2024-03-31" source="activity"></customer-health>
      <retention-source id="activity" src="${FIXTURES}/customer-health-events.json"></retention-source>
    </div>`);
    const el = wrapper.querySelector('customer-health')!;
    await ready(el);
    expectFixture(el);
  });

  it('weights by attribute and by property', async () => {
    // dormant weighs 10: cat = 70 − 10 = 60 and is no longer at risk.
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" weights='{"dormant":10}' .data=${EVENTS}></customer-health>`);
    await ready(el);
    expect(el.result!.atRiskCount).to.equal(1);
    expect(cells(el).find((c) => c[0] === 'cat')!.slice(1, 3)).to.deep.equal(['60', 'Healthy']);
    // upgrade weighs 5: dan = 70 + 2 × 5 = 80.
    el.weights = { upgrade: 5 };
    await waitUntil(() => el.result?.weights.upgrade === 5);
    await el.updateComplete;
    expect(cells(el).find((c) => c[0] === 'dan')!.slice(1, 2)).to.deep.equal(['80']);
    expect(cells(el).find((c) => c[0] === 'cat')![1]).to.equal('30');
  });
});

describe('<customer-health> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('customer-health');
    const failed = oneEvent(el, 'error');
    el.src = src;
    document.body.append(el);
    const event = (await failed) as CustomEvent<ElementError>;
    await el.updateComplete;
    return { el, event, message: squash(root(el).querySelector('[part=message]')?.textContent) };
  };

  it('malformed JSON', async () => {
    const { el, event, message } = await failing(`${FIXTURES}/malformed.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'parse' });
    expect(message).to.contain('malformed JSON');
    el.remove();
  });

  it('wrong fields name the record and field', async () => {
    const { el, event, message } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    expect(message).to.contain('record 1, field “customer”');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/does-not-exist.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('malformed weights JSON and unknown signals are option errors', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health weights="{dormant" .data=${EVENTS}></customer-health>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('setting “weights”');
    el.setAttribute('weights', '{"churniness":5}');
    await waitUntil(() => squash(root(el).querySelector('[part=message]')?.textContent).includes('weights.churniness'));
  });
});

describe('<customer-health> sorting, filter and keyboard', () => {
  it('sorts by column with aria-sort, filters at-risk customers', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(el);
    const header = (key: string) => root(el).querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)!;
    expect(header('score').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    header('customer').click();
    await el.updateComplete;
    expect(cells(el).map((c) => c[0])).to.deep.equal(['ann', 'bob', 'cat', 'dan', 'eve']);
    expect(header('customer').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(header('score').closest('th')!.getAttribute('aria-sort')).to.equal('none');
    header('customer').click();
    await el.updateComplete;
    expect(cells(el).map((c) => c[0])).to.deep.equal(['eve', 'dan', 'cat', 'bob', 'ann']);
    expect(header('customer').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    header('last-active').click();
    await el.updateComplete;
    expect(cells(el).map((c) => c[0])).to.deep.equal(['cat', 'bob', 'ann', 'dan', 'eve']);

    const filter = root(el).querySelector<HTMLButtonElement>('[part~=filter]')!;
    expect(squash(filter.textContent)).to.equal('At risk only (2)');
    filter.click();
    await el.updateComplete;
    expect(filter.getAttribute('aria-pressed')).to.equal('true');
    expect(el.atRiskOnly).to.equal(true);
    expect(cells(el).map((c) => c[0])).to.deep.equal(['cat', 'bob']);
    expect(root(el).querySelector('table')!.getAttribute('aria-rowcount')).to.equal('3');
  });

  it('arrow keys move the focus between rows; Enter shows the signals and fires customer-select', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(el);
    const focusable = root(el).querySelectorAll('tbody [tabindex="0"]');
    expect(focusable.length).to.equal(1);
    const first = focusable[0] as HTMLElement;
    first.focus();
    const key = (k: string) => (root(el).activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowDown');
    await el.updateComplete;
    expect(squash(root(el).activeElement!.textContent)).to.equal('cat');
    key('End');
    await el.updateComplete;
    await el.updateComplete;
    expect(squash(root(el).activeElement!.textContent)).to.equal('dan');
    key('Home');
    await el.updateComplete;
    await el.updateComplete;
    expect(squash(root(el).activeElement!.textContent)).to.equal('bob');
    const selected = oneEvent(el, 'customer-select');
    key('Enter');
    const detail = ((await selected) as CustomEvent<CustomerSelectDetail>).detail;
    expect(detail).to.include({ customer: 'bob', score: 0, atRisk: true });
    await el.updateComplete;
    const details = [...root(el).querySelectorAll('[part~=details] li')].map((li) => squash(li.textContent));
    expect(details).to.deep.equal([
      'Starting score 70',
      'Subscription expired Feb 15, 2024, not renewed: -40',
      'Logins fell 100% (10 → 0): -20',
      'Downgraded: -15',
      '2 support tickets before, none lately: -10',
    ]);
  });

  it('20,000 customers: only a window of rows is in the DOM; scrolling and the keyboard move it', async () => {
    const rows: object[] = [];
    for (let i = 0; i < 20_000; i++) {
      const customer = `c${String(i).padStart(5, '0')}`;
      // A login in February for everyone; half also log in during March (the others lose their logins: −20).
      rows.push({ customer, date: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`, event: 'login' });
      if (i % 2 === 0) rows.push({ customer, date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`, event: 'login' });
    }
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" .data=${rows}></customer-health>`);
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker'); // 30,000 rows
    expect(el.result!.customers.length).to.equal(20_000);
    const grid = root(el).querySelector('table')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('20001');
    expect(dataRows(el).length).to.be.below(30);
    expect(dataRows(el)[0].getAttribute('aria-rowindex')).to.equal('2');

    const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
    const rowHeight = dataRows(el)[0].getBoundingClientRect().height;
    scroller.scrollTop = 10_000 * rowHeight;
    await waitUntil(() => Number(dataRows(el)[0].getAttribute('aria-rowindex')) > 9_000, 'window did not follow the scroll');
    const indexes = dataRows(el).map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(dataRows(el).length).to.be.below(30);
    expect(indexes[0]).to.be.within(10_000 - 4 + 2 - 1, 10_000 + 2);
    expect(indexes).to.deep.equal(indexes.map((_, k) => indexes[0] + k)); // contiguous

    const cell = root(el).querySelector<HTMLElement>('tbody [tabindex="0"]')!;
    cell.focus();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await waitUntil(() => dataRows(el).some((r) => r.getAttribute('aria-rowindex') === '20001'), 'End did not reach the last row');
    await nextFrame();
    expect(root(el).activeElement!.closest('tr')!.getAttribute('aria-rowindex')).to.equal('20001');
    expect(dataRows(el).length).to.be.below(30);
    expect(scroller.scrollTop).to.be.above(19_000 * rowHeight);
  });
});

/** `count` customers c000 …, every third one dormant (at risk), the others with a login in March. */
function manyCustomers(count: number): object[] {
  const rows: object[] = [];
  for (let i = 0; i < count; i++) {
    const customer = `c${String(i).padStart(3, '0')}`;
    rows.push({ customer, date: '2024-01-05', event: 'login' });
    if (i % 3 !== 0) rows.push({ customer, date: '2024-03-10', event: 'login' });
  }
  return rows;
}

const box = (el: Element) => el.getBoundingClientRect();

/** The rows' part of the scroller (below the sticky header) is covered by rendered rows: the virtual window matches the layout's row height. */
function expectWindowCoversView(el: CustomerHealth) {
  const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
  const view = box(scroller);
  const top = box(root(el).querySelector('thead')!).bottom;
  const rendered = dataRows(el).map(box);
  expect(rendered[0].top, 'first rendered row starts below the top of the view').to.be.at.most(top + 0.5);
  expect(rendered[rendered.length - 1].bottom, 'last rendered row ends above the bottom of the view').to.be.at.least(view.top + scroller.clientHeight - 0.5);
  for (let k = 1; k < rendered.length; k++) expect(rendered[k].top).to.be.closeTo(rendered[k - 1].bottom, 0.5); // no gaps, no overlaps
}

describe('<customer-health> layout at any width', () => {
  const at = async (width: number, theme = 'light', data: object[] = EVENTS) => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: ${width}px"><customer-health theme=${theme} as-of="2024-03-31" .data=${data}></customer-health></div>`,
    );
    const el = await ready(wrapper.querySelector('customer-health')!);
    await nextFrame();
    await el.updateComplete;
    return el;
  };
  const cellOf = (el: CustomerHealth, customer: string, column: number) =>
    dataRows(el).find((row) => squash(row.children[0].textContent) === customer)!.children[column] as HTMLElement;

  it('at 320 px nothing overflows sideways: rows stack into cards with the score, status, last active and signals inside', async () => {
    const el = await at(320);
    const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
    expect(scroller.scrollWidth, 'horizontal scroll in the table').to.be.at.most(scroller.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const inner = box(scroller);
    const right = inner.left + scroller.clientLeft + scroller.clientWidth;
    for (const row of dataRows(el)) {
      for (const cell of row.children) {
        const rect = box(cell);
        expect(rect.width, `${cell.textContent} has room`).to.be.above(0);
        expect(rect.left).to.be.at.least(inner.left - 0.5);
        expect(rect.right, `${squash(cell.textContent)} ends inside the table`).to.be.at.most(right + 0.5);
      }
    }
    // bob's card: customer, score and status on the first line; last active, then the signals below.
    const [customer, score, status, last, signals] = [0, 1, 2, 3, 4].map((c) => cellOf(el, 'bob', c));
    expect(box(score).top).to.be.closeTo(box(customer).top, 1);
    expect(box(status).top).to.be.closeTo(box(customer).top, 1);
    expect(box(last).top).to.be.at.least(box(customer).bottom - 0.5);
    expect(box(signals).top).to.be.at.least(box(last).bottom - 0.5);
    // The score's number is shown whole (not cut to an ellipsis), its meter beside it.
    expect(squash(score.textContent)).to.equal('0');
    expect(score.scrollWidth).to.be.at.most(score.clientWidth);
    expect(box(score.querySelector('.meter')!).width).to.be.above(10);
    // Last active is labelled in the card (generated text, not part of the cell's accessible text).
    expect(getComputedStyle(last, '::before').content).to.contain('Last active');
    expect(squash(last.textContent)).to.equal('Feb 1, 2024');
    // The signals may be clamped on screen, but their whole text is the cell's text and its title.
    const full = EXPECTED_ROWS[0][4];
    expect(squash(signals.textContent)).to.equal(full);
    expect(signals.title).to.equal(full);
    // Every card has the same height, taller than a table row.
    const heights = dataRows(el).map((row) => box(row).height);
    expect(new Set(heights.map((h) => h.toFixed(1))).size).to.equal(1);
    expect(heights[0]).to.be.above(80);
  });

  it('keeps the sort buttons reachable and working in the narrow layout', async () => {
    const el = await at(300);
    const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
    const inner = box(scroller);
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('button[data-sort]')];
    expect(buttons.map((b) => b.dataset.sort)).to.deep.equal(['customer', 'score', 'last-active']);
    for (const button of buttons) {
      const rect = box(button);
      expect(rect.width, `${button.dataset.sort} is visible`).to.be.above(10);
      expect(rect.right).to.be.at.most(inner.left + scroller.clientLeft + scroller.clientWidth + 0.5);
      expect(getComputedStyle(button).visibility).to.equal('visible');
    }
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    buttons[0].focus();
    expect(root(el).activeElement).to.equal(buttons[0]);
    buttons[0].click();
    await el.updateComplete;
    expect(cells(el).map((c) => c[0])).to.deep.equal(['ann', 'bob', 'cat', 'dan', 'eve']);
    buttons[1].click();
    await el.updateComplete;
    expect(cells(el).map((c) => c[0])).to.deep.equal(['bob', 'cat', 'ann', 'eve', 'dan']);
    expect(buttons[1].closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    // The headers that sort nothing stay in the grid for screen readers, off screen.
    const plain = [...root(el).querySelectorAll('thead th:not([aria-sort])')];
    expect(plain.map((th) => squash(th.textContent))).to.deep.equal(['Status', 'Signals']);
    for (const th of plain) expect(getComputedStyle(th)).to.include({ position: 'absolute', clipPath: 'inset(50%)' });
  });

  it('virtual rows follow the layout: the window covers the view at 1100 px and at 320 px, and the keyboard moves through it', async () => {
    const el = await at(1100, 'light', manyCustomers(300));
    expect(el.result!.customers.length).to.equal(300);
    const wide = box(dataRows(el)[0]).height;
    expectWindowCoversView(el);
    const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
    scroller.scrollTop = 120 * wide;
    await waitUntil(() => Number(dataRows(el)[0].getAttribute('aria-rowindex')) > 100, 'window did not follow the scroll');
    await el.updateComplete;
    expectWindowCoversView(el);

    // Narrow the element: the cards are taller, and the window is worked out again with their height.
    (el.parentElement as HTMLElement).style.width = '320px';
    await waitUntil(() => box(dataRows(el)[0]).height > wide * 1.5, 'did not switch to cards');
    await nextFrame();
    await el.updateComplete;
    const narrow = box(dataRows(el)[0]).height;
    scroller.scrollTop = 200 * narrow;
    await waitUntil(() => Number(dataRows(el)[0].getAttribute('aria-rowindex')) > 190, 'window did not follow the scroll');
    await el.updateComplete;
    expectWindowCoversView(el);
    expect(dataRows(el).length).to.be.below(20);
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);

    // Keyboard: focus a row, go down one, then to the end and back home.
    const cell = root(el).querySelector<HTMLElement>('tbody [tabindex="0"]')!;
    cell.focus();
    const key = (k: string) => (root(el).activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    const focusedRow = () => Number(root(el).activeElement?.closest('tr')?.getAttribute('aria-rowindex'));
    const before = focusedRow();
    key('ArrowDown');
    await waitUntil(() => focusedRow() === before + 1, 'ArrowDown');
    key('End');
    await waitUntil(() => focusedRow() === 301, 'End did not reach the last card');
    await nextFrame();
    expectWindowCoversView(el);
    const last = box(root(el).activeElement!.closest('tr')!);
    expect(last.bottom).to.be.at.most(box(scroller).top + scroller.clientTop + scroller.clientHeight + 0.5); // fully in view
    key('Home');
    await waitUntil(() => focusedRow() === 2, 'Home');
    expect(scroller.scrollTop).to.equal(0);
  });

  it('at 1100 px the signals get the room: the widest column, two lines, never the only place of the text', async () => {
    const el = await at(1100);
    const widths = [...root(el).querySelectorAll('thead th')].map((th) => box(th).width);
    expect(widths[4]).to.equal(Math.max(...widths));
    expect(widths[4]).to.be.above(widths[3] * 3);
    const signals = cellOf(el, 'bob', 4);
    // bob's four signals (≈ 150 characters) fit in two lines at this width: nothing is cut.
    expect(signals.scrollHeight).to.be.at.most(signals.clientHeight + 1);
    expect(box(signals).height).to.be.above(box(cellOf(el, 'cat', 4)).height * 1.5);
    expect(signals.title).to.equal(EXPECTED_ROWS[0][4]);
    const heights = dataRows(el).map((row) => box(row).height.toFixed(1));
    expect(new Set(heights).size).to.equal(1); // fixed row height: the virtual table relies on it
  });

  it('the meter fills to the score: empty and outlined for 0 (at risk), 90 % for 90', async () => {
    const el = await at(1100);
    const meter = (customer: string) => cellOf(el, customer, 1).querySelector<HTMLElement>('.meter')!;
    const fill = (customer: string) => box(meter(customer).firstElementChild!).width / box(meter(customer)).width;
    expect(fill('bob')).to.equal(0);
    expect(fill('cat')).to.be.closeTo(0.3, 0.02);
    expect(fill('dan')).to.be.closeTo(0.9, 0.02);
    expect(getComputedStyle(meter('bob')).boxShadow).to.not.equal('none'); // the at-risk outline
    expect(getComputedStyle(meter('dan')).boxShadow).to.equal('none');
    const colour = (customer: string) => getComputedStyle(meter(customer).firstElementChild!).backgroundColor;
    expect(colour('cat')).to.not.equal(colour('dan')); // at risk and healthy differ
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the narrow layout, ${theme} theme`, async () => {
      const el = await at(320, theme);
      (root(el).querySelector('tbody tr[data-row]') as HTMLElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

describe('<customer-health> accessibility and safety', () => {
  it('markup in customer ids stays text', async () => {
    const payload = '<img src=x onerror=window.__rkHealthXss=1>';
    const el = await fixture<CustomerHealth>(html`<customer-health .data=${[{ customer: payload, date: '2024-03-01', event: 'login' }]}></customer-health>`);
    await ready(el);
    expect(cells(el)[0][0]).to.equal(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkHealthXss?: number }).__rkHealthXss).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme (table layout)`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><customer-health theme=${theme} as-of="2024-03-31" .data=${EVENTS}></customer-health></div>`);
      const el = wrapper.querySelector('customer-health')!;
      await ready(el);
      expect(box(dataRows(el)[0]).height).to.be.below(60); // one line of five columns, not cards
      (root(el).querySelector('tbody tr[data-row]') as HTMLElement).click();
      root(el).querySelector<HTMLButtonElement>('[part~=filter]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const error = await fixture<CustomerHealth>(html`<customer-health theme=${theme} data="[{"></customer-health>`);
      await expect(error).to.be.accessible();
    });
  }

  it('translates the signals: Norwegian and Chinese', async () => {
    const nb = await fixture<CustomerHealth>(html`<customer-health lang="nb" as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(nb);
    expect(cells(nb)[1][4]).to.equal('Ingen innlogging eller bruk siden 1. des. 2023 (−40)');
    const zh = await fixture<CustomerHealth>(html`<customer-health lang="zh" as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(zh);
    expect(cells(zh)[4][4]).to.equal('升级 2 次 (+20)');
  });
});
