/**
 * The elements inside a Vue 3 app, two ways a Vue developer writes them:
 * - a render function with h(): rich data bound as a DOM property (`.data`), events as
 *   `onMetricChange` (Vue listens for `metric-change`);
 * - a template compiled in the browser, with `compilerOptions.isCustomElement` so Vue
 *   leaves the kit's tags alone, `:data.prop` and `@cohort-select`.
 * No wrappers. Vue's reactivity drives updates: a changed ref re-sets the property.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, h, nextTick, ref, type App } from 'vue';
// The full build (with the template compiler), as an app that compiles templates at runtime uses.
import { createApp as createAppWithCompiler } from 'vue/dist/vue.esm-bundler.js';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/cohort-heatmap/define.ts';
import type { RetentionGauge } from '../../src/components/retention-gauge/retention-gauge.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/churn-trend.ts';
import type { CohortHeatmap, CohortSelectDetail } from '../../src/components/cohort-heatmap/cohort-heatmap.ts';
import type { MetricChangeDetail } from '../../src/components/platform/events.ts';
import { cellTexts, GAUGE_ORDERS, HEATMAP_CELL_TEXTS, HEATMAP_ORDERS, PERIODS, PERIODS_UPDATED, shadowText, tableColumn } from './orders.ts';

const settled = (el: { status: string }) =>
  waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 10_000 });

function mountPoint(): HTMLDivElement {
  const container = document.createElement('div');
  container.style.width = '640px';
  document.body.append(container);
  return container;
}

describe('Vue 3: render function with h()', () => {
  let container: HTMLDivElement;
  let app: App;
  const periods = ref(PERIODS);
  const changes: Array<{ tag: string; value: unknown }> = [];
  const record = (tag: string) => (event: Event) => changes.push({ tag, value: (event as CustomEvent<MetricChangeDetail<unknown>>).detail.result });

  before(() => {
    container = mountPoint();
    app = createApp({
      setup: () => () =>
        h('div', [
          h('retention-gauge', { 'window-days': '30', '.data': GAUGE_ORDERS, onMetricChange: record('gauge') }),
          h('churn-trend', { '.data': periods.value, onMetricChange: record('trend') }),
        ]),
    });
    app.mount(container);
  });

  after(() => {
    app.unmount();
    container.remove();
  });

  it('sets the data property, not an attribute', () => {
    const gauge = container.querySelector('retention-gauge') as RetentionGauge;
    expect(gauge.data).to.deep.equal(GAUGE_ORDERS);
    expect(gauge.hasAttribute('data')).to.equal(false);
  });

  it('shows the hand-computed gauge: February retention 60 %, churn 40 %', async () => {
    const gauge = container.querySelector('retention-gauge') as RetentionGauge;
    await settled(gauge);
    expect(gauge.status, JSON.stringify(gauge.error)).to.equal('ready');
    expect(gauge.result).to.include({ period: '2024-02', retention: 0.6, churn: 0.4 });
    expect(shadowText(gauge, '[part~="value"]')).to.equal('60.0%');
    expect(shadowText(gauge, '[part~="churn"]')).to.equal('Churn 40.0%');
  });

  it('delivers metric-change to onMetricChange', async () => {
    await waitUntil(() => changes.some((c) => c.tag === 'gauge') && changes.some((c) => c.tag === 'trend'), 'no metric-change');
    expect((changes.find((c) => c.tag === 'gauge')!.value as { churn: number }).churn).to.equal(0.4);
    const trend = container.querySelector('churn-trend') as ChurnTrend;
    await trend.updateComplete;
    expect(tableColumn(trend, /churn/i)).to.deep.equal(['5.0%', '10.0%']); // 25 / 500, 52 / 520
  });

  it('follows a reactive ref: a new array recomputes the trend and fires one metric-change', async () => {
    const trend = container.querySelector('churn-trend') as ChurnTrend;
    const before = changes.filter((c) => c.tag === 'trend').length;
    periods.value = PERIODS_UPDATED;
    await nextTick();
    await waitUntil(() => changes.filter((c) => c.tag === 'trend').length === before + 1, 'no metric-change after the update');
    await trend.updateComplete;
    expect(tableColumn(trend, /churn/i)).to.deep.equal(['5.0%', '10.0%', '5.0%']); // 24 / 480
  });
});

describe('Vue 3: template with isCustomElement', () => {
  let container: HTMLDivElement;
  let app: ReturnType<typeof createAppWithCompiler>;
  const selected: CohortSelectDetail[] = [];
  const warnings: string[] = [];

  before(() => {
    container = mountPoint();
    app = createAppWithCompiler({
      data: () => ({ orders: HEATMAP_ORDERS, selected }),
      methods: {
        onSelect(event: CustomEvent<CohortSelectDetail>) {
          selected.push(event.detail);
        },
      },
      template: `
        <cohort-heatmap customer-key="email" date-key="created_at" amount-key="total" as-of="2024-03-31"
          :data.prop="orders" @cohort-select="onSelect"></cohort-heatmap>`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.includes('-');
    // Vue warns "Failed to resolve component" when a tag is not marked as a custom element.
    app.config.warnHandler = (message: string) => warnings.push(message);
    app.mount(container);
  });

  after(() => {
    app.unmount();
    container.remove();
  });

  it('renders the element itself, not an unresolved component, without warnings', () => {
    const heatmap = container.querySelector('cohort-heatmap') as CohortHeatmap;
    expect(heatmap).to.be.instanceOf(customElements.get('cohort-heatmap')!);
    expect(warnings).to.deep.equal([]);
    expect(heatmap.hasAttribute('data')).to.equal(false);
    expect(heatmap.getAttribute('customer-key')).to.equal('email');
  });

  it('draws the cohort triangle from the mapped columns', async () => {
    const heatmap = container.querySelector('cohort-heatmap') as CohortHeatmap;
    await settled(heatmap);
    expect(heatmap.status, JSON.stringify(heatmap.error)).to.equal('ready');
    await waitUntil(() => heatmap.shadowRoot!.querySelector('svg'), 'heatmap not drawn');
    expect(cellTexts(heatmap)).to.deep.equal(HEATMAP_CELL_TEXTS);
  });

  it('delivers cohort-select to @cohort-select', async () => {
    const heatmap = container.querySelector('cohort-heatmap') as CohortHeatmap;
    const cell = heatmap.shadowRoot!.querySelector('[part="cell"][data-row="0"][data-column="2"]')!;
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => selected.length === 1, 'no cohort-select');
    expect(selected[0]).to.deep.include({ cohort: '2024-01', period: 2 });
    expect(Math.round(selected[0].value! * 10_000) / 10_000).to.equal(0.6667); // a and b of {a, b, c} in March
  });
});
