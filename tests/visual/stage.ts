/**
 * Where the visual tests put an example: a box of a given width, in one of
 * two surroundings, in one of two themes.
 *
 * - `plain`: the test page as it is, no style sheet at all (a page that only
 *   pasted the snippet).
 * - `gallery`: the gallery's own style sheet (demo/styles/demo.css) adopted by
 *   the document, the example inside the gallery's card markup, and for the
 *   dark theme the gallery's dark page (`<html class="dark">`, as dark.html).
 *
 * The example is mounted once and computes once; width, theme and
 * surroundings then change around it (none of them asks for a new run), and
 * `whenStill` waits until every element has redrawn.
 */
import { setViewport } from '@web/test-runner-commands';
// Every element of the kit, registered as the gallery registers them.
import '../../demo/lib/elements.ts';
import type { GalleryExample } from './gallery-examples.ts';

export type Surroundings = 'plain' | 'gallery';
export type Theme = 'light' | 'dark';

export interface KitElement extends HTMLElement {
  status: string;
  error?: unknown;
  updateComplete: Promise<boolean>;
}

/** Wide enough for the widest box and the gallery card around it; the page scrolls for the rest. */
export const VIEWPORT = { width: 1400, height: 900 };
/** The fonts the page controls in the pixel tests: a face every Debian machine with Chromium has. */
export const FIXED_FONT = "'DejaVu Sans'";

let gallerySheet: Promise<CSSStyleSheet> | undefined;

function loadGallerySheet(): Promise<CSSStyleSheet> {
  gallerySheet ??= fetch('/demo/styles/demo.css')
    .then((response) => {
      if (!response.ok) throw new Error(`demo.css: ${response.status}`);
      return response.text();
    })
    .then((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  return gallerySheet;
}

export async function prepareStagePage(): Promise<void> {
  await setViewport(VIEWPORT);
  await document.fonts.ready;
}

export class Stage {
  readonly card = document.createElement('section');
  /** The box whose width is set: the element (or the example's grid) fills it. */
  readonly box = document.createElement('div');
  readonly elements: KitElement[];

  constructor(
    readonly example: GalleryExample,
    options: { font?: string } = {},
  ) {
    this.card.className = 'card example';
    this.box.className = 'example-live';
    if (options.font) this.box.style.setProperty('--rk-font-family', options.font);
    // The gallery's markup, parsed as the gallery's template is (no script runs from it).
    const template = document.createElement('template');
    template.innerHTML = example.markup;
    this.box.append(template.content);
    this.card.append(this.box);
    this.elements = [...this.box.querySelectorAll<KitElement>('*')].filter((node) => node.localName.includes('-'));
  }

  /** Elements that draw (a `<retention-source>` is an invisible provider). */
  get drawn(): KitElement[] {
    return this.elements.filter((el) => el.localName !== 'retention-source');
  }

  async mount(timeout = 12_000): Promise<void> {
    const unknown = this.example.tags.filter((tag) => !customElements.get(tag));
    if (unknown.length > 0) throw new Error(`${this.example.id}: no element is defined for ${unknown.map((tag) => `<${tag}>`).join(', ')}`);
    document.body.append(this.card);
    // A <retention-source> has no status of its own: the elements that name it wait for it.
    const waiting = (): string[] =>
      this.drawn.filter((el) => el.status !== 'ready' && el.status !== 'error').map((el) => `<${el.localName}> ${el.status}`);
    const started = performance.now();
    while (waiting().length > 0) {
      if (performance.now() - started > timeout) throw new Error(`${this.example.id} did not settle: ${waiting().join(', ')}`);
      await new Promise((done) => setTimeout(done, 25));
    }
    await Promise.all(this.elements.map((el) => el.updateComplete));
  }

  async show(surroundings: Surroundings, width: number, theme: Theme): Promise<void> {
    document.adoptedStyleSheets = surroundings === 'gallery' ? [await loadGallerySheet()] : [];
    document.documentElement.classList.toggle('dark', surroundings === 'gallery' && theme === 'dark');
    this.box.style.width = `${width}px`;
    for (const el of this.elements) el.setAttribute('theme', theme);
    await whenStill(this.elements);
  }

  remove(): void {
    this.card.remove();
    document.adoptedStyleSheets = [];
    document.documentElement.classList.remove('dark');
  }
}

function frame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => done()));
}

/** Everything the eye would see of the elements: their boxes and their shadow DOM. */
function picture(elements: readonly KitElement[]): string {
  return elements
    .map((el) => {
      const box = el.getBoundingClientRect();
      return `${box.x},${box.y},${box.width},${box.height}|${el.shadowRoot?.innerHTML ?? ''}`;
    })
    .join('\n');
}

/**
 * Resolves when the elements have finished updating and nothing of them has
 * changed for three frames in a row (a resize reaches an element through a
 * ResizeObserver, and it redraws in the frame after).
 */
export async function whenStill(elements: readonly KitElement[], timeout = 5000): Promise<void> {
  const started = performance.now();
  let last = '';
  let still = 0;
  while (still < 3) {
    await Promise.all(elements.map((el) => el.updateComplete));
    await frame();
    const now = picture(elements);
    still = now === last ? still + 1 : 0;
    last = now;
    if (performance.now() - started > timeout) throw new Error(`elements kept changing for ${timeout} ms`);
  }
}
