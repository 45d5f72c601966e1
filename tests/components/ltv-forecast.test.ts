import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { LtvForecast } from '../../src/components/ltv-forecast/define.ts';
import '../../src/components/ltv-forecast/define.ts';
import '../../src/components/retention-source/define.ts';
import { histogramLayout } from '../../src/components/ltv-forecast/ltv-geometry.ts';
import '../../src/translations/da.ts';
import '../../src/translations/ru.ts';

const FIXTURES = '/tests/fixtures/components';

/*
 * The orders fixture (orders.json / orders.csv), cohorts by first purchase month:
 *   Dec 2023: f (20 + 22 + 25 = 67)                                   → 67 / 1 = $67.00
 *   Jan 2024: a (10 + 11 = 21), c (15), b (30 + 31 = 61), d (12)       → 109 / 4 = $27.25
 *   Feb 2024: e (40) → $40.00      Mar 2024: g (50) → $50.00
 *   All: (67 + 109 + 40 + 50) / 7 = 266 / 7 = $38.00
 * SaaS formula from attributes: ARPA 50 × gross margin 80 % ÷ churn 5 % = $800.00.
 */
const ORDERS = [
  { customer: 'f', date: '2023-12-15', amount: 20 },
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'c', date: '2024-01-05', amount: 15 },
  { customer: 'b', date: '2024-01-20', amount: 30 },
  { customer: 'd', date: '2024-01-25', amount: 12 },
  { customer: 'f', date: '2024-01-28', amount: 22 },
  { customer: 'e', date: '2024-02-10', amount: 40 },
  { customer: 'a', date: '2024-02-15', amount: 11 },
  { customer: 'b', date: '2024-02-20', amount: 31 },
  { customer: 'f', date: '2024-02-25', amount: 25 },
  { customer: 'g', date: '2024-03-05', amount: 50 },
];

const root = (el: Element) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const ready = (el: LtvForecast, timeout = 10_000) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout });

/** The hidden table as measure → value. */
function hiddenTable(el: Element): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const row of root(el).querySelectorAll('.visually-hidden table tbody tr')) {
    const cells = [...row.children].map((c) => squash(c.textContent));
    rows[cells[0]] = cells[1];
  }
  return rows;
}

function figure(el: Element, name: string): string {
  return squash(root(el).querySelector(`[part~=figure][part~=${name}] dd`)?.textContent);
}

function expectOrders(el: LtvForecast) {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  const table = hiddenTable(el);
  expect(table['Cohort Dec 2023']).to.equal('$67.00 (1 customers)');
  expect(table['Cohort Jan 2024']).to.equal('$27.25 (4 customers)');
  expect(table['Cohort Feb 2024']).to.equal('$40.00 (1 customers)');
  expect(table['Cohort Mar 2024']).to.equal('$50.00 (1 customers)');
  expect(table['Historic value so far']).to.equal('$38.00');
  expect(figure(el, 'historic')).to.equal('$38.00');
}

/** CDNOW_sample.txt (customer, sample id, YYYYMMDD, CDs, dollars) as {customer, date, amount} records. */
async function cdnowRecords(): Promise<{ customer: string; date: string; amount: number }[]> {
  const text = await (await fetch('/tests/fixtures/cdnow/CDNOW_sample.txt')).text();
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [customer, , day, , dollars] = line.trim().split(/\s+/);
      return { customer, date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, amount: Number(dollars) };
    });
}

describe('ltv-forecast: histogram layout', () => {
  it('puts bins side by side on a count scale from 0', () => {
    // 200 × 100 box, margins 44 left, 8 right, 8 top, 22 bottom: plot 148 × 70; counts 2 and 4 → 4 is the top.
    const g = histogramLayout(
      [
        { from: 0, to: 10, count: 2 },
        { from: 10, to: 20, count: 4 },
      ],
      200,
      100,
    );
    expect(g.plotWidth).to.equal(148);
    expect(g.plotHeight).to.equal(70);
    expect(g.bars.map((b) => [b.x, b.width, b.y, b.height])).to.deep.equal([
      [0, 73, 35, 35],
      [74, 73, 0, 70],
    ]);
    expect(g.yTicks.map((t) => t.value)).to.deep.equal([0, 1, 2, 3, 4]);
  });
});

describe('<ltv-forecast> numbers and input routes', () => {
  it('the SaaS formula from plain attributes: 50 × 80 % ÷ 5 % = $800', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" gross-margin="0.8" churn="0.05"></ltv-forecast>`);
    await ready(el);
    expect(el.ranIn).to.equal('worker'); // plain figures are a job in the metrics engine too
    expect(figure(el, 'saas')).to.equal('$800.00 $50.00 × 80.0% ÷ 5.0%');
    expect(el.getAttribute('aria-label')).to.equal('Customer lifetime value: SaaS formula: $800.00.');
  });

  it('a churn of 0 is explained, not divided by', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" churn="0"></ltv-forecast>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('churn rate above 0');
  });

  it('data property: historic value per cohort, SaaS figures from attributes', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast arpa="50" gross-margin="0.8" churn="0.05" .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
    expect(el.ranIn).to.equal('worker'); // 11 records: the kit's jobs always run in the metrics worker
    expect(hiddenTable(el)['SaaS formula']).to.equal('$800.00 = $50.00 × 80.0% ÷ 5.0%');
    expect(el.value!.horizon).to.equal(52); // one year in weeks
  });

  it('JSON data attribute', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast data=${JSON.stringify(ORDERS)}></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('src JSON (in the worker: text inputs are fitted there)', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast src="${FIXTURES}/orders.json"></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
    expect(el.ranIn).to.equal('worker');
  });

  it('src CSV with field mapping', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast customer-key="email" date-key="created_at" amount-key="total" src="${FIXTURES}/orders.csv"></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('inline JSON script', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast><script type="application/json">${JSON.stringify(ORDERS)}</script></ltv-forecast>`);
    await ready(el);
    expectOrders(el);
  });

  it('a shared retention-source', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <retention-source id="ltv-orders" src="${FIXTURES}/orders.json"></retention-source>
      <ltv-forecast source="ltv-orders"></ltv-forecast>
    </div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el);
    expectOrders(el);
  });

  it('CDNOW: the published BG/NBD parameters, fitted in the worker with progress', async () => {
    const records = await cdnowRecords();
    expect(records.length).to.equal(6919);
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="weeks" calibration-end="1997-09-30" horizon="39" .data=${records}></ltv-forecast>`);
    let sawProgress = false;
    await waitUntil(
      () => {
        if (/Computing… \d+\s?%/.test(squash(root(el).querySelector('[part=status]')?.textContent))) sawProgress = true;
        return el.status === 'ready' || el.status === 'error';
      },
      'fit did not finish',
      { timeout: 60_000, interval: 20 },
    );
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.ranIn).to.equal('worker');
    expect(sawProgress).to.equal(true);
    const table = hiddenTable(el);
    expect(table['Purchases (BG/NBD) r']).to.equal('0.243');
    expect(table['Purchases (BG/NBD) α']).to.equal('4.414');
    expect(table['Purchases (BG/NBD) a']).to.equal('0.793');
    expect(table['Purchases (BG/NBD) b']).to.equal('2.426');
    expect(table['Purchases (BG/NBD) Log-likelihood']).to.equal('-9,582.4');
    expect(table['Spend (Gamma-Gamma) p']).to.match(/^6\.2\d\d$/);
    expect(table['Calibration end']).to.equal('Sep 30, 1997');
    // The visible details agree with the hidden table.
    const details = [...root(el).querySelectorAll('[part~=details] tbody tr')].map((r) => [...r.children].map((c) => squash(c.textContent)));
    expect(details.find((d) => d[0] === 'Purchases (BG/NBD) r')![1]).to.equal('0.243');
    const p = el.value!.predictive as { customers: number; top: unknown[]; histogram: { count: number }[] };
    expect(p.customers).to.equal(2357);
    expect(p.histogram.reduce((n, b) => n + b.count, 0)).to.equal(2357);
    expect(root(el).querySelectorAll('[part~=top] tbody tr').length).to.equal(10);
  });

  it('time-unit="days": the same fit in days (α × 7), never a hard-coded month', async () => {
    const records = await cdnowRecords();
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="days" calibration-end="1997-09-30" .data=${records}></ltv-forecast>`);
    await ready(el, 60_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    expect(el.value!.horizon).to.equal(365);
    const table = hiddenTable(el);
    expect(table['Purchases (BG/NBD) r']).to.equal('0.243');
    expect(Number(table['Purchases (BG/NBD) α'])).to.be.closeTo(4.414 * 7, 0.02);
    expect(table['Time unit']).to.equal('1 day');
  });
});

describe('<ltv-forecast> errors', () => {
  const failing = async (src: string) => {
    const el = document.createElement('ltv-forecast');
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
    expect(message).to.contain('record 1, field “date”: expected a date');
    el.remove();
  });

  it('a 404', async () => {
    const { el, event } = await failing(`${FIXTURES}/does-not-exist.json`);
    expect(event.detail).to.include({ kind: 'load-error', reason: 'http', status: 404 });
    el.remove();
  });

  it('a bad time unit or margin is an option error', async () => {
    const el = await fixture<LtvForecast>(html`<ltv-forecast time-unit="months" .data=${ORDERS}></ltv-forecast>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(squash(root(el).querySelector('[part=message]')!.textContent)).to.contain('time-unit');
  });
});

describe('<ltv-forecast> keyboard, accessibility and safety', () => {
  let cdnow: { customer: string; date: string; amount: number }[];
  before(async () => {
    cdnow = (await cdnowRecords()).filter((r) => r.date <= '1997-09-30' && Number(r.customer) < 8000);
  });

  it('arrow keys walk the histogram bins and a live region reads them', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"><ltv-forecast bins="5" .data=${cdnow}></ltv-forecast></div>`);
    const el = wrapper.querySelector('ltv-forecast')!;
    await ready(el, 60_000);
    expect(el.status, JSON.stringify(el.error)).to.equal('ready');
    await waitUntil(() => root(el).querySelector('[part~=histogram] svg'));
    const histogram = root(el).querySelector<HTMLElement>('[part~=histogram]')!;
    histogram.focus();
    await el.updateComplete;
    const live = () => squash(root(el).querySelector('[aria-live]')!.textContent);
    const bins = (el.value!.predictive as { histogram: { count: number }[] }).histogram;
    expect(live()).to.match(new RegExp(`^\\$0 to .*: ${bins[0].count.toLocaleString('en')} customers$`));
    histogram.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    expect(live()).to.contain(`: ${bins[4].count} customers`);
    // Hidden table rows for the bins agree with the drawn bars.
    const rects = [...root(el).querySelectorAll('rect.bin')];
    expect(rects.length).to.equal(5);
    const table = hiddenTable(el);
    const binRows = Object.entries(table).filter(([k]) => k.startsWith('Predicted value per customer: '));
    expect(binRows.map(([, v]) => v)).to.deep.equal(bins.map((b) => `${b.count.toLocaleString('en')} customers`));
    // The tallest bar is the bin with the most customers.
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    const most = Math.max(...bins.map((b) => b.count));
    expect(heights.indexOf(Math.max(...heights))).to.equal(bins.findIndex((b) => b.count === most));
  });

  it('markup in customer ids stays text', async () => {
    const payload = '<img src=x onerror=window.__rkLtvXss=1>';
    const rows = [...ORDERS, { customer: payload, date: '2024-01-02', amount: 5 }, { customer: payload, date: '2024-02-02', amount: 500 }];
    const el = await fixture<LtvForecast>(html`<ltv-forecast .data=${rows}></ltv-forecast>`);
    await ready(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkLtvXss?: number }).__rkLtvXss).to.equal(undefined);
    const topIds = [...root(el).querySelectorAll('[part~=top] tbody th')].map((th) => th.textContent);
    if (topIds.length) expect(topIds).to.include(payload);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 640px"><ltv-forecast theme=${theme} arpa="50" churn="0.05" .data=${cdnow}></ltv-forecast></div>`);
      const el = wrapper.querySelector('ltv-forecast')!;
      await ready(el, 60_000);
      expect(el.status, JSON.stringify(el.error)).to.equal('ready');
      root(el).querySelector<HTMLDetailsElement>('[part~=details]')!.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const error = await fixture<LtvForecast>(html`<ltv-forecast theme=${theme} data="[{"></ltv-forecast>`);
      await expect(error).to.be.accessible();
    });
  }

  it('translates: Danish and Russian', async () => {
    const da = await fixture<LtvForecast>(html`<ltv-forecast lang="da" arpa="50" churn="0.05"></ltv-forecast>`);
    await ready(da);
    expect(squash(root(da).querySelector('[part~=saas] dt')!.textContent)).to.equal('SaaS-formlen');
    const ru = await fixture<LtvForecast>(html`<ltv-forecast lang="ru" .data=${ORDERS}></ltv-forecast>`);
    await ready(ru);
    expect(squash(root(ru).querySelector('[part~=historic] dt')!.textContent)).to.equal('Фактическая ценность');
  });
});
