import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { CustomerHealth, CustomerSelectDetail } from '../../src/components/customer-health/define.ts';
import '../../src/components/customer-health/define.ts';
import '../../src/components/retention-source/define.ts';
import { rowWindow, scrollToRow, viewRows } from '../../src/components/customer-health/health-table-layout.ts';
import type { HealthRow } from '../../src/components/customer-health/customer-health.job.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/zh.ts';

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
const ready = (el: CustomerHealth) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 20_000 });
const dataRows = (el: Element) => [...root(el).querySelectorAll('tbody tr[data-row]')];
const cells = (el: Element) => dataRows(el).map((row) => [...row.children].map((cell) => squash(cell.textContent)));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function expectFixture(el: CustomerHealth) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(cells(el)).to.deep.equal(EXPECTED_ROWS);
  expect(el.value!.atRiskCount).to.equal(2);
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
    expect(rowWindow(1000, 4400, 440, 44)).to.deep.equal({ first: 96, end: 114, before: 96 * 44, after: (1000 - 114) * 44 });
    expect(rowWindow(3, 0, 440, 44)).to.deep.equal({ first: 0, end: 3, before: 0, after: 0 });
    expect(rowWindow(0, 0, 440, 44)).to.deep.equal({ first: 0, end: 0, before: 0, after: 0 });
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
    expect(el.value!.atRiskCount).to.equal(1);
    expect(cells(el).find((c) => c[0] === 'cat')!.slice(1, 3)).to.deep.equal(['60', 'Healthy']);
    // upgrade weighs 5: dan = 70 + 2 × 5 = 80.
    el.weights = { upgrade: 5 };
    await waitUntil(() => el.value?.weights.upgrade === 5);
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
    expect(el.value!.customers.length).to.equal(20_000);
    const grid = root(el).querySelector('table')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('20001');
    expect(dataRows(el).length).to.be.below(30);
    expect(dataRows(el)[0].getAttribute('aria-rowindex')).to.equal('2');

    const scroller = root(el).querySelector<HTMLElement>('[part~=scroller]')!;
    scroller.scrollTop = 10_000 * 44;
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
    expect(scroller.scrollTop).to.be.above(19_000 * 44);
  });
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
    it(`has no axe violations in the ${theme} theme`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 720px"><customer-health theme=${theme} as-of="2024-03-31" .data=${EVENTS}></customer-health></div>`);
      const el = wrapper.querySelector('customer-health')!;
      await ready(el);
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
