/**
 * Draws an element's reference page (demo/reference.html?element=<tag>) from the entry
 * scripts/reference-docs.mjs made of the manifest and the element's English terms, and
 * the record shapes of reference-shapes.ts: what it is, a live example, the data it takes,
 * attributes, properties, methods, events, parts, custom properties and terms. In the
 * manner of Shoelace's component pages.
 *
 * Everything is built with DOM calls and text nodes: no HTML strings.
 */
import type { RecordShape } from './reference-shapes.ts';
import { createSnippet } from './snippets.ts';
import { cdnFile } from './cdn.ts';

export interface ReferenceAttribute {
  name: string;
  property?: string;
  type: string;
  default?: string;
  unit?: string;
  reflects: boolean;
  inherited: boolean;
  description: string;
}

export interface ReferenceEntry {
  tag: string;
  className: string;
  module: string;
  summary: string;
  description: string;
  attributes: ReferenceAttribute[];
  properties: { name: string; type: string; readonly: boolean; description: string }[];
  methods: { name: string; signature: string; description: string }[];
  events: { name: string; detail?: string; description: string }[];
  parts: { name: string; description: string }[];
  cssProperties: { name: string; description: string }[];
  slots: { name: string; description: string }[];
  terms: { key: string; english: string; isFunction: boolean; type?: string; note?: string }[];
}

export interface ReferenceDocs {
  version: string;
  elements: ReferenceEntry[];
}

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text with `code` spans as <code>: the manifest's descriptions are written that way. */
export function richText(text: string): Node[] {
  return text.split(/(`[^`]+`)/).filter(Boolean).map((piece) => (piece.startsWith('`') && piece.endsWith('`') && piece.length > 2 ? el('code', {}, piece.slice(1, -1)) : document.createTextNode(piece)));
}

function table(caption: string, headers: string[], rows: Child[][], className = ''): HTMLElement {
  const head = el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)));
  const body = rows.map((cells) => el('tr', {}, ...cells.map((cell, index) => (index === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))));
  return el('div', { class: 'ref-table-wrap' }, el('table', { class: `ref-table ${className}`.trim() }, el('caption', { class: 'visually-hidden' }, caption), el('thead', {}, head), el('tbody', {}, ...body)));
}

const code = (text: string) => el('code', {}, text);
/** A cell of several lines: the main text, then muted notes. */
const stack = (...lines: Array<Node | string | undefined>) => el('div', { class: 'ref-stack' }, ...lines.filter((line): line is Node | string => line !== undefined));
const muted = (...children: Child[]) => el('span', { class: 'ref-muted' }, ...children);

function section(id: string, title: string, ...content: Child[]): HTMLElement {
  return el('section', { class: 'ref-section', 'aria-labelledby': `ref-${id}` }, el('h2', { id: `ref-${id}` }, title), ...content);
}

/** `'percent'` → `percent`; the manifest keeps defaults as code. */
const plainDefault = (value: string | undefined) => (value === undefined ? '' : value.replace(/^'(.*)'$/, '$1'));

function attributesTable(attributes: ReferenceAttribute[], caption: string): HTMLElement {
  return table(
    caption,
    ['Attribute', 'Description', 'Type', 'Default', 'Unit'],
    attributes.map((attribute) => [
      stack(code(attribute.name), attribute.property && attribute.property !== attribute.name ? muted('property ', code(attribute.property)) : undefined, attribute.reflects ? muted('reflects') : undefined),
      el('span', {}, ...richText(attribute.description)),
      code(attribute.type.replace(/ \| undefined$/, '')),
      attribute.default !== undefined ? code(plainDefault(attribute.default)) : muted('—'),
      attribute.unit ? el('span', {}, ...richText(attribute.unit)) : muted('—'),
    ]),
    'ref-attributes',
  );
}

/** JSON as a person writes it: indented objects, short lists of plain values on one line. */
export function readableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
}

function shapeBlock(shape: RecordShape): HTMLElement {
  const example = Array.isArray(shape.example) ? shape.example[0] : shape.example;
  const needs = shape.attributes?.length
    ? el('p', {}, 'Set ', ...shape.attributes.flatMap(([name, value], index) => [index ? ' and ' : '', code(`${name}="${value}"`)]), ' (where the element cannot tell by itself).')
    : '';
  return el(
    'div',
    { class: 'ref-shape', 'data-shape': shape.id },
    el('h3', {}, shape.title),
    el('p', {}, shape.what),
    needs,
    table(
      `${shape.title}: fields`,
      ['Field', 'Mapped by', 'Type', 'Meaning'],
      shape.fields.map((field) => [
        stack(code(field.name), field.required ? muted('required') : muted('optional')),
        field.attribute ? code(field.attribute) : muted('—'),
        el('span', {}, field.type),
        el('span', {}, ...richText(field.meaning)),
      ]),
    ),
    createSnippet(readableJson(example), Array.isArray(shape.example) ? 'Example record (JSON)' : 'Example (JSON)'),
  );
}

/** The page of one element. `example` is the live example (a gallery template's content), if any. */
export function renderReference(entry: ReferenceEntry, shapes: RecordShape[], example?: DocumentFragment): HTMLElement {
  const own = entry.attributes.filter((attribute) => !attribute.inherited);
  const common = entry.attributes.filter((attribute) => attribute.inherited);
  const page = el('article', { class: 'ref-page', 'data-element': entry.tag });

  page.append(
    el('header', { class: 'ref-header' }, el('h1', {}, code(`<${entry.tag}>`)), el('p', { class: 'ref-summary' }, ...richText(entry.summary))),
    el(
      'dl',
      { class: 'ref-facts' },
      el('dt', {}, 'Class'),
      el('dd', {}, code(entry.className)),
      el('dt', {}, 'npm'),
      el('dd', {}, code(`import 'retention-kit/${entry.tag}';`)),
      el('dt', {}, 'CDN'),
      // The element's own module: the page downloads this element and what it shares with the others.
      el('dd', {}, code(`<script type="module" src="${cdnFile(`elements/${entry.tag}.js`)}"></script>`)),
      el('dt', {}, 'Source'),
      el('dd', {}, code(entry.module)),
    ),
  );
  const description = entry.description.split(/\n\s*\n/).map((paragraph) => el('p', {}, ...richText(paragraph.replace(/\s*\n\s*/g, ' '))));
  page.append(el('div', { class: 'ref-description' }, ...description));

  if (example) {
    // Mounted like the gallery's (mountExamples): the live element, then its markup to copy.
    const template = el('template', { 'data-example': '' });
    template.content.append(example);
    page.append(section('example', 'Example', el('div', { class: 'example' }, template)));
  }

  page.append(
    section(
      'data',
      'Data',
      shapes.length
        ? el('p', {}, 'Give records by any route: the ', code('data'), ' attribute (JSON) or property, ', code('src'), ' (a JSON or CSV file), an inline ', code('<script type="application/json">'), ' child, or ', code('source'), ' naming a ', code('<retention-source>'), '. Field names are mapped by the attributes named below, so an export needs no reshaping.')
        : el('p', {}, 'Its input is its attributes: the figures typed into them (below).'),
      ...shapes.map(shapeBlock),
    ),
  );

  if (own.length) page.append(section('attributes', 'Attributes', attributesTable(own, `Attributes of <${entry.tag}>`)));
  if (common.length) {
    page.append(
      section(
        'common-attributes',
        'Common attributes',
        el('p', {}, 'Attributes of every element that apply to this one (data routes, field mapping, file reading, look). Each sets the property of the same name in camelCase.'),
        attributesTable(common, `Common attributes of <${entry.tag}>`),
      ),
    );
  }
  if (entry.properties.length) {
    page.append(
      section(
        'properties',
        'Properties',
        el('p', {}, 'Properties without an attribute: read them, or set those that are not read-only from script.'),
        table(
          `Properties of <${entry.tag}>`,
          ['Property', 'Description', 'Type'],
          entry.properties.map((property) => [stack(code(property.name), property.readonly ? muted('read-only') : undefined), el('span', {}, ...richText(property.description)), code(property.type)]),
        ),
      ),
    );
  }
  if (entry.methods.length) {
    page.append(section('methods', 'Methods', table(`Methods of <${entry.tag}>`, ['Method', 'Description'], entry.methods.map((method) => [code(method.signature), el('span', {}, ...richText(method.description))]))));
  }
  if (entry.events.length) {
    page.append(
      section(
        'events',
        'Events',
        el('p', {}, 'Events bubble and are composed (they cross shadow roots), except ', code('error'), ', which does not bubble, like the native one.'),
        table(`Events of <${entry.tag}>`, ['Event', 'Description', 'detail'], entry.events.map((event) => [code(event.name), el('span', {}, ...richText(event.description)), event.detail ? code(event.detail) : muted('—')])),
      ),
    );
  }
  if (entry.slots.length) page.append(section('slots', 'Slots', table(`Slots of <${entry.tag}>`, ['Slot', 'Description'], entry.slots.map((slot) => [code(slot.name || '(default)'), el('span', {}, ...richText(slot.description))]))));
  if (entry.parts.length) {
    page.append(
      section(
        'parts',
        'Parts',
        el('p', {}, 'Style them from the page with ', code(`${entry.tag}::part(name)`), '.'),
        table(`Parts of <${entry.tag}>`, ['Part', 'Description'], entry.parts.map((part) => [code(part.name), el('span', {}, ...richText(part.description))])),
      ),
    );
  }
  if (entry.cssProperties.length) {
    page.append(
      section(
        'custom-properties',
        'CSS custom properties',
        el('p', {}, 'Besides the kit-wide tokens (', code('--rk-color-accent'), ', ', code('--rk-font-family'), ', ', code('--rk-color-series-1'), ' …), which every element reads.'),
        table(`CSS custom properties of <${entry.tag}>`, ['Property', 'Description'], entry.cssProperties.map((property) => [code(property.name), el('span', {}, ...richText(property.description))])),
      ),
    );
  }
  if (entry.terms.length) {
    page.append(
      section(
        'terms',
        'Translation terms',
        el('p', {}, 'The words the element shows, in English. Other languages load as ', code('retention-kit/translations/<lang>'), ' (nb, da, ru, zh); ', code("registerTranslation('de', { … })"), ' adds a language or replaces terms, term by term.'),
        table(
          `Translation terms of <${entry.tag}>`,
          ['Term', 'English'],
          entry.terms.map((term) => [stack(code(term.key), term.note ? muted(term.note) : undefined), term.isFunction ? code(term.english) : el('span', {}, term.english)]),
          'ref-terms',
        ),
      ),
    );
  }
  return page;
}

/** The index: every element with its summary. */
export function renderIndex(docs: ReferenceDocs): HTMLElement {
  return el(
    'article',
    { class: 'ref-page' },
    el('header', { class: 'ref-header' }, el('h1', {}, 'Element reference'), el('p', { class: 'ref-summary' }, `Retention Kit ${docs.version}: every element, its data, attributes, events, parts, custom properties and words.`)),
    table('Elements', ['Element', 'What it shows'], docs.elements.map((entry) => [el('a', { href: `./reference.html?element=${entry.tag}` }, code(`<${entry.tag}>`)), el('span', {}, ...richText(entry.summary))])),
  );
}

/** The sidebar: a link per element, the current one marked. */
export function renderSidebar(docs: ReferenceDocs, current?: string): HTMLElement {
  return el(
    'nav',
    { class: 'ref-sidebar', 'aria-label': 'Elements' },
    el('a', { href: './reference.html', ...(current ? {} : { 'aria-current': 'page' }) }, 'All elements'),
    el('ul', {}, ...docs.elements.map((entry) => el('li', {}, el('a', { href: `./reference.html?element=${entry.tag}`, ...(entry.tag === current ? { 'aria-current': 'page' } : {}) }, code(`<${entry.tag}>`))))),
  );
}

/** The first live example of the gallery (demo/index.html) that shows `tag`, as a fresh fragment. */
export function galleryExample(gallery: Document, tag: string): DocumentFragment | undefined {
  for (const template of gallery.querySelectorAll<HTMLTemplateElement>('template[data-example]')) {
    if (template.dataset.snippet === 'only') continue;
    if (template.content.querySelector(tag)) return document.importNode(template.content, true);
  }
  return undefined;
}
