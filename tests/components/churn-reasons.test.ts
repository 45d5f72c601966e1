import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { ChurnReasons, ReasonSelectDetail } from '../../src/components/churn-reasons/define.ts';
import '../../src/components/churn-reasons/define.ts';
import '../../src/components/retention-source/define.ts';
import { barFraction, sparkline } from '../../src/components/churn-reasons/reasons-layout.ts';
import { groupPeriods, sumByGroup } from '../../src/components/platform/period-groups.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/ru.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * The cancellations fixture (churn-reasons-cancellations.json / .csv), 8 cancellations, lost revenue 265:
 *   Too expensive     c1 Jan 5 (10), c2 Jan 10 "too expensive " (20), c4 Feb 2 (10) → 3, lost 40
 *   Missing features  c3 Jan 20 (100), c5 Feb 10 (50)                             → 2, lost 150
 *   (no reason)       c6 Feb 15 (30)                                              → 1, lost 30 (blank is never folded)
 *   Bugs c7 Feb 20 (40), Closed business c8 Mar 1 (5): one-off answers            → Other: 2, lost 45
 * By count: 3/8 = 37.5 %, 2/8 = 25.0 %, 1/8 = 12.5 %, Other 2/8 = 25.0 %.
 * By revenue: Missing features 150/265 = 56.6 %, Too expensive 40/265 = 15.1 %,
 *   (no reason) 30/265 = 11.3 %, Other 45/265 = 17.0 %.
 * Trend by month: Jan: Too expensive 2, Missing 1 (total 3); Feb: 1, 1, no reason 1, Other 1 (total 4);
 *   Mar: Other 1 (total 1).
 */
const ROWS = [
  { customer: 'c1', date: '2024-01-05', reason: 'Too expensive', lostRevenue: 10 },
  { customer: 'c2', date: '2024-01-10', reason: 'too expensive ', lostRevenue: 20 },
  { customer: 'c3', date: '2024-01-20', reason: 'Missing features', lostRevenue: 100 },
  { customer: 'c4', date: '2024-02-02', reason: 'Too expensive', lostRevenue: 10 },
  { customer: 'c5', date: '2024-02-10', reason: 'Missing features', lostRevenue: 50 },
  { customer: 'c6', date: '2024-02-15', reason: '', lostRevenue: 30 },
  { customer: 'c7', date: '2024-02-20', reason: 'Bugs', lostRevenue: 40 },
  { customer: 'c8', date: '2024-03-01', reason: 'Closed business', lostRevenue: 5 },
];

const root = (el: Element) => el.shadowRoot!;
const ready = (el: ChurnReasons) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 10_000 });
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** Drawn bars as [label, figures] pairs. */
function bars(el: Element): string[][] {
  return [...root(el).querySelectorAll('.row')].map((row) => [squash(row.querySelector('[part~=label]')!.textContent), squash(row.querySelector('[part~=figures]')!.textContent)]);
}

function table(el: Element, index = 0): string[][] {
  const t = root(el).querySelectorAll('table')[index];
  return [...t.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => squash(cell.textContent)));
}

function expectByCount(el: ChurnReasons) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(bars(el)).to.deep.equal([
    ['Too expensive', '3 (37.5%)'],
    ['Missing features', '2 (25.0%)'],
    ['(no reason given)', '1 (12.5%)'],
    ['2 rarer reasons', '2 (25.0%)'],
  ]);
}

describe('churn-reasons: layout', () => {
  it('scales bars to the largest share', () => {
    expect(barFraction(0.375, 0.375)).to.equal(1);
    expect(barFraction(0.125, 0.375)).to.be.closeTo(1 / 3, 1e-12);
    expect(barFraction(0, 0.375)).to.equal(0);
    expect(barFraction(0.1, 0)).to.equal(0);
  });

  it('draws sparklines on a shared scale inside the box', () => {
    // Box 100 × 40 with 2 px padding; max 4: value 4 → y 2, value 0 → y 38; x from 2 to 98.
    const line = sparkline([0, 4, 2], 100, 40, 4);
    expect(line.points).to.deep.equal([
      { x: 2, y: 38 },
      { x: 50, y: 2 },
      { x: 98, y: 20 },
    ]);
    expect(line.line).to.equal('M2,38L50,2L98,20');
    expect(sparkline([], 100, 40, 1).line).to.equal('');
  });

  it('leaves a gap for a value that is not finite, and never writes NaN', () => {
    const line = sparkline([1, NaN, Infinity, 2], 100, 40, 2);
    expect(line.line).to.not.match(/NaN|Infinity/);
    expect(line.area).to.not.match(/NaN|Infinity/);
    expect(line.line.match(/M/g)!.length).to.equal(2);
    expect(sparkline([1, 2], 100, 40, Infinity).line).to.not.match(/NaN|Infinity/);
  });

  it('sums long period series by the first coarser calendar period that fits', () => {
    // 2024-01-01 … 2024-04-30: 121 days. Limit 120 → weeks (ISO: 2024-W01 … 2024-W18, 18 groups).
    const days = Array.from({ length: 121 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    expect(groupPeriods(days.slice(0, 120), { granularity: 'day' }, 120)).to.equal(null);
    const weeks = groupPeriods(days, { granularity: 'day' }, 120)!;
    expect(weeks.keys.granularity).to.equal('week');
    expect(weeks.groups.length).to.equal(18);
    expect(weeks.groups[0]).to.deep.equal({ key: '2024-W01', from: 0, to: 7 });
    expect(weeks.groups.at(-1)).to.deep.equal({ key: '2024-W18', from: 119, to: 121 });
    // Limit 10 → months: Jan 31, Feb 29, Mar 31, Apr 30 days; every value counted once.
    const months = groupPeriods(days, { granularity: 'day' }, 10)!;
    expect(months.groups.map((g) => [g.key, g.to - g.from])).to.deep.equal([
      ['2024-01', 31],
      ['2024-02', 29],
      ['2024-03', 31],
      ['2024-04', 30],
    ]);
    expect(sumByGroup(days.map(() => 1), months.groups)).to.deep.equal([31, 29, 31, 30]);
    // Keys with gaps are read one by one; keys of no calendar are left alone.
    expect(groupPeriods(['2024-01', '2024-03', '2025-02'], { granularity: 'month' }, 2)!.groups.map((g) => g.key)).to.deep.equal(['2024-Q1', '2025-Q1']);
    expect(groupPeriods(['a', 'b', 'c'], { granularity: null }, 2)).to.equal(null);
  });
});

describe('<churn-reasons> numbers and input routes', () => {
  it('data property: ranks by count, shares, the rarer reasons with their members', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${ROWS}></churn-reasons>`);
    await ready(el);
    expectByCount(el);
    expect(el.result!.total).to.deep.equal({ count: 8, lostRevenue: 265, withoutRevenue: 0, unanswered: 1 });
    const members = [...root(el).querySelectorAll('[part~=other] li')].map((li) => squash(li.textContent));
    expect(members).to.deep.equal(['Bugs: 1 cancellation (12.5%) — given fewer than 2 times', 'Closed business: 1 cancellation (12.5%) — given fewer than 2 times']);
    expect(squash(root(el).querySelector('[part~=other] summary')!.textContent)).to.equal('2 rarer reasons, 2 cancellations in all');
    expect(el.warnings.map((w) => w.code)).to.deep.equal(['missing-reason']);
  });

  it('weight-by="revenue" ranks by lost revenue', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons weight-by="revenue" currency="USD" .data=${ROWS}></churn-reasons>`);
    await ready(el);
    expect(bars(el)).to.deep.equal([
      ['Missing features', '$150 (56.6%) · 2 cancellations'],
      ['Too expensive', '$40 (15.1%) · 3 cancellations'],
      ['(no reason given)', '$30 (11.3%) · 1 cancellation'],
      ['2 rarer reasons', '$45 (17.0%) · 2 cancellations'],
    ]);
    expect(el.getAttribute('aria-label')).to.equal(
      'Cancellation reasons by lost revenue: 8 cancellations; the top reason is “Missing features” with 56.6%. Lost revenue $265.',
    );
  });

  it('other-threshold="1" keeps every answer; max-reasons folds the tail', async () => {
    const all = await fixture<ChurnReasons>(html`<churn-reasons other-threshold="1" .data=${ROWS}></churn-reasons>`);
    await ready(all);
    // Ties at one cancellation go by lost revenue: Bugs 40 > (no reason) 30 > Closed business 5.
    expect(bars(all).map((b) => b[0])).to.deep.equal(['Too expensive', 'Missing features', 'Bugs', '(no reason given)', 'Closed business']);
    const top2 = await fixture<ChurnReasons>(html`<churn-reasons max-reasons="2" .data=${ROWS}></churn-reasons>`);
    await ready(top2);
    // Folded = (no reason) 1 + Bugs 1 + Closed business 1 = 3 of 8 = 37.5 %.
    expect(bars(top2)).to.deep.equal([
      ['Too expensive', '3 (37.5%)'],
      ['Missing features', '2 (25.0%)'],
      ['3 rarer reasons', '3 (37.5%)'],
    ]);
    const why = [...root(top2).querySelectorAll('[part~=other] li .why')].map((w) => squash(w.textContent));
    expect(why).to.include('— below the top 2');
  });

  it('a literal "Other" answer stays a reason of its own, beside the folded rarer reasons', async () => {
    // 3 × "Other" (as typed: "Other" twice, "other ") is the customers' answer; Bugs and Closed business (once each) are folded.
    const rows = [
      ...ROWS,
      { customer: 'o1', date: '2024-03-02', reason: 'Other' },
      { customer: 'o2', date: '2024-03-03', reason: 'other ' },
      { customer: 'o3', date: '2024-03-04', reason: 'Other' },
    ];
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${rows}></churn-reasons>`);
    await ready(el);
    // 11 cancellations: Too expensive 3, Other 3, Missing features 2, (no reason) 1, folded 2.
    expect(bars(el)).to.deep.equal([
      ['Too expensive', '3 (27.3%)'],
      ['Other', '3 (27.3%)'],
      ['Missing features', '2 (18.2%)'],
      ['(no reason given)', '1 (9.1%)'],
      ['2 rarer reasons', '2 (18.2%)'],
    ]);
    const labels = bars(el).map((b) => b[0]);
    expect(new Set(labels).size).to.equal(labels.length);
    expect(labels.filter((label) => /other/i.test(label))).to.deep.equal(['Other']);
    // The literal answer selects as the answer "other"; the folded bucket as folded, with no answer key.
    const chart = root(el).querySelector<HTMLElement>('[part~=chart]')!;
    chart.focus();
    const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    await el.updateComplete;
    const literal = oneEvent(el, 'reason-select');
    key('Enter');
    expect(((await literal) as CustomEvent<ReasonSelectDetail>).detail).to.deep.include({ key: 'other', folded: false, label: 'Other' });
  });

  it('JSON data attribute', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons data=${JSON.stringify(ROWS)}></churn-reasons>`);
    await ready(el);
    expectByCount(el);
  });

  it('src JSON', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons src="${FIXTURES}/churn-reasons-cancellations.json"></churn-reasons>`);
    await ready(el);
    expectByCount(el);
  });

  it('src CSV with field mapping', async () => {
    const el = await fixture<ChurnReasons>(
      html`<churn-reasons customer-key="email" date-key="cancelled_at" reason-key="why" lost-revenue-key="mrr" weight-by="revenue" src="${FIXTURES}/churn-reasons-cancellations.csv"></churn-reasons>`,
    );
    await ready(el);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(bars(el)[0]).to.deep.equal(['Missing features', '$150 (56.6%) · 2 cancellations']);
    expect(el.result!.total.lostRevenue).to.equal(265);
  });

  it('inline JSON script', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons><script type="application/json">${JSON.stringify(ROWS)}</script></churn-reasons>`);
    await ready(el);
    expectByCount(el);
  });

  it('a shared retention-source', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <retention-source id="cancellations" src="${FIXTURES}/churn-reasons-cancellations.json"></retention-source>
      <churn-reasons source="cancellations"></churn-reasons>
      <churn-reasons source="cancellations" weight-by="revenue"></churn-reasons>
    </div>`);
    const [count, revenue] = wrapper.querySelectorAll('churn-reasons');
    await ready(count);
    await ready(revenue);
    expectByCount(count);
    expect(revenue.result!.reasons[0].label).to.equal('Missing features');
  });

  it('follows the top reasons per month in small multiples and the trend table', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${ROWS}></churn-reasons>`);
    await ready(el);
    const names = [...root(el).querySelectorAll('.multiple .name')].map((n) => squash(n.textContent));
    // Latest month (March) per series: 0, 0, 0, rarer reasons 1.
    expect(names).to.deep.equal(['Too expensive: 0', 'Missing features: 0', '(no reason given): 0', '2 rarer reasons: 1']);
    expect(table(el, 1)).to.deep.equal([
      ['Jan 2024', '2', '1', '0', '0', '3'],
      ['Feb 2024', '1', '1', '1', '1', '4'],
      ['Mar 2024', '0', '0', '0', '1', '1'],
    ]);
    el.trendCount = 0;
    await el.updateComplete;
    expect(root(el).querySelector('[part~=trend]')).to.equal(null);
  });
});

describe('<churn-reasons> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('churn-reasons');
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
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('malformed JSON');
    el.remove();
  });

  it('wrong fields name the record and field', async () => {
    const { el, event } = await failing(`${FIXTURES}/wrong-fields.json`);
    expect(event.detail.kind).to.equal('invalid-input');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('record 1, field “customer”: expected');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/does-not-exist.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('revenue weighting without lost revenue is a readable option error', async () => {
    const rows = ROWS.map(({ lostRevenue: _, ...rest }) => rest);
    const el = await fixture<ChurnReasons>(html`<churn-reasons weight-by="revenue" .data=${rows}></churn-reasons>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('setting “weightBy”');
  });
});

describe('<churn-reasons> keyboard, accessibility and safety', () => {
  it('arrow keys move between reasons; Enter selects and opens the rarer reasons', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${ROWS}></churn-reasons>`);
    await ready(el);
    const chart = root(el).querySelector<HTMLElement>('[part~=chart]')!;
    chart.focus();
    await el.updateComplete;
    const live = () => squash(root(el).querySelector('[aria-live]')!.textContent);
    expect(live()).to.contain('Too expensive. Cancellations: 3 (37.5%). Lost revenue: $40 (15.1%)');
    expect(live()).to.contain('Answers grouped here: Too expensive (2), too expensive (1)');
    const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    await el.updateComplete;
    expect(root(el).querySelector('.row.active [part~=label]')!.textContent).to.equal('Missing features');
    const selected = oneEvent(el, 'reason-select');
    key('Enter');
    expect(((await selected) as CustomEvent<ReasonSelectDetail>).detail).to.deep.equal({ key: 'missing features', folded: false, label: 'Missing features', count: 2, lostRevenue: 150, share: 0.25 });
    key('End');
    await el.updateComplete;
    expect(live()).to.contain('2 rarer reasons. Cancellations: 2 (25.0%)');
    // The tooltip (read out here) says what the bucket holds.
    expect(live()).to.contain('Holds Bugs (1), Closed business (1)');
    const folded = oneEvent(el, 'reason-select');
    key('Enter');
    expect(((await folded) as CustomEvent<ReasonSelectDetail>).detail).to.deep.include({ key: null, folded: true, label: '2 rarer reasons', count: 2 });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLDetailsElement>('[part~=other]')!.open).to.equal(true);
    key('Home');
    await el.updateComplete;
    expect(root(el).querySelector('.row.active [part~=label]')!.textContent).to.equal('Too expensive');
  });

  it('a pointer over a reason shows its tooltip inside the element; leaving hides it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"><churn-reasons weight-by="revenue" .data=${ROWS}></churn-reasons></div>`);
    const el = wrapper.querySelector('churn-reasons')!;
    await ready(el);
    const chart = root(el).querySelector<HTMLElement>('[part~=chart]')!;
    const tooltip = () => root(el).querySelector<HTMLElement>('[part~=tooltip]');
    for (const index of [0, 3]) {
      const bar = root(el).querySelector(`[data-index="${index}"] [part~=bar]`)!;
      const box = bar.getBoundingClientRect();
      bar.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: box.left + 1, clientY: box.top + 1 }));
      await el.updateComplete;
      await el.updateComplete;
      expect(squash(tooltip()!.textContent)).to.contain(index === 0 ? 'Missing features' : '2 rarer reasons');
      const tip = tooltip()!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(tip.left).to.be.at.least(host.left - 0.5);
      expect(tip.right).to.be.at.most(host.right + 0.5);
      expect(tip.top).to.be.at.least(host.top - 0.5);
    }
    // Both weights in the tooltip, whichever the bars show.
    expect([...tooltip()!.querySelectorAll('dt, dd')].map((cell) => squash(cell.textContent))).to.deep.equal(['Cancellations', '2 (25.0%)', 'Lost revenue', '$45 (17.0%)']);
    chart.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tooltip()).to.equal(null);
  });

  it('a clicked reason is selected', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${ROWS}></churn-reasons>`);
    await ready(el);
    const selected = oneEvent(el, 'reason-select');
    root(el).querySelector<HTMLElement>('[data-index="1"] [part~=label]')!.click();
    expect(((await selected) as CustomEvent<ReasonSelectDetail>).detail.label).to.equal('Missing features');
  });

  it('5,000 daily periods: the trend is summed by a coarser period, says so, and draws a bounded number of marks', async () => {
    const reasons = ['Too expensive', 'Missing features', 'Bugs'];
    const start = Date.UTC(2010, 0, 1);
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      customer: `c${i}`,
      date: new Date(start + (i % 5000) * 86_400_000).toISOString().slice(0, 10),
      reason: reasons[i % 3],
    }));
    const el = await fixture<ChurnReasons>(html`<churn-reasons granularity="day" .data=${rows}></churn-reasons>`);
    await ready(el);
    expect(el.result!.trend.periods.length).to.equal(5000);
    // 5,000 days from 2010-01-01 to 2023-09-09: 715 weeks and 165 months are more than 120; 55 quarters fit.
    expect(squash(root(el).querySelector('[part~=trend] .note')!.textContent)).to.equal(
      '5000 periods are too many to show one by one: summed by quarter. Set granularity="quarter" to compute by quarter.',
    );
    const trend = table(el, 1);
    expect(trend.length).to.equal(55);
    expect(trend[0][0]).to.equal('Q1 2010');
    expect(trend.reduce((n, row) => n + Number(row.at(-1)!.replace(/,/g, '')), 0)).to.equal(6000);
    expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    expect(root(el).innerHTML).to.not.match(/NaN|Infinity/);
  });

  it('the hidden table agrees with the bars', async () => {
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${ROWS}></churn-reasons>`);
    await ready(el);
    const rows = table(el);
    expect(rows).to.deep.equal([
      ['Too expensive', '3', '$40', '37.5%'],
      ['Missing features', '2', '$150', '25.0%'],
      ['(no reason given)', '1', '$30', '12.5%'],
      ['2 rarer reasons', '2', '$45', '25.0%'],
    ]);
    bars(el).forEach(([label, figures], i) => {
      expect(rows[i][0]).to.equal(label);
      expect(figures).to.equal(`${rows[i][1]} (${rows[i][3]})`);
    });
  });

  it('markup in answers stays text', async () => {
    const payload = '<img src=x onerror=window.__rkReasonsXss=1>';
    const rows = [...ROWS, { customer: 'x1', date: '2024-03-02', reason: payload }, { customer: 'x2', date: '2024-03-03', reason: payload }];
    const el = await fixture<ChurnReasons>(html`<churn-reasons .data=${rows}></churn-reasons>`);
    await ready(el);
    expect(bars(el).map((b) => b[0])).to.include(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkReasonsXss?: number }).__rkReasonsXss).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 480px"><churn-reasons theme=${theme} .data=${ROWS}></churn-reasons></div>`);
      const el = wrapper.querySelector('churn-reasons')!;
      await ready(el);
      root(el).querySelector<HTMLDetailsElement>('[part~=other]')!.open = true;
      await expect(el).to.be.accessible();
      const error = await fixture<ChurnReasons>(html`<churn-reasons theme=${theme} data="[{"></churn-reasons>`);
      await expect(error).to.be.accessible();
    });
  }

  it('translates: Norwegian and Russian', async () => {
    const nb = await fixture<ChurnReasons>(html`<churn-reasons lang="nb" .data=${ROWS}></churn-reasons>`);
    await ready(nb);
    expect(bars(nb).map((b) => b[0])).to.deep.equal(['Too expensive', 'Missing features', '(ingen årsak oppgitt)', '2 sjeldnere årsaker']);
    const ru = await fixture<ChurnReasons>(html`<churn-reasons lang="ru" .data=${ROWS}></churn-reasons>`);
    await ready(ru);
    expect(squash(root(ru).querySelector('[part~=other] summary')!.textContent)).to.equal('2 редкие причины, всего 2 отмены');
  });
});
