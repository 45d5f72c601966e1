/**
 * Every element of the kit mounted in React 19 and in Vue 3 with every attribute it observes
 * set as a prop, named as in HTML (`customer-key`, `value`, `window-days` …), as a developer
 * copies them from the docs (#13). Frameworks set a prop that names a property of the element
 * as that property, the others as attributes; either way the element must end up with the
 * value: no uncaught error, no console error, no refused value, and each property holding
 * what was passed. Then the two cases of issue #13 drawn: `<kpi-tile value={0.042}>` shows
 * 4.2 %, `<cohort-heatmap value="count">` shows counts.
 *
 * The sample value of each attribute comes from the element itself where it can: a checked
 * converter says which choices or which range it takes (attribute-rules.ts); the rest is named
 * below.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createApp, h } from 'vue';
import { isCheckedConverter } from '../../src/components/platform/attribute-rules.ts';
import { HEATMAP_ORDERS, shadowText, cellTexts } from './orders.ts';

interface PropertyDeclaration {
  attribute?: boolean | string;
  type?: unknown;
  converter?: unknown;
}
type ElementClass = CustomElementConstructor & { observedAttributes: string[]; elementProperties: Map<PropertyKey, PropertyDeclaration> };
type KitElement = HTMLElement & Record<string, unknown> & { status?: string; updateComplete?: Promise<unknown> };

/** A value per attribute the element's own declarations cannot tell (types named in TypeScript only). */
const NAMED: Record<string, unknown> = {
  'churn-trend metric': 'revenue',
  'kpi-tile metric': 'crr',
  'kpi-tile value': 0.042,
  'cohort-heatmap value': 'count',
  'retention-curve mode': 'unbounded',
  input: 'auto',
  granularity: 'week',
  theme: 'dark',
  compute: 'inline',
  frame: 'cumulative',
  'weight-by': 'revenue',
  'time-unit': 'days',
  data: HEATMAP_ORDERS,
  'type-map': '{"Paid":"purchase","Refunded":"return"}',
  weights: { logins: 2 },
  src: '/tests/fixtures/components/cohort-heatmap-orders.csv',
  'customers-src': '/tests/fixtures/components/cohort-heatmap-customers.csv',
  source: 'no-such-source',
  id: 'every-attribute-source',
  preset: 'shopify-orders',
  'date-format': 'DD/MM/YYYY',
  decimal: ',',
  delimiter: ';',
  'amount-per': 'unit',
  currency: 'EUR',
  'time-zone': 'Europe/Oslo',
  heading: 'Every attribute',
  period: '2024-03',
  'selected-period': '2024-02',
  'as-of': '2024-03-31',
  from: '2024-01-01',
  to: '2024-03-31',
  'calibration-end': '2024-02-29',
  'cohort-by': 'plan',
  margin: 0.7,
  export: 'csv svg',
};

/** What the element takes for an attribute, from its checked converter (a choice or a range). */
function fromConverter(converter: unknown, current: unknown): unknown {
  if (!isCheckedConverter(converter)) return undefined;
  const expected = converter.refusal('\u0000 no value') as { choices?: string[]; min?: number; max?: number; integer?: boolean } | null;
  if (!expected) return undefined;
  if (expected.choices) return expected.choices.find((choice) => choice !== current) ?? expected.choices[0];
  if (expected.min !== undefined && expected.max !== undefined) {
    const { min, max } = expected;
    // Inside the range and not an edge: a small whole number where it fits, else the middle.
    const candidate = expected.integer ? Math.min(max, Math.max(min, 0) + 3) : max - min <= 2 ? Math.round(((min + max) / 2) * 1000) / 1000 || 0.25 : Math.min(max, Math.max(min, 0) + 3);
    return candidate;
  }
  return undefined;
}

/** Every attribute the manifest lists for a tag (what the docs promise), with its property and a sample value. */
function attributesOf(tag: string, documented: string[]): Array<{ attribute: string; property?: string; declaration?: PropertyDeclaration; value: unknown }> {
  const ctor = customElements.get(tag) as ElementClass;
  const fresh = document.createElement(tag) as KitElement;
  const byAttribute = new Map<string, { property: string; declaration: PropertyDeclaration }>();
  for (const [name, declaration] of ctor.elementProperties) {
    if (declaration.attribute === false) continue;
    byAttribute.set(typeof declaration.attribute === 'string' ? declaration.attribute : String(name).toLowerCase(), { property: String(name), declaration });
  }
  const unknown = documented.filter((attribute) => attribute !== 'id' && !ctor.observedAttributes.includes(attribute));
  expect(unknown, `custom-elements.json lists attributes <${tag}> does not have (run npm run manifest)`).to.deep.equal([]);
  return documented.map((attribute) => {
    const found = byAttribute.get(attribute);
    const current = found ? fresh[found.property] : undefined;
    let value = NAMED[`${tag} ${attribute}`] ?? NAMED[attribute] ?? fromConverter(found?.declaration.converter, current);
    if (value === undefined && found?.declaration.type === Boolean) value = true;
    if (value === undefined && found?.declaration.type === Number) value = 3;
    if (value === undefined && /-key$/.test(attribute)) value = `${attribute.replace(/-key$/, '')}_column`;
    // Counts and money typed as figures (start, end, new, lost, promoters, arpa …).
    if (value === undefined) value = 12;
    return { attribute, property: found?.property, declaration: found?.declaration, value };
  });
}

/**
 * What the property holds after a framework passed `value` under the attribute's name: a
 * prop named like a property is set as that property, as passed; any other becomes the
 * attribute's text (React and Vue write it with setAttribute; `true` as ''), which the
 * element reads back with its declaration's converter, or Lit's default one.
 */
function expectedProperty(attribute: string, value: unknown, element: KitElement, declaration: PropertyDeclaration): unknown {
  if (attribute in element) return value;
  const text = value === true ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const converter = declaration.converter as { fromAttribute?: (text: string, type?: unknown) => unknown } | undefined;
  if (converter?.fromAttribute) return converter.fromAttribute(text, declaration.type);
  if (declaration.type === Boolean) return true;
  if (declaration.type === Number) return Number(text);
  if (declaration.type === Object || declaration.type === Array) return JSON.parse(text);
  return text;
}

/** Records what must not happen while a block runs: uncaught errors, rejections, console errors, refused attribute values. */
function watchPage() {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(event.reason)}`);
  const { error, warn } = console;
  console.error = (...args: unknown[]) => problems.push(`console.error: ${args.map(String).join(' ')}`);
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/is not used: it takes/.test(text)) problems.push(`refused: ${text}`);
    else warn(...args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      console.error = error;
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

async function settle(element: KitElement) {
  await element.updateComplete;
  // Computing elements settle (ready, or an error shown in the element); a source waits for nothing.
  if ('status' in element) await waitUntil(() => element.status !== 'loading' && element.status !== 'computing', `<${element.localName}> did not settle`, { timeout: 10_000 });
  await new Promise((done) => setTimeout(done, 50));
}

/** The kit's elements and their documented attributes, from the committed custom-elements.json. */
let manifest: Map<string, string[]> | undefined;
async function documentedAttributes(): Promise<Map<string, string[]>> {
  if (!manifest) {
    const json = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string; customElement?: boolean; attributes?: { name: string }[] }[] }[] };
    const elements = json.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);
    manifest = new Map(elements.map((d) => [d.tagName!, (d.attributes ?? []).map((attribute) => attribute.name)] as const).sort(([a], [b]) => a.localeCompare(b)));
  }
  return manifest;
}
const tags = async () => [...(await documentedAttributes()).keys()];

/** Mounts one element with every attribute through a framework; checks it took them all. */
async function mountsWithEveryAttribute(tag: string, mount: (container: HTMLElement, props: Record<string, unknown>) => () => void) {
  const attributes = attributesOf(tag, (await documentedAttributes()).get(tag)!);
  expect(attributes.length, `<${tag}> observes no attributes`).to.be.above(2);
  const props = Object.fromEntries(attributes.map(({ attribute, value }) => [attribute, value]));
  const container = document.createElement('div');
  container.style.width = '640px';
  document.body.append(container);
  const watch = watchPage();
  let unmount = () => {};
  try {
    unmount = mount(container, props);
    const element = container.querySelector(tag) as KitElement;
    expect(element, `<${tag}> was not rendered`).to.be.instanceOf(customElements.get(tag)!);
    await settle(element);
    for (const { attribute, property, declaration, value } of attributes) {
      if (!property || !declaration) continue;
      expect(element[property], `<${tag}> ${attribute} → ${property}`).to.deep.equal(expectedProperty(attribute, value, element, declaration));
    }
    unmount();
    unmount = () => {};
    expect(watch.problems, `<${tag}>`).to.deep.equal([]);
  } finally {
    unmount();
    watch.stop();
    container.remove();
  }
}

const reactMount = (tag: string) => (container: HTMLElement, props: Record<string, unknown>) => {
  const root = createRoot(container);
  flushSync(() => root.render(createElement(tag, props)));
  return () => root.unmount();
};

const vueMount = (tag: string) => (container: HTMLElement, props: Record<string, unknown>) => {
  // A render function names the tag itself: no component resolution, no isCustomElement needed.
  const app = createApp({ render: () => h(tag, props) });
  app.mount(container);
  return () => app.unmount();
};

// Every element the manifest names, registered from its own define module.
before(async () => {
  for (const tag of await tags()) await import(/* @vite-ignore */ `../../src/components/${tag}/define.ts`);
});

describe('every element with every attribute as a prop', () => {
  it('covers every element of the manifest', async () => {
    expect(await tags()).to.have.length.of.at.least(13);
  });

  for (const [framework, mount] of [
    ['React 19', reactMount],
    ['Vue 3', vueMount],
  ] as const) {
    it(`${framework}: each element takes every attribute without an error`, async () => {
      for (const tag of await tags()) await mountsWithEveryAttribute(tag, mount(tag));
    });
  }
});

describe('the props of issue #13 take effect', () => {
  for (const [framework, mount] of [
    ['React 19', reactMount],
    ['Vue 3', vueMount],
  ] as const) {
    it(`${framework}: <kpi-tile value={0.042}> shows 4.2 %`, async () => {
      const container = document.createElement('div');
      container.style.width = '320px';
      document.body.append(container);
      const watch = watchPage();
      const unmount = mount('kpi-tile')(container, { metric: 'customer-churn', value: 0.042, period: 'March' });
      try {
        const tile = container.querySelector('kpi-tile') as unknown as KitElement;
        await settle(tile);
        expect(tile.status).to.equal('ready');
        expect(shadowText(tile, '[part~="value"]')).to.equal('4.2%');
        expect(watch.problems).to.deep.equal([]);
      } finally {
        unmount();
        watch.stop();
        container.remove();
      }
    });

    it(`${framework}: <cohort-heatmap value="count"> shows counts`, async () => {
      const container = document.createElement('div');
      container.style.width = '640px';
      document.body.append(container);
      const watch = watchPage();
      const unmount = mount('cohort-heatmap')(container, { data: HEATMAP_ORDERS, 'customer-key': 'email', 'date-key': 'created_at', 'as-of': '2024-03-31', value: 'count' });
      try {
        const heatmap = container.querySelector('cohort-heatmap') as unknown as KitElement;
        await settle(heatmap);
        expect(heatmap.status).to.equal('ready');
        await waitUntil(() => heatmap.shadowRoot!.querySelector('svg'), 'heatmap not drawn');
        // Jan {a, b, c}: 3, then a, then a and b; Feb {d, e}: 2, then d; Mar {f}: 1.
        expect(cellTexts(heatmap)).to.deep.equal(['3', '1', '2', '2', '1', '1']);
        expect(watch.problems).to.deep.equal([]);
      } finally {
        unmount();
        watch.stop();
        container.remove();
      }
    });
  }
});
