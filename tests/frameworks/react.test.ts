/**
 * The elements inside a React 19 app, written the way a React developer would:
 * createRoot, rich data passed as a prop (React 19 sets it as the element's `data`
 * property because the element has one), events through React 19's `on<event-name>`
 * props and through a ref with addEventListener. No wrapper components.
 *
 * Plain React.createElement instead of JSX, so the test needs no JSX transform.
 */
import { expect, waitUntil } from '@open-wc/testing';
// React ships CommonJS only; the test server serves it as ES modules the way a bundler
// would (tests/frameworks/react-esm-plugin.mjs).
import { createElement, useEffect, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/cohort-heatmap/define.ts';
import type { RetentionGauge } from '../../src/components/retention-gauge/retention-gauge.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import type { CohortHeatmap, CohortSelectDetail } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import type { MetricChangeDetail } from '../../src/components/platform/events.ts';
import { cellTexts, GAUGE_ORDERS, HEATMAP_CELL_TEXTS, HEATMAP_ORDERS, PERIODS, PERIODS_UPDATED, shadowText, tableColumn } from './orders.ts';

interface Seen {
  metric: Array<{ tag: string; value: unknown }>;
  selected: CohortSelectDetail[];
  periods: (rows: typeof PERIODS) => void;
}

/** A dashboard component: a gauge and a trend with `on*` event props, a heatmap with a ref. */
function Dashboard({ seen }: { seen: Seen }): ReactElement {
  const [periods, setPeriods] = useState(PERIODS);
  seen.periods = setPeriods;
  const heatmap = useRef<CohortHeatmap>(null);
  useEffect(() => {
    const element = heatmap.current!;
    const onSelect = (event: Event) => seen.selected.push((event as CustomEvent<CohortSelectDetail>).detail);
    element.addEventListener('cohort-select', onSelect);
    return () => element.removeEventListener('cohort-select', onSelect);
  }, [seen]);
  const record = (tag: string) => (event: Event) => seen.metric.push({ tag, value: (event as CustomEvent<MetricChangeDetail<unknown>>).detail.result });

  return createElement(
    'div',
    { style: { width: '640px' } },
    createElement('retention-gauge', { id: 'gauge', 'window-days': '30', data: GAUGE_ORDERS, 'onmetric-change': record('gauge') }),
    createElement('churn-trend', { id: 'trend', data: periods, 'onmetric-change': record('trend') }),
    createElement('cohort-heatmap', {
      id: 'heatmap',
      ref: heatmap,
      'customer-key': 'email',
      'date-key': 'created_at',
      'amount-key': 'total',
      'as-of': '2024-03-31',
      data: HEATMAP_ORDERS,
    }),
  );
}

const settled = (el: { status: string }) =>
  waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 10_000 });

describe('React 19', () => {
  let container: HTMLDivElement;
  let root: Root;
  const seen: Seen = { metric: [], selected: [], periods: () => {} };

  before(async () => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    flushSync(() => root.render(createElement(Dashboard, { seen })));
  });

  after(() => {
    root.unmount();
    container.remove();
  });

  it('passes arrays as the data property, not as an "[object Object]" attribute', () => {
    const gauge = container.querySelector('retention-gauge') as RetentionGauge;
    expect(gauge.data).to.equal(GAUGE_ORDERS);
    expect(gauge.hasAttribute('data')).to.equal(false);
    expect(gauge.getAttribute('window-days')).to.equal('30');
  });

  it('shows the hand-computed gauge: February retention 60 %, churn 40 %', async () => {
    const gauge = container.querySelector('retention-gauge') as RetentionGauge;
    await settled(gauge);
    expect(gauge.status, JSON.stringify(gauge.error)).to.equal('ready');
    expect(gauge.result).to.include({ period: '2024-02', start: 5, end: 4, new: 1, lost: 2, retention: 0.6, churn: 0.4 });
    expect(shadowText(gauge, '[part~="value"]')).to.equal('60.0%');
    expect(shadowText(gauge, '[part~="churn"]')).to.equal('Churn 40.0%');
  });

  it('draws the cohort triangle with the mapped column names', async () => {
    const heatmap = container.querySelector('cohort-heatmap') as CohortHeatmap;
    await settled(heatmap);
    await waitUntil(() => heatmap.shadowRoot!.querySelector('svg'), 'heatmap not drawn');
    expect(cellTexts(heatmap)).to.deep.equal(HEATMAP_CELL_TEXTS);
  });

  it('delivers metric-change to the onmetric-change props', async () => {
    await waitUntil(() => seen.metric.some((m) => m.tag === 'gauge') && seen.metric.some((m) => m.tag === 'trend'), 'no metric-change');
    const gauge = seen.metric.find((m) => m.tag === 'gauge')!.value as { retention: number };
    expect(gauge.retention).to.equal(0.6);
    const trend = container.querySelector('churn-trend') as ChurnTrend;
    expect(tableColumn(trend, /churn/i)).to.deep.equal(['5.0%', '10.0%']);
  });

  it('re-renders with new state: the element recomputes and fires metric-change once', async () => {
    const trend = container.querySelector('churn-trend') as ChurnTrend;
    const before = seen.metric.filter((m) => m.tag === 'trend').length;
    flushSync(() => seen.periods(PERIODS_UPDATED));
    expect(trend.data).to.equal(PERIODS_UPDATED);
    await waitUntil(() => seen.metric.filter((m) => m.tag === 'trend').length === before + 1, 'no metric-change after the update');
    await trend.updateComplete;
    expect(tableColumn(trend, /churn/i)).to.deep.equal(['5.0%', '10.0%', '5.0%']); // 24 / 480
    // An unrelated re-render with the same array is not a change.
    flushSync(() => seen.periods(PERIODS_UPDATED));
    await new Promise((done) => setTimeout(done, 100));
    expect(seen.metric.filter((m) => m.tag === 'trend').length).to.equal(before + 1);
  });

  it('delivers cohort-select to a listener added through a ref', async () => {
    const heatmap = container.querySelector('cohort-heatmap') as CohortHeatmap;
    const cell = heatmap.shadowRoot!.querySelector('[part="cell"][data-row="1"][data-column="1"]')!;
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => seen.selected.length === 1, 'no cohort-select');
    expect(seen.selected[0]).to.deep.include({ cohort: '2024-02', period: 1, value: 0.5 }); // d of {d, e} came back in March
  });

  it('unmounts cleanly: the elements leave the document', () => {
    root.unmount();
    expect(container.querySelector('retention-gauge')).to.equal(null);
    root = createRoot(container); // for after()
  });
});
