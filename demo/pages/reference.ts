/**
 * The element reference (reference.html): `?element=<tag>` shows that element's page,
 * no query the index. Its content is reference/data.json, which the demo server and
 * build make from custom-elements.json with scripts/reference-docs.mjs; the live example
 * is the gallery's own (index.html), so the two never differ.
 */
import '../lib/elements.ts';
import { pointScriptsAtCdn } from '../lib/cdn.ts';
import { galleryExample, renderIndex, renderReference, renderSidebar, type ReferenceDocs } from '../lib/reference-page.ts';
import { shapesOf } from '../lib/reference-shapes.ts';
import { mountExamples } from '../lib/snippets.ts';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function main(): Promise<void> {
  const root = document.getElementById('reference')!;
  const docs = (await (await fetchOk('./reference/data.json')).json()) as ReferenceDocs;
  const tag = new URLSearchParams(location.search).get('element') ?? undefined;
  const entry = tag ? docs.elements.find((element) => element.tag === tag) : undefined;
  const sidebar = renderSidebar(docs, entry?.tag);
  if (!entry) {
    root.replaceChildren(sidebar, renderIndex(docs));
    if (tag) root.dataset.unknown = tag;
  } else {
    document.title = `<${entry.tag}> · Retention Kit reference`;
    const gallery = new DOMParser().parseFromString(await (await fetchOk('./index.html')).text(), 'text/html');
    pointScriptsAtCdn(gallery);
    root.replaceChildren(sidebar, renderReference(entry, shapesOf(entry.tag), galleryExample(gallery, entry.tag)));
    mountExamples(root);
  }
  root.setAttribute('aria-busy', 'false');
  root.dataset.ready = '';
  // A deep link (#ref-events) lands once the page exists.
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

main().catch((error: unknown) => {
  const root = document.getElementById('reference')!;
  const message = document.createElement('p');
  message.className = 'note';
  message.textContent = `The reference could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
  root.dataset.ready = '';
  throw error;
});
