/**
 * The data shapes the reference pages print (demo/lib/reference-shapes.ts) are true: each
 * element computes a result, not an error, from each of its shapes' example records, and
 * every attribute a shape names to map a field is one the element has.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENT_SHAPES } from '../../demo/lib/reference-shapes.ts';

interface KitElement extends HTMLElement {
  status: string;
  error?: { message?: string };
  data: unknown;
}

async function manifestAttributes(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };
  const byTag = new Map<string, string[]>();
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (declaration.tagName) byTag.set(declaration.tagName, (declaration.attributes ?? []).map((attribute) => attribute.name));
  }
  return byTag;
}

describe('reference pages: the data shapes', function () {
  this.timeout(60_000);

  // Every element of the kit, as the strict pages register them (one define.ts each).
  before(async () => {
    const everyElement: string = '/tests/strict-pages/kit-elements.js';
    await import(everyElement);
  });

  it('describe every element of the manifest', async () => {
    const tags = [...(await manifestAttributes()).keys()].sort();
    expect(Object.keys(ELEMENT_SHAPES).sort()).to.deep.equal(tags);
  });

  it('name only attributes the element has', async () => {
    const attributes = await manifestAttributes();
    for (const [tag, shapes] of Object.entries(ELEMENT_SHAPES)) {
      if (tag === 'retention-source') continue; // it downloads; the widgets reading it map the fields
      for (const shape of shapes) {
        for (const field of shape.fields) {
          if (field.attribute) expect(attributes.get(tag), `<${tag}> ${shape.id}.${field.name}`).to.include(field.attribute);
        }
        for (const [name] of shape.attributes ?? []) expect(attributes.get(tag), `<${tag}> ${shape.id}`).to.include(name);
      }
    }
  });

  for (const [tag, shapes] of Object.entries(ELEMENT_SHAPES)) {
    if (tag === 'retention-source') continue;
    for (const shape of shapes) {
      it(`<${tag}> computes from the ${shape.id} example`, async () => {
        const el = document.createElement(tag) as KitElement;
        for (const [name, value] of shape.attributes ?? []) el.setAttribute(name, value);
        el.data = structuredClone(shape.example);
        el.style.width = '640px';
        document.body.append(el);
        try {
          await waitUntil(() => el.status === 'ready' || el.status === 'error', `<${tag}> did not settle`, { timeout: 20_000 });
          expect(el.status, `<${tag}> with ${shape.id}: ${el.error?.message ?? ''}`).to.equal('ready');
        } finally {
          el.remove();
        }
      });
    }
  }
});
