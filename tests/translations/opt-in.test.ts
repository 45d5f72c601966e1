/**
 * English is built in; every other language is an opt-in module. This file
 * imports no language module statically: it checks what a page sees before
 * one is loaded, and that loading one later switches elements already drawn.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { RetentionGauge } from '../../src/components/retention-gauge/define.ts';
import type { ChurnTrend } from '../../src/components/churn-trend/define.ts';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/churn-trend/define.ts';
import { fallbackChain, registeredTerms, registerTranslation, resolvedLanguage, term } from '../../src/components/platform/translations.ts';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const caption = (el: Element) => el.shadowRoot!.querySelector('table caption')?.textContent?.trim() ?? '';
const headers = (el: Element) => [...el.shadowRoot!.querySelectorAll('table thead th')].map((th) => th.textContent!.trim());
const settled = (el: RetentionGauge | ChurnTrend) =>
  waitUntil(() => el.status === 'ready' || el.status === 'error', 'element did not settle', { timeout: 10_000 });

// Churn per period: 25/500 = 5 %, 52/520 = 10 %, 24/480 = 5 % (incomplete).
const PERIODS = JSON.stringify([
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
  { period: '2024-03', start: 480, lost: 24, complete: false },
]);

let gauge: RetentionGauge;
let trend: ChurnTrend;

describe('languages are opt-in modules', () => {
  let box: HTMLDivElement;

  before(async () => {
    // Built before Norwegian exists on the page, and kept across the tests (fixture() would
    // clean up after each): the later tests switch these very elements.
    box = document.createElement('div');
    box.style.width = '600px';
    document.body.append(box);
    render(
      html`<retention-gauge lang="nb" start="500" end="520" new="45" lost="25"></retention-gauge>
        <churn-trend lang="nb-NO" data=${PERIODS}></churn-trend>`,
      box,
    );
    gauge = box.querySelector('retention-gauge')!;
    trend = box.querySelector('churn-trend')!;
    await settled(gauge);
    await settled(trend);
    await gauge.updateComplete;
    await trend.updateComplete;
  });
  after(() => box.remove());

  it('without the language module, lang="nb" shows English words with Norwegian numbers', () => {
    expect(registeredTerms('nb')).to.equal(undefined);
    expect(resolvedLanguage('nb-NO')).to.equal('en');
    // Churn 25 / 500 = 5 %, written the Norwegian way (decimal comma).
    expect(text(gauge, 'churn')).to.match(/^Churn 5,0\s?%$/);
    expect(caption(gauge)).to.equal('Customer retention figures');
    expect(gauge.getAttribute('aria-label')).to.match(/^Customer retention/);
    expect(headers(trend)[0]).to.equal('Period');
    expect(trend.getAttribute('aria-label')).to.match(/^Customer churn per period/);
    // 52 / 520 = 10 %, decimal comma.
    expect(trend.shadowRoot!.querySelector('table tbody')!.textContent).to.match(/10,0\s?%/);
  });

  it('loading the language after the elements rendered switches their text, summary and hidden table', async () => {
    await import('../../src/translations/nb.ts');
    expect(registeredTerms('nb')?.gaugeLabel).to.equal('Kundelojalitet');
    await gauge.updateComplete;
    await trend.updateComplete;
    expect(text(gauge, 'churn')).to.match(/^Frafall 5,0\s?%$/);
    expect(caption(gauge)).to.equal('Tall for kundelojalitet');
    expect(gauge.getAttribute('aria-label')).to.match(/^Kundelojalitet/);
    expect(headers(trend)[0]).to.equal('Periode');
    expect(trend.getAttribute('aria-label')).to.match(/^Kundefrafall per periode/);
    expect(trend.shadowRoot!.textContent).to.not.include('Customer churn');
  });

  it('falls back nb-NO → nb → en, term by term', () => {
    expect(fallbackChain('nb-NO')).to.deep.equal(['nb-no', 'nb', 'en']);
    expect(resolvedLanguage('nb-NO')).to.equal('nb');
    expect(term('nb-NO', 'gaugeLabel')).to.equal('Kundelojalitet');
    // A term only a region registers wins there; the base language and English fill the rest.
    registerTranslation('nb-NO', { trustHealthy: 'Friskt' });
    expect(term('nb-NO', 'trustHealthy')).to.equal('Friskt');
    expect(term('nb', 'trustHealthy')).to.equal('Sunt');
    expect(term('nb-NO', 'gaugeBandWarn')).to.equal('Følg med');
    // A term Norwegian lacks comes from English.
    registerTranslation('en', { percentagePoints: 'pp' });
    const nb = registeredTerms('nb')!;
    expect(nb.percentagePoints).to.equal('pp');
    registerTranslation('xx-test', { loading: 'x' });
    expect(term('xx-test', 'gaugeLabel')).to.equal('Customer retention');
  });

  it('the registry is shared through globalThis, so a separately bundled copy of the kit sees it', () => {
    const shared = (globalThis as Record<symbol, { languages: Map<string, unknown>; listeners: Set<() => void> }>)[Symbol.for('retention-kit.translations')];
    expect(shared.languages.get('nb')).to.equal(registeredTerms('nb'));
    // Another copy registering through the shared map and listeners reaches this copy's elements.
    let calls = 0;
    const listener = () => calls++;
    shared.listeners.add(listener);
    registerTranslation('da', { loading: 'Indlæser data…' });
    shared.listeners.delete(listener);
    expect(calls).to.equal(1);
    expect(term('da', 'loading')).to.equal('Indlæser data…');
  });

  it('an element no longer on the page stops listening', async () => {
    const { listeners } = (globalThis as Record<symbol, { listeners: Set<() => void> }>)[Symbol.for('retention-kit.translations')];
    const before = listeners.size;
    gauge.remove();
    expect(listeners.size).to.equal(before - 1);
  });
});
