/**
 * The snippet builder as a person uses it, in Chromium: open a real export
 * (tests/fixtures/exports/) through the file input, see the preset it detects
 * and the previews it computes, copy the snippet, paste it into a blank page
 * (pointing its placeholder path at the file), and get the same numbers.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { settled } from '../components/settled.ts';

const EXPORTS = '/tests/fixtures/exports';

interface KitElement extends HTMLElement {
  status: string;
  result?: unknown;
  error?: { message: string };
  updateComplete: Promise<boolean>;
}

before(async () => {
  // The builder's own page, then its script, which wires itself to the page's ids on import.
  const page = new DOMParser().parseFromString(await (await fetch('/demo/builder.html')).text(), 'text/html');
  for (const script of page.querySelectorAll('script')) script.remove();
  document.body.append(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  await import('../../demo/pages/builder.ts');
});

async function openExport(file: string): Promise<void> {
  const text = await (await fetch(`${EXPORTS}/${file}`)).text();
  const input = document.getElementById('file') as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], file, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => document.getElementById('file-status')!.textContent!.startsWith(file), `${file} was not read`, { timeout: 40_000 });
}

async function settledAll(root: ParentNode): Promise<KitElement[]> {
  const elements = [...root.querySelectorAll<KitElement>('*')].filter((el) => el.localName.includes('-') && 'status' in el && el.localName !== 'retention-source');
  for (const el of elements) await settled(el, 15_000);
  return elements;
}

/** The copied snippet in a blank container, its script left out (the kit is loaded) and its file path made real. */
async function pasteSnippet(file: string): Promise<HTMLElement> {
  const snippet = document.getElementById('snippet')!.textContent!;
  const placeholder = /src="(\/path\/to\/[^"]+)"/.exec(snippet)?.[1];
  expect(placeholder, 'the snippet names where the export goes').to.be.a('string');
  const markup = snippet.replace(/<script[^>]*><\/script>/g, '').replaceAll(placeholder!, `${EXPORTS}/${file}`);
  const pasted = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const blank = document.createElement('section');
  blank.append(...[...pasted.body.childNodes].map((node) => document.importNode(node, true)));
  document.body.append(blank);
  return blank;
}

const CASES: { file: string; preset: string }[] = [
  { file: 'shopify-orders.csv', preset: 'shopify-orders' },
  { file: 'shopify-orders-excel-de.csv', preset: 'shopify-orders' },
  { file: 'stripe-payments.csv', preset: 'stripe-payments' },
  { file: 'etsy-orders-tab.csv', preset: 'etsy-orders' },
  { file: 'woocommerce-orders-bom-crlf.csv', preset: 'woocommerce-orders' },
  { file: 'events.csv', preset: 'events' },
  { file: 'stripe-subscriptions.csv', preset: 'stripe-subscriptions' },
];

describe('the snippet builder with real exports', function () {
  // Each case reads an export, previews every element and pastes the snippet into a fresh page: over
  // the runner's 15 s default on a loaded machine (the first case also loads the builder and the engine).
  this.timeout(60_000);
  for (const { file, preset } of CASES) {
    it(`${file}: detects ${preset}, previews every element, and the pasted snippet gives the same numbers`, async () => {
      await openExport(file);
      expect(document.getElementById('preset-note')!.textContent).to.contain(`preset="${preset}"`);
      const snippet = document.getElementById('snippet')!.textContent!;
      expect(snippet).to.contain(`preset="${preset}"`);

      const previews = await settledAll(document.getElementById('elements')!);
      expect(previews.length, 'preview elements').to.be.above(1);
      for (const el of previews) expect(el.status, `preview <${el.localName}>: ${el.error?.message}`).to.equal('ready');

      const blank = await pasteSnippet(file);
      try {
        const pasted = await settledAll(blank);
        expect(pasted.map((el) => el.localName)).to.deep.equal(previews.map((el) => el.localName));
        pasted.forEach((el, i) => {
          expect(el.status, `pasted <${el.localName}>: ${el.error?.message}`).to.equal('ready');
          expect(JSON.stringify(el.result), `<${el.localName}> pasted vs preview`).to.equal(JSON.stringify(previews[i].result));
        });
      } finally {
        blank.remove();
      }
    });
  }

  it('an order list with no money column previews only what counts customers, and says so', async () => {
    const text = 'Customer,Date\nc-1,2024-01-05\nc-2,2024-01-20\nc-1,2024-02-11\nc-3,2024-02-14\nc-2,2024-03-02\nc-1,2024-03-30\n';
    (document.getElementById('pasted') as HTMLTextAreaElement).value = text;
    document.getElementById('use-pasted')!.click();
    await waitUntil(() => document.getElementById('file-status')!.textContent!.startsWith('pasted'), 'pasted data was not read');
    expect(document.getElementById('mapping-note')!.textContent).to.contain('No money column');
    const previews = await settledAll(document.getElementById('elements')!);
    expect(previews.map((el) => el.localName)).not.to.include('ltv-forecast');
    for (const el of previews) expect(el.status, `preview <${el.localName}>: ${el.error?.message}`).to.equal('ready');
  });
});
