/**
 * The demo's element reference (demo/reference.html): one page per element, made from the
 * manifest, the English terms and the record shapes; each lists exactly the element's
 * attributes (the ones it reads), events with their detail types, parts, custom
 * properties and terms, and shows the gallery's live example of it. Loaded as the demo
 * serves it, in an iframe (tests/server/reference-data.mjs serves reference/data.json).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { shapesOf } from '../../demo/lib/reference-shapes.ts';
import { readableJson } from '../../demo/lib/reference-page.ts';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

let manifest: Map<string, Declaration>;

async function openReference(query: string): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1280px;height:900px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/reference.html${query}`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.getElementById('reference')?.hasAttribute('data-ready'), `reference.html${query} did not render`, { timeout: 15_000 });
  return { frame, doc };
}

/** The first cells (row headers) of a section's table, as text. */
function rowNames(doc: Document, section: string): string[] {
  const table = doc.querySelector(`section[aria-labelledby="ref-${section}"] table`);
  return [...(table?.querySelectorAll('tbody th') ?? [])].map((header) => header.querySelector('code')!.textContent!.trim());
}

before(async () => {
  const json = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
  manifest = new Map(json.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
});

describe('element reference: the index', () => {
  it('lists every element of the manifest, each linked to its page', async () => {
    const { frame, doc } = await openReference('');
    try {
      const links = [...doc.querySelectorAll<HTMLAnchorElement>('.ref-page a[href*="element="]')].map((a) => new URL(a.href).searchParams.get('element'));
      expect(links).to.deep.equal([...manifest.keys()].sort());
      // The gallery's navigation leads here.
      const gallery = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
      expect(gallery.querySelector('.site-nav a[href="./reference.html"]'), 'a Reference link in the gallery nav').to.exist;
    } finally {
      frame.remove();
    }
  });
});

describe('element reference: one page per element', function () {
  this.timeout(120_000);

  it('has a page for every element, true to the manifest', async () => {
    for (const [tag, declaration] of manifest) {
      const { frame, doc } = await openReference(`?element=${tag}`);
      try {
        expect(doc.querySelector('h1')!.textContent, tag).to.equal(`<${tag}>`);
        expect(doc.querySelector('.ref-summary')!.textContent!.length, `<${tag}> summary`).to.be.above(10);
        expect(doc.querySelector('.ref-sidebar a[aria-current="page"]')?.textContent, `<${tag}> sidebar`).to.equal(`<${tag}>`);

        // Exactly the attributes the manifest lists for it, own ones first.
        const attributes = [...rowNames(doc, 'attributes'), ...rowNames(doc, 'common-attributes')];
        expect(attributes, `<${tag}> attributes`).to.have.members((declaration.attributes ?? []).map((a) => a.name));
        expect(rowNames(doc, 'events'), `<${tag}> events`).to.have.members((declaration.events ?? []).map((e) => e.name));
        expect(rowNames(doc, 'parts'), `<${tag}> parts`).to.have.members((declaration.cssParts ?? []).map((p) => p.name));
        expect(rowNames(doc, 'custom-properties'), `<${tag}> custom properties`).to.have.members((declaration.cssProperties ?? []).map((p) => p.name));

        // Every attribute row says something, and a type.
        for (const row of doc.querySelectorAll('.ref-attributes tbody tr')) {
          const cells = row.querySelectorAll('td');
          expect(cells[0].textContent!.trim().length, `<${tag}> ${row.querySelector('th')!.textContent}`).to.be.above(3);
          expect(cells[1].textContent!.trim(), `<${tag}> type`).not.to.equal('');
        }
        // metric-change names the element's model type.
        const metricChange = [...doc.querySelectorAll('section[aria-labelledby="ref-events"] tbody tr')].find((row) => row.querySelector('th')!.textContent === 'metric-change');
        if (metricChange) expect(metricChange.lastElementChild!.textContent, `<${tag}> metric-change detail`).to.match(/^MetricChangeDetail<\w+Model>$/);

        // The data it takes: each shape with its fields and an example that is JSON.
        const shapes = [...doc.querySelectorAll('.ref-shape')];
        expect(shapes.map((shape) => shape.getAttribute('data-shape')), `<${tag}> shapes`).to.deep.equal(shapesOf(tag).map((shape) => shape.id));
        for (const [index, shape] of shapes.entries()) {
          const example = shape.querySelector('.snippet code')!.textContent!;
          const expected = shapesOf(tag)[index].example;
          expect(example).to.equal(readableJson(Array.isArray(expected) ? expected[0] : expected));
          expect(() => JSON.parse(example)).not.to.throw();
        }

        // Its words: the English terms it registers (the data provider shows none).
        if (tag !== 'retention-source') expect(doc.querySelectorAll('section[aria-labelledby="ref-terms"] tbody tr').length, `<${tag}> terms`).to.be.above(3);

        // The gallery's live example of it, with its markup to copy.
        const live = doc.querySelector(`section[aria-labelledby="ref-example"] .example-live ${tag}`);
        expect(live, `<${tag}> live example`).to.exist;
        expect(doc.querySelector('section[aria-labelledby="ref-example"] .snippet code')!.textContent).to.include(`<${tag}`);
      } finally {
        frame.remove();
      }
    }
  });

  it('lists no transaction columns for elements that read other records', async () => {
    const { frame, doc } = await openReference('?element=nps-score');
    try {
      const attributes = rowNames(doc, 'common-attributes');
      expect(attributes).to.include.members(['customer-key', 'date-key']);
      for (const name of ['price-key', 'quantity-key', 'order-key', 'mrr-key']) expect(attributes).not.to.include(name);
    } finally {
      frame.remove();
    }
  });
});
