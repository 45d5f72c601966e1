/**
 * The page words what the engine computed: a change of `lang` (on an ancestor,
 * across a shadow root, or on the element) relabels an element without a new
 * computation, and notes about the data are said in the page's language.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/cohort-heatmap/define.ts';
import '../../../src/components/churn-trend/define.ts';
import '../../../src/translations/nb.ts';
import '../../../src/translations/ru.ts';
import type { CohortHeatmap } from '../../../src/components/cohort-heatmap/cohort-heatmap.ts';
import type { ChurnTrend } from '../../../src/components/churn-trend/churn-trend.ts';
import { computeStats } from '../../../src/components/platform/compute.ts';
import { Formatter } from '../../../src/components/platform/locale.ts';
import { warningText } from '../../../src/components/platform/warning-text.ts';
import type { InputWarning } from '../../../src/metrics/issues.ts';

const ORDERS = [
  { customer: 'a', date: '2024-01-05', amount: 10 },
  { customer: 'b', date: '2024-01-20', amount: 12 },
  { customer: 'a', date: '2024-02-10', amount: 10 },
  { customer: 'c', date: '2024-02-03', amount: 20 },
  { customer: 'b', date: '2024-03-02', amount: 12 },
  { customer: 'c', date: '2024-03-20', amount: 0 },
  { customer: 'd', date: '2024-03-09', amount: 7 },
];
const PERIODS = [
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
  { period: '2024-03', start: 480, lost: 24 },
];

type Kit = CohortHeatmap | ChurnTrend;

const runs = () => computeStats.worker + computeStats.inline;
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((node) => node.textContent!.trim());
/** First column of the visually hidden data table. */
const tableLabels = (el: Kit) => texts(el.shadowRoot!, 'table tbody tr > :first-child');
const rowLabels = (el: CohortHeatmap) => texts(el.shadowRoot!, '[part~="row-label"]');
const axisLabels = (el: ChurnTrend) => texts(el.shadowRoot!, '[part~="x-axis"] text');

async function drawn(el: Kit): Promise<void> {
  await waitUntil(() => el.status === 'ready' && el.shadowRoot!.querySelector('svg'), `<${el.localName}> did not draw (${el.status})`, { timeout: 10_000 });
  await el.updateComplete;
}

/** Lit renders in a microtask after the observer's; give both a turn. */
async function rendered(...elements: Kit[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await Promise.all(elements.map((el) => el.updateComplete));
}

const NORWEGIAN_JANUARY = /^jan\.? 2024$/;

describe('language without recomputation', () => {
  it('relabels a heatmap and a trend when an ancestor changes lang, with no new engine run', async () => {
    const box = await fixture<HTMLDivElement>(html`<div lang="en" style="width:640px">
      <cohort-heatmap .data=${ORDERS}></cohort-heatmap>
      <churn-trend .data=${PERIODS}></churn-trend>
    </div>`);
    const heatmap = box.querySelector('cohort-heatmap')!;
    const trend = box.querySelector('churn-trend')!;
    await Promise.all([drawn(heatmap), drawn(trend)]);
    expect(rowLabels(heatmap)).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024']);
    expect(tableLabels(heatmap).slice(0, 3)).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024']);
    expect(axisLabels(trend)[0]).to.equal('Jan 2024');
    expect(tableLabels(trend)[0]).to.equal('Jan 2024');
    const before = runs();
    let changes = 0;
    box.addEventListener('metric-change', () => changes++);

    box.lang = 'nb';
    await rendered(heatmap, trend);

    expect(rowLabels(heatmap)[0]).to.match(NORWEGIAN_JANUARY);
    expect(tableLabels(heatmap)[0]).to.match(NORWEGIAN_JANUARY);
    expect(tableLabels(heatmap)).to.include('Gjennomsnitt');
    expect(axisLabels(trend)[0]).to.match(NORWEGIAN_JANUARY);
    expect(tableLabels(trend)[0]).to.match(NORWEGIAN_JANUARY);
    expect(heatmap.getAttribute('aria-label')).to.match(/jan\.? 2024/);
    // The labels moved; the results did not: nothing is computing, nothing ran again (a run counts when it
    // ends, so give one time to end), and nothing announced a new result.
    expect([heatmap.status, trend.status]).to.deep.equal(['ready', 'ready']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs()).to.equal(before);
    expect(changes).to.equal(0);

    box.lang = 'en';
    await rendered(heatmap, trend);
    expect(rowLabels(heatmap)[0]).to.equal('Jan 2024');
    expect(runs()).to.equal(before);
  });

  it('reformats money when currency changes on data without a currency column, with no new engine run', async () => {
    const heatmap = await fixture<CohortHeatmap>(html`<cohort-heatmap style="width:640px" value="revenue" currency="USD" .data=${ORDERS}></cohort-heatmap>`);
    await drawn(heatmap);
    expect(heatmap.shadowRoot!.querySelector('table')!.textContent).to.contain('$');
    const before = runs();
    heatmap.currency = 'EUR';
    await rendered(heatmap);
    expect(heatmap.shadowRoot!.querySelector('table')!.textContent).to.contain('€');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs()).to.equal(before);
  });

  it('follows lang across a shadow root: on the host outside it and on an element inside it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en" style="width:640px"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('section');
    const trend = document.createElement('churn-trend') as ChurnTrend;
    trend.data = PERIODS;
    wrapper.append(trend);
    shadow.append(wrapper);
    await drawn(trend);
    expect(axisLabels(trend)[0]).to.equal('Jan 2024');
    const before = runs();

    host.lang = 'nb'; // outside the shadow root that holds the element
    await rendered(trend);
    expect(axisLabels(trend)[0]).to.match(NORWEGIAN_JANUARY);

    wrapper.lang = 'en'; // inside it, nearer than the host's
    await rendered(trend);
    expect(axisLabels(trend)[0]).to.equal('Jan 2024');

    trend.lang = 'nb'; // the element's own
    await rendered(trend);
    expect(tableLabels(trend)[0]).to.match(NORWEGIAN_JANUARY);
    expect(runs()).to.equal(before);
  });
});

describe('notes about the data in the page language', () => {
  it('shows a warning in Norwegian when lang="nb", from its code and params', async () => {
    const box = await fixture<HTMLDivElement>(html`<div lang="nb" style="width:640px"><cohort-heatmap .data=${ORDERS}></cohort-heatmap></div>`);
    const heatmap = box.querySelector('cohort-heatmap')!;
    await drawn(heatmap);
    expect(heatmap.warnings.map((w) => [w.code, w.count])).to.deep.equal([['zero-amount', 1]]);
    expect(heatmap.warnings[0].message).to.match(/^1 record has an amount of 0/); // English, for the API's readers
    const notice = heatmap.shadowRoot!.querySelector('[part="notice"]')!;
    expect(texts(notice, 'summary')).to.deep.equal(['1 merknad om dataene']);
    expect(texts(notice, 'li')).to.deep.equal(['1 post har beløpet 0: aktivitet, men ingen inntekt.']);

    const before = runs();
    box.lang = 'en';
    await rendered(heatmap);
    expect(texts(notice, 'li')).to.deep.equal(['1 record has an amount of 0: activity, but no revenue.']);
    expect(runs()).to.equal(before);
  });

  const warning = (over: Partial<InputWarning>): InputWarning => ({ code: 'missing-customer', count: 1, params: {}, message: 'English message.', examples: [], ...over });

  it('words params, plural forms and dates in the language, and keeps the message for a code it does not know', () => {
    const nb = new Formatter('nb');
    expect(warningText(warning({ code: 'ignored-status', count: 3, params: { statuses: ['failed', 'voided'] } }), nb)).to.equal('3 poster med statusen «failed», «voided» ble utelatt.');
    expect(warningText(warning({ code: 'other-currency', count: 1200, params: { currency: 'NOK', otherCurrencies: ['EUR'] } }), nb)).to.equal(
      `${nb.number(1200)} poster i EUR teller som aktivitet, men ikke i pengetallene (i NOK).`,
    );
    expect(warningText(warning({ code: 'future-date', count: 2, params: { asOf: '2024-03-31' } }), new Formatter('en'))).to.equal(
      '2 records on or after the as-of date Mar 31, 2024 were left out.',
    );
    const ru = new Formatter('ru');
    const leftOut = (count: number) => warningText(warning({ code: 'missing-customer', count }), ru);
    expect([leftOut(1), leftOut(3), leftOut(5), leftOut(21)]).to.deep.equal([
      '1 запись без идентификатора клиента была исключена.',
      '3 записи без идентификатора клиента были исключены.',
      '5 записей без идентификатора клиента были исключены.',
      '21 запись без идентификатора клиента была исключена.',
    ]);
    // A newer engine's code this page has no words for: its English message, never a term key.
    expect(warningText(warning({ code: 'brand-new-code' as InputWarning['code'], message: 'Something new.' }), nb)).to.equal('Something new.');
  });
});
