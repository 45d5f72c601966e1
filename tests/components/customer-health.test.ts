import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { CustomerHealth, CustomerSelectDetail } from '../../src/components/customer-health/define.ts';
import '../../src/components/customer-health/define.ts';
import '../../src/components/retention-source/define.ts';
import { rowWindow, scrollToRow, viewRows } from '../../src/components/customer-health/health-table-layout.ts';
import { scoreBands } from '../../src/components/customer-health/health-distribution.ts';
import type { HealthRow } from '../../src/engine/jobs/customer-health.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/zh.ts';
import { settled } from './settled.ts';
import { UK_EXPORT_URL } from '../fixtures/text.ts';

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
 * bob's subscription expired unrenewed: lapsed (gone, not at risk), listed last. No event carries
 * an amount, so there is no value and the call order is risk = max(0, 70 − score) / 70:
 * cat 40/70, ann 15/70, then eve and dan at 0 (ties by score), then bob. 1 at risk, 1 lapsed.
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

/** Rank, customer, score, status, last active, and the signal chips as shown (short labels). */
const EXPECTED_ROWS = [
  ['1', 'cat', '30', 'At risk', 'Dec 1, 2023', 'Quiet since Dec 1, 2023'],
  ['2', 'ann', '55', 'Healthy', 'Mar 10, 2024', 'Usage -50%'],
  ['3', 'eve', '70', 'Healthy', 'Mar 30, 2024', 'no signals'],
  ['4', 'dan', '90', 'Healthy', 'Mar 20, 2024', 'Upgraded ×2'],
  ['5', 'bob', '0', 'Lapsed', 'Feb 1, 2024', 'Expired Feb 15, 2024 | Logins -100% | Downgraded | Tickets stopped'],
];
/** The signals in words with their points: the cell's title and its text for screen readers. */
const BOB_SIGNALS =
  'Subscription expired Feb 15, 2024, not renewed (-40); Logins fell 100% (10 → 0) (-20); Downgraded (-15); 2 support tickets before, none lately (-10)';

const root = (el: Element) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const ready = (el: CustomerHealth) => settled(el, 20_000);
const dataRows = (el: Element) => [...root(el).querySelectorAll('tbody tr[data-row]')];
/** A chip's label as shown (its sentence for screen readers is left out). */
const chips = (cell: Element) => {
  const shown = [...cell.querySelectorAll('[part~=chip] [aria-hidden]')].map((c) => squash(c.textContent));
  return shown.length ? shown.join(' | ') : squash(cell.textContent);
};
const cells = (el: Element) =>
  dataRows(el).map((row) => [...row.children].map((cell) => (cell.classList.contains('signals') ? chips(cell) : squash(cell.textContent))));
const customersShown = (el: Element) => dataRows(el).map((row) => squash(row.querySelector('th')!.textContent));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function expectFixture(el: CustomerHealth) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(cells(el)).to.deep.equal(EXPECTED_ROWS);
  expect(el.result!.atRiskCount).to.equal(1);
  expect(el.result!.lapsedCount).to.equal(1);
  expect(el.result!.valueKind).to.equal(null);
}

describe('customer-health: table layout', () => {
  const row = (customer: string, score: number, status: HealthRow['status'], lastActiveDay: number | null, value: number | null = null): HealthRow => ({
    customer,
    score,
    atRisk: status === 'at-risk',
    status,
    value,
    risk: 0,
    priority: 0,
    lastActiveDay,
    signals: [],
  });
  const rows = [row('b', 0, 'at-risk', 10, 5), row('a', 30, 'at-risk', null, 50), row('c', 30, 'healthy', 20), row('d', 100, 'healthy', 30, 1)];
  const names = (shown: { row: HealthRow }[]) => shown.map((r) => r.row.customer);
  const all = { atRiskOnly: false, band: null };

  it('sorts stably, keeps the call rank and filters the at-risk customers and a score band', () => {
    expect(names(viewRows(rows, 'rank', 'ascending', all))).to.deep.equal(['b', 'a', 'c', 'd']);
    expect(viewRows(rows, 'customer', 'ascending', all).map((r) => [r.row.customer, r.rank])).to.deep.equal([
      ['a', 2],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ]);
    expect(names(viewRows(rows, 'score', 'descending', all))).to.deep.equal(['d', 'a', 'c', 'b']); // a before c: metric order on ties
    expect(names(viewRows(rows, 'last-active', 'ascending', all))).to.deep.equal(['a', 'b', 'c', 'd']); // never active first
    expect(names(viewRows(rows, 'value', 'descending', all))).to.deep.equal(['a', 'b', 'd', 'c']); // no value counts as 0
    expect(names(viewRows(rows, 'score', 'ascending', { atRiskOnly: true, band: null }))).to.deep.equal(['b', 'a']);
    expect(names(viewRows(rows, 'rank', 'ascending', { atRiskOnly: false, band: { low: 30, high: 40 } }))).to.deep.equal(['a', 'c']);
    expect(names(viewRows(rows, 'rank', 'ascending', { atRiskOnly: false, band: { low: 90, high: 100 } }))).to.deep.equal(['d']); // 100 is in the last band
  });

  it('bins the scores in bands of ten, counted by status', () => {
    const bands = scoreBands(rows);
    expect(bands).to.have.length(10);
    expect(bands.map((b) => b.total)).to.deep.equal([1, 0, 0, 2, 0, 0, 0, 0, 0, 1]);
    expect(bands[3]).to.deep.include({ low: 30, high: 40, counts: { healthy: 1, 'at-risk': 1, lapsed: 0 } });
    expect(bands[9].counts.healthy).to.equal(1); // a score of 100 is in the last band
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
  it('data property: scores, status, signals as chips, in call order', async () => {
    const el = await fixture<CustomerHealth>(html`<customer-health as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(el);
    expectFixture(el);
    expect(el.getAttribute('aria-label')).to.equal(
      'Customer health: 5 customers: 1 at risk (score below 40), 1 lapsed (subscription expired, not renewed). ' +
        'Call order: risk, the points lost below the starting score of 70 (the data has no revenue to weigh it by). Call first: cat (score 30).',
    );
    expect(squash(root(el).querySelector('[part~=order-note]')!.textContent)).to.contain('Call order: risk');
    // The chips are short; the sentences with their points are the cell's title and its text for screen readers.
    const bob = dataRows(el)[4].querySelector<HTMLElement>('.signals')!;
    expect(bob.title).to.equal(BOB_SIGNALS);
    expect([...bob.querySelectorAll('[part~=chip]')].map((c) => c.getAttribute('part'))).to.deep.equal(['chip chip-bad', 'chip chip-bad', 'chip chip-bad', 'chip chip-bad']);
    expect(squash(bob.querySelector('.visually-hidden')!.textContent)).to.equal('Subscription expired Feb 15, 2024, not renewed (-40)');
    expect(dataRows(el)[3].querySelector('[part~=chip]')!.getAttribute('part')).to.equal('chip chip-good');
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
    expect(el.result!.atRiskCount).to.equal(0);
    expect(cells(el).find((c) => c[1] === 'cat')!.slice(2, 4)).to.deep.equal(['60', 'Healthy']);
    // upgrade weighs 5: dan = 70 + 2 × 5 = 80.
    el.weights = { upgrade: 5 };
    await waitUntil(() => el.result?.weights.upgrade === 5);
    await el.updateComplete;
    expect(cells(el).find((c) => c[1] === 'dan')!.slice(2, 3)).to.deep.equal(['80']);
    expect(cells(el).find((c) => c[1] === 'cat')![2]).to.equal('30');
  });

  it('orders by risk × recurring revenue (MRR of the latest renewal), lapsed customers last', async () => {
    // as-of Mar 31, windows Mar 1–30 and Jan 31–Feb 29; renewals in February carry the MRR, none in March (no +15).
    //   big    $299, usage 100 → 50: −15 → 55, risk 15/70 = 0.214, priority 64.1
    //   mid     $99, usage 100 → 0:  −30 → 40 (not below 40: healthy), risk 30/70, priority 42.4
    //   small   $29, last login Jan 1: dormant −40 → 30, at risk, risk 40/70, priority 16.6
    //   calm   $500, logins in both windows: 70, risk 0
    //   gone   $999, expired Feb 15 unrenewed: lapsed, last whatever its value
    const renewal = (customer: string, value: number) => ({ customer, date: '2024-02-10', event: 'renewal', value });
    const data = [
      renewal('big', 299),
      { customer: 'big', date: '2024-02-12', event: 'usage', value: 100 },
      { customer: 'big', date: '2024-03-12', event: 'usage', value: 50 },
      renewal('mid', 99),
      { customer: 'mid', date: '2024-02-12', event: 'usage', value: 100 },
      { customer: 'mid', date: '2024-03-12', event: 'usage', value: 0 },
      renewal('small', 29),
      { customer: 'small', date: '2024-01-01', event: 'login' },
      renewal('calm', 500),
      { customer: 'calm', date: '2024-02-12', event: 'login' },
      { customer: 'calm', date: '2024-03-12', event: 'login' },
      { customer: 'gone', date: '2024-01-05', event: 'renewal', value: 999 },
      { customer: 'gone', date: '2024-02-15', event: 'expiry' },
    ];
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><customer-health as-of="2024-03-31" .data=${data}></customer-health></div>`);
    const el = await ready(wrapper.querySelector('customer-health')!);
    expect(el.result!.valueKind).to.equal('recurring');
    expect(customersShown(el)).to.deep.equal(['big', 'mid', 'small', 'calm', 'gone']);
    expect(el.result!.customers.map((c) => Number(c.priority.toFixed(1)))).to.deep.equal([64.1, 42.4, 16.6, 0, 570.9]); // gone: 40/70 × 999, but lapsed
    expect(dataRows(el).map((row) => squash(row.querySelector('.value')!.textContent))).to.deep.equal(['$299', '$99', '$29', '$500', '$999']);
    expect(squash(root(el).querySelector('thead .col-value')!.textContent)).to.equal('MRR');
    expect(squash(root(el).querySelector('[part~=order-note]')!.textContent)).to.contain('risk × monthly recurring revenue');
    expect(dataRows(el).map((row) => row.getAttribute('data-status'))).to.deep.equal(['healthy', 'healthy', 'at-risk', 'healthy', 'lapsed']);
    // Sorting by value, largest first, keeps each customer's call rank.
    root(el).querySelector<HTMLButtonElement>('button[data-sort="value"]')!.click();
    await el.updateComplete;
    expect(cells(el).map((c) => [c[0], c[1]])).to.deep.equal([
      ['5', 'gone'],
      ['4', 'calm'],
      ['1', 'big'],
      ['2', 'mid'],
      ['3', 'small'],
    ]);
  });
});

describe('<customer-health> score distribution', () => {
  it('draws a bar per band of ten points, stacked by status, with the at-risk line; keys and Enter filter the list', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 800px"><customer-health as-of="2024-03-31" .data=${EVENTS}></customer-health></div>`);
    const el = await ready(wrapper.querySelector('customer-health')!);
    await waitUntil(() => root(el).querySelector('[part~=distribution] svg'), 'distribution not drawn');
    // Scores 0 (bob, lapsed), 30 (cat, at risk), 55 (ann), 70 (eve), 90 (dan): five bars of one.
    const bars = [...root(el).querySelectorAll('[part~=band]')].map((b) => b.getAttribute('part'));
    expect(bars).to.deep.equal(['band lapsed', 'band at-risk', 'band healthy', 'band healthy', 'band healthy']);
    const line = root(el).querySelector('[part~=risk-line]')!;
    const plot = root(el).querySelector('[part~=distribution] svg')!.getBoundingClientRect();
    // x of 40 on a 0–100 axis across the plot (32 px left margin, 8 px right).
    expect(box(line).left - plot.left - 32).to.be.closeTo(0.4 * (plot.width - 40), 1.5);
    expect(squash(root(el).querySelector('[part~=risk-label]')!.textContent)).to.equal('at risk below 40');
    // The hidden table holds the same counts.
    const table = [...root(el).querySelectorAll('table')].find((t) => squash(t.querySelector('caption')?.textContent).includes('score band'))!;
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => squash(cell.textContent)));
    expect(rows[3]).to.deep.equal(['Score 30–39', '1', '1', '0', '0']);
    expect(rows.reduce((sum, row) => sum + Number(row[1]), 0)).to.equal(5);

    const chart = root(el).querySelector<HTMLElement>('[part~=distribution]')!;
    chart.focus();
    await el.updateComplete;
    const live = () => squash(chart.querySelector('[aria-live]')!.textContent);
    expect(live()).to.equal('Score 0–9. Customers: 1. Lapsed: 1'); // the lowest band that holds anyone
    const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    for (let i = 0; i < 3; i++) key('ArrowRight');
    await el.updateComplete;
    expect(live()).to.equal('Score 30–39. Customers: 1. At risk: 1');
    expect(squash(root(el).querySelector('[part~=tooltip]')!.textContent)).to.contain('Score 30–39');
    key('Enter');
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['cat']);
    const clear = root(el).querySelector<HTMLButtonElement>('[part~=band-filter]')!;
    expect(squash(clear.textContent)).to.equal('Score 30–39 ×');
    clear.click();
    await el.updateComplete;
    expect(customersShown(el)).to.have.length(5);
    expect(root(el).querySelector('[part~=band-filter]')).to.equal(null);
  });
});

describe('<customer-health> on the real shop export', () => {
  it('reads 525,461 order lines as purchases: distinct scores, ordered by risk × revenue of the last year', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px">
      <customer-health src=${UK_EXPORT_URL} currency="GBP" customer-key="Customer ID" date-key="InvoiceDate" order-key="Invoice" quantity-key="Quantity" price-key="Price"></customer-health>
    </div>`);
    const el = wrapper.querySelector('customer-health')!;
    await waitUntil(() => el.status === 'ready' || el.status === 'error', 'did not settle', { timeout: 60_000 });
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    const model = el.result!;
    expect(model.source).to.equal('orders');
    expect(model.valueKind).to.equal('revenue');
    expect(model.windowFromData).to.equal(true);
    expect(model.windowDays).to.be.within(30, 180); // three typical gaps between purchases
    expect(model.customers.length).to.be.above(4000);
    // Not one score for everyone: many distinct scores, and the first rows of the default view differ.
    expect(new Set(model.customers.map((c) => Math.round(c.score))).size).to.be.above(15);
    const firstTen = model.customers.slice(0, 10);
    expect(new Set(firstTen.map((c) => c.score.toFixed(1))).size).to.be.above(2);
    // The call order: priority = risk × last year's spend, never increasing; every customer in it has a value.
    for (let i = 1; i < model.customers.length; i++) expect(model.customers[i].priority).to.be.at.most(model.customers[i - 1].priority + 1e-9);
    for (const c of firstTen) expect(c.priority).to.be.closeTo(c.risk * c.value!, 1e-6);
    expect(firstTen[0].priority).to.be.above(0);
    // Chips on the rows, in the shop's words (spend, purchases).
    await waitUntil(() => dataRows(el).length > 0, 'rows not drawn');
    const labels = dataRows(el).flatMap((row) => [...row.querySelectorAll('[part~=chip] [aria-hidden]')].map((c) => squash(c.textContent)));
    expect(labels.length).to.be.above(5);
    expect(labels.some((label) => /^(Spend|Purchases) -\d+%$|^Quiet since /.test(label))).to.equal(true);
    expect(labels.some((label) => /^(Usage|Logins) /.test(label))).to.equal(false);
    expect(squash(root(el).querySelector('thead .col-value')!.textContent)).to.equal('Revenue, 12 months');
    // Thousands are grouped in the counts as everywhere else ("4,314 customers: 1,554 at risk").
    expect(squash(root(el).querySelector('[part~=summary]')!.textContent)).to.match(/^\d{1,3}(,\d{3})+ customers: [\d,]+ at risk/);
    expect(squash(dataRows(el)[0].querySelector('.value')!.textContent)).to.match(/^£[\d,]+$/);
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
    expect(message).to.contain('record 1, field “customer”'); // no event column and no money: read as events, which names what is missing
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
    expect(header('rank').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    header('customer').click();
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['ann', 'bob', 'cat', 'dan', 'eve']);
    expect(header('customer').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(header('score').closest('th')!.getAttribute('aria-sort')).to.equal('none');
    header('customer').click();
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['eve', 'dan', 'cat', 'bob', 'ann']);
    expect(header('customer').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    header('last-active').click();
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['cat', 'bob', 'ann', 'dan', 'eve']);

    const filter = root(el).querySelector<HTMLButtonElement>('[part~=filter]')!;
    expect(squash(filter.textContent)).to.equal('At risk only (1)');
    filter.click();
    await el.updateComplete;
    expect(filter.getAttribute('aria-pressed')).to.equal('true');
    expect(el.atRiskOnly).to.equal(true);
    expect(customersShown(el)).to.deep.equal(['cat']); // bob has lapsed: gone, not at risk
    expect(root(el).querySelector('table')!.getAttribute('aria-rowcount')).to.equal('2');
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
    expect(squash(root(el).activeElement!.textContent)).to.equal('ann');
    key('Home');
    await el.updateComplete;
    await el.updateComplete;
    expect(squash(root(el).activeElement!.textContent)).to.equal('cat');
    key('End');
    await el.updateComplete;
    await el.updateComplete;
    expect(squash(root(el).activeElement!.textContent)).to.equal('bob');
    const selected = oneEvent(el, 'customer-select');
    key('Enter');
    const detail = ((await selected) as CustomEvent<CustomerSelectDetail>).detail;
    expect(detail).to.include({ customer: 'bob', score: 0, atRisk: false, status: 'lapsed' });
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
    dataRows(el).find((row) => squash(row.querySelector('th')!.textContent) === customer)!.children[column] as HTMLElement;

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
    // bob's card: rank, customer and status on the first line; score and last active on the second; then the signal chips.
    const [rank, customer, score, status, last, signals] = [0, 1, 2, 3, 4, 5].map((c) => cellOf(el, 'bob', c));
    expect(box(rank).top).to.be.closeTo(box(customer).top, 1);
    expect(box(status).top).to.be.closeTo(box(customer).top, 1);
    expect(box(score).top).to.be.at.least(box(customer).bottom - 0.5);
    expect(box(last).top).to.be.closeTo(box(score).top, 1);
    expect(box(signals).top).to.be.at.least(box(last).bottom - 0.5);
    // The customer and the score are shown whole (not cut to an ellipsis); on a card the status word replaces the meter.
    expect(customer.scrollWidth).to.be.at.most(customer.clientWidth);
    expect(squash(score.textContent)).to.equal('0');
    expect(score.scrollWidth).to.be.at.most(score.clientWidth);
    expect(getComputedStyle(score.querySelector('.meter')!).display).to.equal('none');
    // Last active is labelled in the card (generated text, not part of the cell's accessible text).
    expect(getComputedStyle(last, '::before').content).to.contain('Active');
    expect(squash(last.textContent)).to.equal('Feb 1, 2024');
    // The chips may be cut on screen, but every signal's sentence is the cell's title and its screen reader text.
    expect(signals.title).to.equal(BOB_SIGNALS);
    expect(chips(signals)).to.equal(EXPECTED_ROWS[4][5]);
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
    expect(buttons.map((b) => b.dataset.sort)).to.deep.equal(['rank', 'customer', 'score', 'last-active']);
    for (const button of buttons) {
      const rect = box(button);
      expect(rect.width, `${button.dataset.sort} is visible`).to.be.above(10);
      expect(rect.right).to.be.at.most(inner.left + scroller.clientLeft + scroller.clientWidth + 0.5);
      expect(getComputedStyle(button).visibility).to.equal('visible');
    }
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    buttons[1].focus();
    expect(root(el).activeElement).to.equal(buttons[1]);
    buttons[1].click();
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['ann', 'bob', 'cat', 'dan', 'eve']);
    buttons[2].click();
    await el.updateComplete;
    expect(customersShown(el)).to.deep.equal(['bob', 'cat', 'ann', 'eve', 'dan']);
    expect(buttons[2].closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    // The headers that sort nothing stay in the grid for screen readers, off screen.
    const plain = [...root(el).querySelectorAll('table[part~=grid] thead th:not([aria-sort])')];
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

  it('at 1100 px the signals get the room: the widest column, every chip whole, never the only place of the text', async () => {
    const el = await at(1100);
    const widths = [...root(el).querySelectorAll('thead th')].map((th) => box(th).width);
    expect(widths[5]).to.equal(Math.max(...widths));
    expect(widths[5]).to.be.above(widths[4] * 3);
    const signals = cellOf(el, 'bob', 5);
    // bob's four chips fit at this width: nothing is cut.
    expect(signals.scrollHeight).to.be.at.most(signals.clientHeight + 1);
    for (const chip of signals.querySelectorAll('[part~=chip]')) expect(box(chip).right).to.be.at.most(box(signals).right + 0.5);
    expect(signals.title).to.equal(BOB_SIGNALS);
    const heights = dataRows(el).map((row) => box(row).height.toFixed(1));
    expect(new Set(heights).size).to.equal(1); // fixed row height: the virtual table relies on it
  });

  it('the meter fills to the score: empty for 0, 30 % and outlined at risk, 90 % for 90', async () => {
    const el = await at(1100);
    const meter = (customer: string) => cellOf(el, customer, 2).querySelector<HTMLElement>('.meter')!;
    const fill = (customer: string) => box(meter(customer).firstElementChild!).width / box(meter(customer)).width;
    expect(fill('bob')).to.equal(0);
    expect(fill('cat')).to.be.closeTo(0.3, 0.02);
    expect(fill('dan')).to.be.closeTo(0.9, 0.02);
    expect(getComputedStyle(meter('cat')).boxShadow).to.not.equal('none'); // the at-risk outline
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
    expect(customersShown(el)[0]).to.equal(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkHealthXss?: number }).__rkHealthXss).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme (table layout)`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><customer-health theme=${theme} as-of="2024-03-31" .data=${EVENTS}></customer-health></div>`);
      const el = wrapper.querySelector('customer-health')!;
      await ready(el);
      expect(box(dataRows(el)[0]).height).to.be.below(60); // one line of columns, not cards
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
    const title = (el: Element, index: number) => dataRows(el)[index].querySelector<HTMLElement>('.signals')!.title;
    expect(title(nb, 0)).to.equal('Ingen innlogging eller bruk siden 1. des. 2023 (−40)');
    expect(cells(nb)[0][5]).to.equal('Stille siden 1. des. 2023');
    expect(cells(nb)[0][3]).to.equal('I faresonen');
    expect(cells(nb)[4][3]).to.equal('Avsluttet');
    const zh = await fixture<CustomerHealth>(html`<customer-health lang="zh" as-of="2024-03-31" .data=${EVENTS}></customer-health>`);
    await ready(zh);
    expect(title(zh, 3)).to.equal('升级 2 次 (+20)');
    expect(cells(zh)[3][5]).to.equal('升级 ×2');
  });
});
