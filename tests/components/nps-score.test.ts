import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { NpsScore } from '../../src/components/nps-score/define.ts';
import '../../src/components/nps-score/define.ts';
import '../../src/components/retention-source/define.ts';
import { splitSegments, swingOfOneResponse } from '../../src/components/nps-score/nps-layout.ts';
import { computeNps } from '../../src/engine/jobs/nps-score.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/ru.ts';
import '../../src/translations/zh.ts';
import { settled } from './settled.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * Nine responses (nps-score-responses.json / .csv):
 *   January  10, 9, 7, 3      → promoters 2, passives 1, detractors 1 → (2 − 1) / 4 × 100 = 25
 *   February 10, 10, 9, 8, 6  → promoters 3, passives 1, detractors 1 → (3 − 1) / 5 × 100 = 40
 *   All      promoters 5, passives 2, detractors 2 → (5 − 2) / 9 × 100 = 33.3;
 *            shares 5/9 = 55.6 %, 2/9 = 22.2 %, 2/9 = 22.2 %.
 * 9 < 30 responses: one more detractor moves the score by (100 + 33.3) / 10 = 13.3 points.
 */
const RESPONSES = [
  { customer: 'r1', date: '2024-01-03', score: 10 },
  { customer: 'r2', date: '2024-01-09', score: 9 },
  { customer: 'r3', date: '2024-01-15', score: 7 },
  { customer: 'r4', date: '2024-01-20', score: 3 },
  { customer: 'r5', date: '2024-02-02', score: 10 },
  { customer: 'r6', date: '2024-02-05', score: 10 },
  { customer: 'r7', date: '2024-02-11', score: 9 },
  { customer: 'r8', date: '2024-02-18', score: 8 },
  { customer: 'r9', date: '2024-02-25', score: 6 },
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: NpsScore) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'nps did not settle', { timeout: 10_000 });
const drawn = (el: Element) => waitUntil(() => el.shadowRoot!.querySelector('svg[part~="split"]'), 'split not drawn');
const legend = (el: Element, group: string) => el.shadowRoot!.querySelector(`[part~="legend"] [data-group="${group}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

function tables(el: Element): [string, string, string][][] {
  return [...el.shadowRoot!.querySelectorAll('table')].map((table) =>
    [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()) as [string, string, string]),
  );
}

function expectNine(el: NpsScore) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expect(el.result!.nps).to.include({ promoters: 5, passives: 2, detractors: 2, responses: 9 });
  expect(el.result!.nps.score).to.be.closeTo(100 / 3, 1e-12);
  expect(el.result!.trend.map((p) => [p.key, p.score])).to.deep.equal([
    ['2024-01', 25],
    ['2024-02', 40],
  ]);
  // Shown as a whole number, the convention; the exact 33.33… stays in the result.
  expect(text(el, 'score')).to.equal('33');
  expect(text(el, 'responses')).to.equal('9 responses');
  expect(legend(el, 'promoters')).to.equal('Promoters (9–10) 5 55.6%');
  expect(legend(el, 'detractors')).to.equal('Detractors (0–6) 2 22.2%');
}

describe('nps-score: pure parts', () => {
  it('splits the bar by share, edges on whole pixels, ending at the width', () => {
    const segments = splitSegments({ detractors: 2, passives: 2, promoters: 5 }, 90);
    expect(segments.map((s) => [s.group, s.x, s.width])).to.deep.equal([
      ['detractors', 0, 20], // 2/9 × 90
      ['passives', 20, 20],
      ['promoters', 40, 50],
    ]);
    expect(splitSegments({ detractors: 0, passives: 0, promoters: 0 }, 90)).to.deep.equal([]);
  });

  it('one more answer of 10 responses at NPS 20 moves it by up to (100 + 20) / 11 points', () => {
    expect(swingOfOneResponse(20, 10)).to.be.closeTo(120 / 11, 1e-12);
    // Check against the definition: 10 responses, P 4, D 2 → 20; one detractor more → (4 − 3) / 11 × 100.
    expect(20 - (100 * (4 - 3)) / 11).to.be.closeTo(swingOfOneResponse(20, 10), 1e-12);
  });

  it('accepts counts, per-period counts and bare scores', () => {
    const counts = computeNps({ promoters: 50, passives: 30, detractors: 20 }, { granularity: 'month' });
    expect(counts.ok && counts.value.nps.score).to.equal(30);
    const bare = computeNps([10, '9', 0, 7], { granularity: 'month' });
    expect(bare.ok && bare.value.nps.score).to.equal(25); // (2 − 1) / 4
    const bad = computeNps([10, 11], { granularity: 'month' });
    expect(!bad.ok && bad.error.issues[0]).to.include({ index: 1, field: 'score' });
  });
});

describe('<nps-score> input routes', () => {
  it('JSON data attribute', async () => {
    const el = await fixture<NpsScore>(html`<nps-score data=${JSON.stringify(RESPONSES)}></nps-score>`);
    await ready(el);
    expectNine(el);
  });

  it('data property', async () => {
    const el = await fixture<NpsScore>(html`<nps-score .data=${RESPONSES}></nps-score>`);
    await ready(el);
    expectNine(el);
  });

  it('src JSON', async () => {
    const el = await fixture<NpsScore>(html`<nps-score src="${FIXTURES}/nps-score-responses.json"></nps-score>`);
    await ready(el);
    expectNine(el);
  });

  it('src CSV with mapped columns', async () => {
    const el = await fixture<NpsScore>(html`<nps-score customer-key="who" date-key="answered_at" score-key="rating" src="${FIXTURES}/nps-score-responses.csv"></nps-score>`);
    await ready(el);
    expectNine(el);
  });

  it('inline CSV script', async () => {
    const csv = ['customer,date,score', ...RESPONSES.map((r) => `${r.customer},${r.date},${r.score}`)].join('\n');
    const el = await fixture<NpsScore>(html`<nps-score><script type="text/csv">${csv}</script></nps-score>`);
    await ready(el);
    expectNine(el);
  });

  it('a shared retention-source', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <nps-score source="nps-shared"></nps-score>
      <retention-source id="nps-shared" src="${FIXTURES}/nps-score-responses.json"></retention-source>
    </div>`);
    const el = wrapper.querySelector('nps-score')!;
    await waitUntil(() => el.status === 'ready' || el.status === 'error', 'source', { timeout: 10_000 });
    expectNine(el);
  });

  it('plain counts as attributes', async () => {
    // (120 − 30) / 200 × 100 = 45; 200 responses: enough, no notice.
    const el = await settled(await fixture<NpsScore>(html`<nps-score promoters="120" passives="50" detractors="30"></nps-score>`));
    expect(el.ranIn).to.equal('worker'); // plain counts are a job in the metrics engine too
    expect(text(el, 'score')).to.equal('45');
    expect(part(el, 'low-sample')).to.equal(null);
    expect(part(el, 'small-sample')).to.equal(null);
    expect(part(el, 'trend')).to.equal(null);
  });

  it('pre-aggregated per-period counts, with their own column names', async () => {
    // Q1: (6 − 2) / 10 = 40; Q2: (5 − 5) / 10 = 0; all: (11 − 7) / 20 = 20.
    const periods = [
      { quarter: '2024-Q2', p: 5, n: 0, d: 5 },
      { quarter: '2024-Q1', p: 6, n: 2, d: 2 },
    ];
    const el = await fixture<NpsScore>(
      html`<nps-score period-key="quarter" promoters-key="p" passives-key="n" detractors-key="d" min-responses="10" .data=${periods}></nps-score>`,
    );
    await ready(el);
    expect(el.result!.nps.score).to.equal(20);
    // Sorted by time; the keys are labelled in the page, in its language (the trend table).
    expect(el.result!.trend.map((p) => [p.key, p.score])).to.deep.equal([
      ['2024-Q1', 40],
      ['2024-Q2', 0],
    ]);
    expect(tables(el)[1].map((row) => row[0])).to.deep.equal(['Q1 2024', 'Q2 2024']);
    expect(part(el, 'low-sample')).to.equal(null); // 20 ≥ 10
  });
});

describe('<nps-score> the score as read: whole number, legend in bar order, 95 % interval', () => {
  it('50 promoters, 30 passives, 20 detractors of 100 → 30, interval 15 to 45 (hand-computed)', async () => {
    // mean 0.5 − 0.2 = 0.3; var (0.7 − 0.09) / 100 = 0.0061; half 1.96 × 0.0781 = 0.1531 → 14.7 to 45.3.
    const el = await settled(await fixture<NpsScore>(html`<nps-score promoters="50" passives="30" detractors="20"></nps-score>`));
    expect(el.result!.nps.score).to.equal(30);
    expect(el.result!.interval!.low).to.be.closeTo(14.69, 0.01);
    expect(el.result!.interval!.high).to.be.closeTo(45.31, 0.01);
    expect(text(el, 'score')).to.equal('30');
    expect(text(el, 'interval')).to.equal('95% interval 15 to 45');
    expect(el.getAttribute('aria-label')).to.contain('95% interval 15 to 45.');
    expect(part(el, 'small-sample')).to.equal(null); // 100 ≥ 30
  });

  it('rounds to a whole number everywhere shown, keeping the exact value in the result', async () => {
    // (2 − 1) / 3 × 100 = 33.33…; (1 − 2) / 3 = −33.33…; 1 promoter, 2 detractors of 200 → −0.5 → 0.
    const el = await settled(await fixture<NpsScore>(html`<nps-score promoters="2" passives="0" detractors="1"></nps-score>`));
    expect(el.result!.nps.score).to.be.closeTo(100 / 3, 1e-12);
    expect(text(el, 'score')).to.equal('33');
    el.promoters = 1;
    el.detractors = 2;
    await settled(el);
    expect(text(el, 'score')).to.equal('-33');
    const tiny = await settled(await fixture<NpsScore>(html`<nps-score promoters="1" passives="197" detractors="2"></nps-score>`));
    expect(tiny.result!.nps.score).to.equal(-0.5);
    expect(text(tiny, 'score')).to.equal('0'); // Math.round(−0.5) is −0: shown as 0, never "-0"
  });

  it('the legend reads in the order of the bar, left to right', async () => {
    const el = await fixture<NpsScore>(html`<div style="width: 400px"><nps-score .data=${RESPONSES}></nps-score></div>`).then((w) => w.querySelector('nps-score')!);
    await ready(el);
    await drawn(el);
    const legendOrder = [...el.shadowRoot!.querySelectorAll('[part~="legend"] li')].map((li) => li.getAttribute('data-group'));
    const rects = [...el.shadowRoot!.querySelectorAll('svg[part~="split"] rect')].sort((a, b) => Number(a.getAttribute('x')) - Number(b.getAttribute('x')));
    const barOrder = rects.map((r) => ['promoters', 'passives', 'detractors'].find((g) => r.getAttribute('part')!.split(' ').includes(g)));
    expect(barOrder).to.deep.equal(['detractors', 'passives', 'promoters']);
    expect(legendOrder).to.deep.equal(barOrder);
  });

  it('confidence="off" hides the interval, the mark and the band', async () => {
    const el = await fixture<NpsScore>(html`<div style="width: 400px"><nps-score confidence="off" .data=${RESPONSES}></nps-score></div>`).then((w) => w.querySelector('nps-score')!);
    await ready(el);
    await waitUntil(() => part(el, 'trend'), 'trend not drawn');
    expect(part(el, 'interval')).to.equal(null);
    expect(part(el, 'small-sample')).to.equal(null);
    expect(part(el, 'band')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="point-few"]')).to.equal(null);
    expect(tables(el)[0].map((row) => row[0])).to.not.include('95% interval');
    expect(el.getAttribute('aria-label')).to.not.contain('interval');
    el.confidence = 'on';
    await settled(el);
    expect(text(el, 'interval')).to.equal('95% interval -20 to 87');
    expect(part(el, 'band')).to.not.equal(null);
  });

  it('the trend marks periods with few responses and moves by keys and pointer through the chart layer', async () => {
    // Two periods of 40 and 5 responses: Mar is marked, Apr is not (min-responses 30).
    const periods = [
      { period: '2024-03', promoters: 20, passives: 10, detractors: 10 },
      { period: '2024-04', promoters: 3, passives: 1, detractors: 1 },
    ];
    const el = await fixture<NpsScore>(html`<div style="width: 400px"><nps-score .data=${periods}></nps-score></div>`).then((w) => w.querySelector('nps-score')!);
    await ready(el);
    await waitUntil(() => part(el, 'trend'), 'trend not drawn');
    const points = [...el.shadowRoot!.querySelectorAll('[part~="point"]')].map((p) => p.getAttribute('part'));
    expect(points).to.deep.equal(['point', 'point point-few']);
    const chart = part(el, 'chart') as HTMLElement;
    chart.focus();
    await el.updateComplete;
    const live = () => el.shadowRoot!.querySelector('[aria-live]')!.textContent!.replace(/\s+/g, ' ').trim();
    // Starts on the newest period. Apr: (3 − 1) / 5 = 40; Mar: (20 − 10) / 40 = 25 ± 1.96 × √((0.75 − 0.0625) / 40) → −1 to 51.
    expect(live()).to.contain('Apr 2024. NPS: 40.');
    expect(live()).to.contain('Only 5 responses');
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(live()).to.contain('Mar 2024. NPS: 25. 95% interval: -1 to 51. Responses: 40. Detractors: 10. Passives: 10. Promoters: 20');
    expect(live()).to.not.contain('Only');
    chart.blur();
    await el.updateComplete;
    const dot = el.shadowRoot!.querySelector('[part~="point"][data-index="1"]')!.getBoundingClientRect();
    chart.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: dot.left + 2, clientY: dot.top + 2 }));
    await el.updateComplete;
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.textContent!.replace(/\s+/g, ' ')).to.contain('Apr 2024');
    const tip = tooltip.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(tip.left).to.be.at.least(host.left - 0.5);
    expect(tip.right).to.be.at.most(host.right + 0.5);
    chart.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });
});

describe('<nps-score> small samples', () => {
  it('says in words why too few responses cannot be trusted; the minimum is configurable', async () => {
    const el = await fixture<NpsScore>(html`<nps-score .data=${RESPONSES}></nps-score>`);
    await ready(el);
    expect(el.tooFewResponses).to.equal(true);
    expect(text(el, 'small-sample')).to.equal('few responses');
    expect(text(el, 'low-sample')).to.equal(
      'Only 9 responses, fewer than 30: a single answer more can move the score by up to 13.3 points, so read it as a rough signal, not a result.',
    );
    expect(el.getAttribute('aria-label')).to.contain('Only 9 responses');
    el.minResponses = 5;
    await settled(el);
    expect(part(el, 'low-sample')).to.equal(null);
  });
});

describe('<nps-score> errors', () => {
  for (const [name, file, check] of [
    ['malformed JSON', 'malformed.json', { kind: 'load-error', reason: 'parse' }],
    ['wrong fields', 'wrong-fields.json', { kind: 'invalid-input' }],
    ['a 404', 'does-not-exist.json', { kind: 'load-error', reason: 'http', status: 404 }],
  ] as const) {
    it(`${name} fires error and shows a message`, async () => {
      const el = document.createElement('nps-score');
      const failed = oneEvent(el, 'error');
      el.src = `${FIXTURES}/${file}`;
      document.body.append(el);
      try {
        const event = (await failed) as CustomEvent<ElementError>;
        expect(event.detail).to.include(check);
        await el.updateComplete;
        expect(text(el, 'message')).to.not.equal('');
        if (name === 'wrong fields') expect(text(el, 'message')).to.contain('record 1, field “score”: expected a whole number from 0 to 10');
      } finally {
        el.remove();
      }
    });
  }

  it('a score out of range names the record', async () => {
    const el = await fixture<NpsScore>(html`<nps-score .data=${[{ score: 9 }, { score: 12 }]}></nps-score>`);
    await ready(el);
    expect(text(el, 'message')).to.contain('record 2, field “score”');
  });
});

describe('<nps-score> accessibility and safety', () => {
  it('the hidden tables hold the drawn numbers; the bar matches the shares', async () => {
    const el = await fixture<NpsScore>(html`<div style="width: 300px"><nps-score .data=${RESPONSES}></nps-score></div>`).then((w) => w.querySelector('nps-score')!);
    await ready(el);
    await drawn(el);
    const [split, trend] = tables(el);
    // In the bar's order (detractors, passives, promoters), then the score and its 95 % interval:
    // P 5/9, D 2/9 → mean 1/3, var (7/9 − 1/9) / 9 = 0.0741, half 1.96 × 0.2722 = 0.5335 → −20.0 to 86.7.
    expect(split).to.deep.equal([
      ['Detractors (0–6)', '2', '22.2%'],
      ['Passives (7–8)', '2', '22.2%'],
      ['Promoters (9–10)', '5', '55.6%'],
      ['NPS', '9', text(el, 'score')],
      ['95% interval', '9', '-20 to 87 (few responses)'],
    ]);
    // Jan: P 2/4, D 1/4 → 25 ± 1.96 × √((0.75 − 0.0625) / 4) = 25 ± 81.3 → −56 to 100 (clipped at 106);
    // Feb: P 3/5, D 1/5 → 40 ± 1.96 × √((0.8 − 0.16) / 5) = 40 ± 70.1 → −30 to 100 (clipped at 110).
    expect(trend).to.deep.equal([
      ['Jan 2024', '25', '-56 to 100 (few responses)', '4'],
      ['Feb 2024', '40', '-30 to 100 (few responses)', '5'],
    ]);
    const svg = el.shadowRoot!.querySelector('svg[part~="split"]')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    const widths = [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    const total = widths.reduce((a, b) => a + b, 0);
    expect(widths.map((w) => w / total)).to.have.length(3);
    expect(widths[2] / total).to.be.closeTo(5 / 9, 0.01);
    expect(el.getAttribute('aria-label')).to.contain('Net Promoter Score 33 from 9 responses. 95% interval -20 to 87. Promoters 55.6%, passives 22.2%, detractors 22.2%.');
  });

  it('markup in data stays text and runs nothing', async () => {
    const payload = '<img src=x onerror=window.__rkNpsXss=1>';
    const el = await fixture<NpsScore>(html`<nps-score .data=${[{ period: payload, promoters: 3, passives: 1, detractors: 1 }, { period: 'b', promoters: 1, passives: 0, detractors: 0 }]}></nps-score>`);
    await ready(el);
    expect(tables(el)[1][0][0]).to.equal(payload);
    const bad = await fixture<NpsScore>(html`<nps-score .data=${[{ score: payload }]}></nps-score>`);
    await ready(bad);
    expect(text(bad, 'message')).to.contain(payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(bad.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkNpsXss?: number }).__rkNpsXss).to.equal(undefined);
  });

  it('translates (nb, ru, zh)', async () => {
    const nb = await fixture<NpsScore>(html`<nps-score lang="nb-NO" .data=${RESPONSES}></nps-score>`);
    await ready(nb);
    expect(text(nb, 'score')).to.equal('33');
    expect(legend(nb, 'promoters')).to.match(/^Ambassadører \(9–10\) 5 55,6\s?%$/);
    const ru = await settled(await fixture<NpsScore>(html`<nps-score lang="ru" promoters="3" passives="1" detractors="1"></nps-score>`));
    expect(text(ru, 'responses')).to.equal('5 ответов');
    expect(text(ru, 'low-sample')).to.contain('Всего 5 ответов, меньше 30');
    const zh = await settled(await fixture<NpsScore>(html`<nps-score lang="zh-CN" promoters="3" passives="1" detractors="1"></nps-score>`));
    expect(text(zh, 'title')).to.equal('净推荐值 (NPS)');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const el = await fixture<NpsScore>(html`<div style="width: 600px"><nps-score theme=${theme} .data=${RESPONSES}></nps-score></div>`).then(
        (w) => w.querySelector('nps-score')!,
      );
      await ready(el);
      await drawn(el);
      await expect(el).to.be.accessible();
      const error = await fixture<NpsScore>(html`<nps-score theme=${theme} data="[{"></nps-score>`);
      await expect(error).to.be.accessible();
    });
  }
});
