/**
 * Inline styles that a strict Content-Security-Policy allows.
 *
 * A page served with `style-src 'self'` (no 'unsafe-inline') refuses every `style`
 * attribute, including one set with `setAttribute('style', …)`, and reports a
 * `style-src-attr` violation; writing through the CSSOM (`element.style.setProperty`)
 * is allowed. Lit's own `styleMap` commits its FIRST render as an attribute string
 * (lit/lit#4719), so the first paint of every chart would still be refused. This
 * directive writes through the CSSOM from the first render on.
 *
 * Usage, as the whole value of a `style` attribute (HTML or SVG):
 *   html`<div part="tooltip" style=${cssomStyle({ left: `${x}px`, top: `${y}px` })}>`
 *   svg`<rect style=${cssomStyle({ '--l': fill })}>`
 * Names are CSS names (`max-height`, `--c`), not camelCase. A value that is null,
 * undefined or '' removes the property, so `{ height: fixed ? '40px' : null }` toggles.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

export type CssomStyleInfo = Readonly<Record<string, string | number | null | undefined>>;

class CssomStyleDirective extends Directive {
  /** What this binding last wrote, so unchanged values are not written again on every render. */
  #written = new Map<string, string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style' || (part.strings?.length ?? 0) > 2) {
      throw new Error('cssomStyle must be the whole value of a style attribute');
    }
  }

  /** Nothing to render as text: the attribute itself must never be written. */
  render(_info: CssomStyleInfo): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [info]: [CssomStyleInfo]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.#written.keys()) {
      if (text(info[name]) === null) {
        style.removeProperty(name);
        this.#written.delete(name);
      }
    }
    for (const name of Object.keys(info)) {
      const value = text(info[name]);
      if (value === null || this.#written.get(name) === value) continue;
      style.setProperty(name, value);
      this.#written.set(name, value);
    }
    return noChange;
  }
}

const text = (value: string | number | null | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** Sets CSS properties (custom properties too) on the element through the CSSOM; see the module comment. */
export const cssomStyle = directive(CssomStyleDirective);
