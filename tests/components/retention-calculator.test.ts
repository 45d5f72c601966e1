import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MetricChangeDetail } from '../../src/components/platform/events.ts';
import { calculatorModel, type CalculatorModel } from '../../src/engine/jobs/calculator-model.ts';
import type { RetentionCalculator } from '../../src/components/retention-calculator/define.ts';
import '../../src/components/retention-calculator/define.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/ru.ts';
import '../../src/translations/zh.ts';
import { settled } from './settled.ts';

/*
 * Hand-computed figures:
 *   S = 500, E = 520, N = 45 → CRR = (520 − 45) / 500 = 475 / 500 = 95 %;
 *   lost = 500 − 475 = 25 → customer churn = 25 / 500 = 5 %.
 *   Revenue at start 10 000, lost 500, contraction 200, expansion 1 000 →
 *   net revenue churn = (500 + 200 − 1 000) / 10 000 = −3 % (net negative churn);
 *   NRR = (10 000 − 500 − 200 + 1 000) / 10 000 = 103 %.
 *   ARPA 100, gross margin 80 % → LTV = 100 × 0.8 / 0.05 = 1 600.
 */
const root = (el: Element) => el.shadowRoot!;
const input = (el: Element, name: string) => root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const result = (el: Element, key: string) => root(el).querySelector(`[data-result="${key}"]`)!;
const resultValue = (el: Element, key: string) => result(el, key).querySelector('[part~="value"]')!.textContent!.trim();
const resultNote = (el: Element, key: string) => result(el, key).querySelector('[part~="result-note"]')?.textContent?.trim() ?? '';
const errorOf = (el: Element, name: string) => {
  const field = input(el, name);
  const id = field.getAttribute('aria-describedby');
  return id ? root(el).getElementById(id)?.textContent?.trim() ?? '' : '';
};

function tableRows(el: Element): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const row of root(el).querySelectorAll('table tbody tr')) {
    const cells = [...row.children].map((cell) => cell.textContent!.trim());
    rows[cells[0]] = cells[1];
  }
  return rows;
}

const full = () => html`<retention-calculator
  start="500"
  end="520"
  new="45"
  start-revenue="10000"
  lost-revenue="500"
  contraction="200"
  expansion="1000"
  arpa="100"
  gross-margin="80"
></retention-calculator>`;

describe('retention-calculator: model', () => {
  it('computes every result from the hand-computed figures', () => {
    const model = calculatorModel({ start: '500', end: '520', new: '45', startRevenue: 10000, lostRevenue: 500, contraction: 200, expansion: 1000, arpa: 100, grossMargin: 80 });
    expect(model.problems).to.deep.equal({});
    expect(model.retention).to.equal(0.95);
    expect(model.lostCustomers).to.equal(25);
    expect(model.customerChurn).to.equal(0.05);
    expect(model.revenueChurn).to.be.closeTo(-0.03, 1e-12);
    expect(model.grossRevenueChurn).to.be.closeTo(0.07, 1e-12);
    expect(model.netRevenueRetention).to.be.closeTo(1.03, 1e-12);
    expect(model.lifetimeValue).to.be.closeTo(1600, 1e-9);
  });

  it('is usable with nothing filled in, and computes what the figures allow', () => {
    const empty = calculatorModel({});
    expect([empty.retention, empty.customerChurn, empty.revenueChurn, empty.netRevenueRetention, empty.lifetimeValue]).to.deep.equal([null, null, null, null, null]);
    expect(empty.problems).to.deep.equal({});
    // Only S and E: new counts as 0 → CRR = 480 / 500 = 96 %.
    const partial = calculatorModel({ start: '500', end: '480' });
    expect(partial.retention).to.equal(0.96);
    expect(partial.revenueChurn).to.equal(null);
  });

  it('names the field and the reason for every refused figure', () => {
    expect(calculatorModel({ start: '500', end: '-5' }).problems).to.deep.equal({ end: 'negative' });
    expect(calculatorModel({ start: '500', end: '20', new: '45' }).problems).to.deep.equal({ new: 'new-above-end' });
    expect(calculatorModel({ start: 'many', end: '20' }).problems).to.deep.equal({ start: 'not-a-number' });
    expect(calculatorModel({ start: '10.5' }).problems).to.deep.equal({ start: 'not-whole' });
    expect(calculatorModel({ start: '0', end: '20' }).problems).to.deep.equal({ start: 'start-zero' });
    expect(calculatorModel({ startRevenue: '100', lostRevenue: '90', contraction: '20' }).problems).to.deep.equal({ lostRevenue: 'losses-above-start' });
    expect(calculatorModel({ arpa: '100', grossMargin: '150' }).problems).to.deep.equal({ grossMargin: 'margin-above-100' });
    expect(calculatorModel({ arpa: 'x', grossMargin: '150' }).problems).to.deep.equal({ arpa: 'not-a-number', grossMargin: 'margin-above-100' });
  });

  it('churn 0 leaves LTV unbounded; reactivations lift CRR above 100 %', () => {
    const noChurn = calculatorModel({ start: '100', end: '100', arpa: '50', grossMargin: '60' });
    expect(noChurn.customerChurn).to.equal(0);
    expect(noChurn.lifetimeValue).to.equal(null);
    expect(noChurn.lifetimeValueNote).to.equal('no-churn');
    // E − N = 110 − 0 > S = 100: 10 came back → CRR 110 %, churn 0.
    const back = calculatorModel({ start: '100', end: '110' });
    expect(back.retention).to.be.closeTo(1.1, 1e-12);
    expect(back.reactivated).to.equal(10);
    expect(back.customerChurn).to.equal(0);
  });
});

describe('<retention-calculator>', () => {
  it('shows every result from preset attributes, each with its formula in words', async () => {
    const el = await settled(await fixture<RetentionCalculator>(full()));
    expect(resultValue(el, 'retention')).to.equal('95.0%');
    expect(resultValue(el, 'customerChurn')).to.equal('5.0%');
    expect(resultValue(el, 'revenueChurn')).to.equal('-3.0%');
    expect(resultNote(el, 'revenueChurn')).to.contain('Net negative churn');
    expect(resultValue(el, 'netRevenueRetention')).to.equal('103.0%');
    expect(resultValue(el, 'lifetimeValue')).to.equal('$1,600.00');
    expect(result(el, 'retention').querySelector('[part~="formula"]')!.textContent).to.equal('(customers at end − new customers) ÷ customers at start');
    expect(result(el, 'lifetimeValue').querySelector('[part~="formula"]')!.textContent).to.equal('ARPA × gross margin ÷ customer churn rate');
    expect(input(el, 'start').value).to.equal('500');
    expect(el.getAttribute('aria-label')).to.contain('Customer retention rate (CRR) 95.0%');
  });

  it('works empty and says which figures each result needs', async () => {
    const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator></retention-calculator>`));
    expect(resultValue(el, 'retention')).to.equal('—');
    expect(resultNote(el, 'retention')).to.equal('Fill in: Customers at start of period, Customers at end of period.');
    expect(el.getAttribute('aria-label')).to.equal('Customer retention calculator: enter figures to see the results.');
    expect(root(el).querySelector('[part~="message"]')).to.equal(null);
  });

  it('ignores data routes a page template gives every widget, downloads nothing and settles from its figures', async () => {
    const fetched: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (resource, init) => {
      fetched.push(String(resource instanceof Request ? resource.url : resource));
      return realFetch(resource, init);
    };
    try {
      const box = await fixture<HTMLDivElement>(html`<div>
        <retention-calculator id="by-source" source="no-such-source" start="500" end="520" new="45"></retention-calculator>
        <retention-calculator id="by-src" src="/no-such-file.json" start="500" end="520" new="45"></retention-calculator>
        <retention-calculator id="by-data" data='[{"customer": "a", "date": "2024-01-05", "amount": 10}]' start="500" end="520" new="45"></retention-calculator>
      </div>`);
      const elements = [...box.querySelectorAll<RetentionCalculator>('retention-calculator')];
      // settled() waits out 'loading' as well: an element still waiting for a route would time out here.
      await Promise.all(elements.map((el) => settled(el)));
      for (const el of elements) {
        expect(el.status, el.id).to.equal('ready');
        expect(resultValue(el, 'retention'), el.id).to.equal('95.0%'); // (520 − 45) / 500
        expect(el.source ?? el.src ?? el.data, el.id).to.equal(undefined);
        expect(root(el).querySelector('[part~="message"]'), el.id).to.equal(null);
      }
      expect(fetched).to.deep.equal([]);
      // Set later as properties (a framework binding), they are ignored too.
      const [first] = elements;
      first.src = '/another.json';
      first.source = 'another';
      await settled(first);
      expect(first.status).to.equal('ready');
      expect(fetched).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('updates live while typing and reports every result in metric-change', async () => {
    const el = await fixture<RetentionCalculator>(html`<retention-calculator></retention-calculator>`);
    input(el, 'start').focus();
    await sendKeys({ type: '500' });
    await settled(el);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'end'));
    const changed = oneEvent(el, 'metric-change');
    await sendKeys({ type: '490' }); // (490 − 0) / 500 = 98 %
    const event = (await changed) as CustomEvent<MetricChangeDetail<CalculatorModel>>;
    await waitUntil(() => el.result?.figures.end === 490);
    expect(el.end).to.equal('490');
    expect(el.result!.retention).to.equal(0.98);
    expect(event.detail.result).to.have.keys([
      'figures',
      'problems',
      'retention',
      'lostCustomers',
      'customerChurn',
      'revenueChurn',
      'grossRevenueChurn',
      'netRevenueRetention',
      'lifetimeValue',
      'lifetimeValueNote',
      'reactivated',
    ]);
    await settled(el);
    expect(resultValue(el, 'retention')).to.equal('98.0%');
    expect(resultValue(el, 'customerChurn')).to.equal('2.0%'); // lost 10 / 500
  });

  it('fires metric-change only when a result really changes', async () => {
    const el = await settled(await fixture<RetentionCalculator>(full()));
    let changes = 0;
    el.addEventListener('metric-change', () => changes++);
    el.start = '500'; // same figure
    await settled(el);
    expect(changes).to.equal(0);
    el.start = 500; // the same figure as a number: computed again, same results
    await settled(el);
    expect(changes).to.equal(0);
    el.start = '475'; // (520 − 45) / 475 = 100 %
    await settled(el);
    expect(changes).to.equal(1);
    expect(resultValue(el, 'retention')).to.equal('100.0%');
  });

  it('explains invalid entries next to the field (aria-invalid, aria-describedby)', async () => {
    const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start="500" end="-5" new="3"></retention-calculator>`));
    expect(input(el, 'end').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'end')).to.equal('Cannot be below 0.');
    expect(input(el, 'start').getAttribute('aria-invalid')).to.equal('false');
    expect(input(el, 'start').hasAttribute('aria-describedby')).to.equal(false);
    expect(resultValue(el, 'retention')).to.equal('—');

    el.end = '2'; // new 3 > end 2
    await settled(el);
    expect(input(el, 'end').getAttribute('aria-invalid')).to.equal('false');
    expect(errorOf(el, 'new')).to.equal('New customers are among the customers at the end, so they cannot be more than those.');

    input(el, 'new').focus();
    input(el, 'new').select();
    await sendKeys({ type: 'three' });
    await settled(el);
    expect(errorOf(el, 'new')).to.equal('Enter a number, digits only (for example 1250 or 12.5).');
    expect(el.result!.problems).to.deep.equal({ new: 'not-a-number' });
  });

  /*
   * One reading of a margin (metrics/margin.ts), shared with <ltv-forecast>: S 500, E 520, N 45 → churn 5 %,
   * ARPA 100 → LTV = 100 × margin ÷ 0.05 = 2,000 × margin: 78 % → $1,560.00, 0 → $0.00, 100 % → $2,000.00.
   */
  const marginCases: [string, string, string][] = [
    ['0.78', '$1,560.00', 'Read as 78.0%.'],
    ['78', '$1,560.00', 'Read as 78.0%.'],
    ['78 %', '$1,560.00', 'Read as 78.0%.'],
    ['78%', '$1,560.00', 'Read as 78.0%.'],
    ['0', '$0.00', 'Read as 0.0%.'],
    ['1', '$2,000.00', 'Read as 100.0%.'],
    ['100', '$2,000.00', 'Read as 100.0%.'],
  ];
  for (const [typed, ltv, note] of marginCases) {
    it(`a gross margin typed as "${typed}" reads as ${note.slice(8, -1)} and says so`, async () => {
      const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start="500" end="520" new="45" arpa="100"></retention-calculator>`));
      input(el, 'gross-margin').focus();
      await sendKeys({ type: typed });
      await waitUntil(() => el.result?.figures.grossMargin !== null && el.grossMargin === typed, `typed ${typed}`);
      await settled(el);
      expect(resultValue(el, 'lifetimeValue')).to.equal(ltv);
      expect(input(el, 'gross-margin').getAttribute('aria-invalid')).to.equal('false');
      // The note is tied to the field for screen readers.
      expect(errorOf(el, 'gross-margin')).to.equal(note);
    });
  }

  for (const [typed, problem, message] of [
    ['150', 'margin-above-100', 'A gross margin is at most 100 %.'],
    ['150 %', 'margin-above-100', 'A gross margin is at most 100 %.'],
    ['-1', 'negative', 'Cannot be below 0.'],
    ['abc', 'margin-not-a-number', 'Enter a margin as a fraction or a percent, for example 0.78 or 78 %.'],
  ] as const) {
    it(`a gross margin typed as "${typed}" is refused at the field: ${problem}`, async () => {
      const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start="500" end="520" new="45" arpa="100"></retention-calculator>`));
      el.grossMargin = typed;
      await settled(el);
      expect(el.result!.problems).to.deep.equal({ grossMargin: problem });
      expect(input(el, 'gross-margin').getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, 'gross-margin')).to.equal(message);
      expect(resultValue(el, 'lifetimeValue')).to.equal('—');
    });
  }

  it('a preset gross-margin no margin reads as is refused with a warning naming what a margin takes', async () => {
    const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start="500" end="520" new="45" arpa="100" gross-margin="150"></retention-calculator>`));
    const warning = el.warnings.find((w) => w.code === 'invalid-attribute');
    expect(warning?.params).to.deep.equal({ attribute: 'gross-margin', value: '150', takes: 'margin' });
    expect(root(el).querySelector('[part=notice]')!.textContent).to.contain('gross-margin="150" is not used: it takes a margin from 0 to 1 (0.78) or a percent up to 100 (78 %)');
    expect(input(el, 'gross-margin').value).to.equal('');
    // The preset "78 %" stays as written in the field.
    const ok = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start="500" end="520" new="45" arpa="100" gross-margin="78 %"></retention-calculator>`));
    expect(input(ok, 'gross-margin').value).to.equal('78 %');
    expect(resultValue(ok, 'lifetimeValue')).to.equal('$1,560.00');
    expect(ok.warnings).to.deep.equal([]);
  });

  it('the model reads a margin the same way for every notation', () => {
    for (const typed of ['0.78', '78', '78 %', '78%', 0.78, 78]) {
      expect(calculatorModel({ start: '500', end: '520', new: '45', arpa: '100', grossMargin: typed }).lifetimeValue, String(typed)).to.be.closeTo(1560, 1e-9);
    }
  });

  it('the hidden table holds the results shown', async () => {
    const el = await settled(await fixture<RetentionCalculator>(full()));
    const rows = tableRows(el);
    expect(rows['Customer retention rate (CRR)']).to.equal(resultValue(el, 'retention'));
    expect(rows['Customer churn']).to.equal(resultValue(el, 'customerChurn'));
    expect(rows['Revenue churn (net)']).to.equal(resultValue(el, 'revenueChurn'));
    expect(rows['Net revenue retention (NRR)']).to.equal(resultValue(el, 'netRevenueRetention'));
    expect(rows['Customer lifetime value (LTV)']).to.equal(resultValue(el, 'lifetimeValue'));
  });

  it('markup typed or preset stays text and runs nothing', async () => {
    const payload = '<img src=x onerror=window.__rkCalcXss=1>';
    const el = await settled(await fixture<RetentionCalculator>(html`<retention-calculator start=${payload} end="10"></retention-calculator>`));
    expect(input(el, 'start').value).to.equal(payload);
    expect(errorOf(el, 'start')).to.contain('Enter a number');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __rkCalcXss?: number }).__rkCalcXss).to.equal(undefined);
  });

  it('translates (nb-NO → nb, ru, zh) with locale numbers', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="nb-NO">${full()}</div>`);
    const nb = wrapper.querySelector('retention-calculator')!;
    await settled(nb);
    expect(resultValue(nb, 'retention')).to.match(/^95,0\s?%$/);
    expect(root(nb).querySelector('label')!.textContent).to.equal('Kunder ved periodens start');
    const ru = await settled(await fixture<RetentionCalculator>(html`<retention-calculator lang="ru" start="500" end="-1"></retention-calculator>`));
    expect(errorOf(ru, 'end')).to.equal('Не может быть меньше 0.');
    const zh = await settled(await fixture<RetentionCalculator>(html`<retention-calculator lang="zh-CN"></retention-calculator>`));
    expect(root(zh).querySelector('h3')!.textContent).to.equal('结果');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme, with and without problems`, async () => {
      const el = await fixture<RetentionCalculator>(html`<div style="width: 720px">${full()}</div>`).then((w) => w.querySelector('retention-calculator')!);
      el.theme = theme;
      await settled(el);
      await expect(el).to.be.accessible();
      const bad = await settled(await fixture<RetentionCalculator>(html`<retention-calculator theme=${theme} start="x" end="-1" gross-margin="200" arpa="5"></retention-calculator>`));
      await expect(bad).to.be.accessible();
    });
  }
});
