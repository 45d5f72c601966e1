/*
 * Every chart names itself (issue #11; DESIGN.md, "It names itself"): by
 * default a title (part="title": what it shows) and, once there is a value, a
 * subtitle (part="subtitle") with its scope — the periods covered, their
 * granularity, what is counted — in the element's language. `heading` sets the
 * title; `heading=""` hides title and subtitle and the host's accessible name
 * still says what the chart shows.
 *
 * One entry per element: the input it needs and what its subtitle must name,
 * in English and in Norwegian Bokmål.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/translations/nb.ts';
import { settled } from './settled.ts';

const FIXTURES = '/tests/fixtures/components';
const ORDERS = `${FIXTURES}/contract-orders.json`;

interface HeadingEntry {
  tag: string;
  define: () => Promise<unknown>;
  /** Attributes of a fixture that computes a value (without `lang`). */
  attributes: Record<string, string>;
  /** What the subtitle must say, per language: every pattern must match. Empty: the element has no data scope. */
  subtitle: { en: RegExp[]; nb: RegExp[] };
  /** The title is the same words in Norwegian (a name such as "Net Promoter Score"). */
  titleSameInNb?: boolean;
}

// Period and granularity in each language: "Monthly" / "Per måned", "Mar 2024" / "mar. 2024".
const MONTHLY = { en: /Monthly/, nb: /Per måned/ };
const MONTHLY_COHORTS = { en: /Monthly cohorts/, nb: /Månedlige kohorter/ };
const JAN_TO_MAR = { en: /Jan 2024 – Mar 2024/, nb: /jan\. 2024–mars 2024/ };

const ENTRIES: HeadingEntry[] = [
  {
    tag: 'retention-gauge',
    define: () => import('../../src/components/retention-gauge/define.ts'),
    attributes: { src: ORDERS, 'window-days': '30', period: '2024-03' },
    // One period, whose label says its length ("Mar 2024", "Q3 2024"): a compact element spends no words on "monthly".
    subtitle: { en: [/^Mar 2024$/], nb: [/^mars 2024$/] },
  },
  {
    tag: 'churn-trend',
    define: () => import('../../src/components/churn-trend/define.ts'),
    attributes: { src: ORDERS, 'window-days': '30' },
    subtitle: { en: [MONTHLY.en, JAN_TO_MAR.en, /30 days/], nb: [MONTHLY.nb, JAN_TO_MAR.nb, /30 dagene/] },
  },
  {
    tag: 'cohort-heatmap',
    define: () => import('../../src/components/cohort-heatmap/define.ts'),
    attributes: { src: ORDERS },
    subtitle: { en: [MONTHLY_COHORTS.en, JAN_TO_MAR.en, /7 customers/], nb: [MONTHLY_COHORTS.nb, JAN_TO_MAR.nb, /7 kunder/] },
  },
  {
    tag: 'retention-curve',
    define: () => import('../../src/components/retention-curve/define.ts'),
    attributes: { src: ORDERS },
    subtitle: { en: [MONTHLY_COHORTS.en, JAN_TO_MAR.en, /7 customers/], nb: [MONTHLY_COHORTS.nb, JAN_TO_MAR.nb, /7 kunder/] },
  },
  {
    tag: 'kpi-tile',
    define: () => import('../../src/components/kpi-tile/define.ts'),
    attributes: { src: ORDERS, metric: 'customer-churn', 'window-days': '30', 'as-of': '2024-03-31' },
    subtitle: { en: [/^Mar 2024$/], nb: [/^mars 2024$/] },
  },
  {
    tag: 'ltv-forecast',
    define: () => import('../../src/components/ltv-forecast/define.ts'),
    attributes: { src: ORDERS },
    subtitle: { en: [MONTHLY_COHORTS.en, JAN_TO_MAR.en, /7 customers/], nb: [MONTHLY_COHORTS.nb, JAN_TO_MAR.nb, /7 kunder/] },
  },
  {
    tag: 'purchase-cycle',
    define: () => import('../../src/components/purchase-cycle/define.ts'),
    attributes: { src: ORDERS },
    // No calendar: the gaps between one customer's purchases, and by how many customers.
    subtitle: { en: [/5 repeat purchases by 4 customers/], nb: [/5 gjenkjøp fra 4 kunder/] },
  },
  {
    tag: 'revenue-movements',
    define: () => import('../../src/components/revenue-movements/define.ts'),
    attributes: { src: `${FIXTURES}/revenue-movements-subscriptions.json`, to: '2024-04-01', 'as-of': '2024-04-01' },
    subtitle: { en: [MONTHLY.en, JAN_TO_MAR.en, /recurring revenue/], nb: [MONTHLY.nb, JAN_TO_MAR.nb, /gjentakende inntekt/] },
  },
  {
    tag: 'nps-score',
    define: () => import('../../src/components/nps-score/define.ts'),
    attributes: { src: `${FIXTURES}/nps-score-responses.json` },
    subtitle: { en: [MONTHLY.en, /2024/], nb: [MONTHLY.nb, /2024/] },
    titleSameInNb: true,
  },
  {
    tag: 'churn-reasons',
    define: () => import('../../src/components/churn-reasons/define.ts'),
    attributes: { src: `${FIXTURES}/churn-reasons-cancellations.json` },
    subtitle: { en: [/By number of cancellations/, MONTHLY.en, /2024/, /cancellations$/], nb: [/Etter antall oppsigelser/, MONTHLY.nb, /2024/] },
  },
  {
    tag: 'customer-health',
    define: () => import('../../src/components/customer-health/define.ts'),
    attributes: { src: `${FIXTURES}/customer-health-events.json`, 'as-of': '2024-03-31' },
    // A snapshot, not a series: the day it is taken on, the window of activity it reads, the customers.
    subtitle: { en: [/As of Mar 31, 2024/, /last \d+ days/, /\d+ customers/], nb: [/Per 31\. mars 2024/, /siste \d+ dagene/, /\d+ kunder/] },
  },
  {
    tag: 'retention-calculator',
    define: () => import('../../src/components/retention-calculator/define.ts'),
    attributes: { start: '500', end: '520', new: '45' },
    // Typed figures of no stated period: a title, no scope to name.
    subtitle: { en: [], nb: [] },
  },
];

interface KitElement extends HTMLElement {
  status: string;
  heading?: string;
  updateComplete: Promise<boolean>;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const partText = (el: Element, name: string) => squash(el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent);
const hasPart = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) !== null;

async function mount(entry: HeadingEntry, extra: Record<string, string> = {}): Promise<KitElement> {
  await entry.define();
  const el = document.createElement(entry.tag) as KitElement;
  for (const [name, value] of Object.entries({ ...entry.attributes, ...extra })) el.setAttribute(name, value);
  // A width, so charts draw as on a page.
  const wrapper = await fixture<HTMLDivElement>('<div style="width: 640px"></div>');
  wrapper.append(el);
  await settled(el, 15_000);
  expect(el.status, `<${entry.tag}> computed`).to.equal('ready');
  return el;
}

describe('every chart has a title and a scope line', () => {
  for (const entry of ENTRIES) {
    describe(`<${entry.tag}>`, () => {
      it('shows a title by default and a subtitle naming its scope', async () => {
        const el = await mount(entry);
        const title = partText(el, 'title');
        expect(title, 'title').to.not.equal('');
        // The host's name says at least what the title says (its summary, which names the metric).
        expect(el.getAttribute('aria-label')).to.not.equal('');
        if (entry.subtitle.en.length === 0) {
          expect(hasPart(el, 'subtitle'), 'no subtitle without a scope').to.equal(false);
          return;
        }
        const subtitle = partText(el, 'subtitle');
        for (const pattern of entry.subtitle.en) expect(subtitle, `subtitle "${subtitle}"`).to.match(pattern);
        expect(subtitle).to.not.match(/NaN|Infinity|undefined|null/);
      });

      it('takes its title from `heading`, and the host name leads with it', async () => {
        const el = await mount(entry, { heading: 'Our numbers' });
        expect(partText(el, 'title')).to.equal('Our numbers');
        expect(el.getAttribute('aria-label')).to.match(/^Our numbers\. \S/);
        el.setAttribute('heading', 'Renamed');
        await el.updateComplete;
        expect(partText(el, 'title')).to.equal('Renamed');
      });

      it('hides title and subtitle with heading="", and keeps a meaningful host name', async () => {
        const el = await mount(entry, { heading: '' });
        expect(hasPart(el, 'title'), 'title').to.equal(false);
        expect(hasPart(el, 'subtitle'), 'subtitle').to.equal(false);
        expect(hasPart(el, 'header'), 'header').to.equal(false);
        const label = el.getAttribute('aria-label') ?? '';
        expect(label.length, `aria-label "${label}"`).to.be.greaterThan(10);
        // Removing the attribute brings the default title back.
        el.removeAttribute('heading');
        await el.updateComplete;
        expect(partText(el, 'title')).to.not.equal('');
      });

      it('says title and scope in the element’s language (lang="nb")', async () => {
        const english = partText(await mount(entry), 'title');
        const el = await mount(entry, { lang: 'nb' });
        const title = partText(el, 'title');
        expect(title, 'title').to.not.equal('');
        if (!entry.titleSameInNb) expect(title, 'title translated').to.not.equal(english);
        if (entry.subtitle.nb.length === 0) return;
        const subtitle = partText(el, 'subtitle');
        for (const pattern of entry.subtitle.nb) expect(subtitle, `subtitle "${subtitle}"`).to.match(pattern);
        for (const pattern of entry.subtitle.en) if (pattern.source.match(/[A-Za-z]{4}|Mar 2024/)) expect(subtitle, `no English left in "${subtitle}"`).to.not.match(pattern);
      });
    });
  }
});
