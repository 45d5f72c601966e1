import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/churn-trend/define.ts';
import '../../../src/components/retention-gauge/define.ts';
import '../../../src/translations/nb.ts';
import type { ChurnTrend } from '../../../src/components/churn-trend/churn-trend.ts';
import type { RetentionGauge } from '../../../src/components/retention-gauge/retention-gauge.ts';
import { settled } from '../settled.ts';

const PERIODS = JSON.stringify([
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
]);

/** console.warn calls while `body` runs. */
async function consoleWarnings(body: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return seen;
}

const shadowText = (el: HTMLElement) => el.shadowRoot!.innerHTML;

describe('refused attribute values', () => {
  it('fall back to the default and say so in warnings, the notice and once in the console', async () => {
    let el!: ChurnTrend;
    const warned = await consoleWarnings(async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 500px"><churn-trend data=${PERIODS} height="1e308" week-start="9" threshold="abc" variant="bars"></churn-trend></div>`);
      el = await settled(box.firstElementChild as ChurnTrend);
    });
    expect(el.status).to.equal('ready');
    expect(el.height).to.equal(undefined);
    expect(el.weekStart).to.equal(undefined);
    expect(el.effectiveThreshold).to.equal(0.07);
    expect(el.variant).to.equal('line');
    const refused = el.warnings.filter((w) => w.code === 'invalid-attribute').map((w) => w.params.attribute);
    expect(refused).to.have.members(['height', 'week-start', 'threshold', 'variant']);
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.include('variant="bars" is not used: it takes one of line, area, so the default applies.');
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!.textContent!;
    expect(notice).to.include('week-start="9" is not used: it takes a whole number from 0 to 6, so the default applies.');
    expect(notice).to.include('height="1e308"');
    expect(warned.filter((text) => text.includes('<churn-trend>') && text.includes('week-start="9"'))).to.have.length(1);
    // Nothing of the refused values reaches the drawing.
    expect(shadowText(el)).to.not.match(/NaN|Infinity|1e\+308|∞/);
    expect(Number(el.shadowRoot!.querySelector('svg')!.getAttribute('height'))).to.be.at.most(400);
  });

  it('are forgotten when the attribute is corrected or removed, and speak the element language', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 500px"><churn-trend lang="nb" data=${PERIODS} week-start="nine"></churn-trend></div>`);
    const el = await settled(box.firstElementChild as ChurnTrend);
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.include('week-start="nine" brukes ikke');
    el.setAttribute('week-start', '1');
    await settled(el);
    expect(el.weekStart).to.equal(1);
    expect(el.warnings.some((w) => w.code === 'invalid-attribute')).to.equal(false);
    el.setAttribute('height', '-5');
    await settled(el);
    expect(el.warnings.map((w) => w.params.attribute)).to.deep.equal(['height']);
    el.removeAttribute('height');
    await settled(el);
    expect(el.warnings).to.deep.equal([]);
  });

  it('fall back to the default (the gauge benchmark: the level of the table for the period)', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><retention-gauge start="100" end="90" new="5" benchmark-churn="7"></retention-gauge></div>`);
    const el = await settled(box.firstElementChild as RetentionGauge);
    expect(el.benchmarkChurn).to.equal(undefined);
    expect(el.verdict!.threshold).to.equal(0.07);
    expect(el.warnings[0].params).to.deep.include({ attribute: 'benchmark-churn', value: '7', min: 0, max: 1 });
    expect(shadowText(el)).to.not.match(/NaN|Infinity|∞/);
  });
});

describe('properties set directly (React 19 and Vue 3 set properties, not attributes)', () => {
  it('get the attribute rule: a refused value falls back with the same warning, a word keeps its meaning', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 500px"><churn-trend data=${PERIODS}></churn-trend></div>`);
    const el = await settled(box.firstElementChild as ChurnTrend);
    const warned = await consoleWarnings(async () => {
      (el as unknown as { height: unknown }).height = 20;
      (el as unknown as { threshold: unknown }).threshold = 'none';
      await settled(el);
    });
    expect(el.height).to.equal(undefined);
    expect(el.threshold).to.equal(null);
    expect(el.warnings.filter((w) => w.code === 'invalid-attribute').map((w) => w.params.attribute)).to.deep.equal(['height']);
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.include('height="20" is not used');
    expect(warned.filter((text) => text.includes('height="20"'))).to.have.length(1);
    // A good value set the same way clears the warning.
    el.height = 300;
    await settled(el);
    expect(el.height).to.equal(300);
    expect(el.warnings.some((w) => w.code === 'invalid-attribute')).to.equal(false);
  });
});
