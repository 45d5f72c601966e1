/**
 * What a designer checks by eye, as code, on one drawn element: nothing
 * non-finite reached the DOM, no label sits on another, no label is cut off,
 * the box is not empty, and every label reads against what is under it.
 * Each problem is one line naming the label(s), so a failure says what to fix.
 *
 * Only what a sighted reader sees is audited: text that is not rendered, or
 * rendered into a 1 px clip for screen readers (the data table), is left out.
 */
import { WHITE, contrastRatio, cssColor, isLargeText, over, paintedColor, type Rgba } from './contrast.ts';

/** Boxes may touch or graze: font boxes include the line's ascent and descent, not only ink. */
export const OVERLAP_TOLERANCE_PX = 2;
export const CLIP_TOLERANCE_PX = 1;
export const BODY_TEXT_CONTRAST = 4.5;
export const LARGE_TEXT_CONTRAST = 3;

export interface TextLabel {
  /** The words, whitespace collapsed. */
  text: string;
  /** One line of an HTML text node, or a whole SVG <text>. */
  rect: DOMRect;
  /** The element whose style paints the words. */
  holder: Element;
  /** Lines of one text node share a source and are not compared with each other. */
  source: number;
}

const NOT_DRAWN = new Set(['script', 'style', 'template', 'title', 'desc', 'select', 'option', 'textarea', 'noscript']);
// Case-sensitive and unbounded: path data writes NaN between letters and commas ("M0,NaNL…").
const NON_FINITE = /NaN|Infinity/;

/** Every shadow root of the element, nested ones included. */
function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (root: ShadowRoot): void => {
    roots.push(root);
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) visit(node.shadowRoot);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return roots;
}

function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** Ancestors from the element itself up to (and including) `stop`, across shadow boundaries. */
function ancestors(node: Element, stop: Element | null = null): Element[] {
  const chain: Element[] = [];
  for (let at: Element | null = node; at; at = at === stop ? null : composedParent(at)) chain.push(at);
  return chain;
}

function clips(style: CSSStyleDeclaration): boolean {
  return style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clip !== 'auto' || style.clipPath !== 'none';
}

/** A `clip-path: inset(…)` that leaves nothing of the box (the visually hidden `inset(50%)`). */
function insetHidesAll(style: CSSStyleDeclaration, box: DOMRect): boolean {
  const inset = /^inset\(([^)]*?)(?:\s+round\b[^)]*)?\)$/.exec(style.clipPath);
  if (!inset) return false;
  const values = inset[1].trim().split(/\s+/);
  const [top, right = top, bottom = top, left = right] = values;
  const length = (value: string, of: number): number => (value.endsWith('%') ? (parseFloat(value) / 100) * of : parseFloat(value));
  return length(top, box.height) + length(bottom, box.height) >= box.height || length(left, box.width) + length(right, box.width) >= box.width;
}

/**
 * Text for screen readers only: inside a box that clips to a pixel or less
 * across (the visually hidden pattern), or that a clip-path inset hides whole.
 */
function screenReaderOnly(holder: Element, host: Element): boolean {
  return ancestors(holder, host).some((node) => {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    return ((box.width <= 1 || box.height <= 1) && clips(style)) || insetHidesAll(style, box);
  });
}

function drawn(holder: Element, host: Element): boolean {
  if (ancestors(holder, host).some((node) => NOT_DRAWN.has(node.localName))) return false;
  if (!holder.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  return !screenReaderOnly(holder, host);
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of a box that clips its content: the padding box of an HTML box, the viewport of an SVG. */
function clipBox(node: Element): Box {
  const box = node.getBoundingClientRect();
  if (node instanceof SVGElement) return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  const left = box.left + node.clientLeft;
  const top = box.top + node.clientTop;
  return { left, top, right: left + node.clientWidth, bottom: top + node.clientHeight };
}

/**
 * Clipping the page means to do: a box that scrolls along an axis (its
 * content is reachable), a line clamp or a text-overflow ellipsis (the
 * truncation is marked). Any other clipping box cuts words off by accident.
 */
function clipsOnPurpose(node: Element, style: CSSStyleDeclaration): { x: boolean; y: boolean } {
  const marked = style.textOverflow === 'ellipsis' || (style.webkitLineClamp !== '' && style.webkitLineClamp !== 'none');
  return {
    x: marked || (/auto|scroll/.test(style.overflowX) && node.scrollWidth > node.clientWidth),
    y: marked || (/auto|scroll/.test(style.overflowY) && node.scrollHeight > node.clientHeight),
  };
}

/**
 * What is seen of a line of text: its box cut to every box that clips it on
 * purpose, or null when none of it is in view (a line past a clamp, a row
 * scrolled out of its table).
 */
function inView(rect: DOMRect, holder: Element, host: Element): DOMRect | null {
  let { left, top, right, bottom } = rect;
  for (const node of ancestors(holder, host)) {
    if (node === host) break;
    const style = getComputedStyle(node);
    if (!clips(style)) continue;
    const purpose = clipsOnPurpose(node, style);
    const box = clipBox(node);
    if (purpose.x) [left, right] = [Math.max(left, box.left), Math.min(right, box.right)];
    if (purpose.y) [top, bottom] = [Math.max(top, box.top), Math.min(bottom, box.bottom)];
    if (right - left < 0.5 || bottom - top < 0.5) return null;
  }
  return new DOMRect(left, top, right - left, bottom - top);
}

/** The labels a reader sees: SVG <text> elements whole, HTML text line by line, as far as they are in view. */
export function textLabels(host: Element): TextLabel[] {
  const labels: TextLabel[] = [];
  let source = 0;
  const add = (rect: DOMRect, holder: Element, text: string, id: number): void => {
    if (rect.width <= 0.5 || rect.height <= 0.5) return;
    const seen = inView(rect, holder, host);
    if (seen) labels.push({ text, rect: seen, holder, source: id });
  };
  for (const root of shadowRoots(host)) {
    for (const text of root.querySelectorAll('text')) {
      const words = collapse(text.textContent ?? '');
      if (words && drawn(text, host)) add(text.getBoundingClientRect(), text, words, source++);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      const words = collapse(node.textContent ?? '');
      // SVG words are the <text> elements above; an SVG <title> is a tooltip, not drawn.
      if (!holder || !words || holder instanceof SVGElement) continue;
      if (!drawn(holder, host)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const id = source++;
      for (const rect of range.getClientRects()) add(rect, holder, words, id);
    }
  }
  return labels;
}

const quote = (label: TextLabel): string => JSON.stringify(label.text.length > 48 ? `${label.text.slice(0, 47)}…` : label.text);
const px = (value: number): string => `${Math.round(value * 10) / 10}`;

/** "NaN" or "Infinity" in any attribute (styles included) or text of the shadow DOM. */
export function nonFiniteValues(host: Element): string[] {
  const found: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const node of root.querySelectorAll('*')) {
      for (const attribute of node.attributes) {
        if (NON_FINITE.test(attribute.value)) found.push(`non-finite value in <${node.localName} ${attribute.name}="${attribute.value.slice(0, 80)}">`);
      }
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.localName;
      if (parent !== 'style' && NON_FINITE.test(node.textContent ?? '')) found.push(`non-finite text ${JSON.stringify(collapse(node.textContent ?? '').slice(0, 80))} in <${parent}>`);
    }
  }
  return found;
}

export function overlappingLabels(labels: readonly TextLabel[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      if (a.source === b.source) continue;
      const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (width > OVERLAP_TOLERANCE_PX && height > OVERLAP_TOLERANCE_PX) {
        found.push(`labels overlap by ${px(width)}×${px(height)} px: ${quote(a)} and ${quote(b)}`);
      }
    }
  }
  return found;
}

interface Bounds extends Box {
  name: string;
}

/**
 * The boxes a label must stay inside: the host; the outermost SVG of an SVG
 * label (its viewport); every box that clips by accident (a label already
 * stops at the boxes that clip on purpose, see inView).
 */
function boundsOf(label: TextLabel, host: Element): Bounds[] {
  const bounds: Bounds[] = [];
  for (const node of ancestors(label.holder, host)) {
    const style = getComputedStyle(node);
    const outermostSvg = node instanceof SVGSVGElement && !node.ownerSVGElement;
    if (node === host) {
      const { left, top, right, bottom } = node.getBoundingClientRect();
      bounds.push({ left, top, right, bottom, name: 'the element' });
    }
    else if (outermostSvg) bounds.push({ ...clipBox(node), name: 'its SVG' });
    else if (clips(style)) {
      const purpose = clipsOnPurpose(node, style);
      if (purpose.x && purpose.y) continue;
      const box = clipBox(node);
      const part = node.getAttribute('part');
      bounds.push({
        left: purpose.x ? -Infinity : box.left,
        right: purpose.x ? Infinity : box.right,
        top: purpose.y ? -Infinity : box.top,
        bottom: purpose.y ? Infinity : box.bottom,
        name: `a clipping <${node.localName}${part ? ` part="${part}"` : ''}>`,
      });
    }
  }
  return bounds;
}

export function clippedLabels(labels: readonly TextLabel[], host: Element): string[] {
  const found: string[] = [];
  for (const label of labels) {
    for (const box of boundsOf(label, host)) {
      const out = Math.max(box.left - label.rect.left, label.rect.right - box.right, box.top - label.rect.top, label.rect.bottom - box.bottom);
      if (out > CLIP_TOLERANCE_PX) {
        found.push(`label ${quote(label)} is ${px(out)} px outside ${box.name}`);
        break;
      }
    }
  }
  return found;
}

const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon';

/** A box with nothing in it: no size, no words, a chart without a single mark, or a blank drawing. */
export function emptyBox(host: Element, labels: readonly TextLabel[]): string[] {
  const box = host.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return [`the element's box is ${px(box.width)}×${px(box.height)} px`];
  const found: string[] = [];
  if (labels.length === 0) found.push('the element shows no text');
  const visible = (node: Element): boolean => {
    const rect = node.getBoundingClientRect();
    return (rect.width > 0 || rect.height > 0) && node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  let drawings = 0;
  let marks = 0;
  for (const root of shadowRoots(host)) {
    for (const svg of root.querySelectorAll('svg')) {
      if (svg.ownerSVGElement || !drawn(svg, host)) continue;
      const frame = svg.getBoundingClientRect();
      if (frame.width < 1 || frame.height < 1) continue;
      drawings++;
      const shapes = [...svg.querySelectorAll(SHAPES)].filter(visible).length;
      marks += shapes;
      // A drawing of labels only (a heatmap's row names) is fine; a drawing of nothing is an empty box.
      if (shapes === 0 && !labels.some((label) => svg.contains(label.holder))) {
        found.push(`an SVG of ${px(frame.width)}×${px(frame.height)} px draws nothing`);
      }
    }
  }
  if (drawings > 0 && marks === 0) found.push(`the chart draws no mark (${drawings} SVG without a shape)`);
  return found;
}

/** The product of the opacities from the element up to the document. */
function inheritedOpacity(node: Element): number {
  return ancestors(node).reduce((product, at) => product * Number(getComputedStyle(at).opacity || 1), 1);
}

/** The page and its boxes' background colours, stacked from the root down to the element. */
function htmlBackground(node: Element): Rgba {
  return ancestors(node)
    .reverse()
    .reduce((below, at) => {
      const color = paintedColor(getComputedStyle(at).backgroundColor);
      return color && color.a > 0 ? over(color, below) : below;
    }, WHITE);
}

interface FilledShape {
  shape: SVGGeometryElement;
  rect: DOMRect;
  fill: Rgba;
  opacity: number;
}

/** What lies under an SVG label's centre: the SVG's background, then each filled shape painted before it. */
function svgBackground(text: Element, shapes: readonly FilledShape[], x: number, y: number): Rgba {
  let color = htmlBackground(text.closest('svg:not(svg svg)') ?? text);
  for (const { shape, rect, fill, opacity } of shapes) {
    if (!(text.compareDocumentPosition(shape) & Node.DOCUMENT_POSITION_PRECEDING)) continue;
    if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue;
    const toUser = shape.getScreenCTM()?.inverse();
    if (!toUser || !shape.isPointInFill(new DOMPoint(x, y).matrixTransform(toUser))) continue;
    color = over(fill, color, opacity);
  }
  return color;
}

function filledShapes(svg: SVGSVGElement, host: Element): FilledShape[] {
  const shapes: FilledShape[] = [];
  for (const shape of svg.querySelectorAll<SVGGeometryElement>(SHAPES)) {
    const style = getComputedStyle(shape);
    const fill = paintedColor(style.fill);
    if (!fill || fill.a === 0 || !drawn(shape, host)) continue;
    const opacity = Number(style.fillOpacity) * ancestors(shape, svg).reduce((product, at) => product * Number(getComputedStyle(at).opacity || 1), 1);
    shapes.push({ shape, rect: shape.getBoundingClientRect(), fill, opacity });
  }
  return shapes;
}

export function lowContrastLabels(labels: readonly TextLabel[], host: Element): string[] {
  const found: string[] = [];
  const shapesBySvg = new Map<SVGSVGElement, FilledShape[]>();
  const reported = new Set<number>();
  for (const label of labels) {
    if (reported.has(label.source)) continue;
    const style = getComputedStyle(label.holder);
    const isSvg = label.holder instanceof SVGElement;
    const ink = paintedColor(isSvg ? style.fill : style.color);
    if (!ink || ink.a === 0) continue;
    const x = (label.rect.left + label.rect.right) / 2;
    const y = (label.rect.top + label.rect.bottom) / 2;
    let background: Rgba;
    if (isSvg) {
      const svg = label.holder.closest<SVGSVGElement>('svg:not(svg svg)')!;
      if (!shapesBySvg.has(svg)) shapesBySvg.set(svg, filledShapes(svg, host));
      background = svgBackground(label.holder, shapesBySvg.get(svg)!, x, y);
    } else {
      background = htmlBackground(label.holder);
    }
    const opacity = inheritedOpacity(label.holder) * (isSvg ? Number(style.fillOpacity) : 1);
    const seen = over(ink, background, opacity);
    const ratio = contrastRatio(seen, background);
    const needed = isLargeText(parseFloat(style.fontSize), Number(style.fontWeight)) ? LARGE_TEXT_CONTRAST : BODY_TEXT_CONTRAST;
    if (ratio < needed) {
      reported.add(label.source);
      found.push(`label ${quote(label)} has contrast ${ratio.toFixed(2)}:1 < ${needed}:1 (${cssColor(seen)} on ${cssColor(background)})`);
    }
  }
  return found;
}

/** Every problem of one element as it is drawn now. */
export function auditElement(host: Element): string[] {
  const labels = textLabels(host);
  return [
    ...nonFiniteValues(host),
    ...emptyBox(host, labels),
    ...overlappingLabels(labels),
    ...clippedLabels(labels, host),
    ...lowContrastLabels(labels, host),
  ];
}
