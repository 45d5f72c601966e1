/**
 * The snippet pasted into a CMS post whose theme styles everything with global selectors
 * and !important (cms-page.html + cms-theme.css), next to the same snippet on a plain page
 * (plain-page.html). Both load in same-origin iframes of the same size.
 *
 * - Nothing of the theme reaches inside: every styled piece inside the elements' shadow
 *   roots computes the same style on both pages (shadow DOM, plus the elements setting
 *   their own text style instead of inheriting the page's).
 * - Nothing of the kit reaches out: the page's own elements keep the theme's look, and the
 *   kit adds no style sheet to the document.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { tableColumn } from '../components/table-column.ts';

interface KitElement extends HTMLElement {
  status: string;
  error?: unknown;
  updateComplete: Promise<boolean>;
}

const STYLE_PROPERTIES = [
  'font-family',
  'font-size',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'color',
  'display',
  'visibility',
  'fill',
  'stroke',
  'background-color',
  'box-sizing',
] as const;

async function load(path: string): Promise<{ frame: HTMLIFrameElement; doc: Document; elements: KitElement[] }> {
  const frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '1600';
  const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(() => frame.contentWindow!.customElements.get('cohort-heatmap'), `${path}: the kit did not load`, { timeout: 10_000 });
  const elements = [...doc.querySelectorAll<KitElement>('#snippet *')].filter((el) => el.localName.includes('-'));
  await waitUntil(() => elements.every((el) => el.status === 'ready' || el.status === 'error'), `${path}: elements did not settle`, { timeout: 10_000 });
  await waitUntil(() => elements.every((el) => el.shadowRoot!.querySelector('svg')), `${path}: charts not drawn`, { timeout: 10_000 });
  await Promise.all(elements.map((el) => el.updateComplete));
  return { frame, doc, elements };
}

/** The pieces worth comparing inside an element: the first node of every part, and of every drawing tag. */
function pieces(el: Element): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    for (const name of (node.getAttribute('part') ?? '').split(/\s+/).filter(Boolean)) {
      if (!found.has(`part ${name}`)) found.set(`part ${name}`, node);
    }
    const tag = node.localName;
    if (['svg', 'text', 'rect', 'path', 'circle', 'line', 'table', 'th', 'td', 'p', 'span', 'div', 'button'].includes(tag) && !found.has(tag)) found.set(tag, node);
  }
  return found;
}

function styleOf(node: Element): Record<string, string> {
  const style = node.ownerDocument.defaultView!.getComputedStyle(node);
  return Object.fromEntries(STYLE_PROPERTIES.map((name) => [name, style.getPropertyValue(name)]));
}

describe('CMS page with an aggressive global theme', function () {
  this.timeout(60_000);
  let cms: Awaited<ReturnType<typeof load>>;
  let plain: Awaited<ReturnType<typeof load>>;

  before(async () => {
    plain = await load('/tests/cms/plain-page.html');
    cms = await load('/tests/cms/cms-page.html');
  });

  after(() => {
    cms.frame.remove();
    plain.frame.remove();
  });

  it('pastes the same snippet on both pages', () => {
    const snippet = (doc: Document) => doc.getElementById('snippet')!.getAttributeNames().join() + doc.getElementById('snippet')!.innerHTML.replace(/\s+/g, ' ');
    // Read back from the parsed pages (the elements add no light-DOM children), so the comparison is of what was pasted.
    expect(snippet(cms.doc)).to.equal(snippet(plain.doc));
    expect(cms.elements.map((el) => el.localName)).to.deep.equal(['retention-gauge', 'churn-trend', 'cohort-heatmap']);
  });

  it('computes the same numbers on the themed page', () => {
    for (const el of cms.elements) expect(el.status, `${el.localName}: ${JSON.stringify(el.error)}`).to.equal('ready');
    const gaugeValue = cms.elements[0].shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim();
    expect(gaugeValue).to.equal('95.0%'); // (520 − 45) / 500
    const trend = cms.elements[1];
    expect(tableColumn(trend, 'Churn rate')).to.deep.equal(['5.0%', '10.0%', '5.0%']); // 25 / 500, 52 / 520, 24 / 480
  });

  it('keeps the theme out: every piece inside the elements looks the same as on the plain page', () => {
    const differences: string[] = [];
    cms.elements.forEach((el, i) => {
      const themed = pieces(el);
      const reference = pieces(plain.elements[i]);
      expect([...themed.keys()].sort(), el.localName).to.deep.equal([...reference.keys()].sort());
      for (const [name, node] of reference) {
        const want = styleOf(node);
        const got = styleOf(themed.get(name)!);
        for (const property of STYLE_PROPERTIES) {
          if (got[property] !== want[property]) differences.push(`<${el.localName}> ${name} ${property}: ${got[property]} (plain page: ${want[property]})`);
        }
      }
    });
    expect(differences, differences.join('\n')).to.deep.equal([]);
  });

  it('draws the charts at a size on the themed page (the theme hides the page’s SVGs, not the kit’s)', () => {
    for (const el of cms.elements) {
      const svg = el.shadowRoot!.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      expect(box.width, el.localName).to.be.greaterThan(50);
      expect(box.height, el.localName).to.be.greaterThan(50);
    }
  });

  it('keeps the kit in: the page’s own elements keep the theme’s look', () => {
    const view = cms.doc.defaultView!;
    const before = view.getComputedStyle(cms.doc.getElementById('before')!);
    expect(before.color).to.equal('rgb(255, 0, 0)');
    expect(before.fontSize).to.equal('30px');
    expect(before.fontFamily).to.include('Comic Sans');
    expect(before.textTransform).to.equal('uppercase');
    expect(view.getComputedStyle(cms.doc.getElementById('page-table')!).display).to.equal('block');
    expect(view.getComputedStyle(cms.doc.getElementById('page-icon')!).display).to.equal('none');
    expect(view.getComputedStyle(cms.doc.getElementById('page-box')!).paddingTop).to.equal('20px');
    // And on the plain page, the page's text keeps the page's font, not the kit's.
    const plainText = plain.doc.defaultView!.getComputedStyle(plain.doc.getElementById('after')!);
    expect(plainText.fontSize).to.equal('16px');
    expect(plainText.color).to.equal('rgb(0, 0, 0)');
  });

  it('adds no style sheet, custom property or attribute to the page', () => {
    for (const { doc } of [cms, plain]) {
      const staticSheets = doc.querySelectorAll('link[rel="stylesheet"], style').length;
      expect(doc.styleSheets.length).to.equal(staticSheets);
      expect(doc.adoptedStyleSheets.length).to.equal(0);
      const root = doc.defaultView!.getComputedStyle(doc.documentElement);
      expect(root.getPropertyValue('--rk-color-accent')).to.equal('');
      expect(doc.documentElement.getAttributeNames().sort()).to.deep.equal(['lang']);
      expect(doc.body.getAttributeNames()).to.deep.equal([]);
    }
  });
});
