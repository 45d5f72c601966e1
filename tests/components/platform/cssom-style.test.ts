import { expect } from '@open-wc/testing';
import { html, render, svg } from 'lit';
import { cssomStyle, type CssomStyleInfo } from '../../../src/components/platform/cssom-style.ts';

/** Every `setAttribute('style', …)` made while `run` runs: a strict CSP refuses each one. */
function styleAttributeWrites(run: () => void): string[] {
  const writes: string[] = [];
  const original = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style') writes.push(value);
    original.call(this, name, value);
  };
  try {
    run();
  } finally {
    Element.prototype.setAttribute = original;
  }
  return writes;
}

describe('cssomStyle', () => {
  const box = () => document.body.appendChild(document.createElement('div'));
  const tooltip = (info: CssomStyleInfo) => html`<div style=${cssomStyle(info)}></div>`;

  it('writes through the CSSOM from the first render on, never the style attribute', () => {
    const container = box();
    const writes = styleAttributeWrites(() => render(tooltip({ left: '12px', top: '4px', '--c': 'red' }), container));
    const div = container.firstElementChild as HTMLElement;
    expect(writes).to.deep.equal([]);
    expect([div.style.left, div.style.top, div.style.getPropertyValue('--c')]).to.deep.equal(['12px', '4px', 'red']);
    container.remove();
  });

  it('removes properties that become null, undefined or empty, and switches sides', () => {
    const container = box();
    render(tooltip({ left: '12px', top: '4px', height: '30px' }), container);
    const div = container.firstElementChild as HTMLElement;
    const writes = styleAttributeWrites(() => render(tooltip({ right: '7px', top: '5px', height: null }), container));
    expect(writes).to.deep.equal([]);
    expect([div.style.left, div.style.right, div.style.top, div.style.height]).to.deep.equal(['', '7px', '5px', '']);
    render(tooltip({ right: '', top: undefined }), container);
    expect(div.style.length).to.equal(0);
    container.remove();
  });

  it('sets custom properties on SVG elements, numbers as text', () => {
    const container = box();
    render(html`<svg>${svg`<rect style=${cssomStyle({ '--l': '#fff', '--share': 0.25 })}></rect>`}</svg>`, container);
    const rect = container.querySelector('rect')!;
    expect([rect.style.getPropertyValue('--l'), rect.style.getPropertyValue('--share')]).to.deep.equal(['#fff', '0.25']);
    container.remove();
  });

  it('must be the whole value of a style attribute', () => {
    const container = box();
    expect(() => render(html`<div title=${cssomStyle({ left: '1px' })}></div>`, container)).to.throw(/style attribute/);
    container.remove();
  });
});
