/**
 * The picture of what an element shows, as an SVG file and a PNG.
 *
 * Why not just serialize the chart's <svg>: an element's picture is rarely SVG
 * alone. The gauge prints its figure in HTML over the dial, the heatmap's legend
 * and the curves' legend are HTML, the KPI tile and the NPS score are text and
 * boxes around a sparkline, the reasons' bars are HTML boxes. So the picture is
 * drawn the way the browser laid it out (as dom-to-svg does): every SVG of the
 * element is copied in place, every HTML text line becomes an SVG <text> at its
 * measured position, and every box with a background or border becomes a
 * <rect>. Each copy carries its computed colours and fonts as presentation
 * attributes: the kit's colours are `light-dark()` tokens and custom properties,
 * which a file outside the page cannot resolve, and the page's stylesheet does
 * not travel with the file. What the SVG cannot say from this is left out, and
 * documented: CSS background images and gradients, shadows, pseudo-elements
 * (the gauge band's dot) and web fonts (the file names the font families; a
 * viewer without them substitutes).
 *
 * Left out as not part of the picture: the hidden data tables, the export menu,
 * tooltips, the status line and the notes disclosure.
 *
 * Strict pages: the file is built in a separate XML document with
 * createElementNS and XMLSerializer (no HTML parsing, so no Trusted Types sink,
 * and no `style` attribute for CSP to refuse). The PNG loads the SVG as an
 * image from a `blob:` URL: a page whose CSP restricts `img-src` must allow
 * `blob:` there; when it does not, toPNG says exactly that.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What is drawn: controls, transient layers and the screen-reader copies are not. */
const LEFT_OUT = '.visually-hidden, [part~="export-menu"], [part~="tooltip"], [part~="status"], [part~="notice"], script, style, template';

/** Presentation properties copied from the computed style of each SVG element (inherited in SVG). */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
  'visibility',
  'paint-order',
] as const;
/** Not inherited: written when not the initial value. */
const OWN: Readonly<Record<string, string>> = { opacity: '1', 'vector-effect': 'none' };
/** Attributes that mean something only in the page. */
const PAGE_ONLY_ATTRIBUTES = /^(class|style|part|tabindex|focusable|role|exportparts|aria-.*|data-.*|on.*)$/i;

export interface PictureTitle {
  title: string;
  scope: string;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

interface Context {
  doc: XMLDocument;
  /** The bottom of everything drawn so far, in the page's coordinates. */
  bottom: number;
  /** The bottom of the box that clips what is being drawn (content scrolled out of a box is not shown). */
  limit: number;
  /** The top of the picture, in the page's coordinates. */
  top: number;
}

/**
 * The element's picture as an SVG document: `base` (its part="base") as laid out
 * now, on the host's background, under the title and scope. When the header is
 * hidden (`heading=""`, a page titling the chart itself) the file still carries
 * the title and scope, drawn above the picture.
 */
export function drawPicture(host: HTMLElement, base: HTMLElement, heading: PictureTitle): Picture {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  const box = base.getBoundingClientRect();
  const context: Context = { doc, bottom: box.top, limit: Number.POSITIVE_INFINITY, top: box.top };
  const hostStyle = getComputedStyle(host);
  const baseStyle = getComputedStyle(base);

  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = heading.title;
  root.append(title);
  if (heading.scope) {
    const desc = doc.createElementNS(SVG_NS, 'desc');
    desc.textContent = heading.scope;
    root.append(desc);
  }
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', hostStyle.backgroundColor);
  root.append(background);

  const content = doc.createElementNS(SVG_NS, 'g');
  const shownHeader = base.querySelector('[part~="title"]');
  let shift = 0;
  if (!shownHeader) shift = drawTitle(context, root, base, baseStyle, heading);
  if (shift) content.setAttribute('transform', `translate(0 ${shift})`);
  root.append(content);
  for (const child of base.childNodes) drawNode(context, child, content, box.left, box.top);

  const width = Math.ceil(box.width);
  const height = Math.ceil(Math.max(context.bottom - context.top, 1) + shift);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', baseStyle.fontFamily);
  root.setAttribute('font-size', baseStyle.fontSize);
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/** Title and scope above the picture, for an element whose header is hidden; returns their height. */
function drawTitle(context: Context, root: Element, base: HTMLElement, style: CSSStyleDeclaration, heading: PictureTitle): number {
  const size = parseFloat(style.fontSize) || 14;
  const lines: [text: string, fontSize: number, weight: string, color: string][] = [[heading.title, size * 1.05, '600', style.color]];
  if (heading.scope) lines.push([heading.scope, size * 0.9, '400', mutedColor(base)]);
  let y = 0;
  for (const [text, fontSize, weight, color] of lines) {
    y += fontSize * 1.35;
    const line = context.doc.createElementNS(SVG_NS, 'text');
    line.setAttribute('x', '0');
    line.setAttribute('y', String(round(y - fontSize * 0.3)));
    line.setAttribute('font-size', `${round(fontSize)}px`);
    line.setAttribute('font-weight', weight);
    line.setAttribute('fill', color);
    line.textContent = text;
    root.append(line);
  }
  return Math.ceil(y + size * 0.6);
}

/** The muted text colour as the element resolves it (a light-dark() token): read from a probe. */
function mutedColor(base: HTMLElement): string {
  const probe = document.createElement('span');
  probe.style.setProperty('color', 'var(--_muted)');
  base.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

function drawNode(context: Context, node: Node, parent: Element, originX: number, originY: number): void {
  if (node.nodeType === Node.TEXT_NODE) {
    drawText(context, node as Text, parent, originX, originY);
    return;
  }
  if (!(node instanceof Element) || node.matches(LEFT_OUT)) return;
  const style = getComputedStyle(node);
  // A box-less wrapper (display: contents, as rows of a grid): its children are the boxes.
  if (style.display === 'contents') {
    for (const child of node.childNodes) drawNode(context, child, parent, originX, originY);
    return;
  }
  // Not rendered: display none, or inside a closed <details> (whose content is laid out but not shown).
  if (!node.checkVisibility()) return;
  // A hidden HTML box may hold visible children; a hidden SVG draws nothing.
  if (style.display === 'none' || (style.visibility === 'hidden' && !(node instanceof HTMLElement))) return;
  const box = node.getBoundingClientRect();
  if (node instanceof SVGSVGElement) {
    if (box.width > 0 && box.height > 0) placeSvg(context, node, box, parent, originX, originY);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  let target = parent;
  const opacity = parseFloat(style.opacity);
  if (opacity < 1) {
    target = context.doc.createElementNS(SVG_NS, 'g');
    target.setAttribute('opacity', String(opacity));
    parent.append(target);
  }
  if (style.visibility !== 'hidden') drawBox(context, style, box, target, originX, originY);
  // A box that clips its content (a scroller) becomes a viewport of its own, which clips the same way.
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement) drawFieldValue(context, node, style, box, target, originX, originY);
  let childX = originX;
  let childY = originY;
  const limit = context.limit;
  if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
    const clip = context.doc.createElementNS(SVG_NS, 'svg');
    setBox(clip, box.left - originX, box.top - originY, box.width, box.height);
    target.append(clip);
    target = clip;
    childX = box.left;
    childY = box.top;
    context.limit = Math.min(limit, box.bottom);
  }
  for (const child of node.childNodes) drawNode(context, child, target, childX, childY);
  context.limit = limit;
}

/** What a form field shows (the calculator's figures): its value, where its text sits. */
function drawFieldValue(
  context: Context,
  field: HTMLInputElement | HTMLSelectElement,
  style: CSSStyleDeclaration,
  box: DOMRect,
  parent: Element,
  originX: number,
  originY: number,
): void {
  const text = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? '') : ['checkbox', 'radio', 'range', 'color', 'file', 'hidden', 'password'].includes(field.type) ? '' : field.value;
  if (!text) return;
  const { ascent, descent } = fontMetrics(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
  const out = context.doc.createElementNS(SVG_NS, 'text');
  const left = box.left + (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.paddingLeft) || 0);
  out.setAttribute('x', String(round(left - originX)));
  out.setAttribute('y', String(round(box.top - originY + (box.height - ascent - descent) / 2 + ascent)));
  out.setAttribute('fill', style.color);
  out.setAttribute('font-family', style.fontFamily);
  out.setAttribute('font-size', style.fontSize);
  out.textContent = text;
  parent.append(out);
}

/** A box's background and borders. */
function drawBox(context: Context, style: CSSStyleDeclaration, box: DOMRect, parent: Element, originX: number, originY: number): void {
  if (box.width <= 0 || box.height <= 0) return;
  const x = box.left - originX;
  const y = box.top - originY;
  const radius = Math.min(cornerRadius(style.borderTopLeftRadius, box), box.width / 2, box.height / 2);
  if (visible(style.backgroundColor)) {
    const rect = context.doc.createElementNS(SVG_NS, 'rect');
    setBox(rect, x, y, box.width, box.height);
    if (radius > 0) rect.setAttribute('rx', String(round(radius)));
    rect.setAttribute('fill', style.backgroundColor);
    parent.append(rect);
    reach(context, box.bottom);
  }
  const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
    side,
    width: style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none' ? 0 : parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) || 0,
    color: style.getPropertyValue(`border-${side.toLowerCase()}-color`),
  }));
  const drawn = sides.filter((side) => side.width > 0 && visible(side.color));
  if (drawn.length === 0) return;
  if (drawn.length === 4 && radius > 0 && drawn.every((side) => side.width === drawn[0]!.width && side.color === drawn[0]!.color)) {
    // A rounded outline: one stroke along the inside of the border.
    const w = drawn[0]!.width;
    const rect = context.doc.createElementNS(SVG_NS, 'rect');
    setBox(rect, x + w / 2, y + w / 2, box.width - w, box.height - w);
    rect.setAttribute('rx', String(round(Math.max(0, radius - w / 2))));
    rect.setAttribute('fill', 'none');
    rect.setAttribute('stroke', drawn[0]!.color);
    rect.setAttribute('stroke-width', String(w));
    parent.append(rect);
  } else {
    for (const { side, width, color } of drawn) {
      const rect = context.doc.createElementNS(SVG_NS, 'rect');
      if (side === 'Top') setBox(rect, x, y, box.width, width);
      else if (side === 'Bottom') setBox(rect, x, y + box.height - width, box.width, width);
      else if (side === 'Left') setBox(rect, x, y, width, box.height);
      else setBox(rect, x + box.width - width, y, width, box.height);
      rect.setAttribute('fill', color);
      parent.append(rect);
    }
  }
  reach(context, box.bottom);
}

/**
 * An HTML text node, one <text> per line as the browser broke it: a text that
 * wraps is measured word by word and the words grouped by the line they are on.
 */
function drawText(context: Context, node: Text, parent: Element, originX: number, originY: number): void {
  const text = node.data.replace(/\s+/g, ' ').trim();
  const element = node.parentElement;
  if (!text || !element) return;
  const style = getComputedStyle(element);
  if (style.visibility === 'hidden' || !visible(style.color)) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  if (rects.length === 0) return;
  const lines: { left: number; top: number; height: number; words: string[] }[] = [];
  if (rects.length === 1) {
    lines.push({ left: rects[0]!.left, top: rects[0]!.top, height: rects[0]!.height, words: [text] });
  } else {
    for (const word of node.data.matchAll(/\S+/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
      if (line) line.words.push(word[0]);
      else lines.push({ left: rect.left, top: rect.top, height: rect.height, words: [word[0]] });
    }
  }
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const { ascent, descent } = fontMetrics(font);
  for (const line of lines) {
    const out = context.doc.createElementNS(SVG_NS, 'text');
    const top = line.top - originY;
    out.setAttribute('x', String(round(line.left - originX)));
    out.setAttribute('y', String(round(top + (line.height - ascent - descent) / 2 + ascent)));
    out.setAttribute('fill', style.color);
    out.setAttribute('font-family', style.fontFamily);
    out.setAttribute('font-size', style.fontSize);
    if (style.fontWeight !== '400') out.setAttribute('font-weight', style.fontWeight);
    if (style.fontStyle !== 'normal') out.setAttribute('font-style', style.fontStyle);
    out.textContent = line.words.join(' ');
    parent.append(out);
    reach(context, line.top + line.height);
  }
}

/** An SVG of the element, copied where it is drawn, every colour and font resolved. */
function placeSvg(context: Context, source: SVGSVGElement, box: DOMRect, parent: Element, originX: number, originY: number): void {
  const copy = copySvgElement(context.doc, source, undefined);
  if (!copy) return;
  setBox(copy, box.left - originX, box.top - originY, box.width, box.height);
  const overflow = getComputedStyle(source).overflow;
  copy.setAttribute('overflow', overflow === 'visible' ? 'visible' : 'hidden');
  parent.append(copy);
  reach(context, box.bottom);
}

function copySvgElement(doc: XMLDocument, source: Element, parentStyle: CSSStyleDeclaration | undefined): Element | undefined {
  if (source.localName === 'foreignObject') return undefined;
  const style = getComputedStyle(source);
  if (style.display === 'none') return undefined;
  const copy = doc.createElementNS(SVG_NS, source.localName);
  for (const attribute of source.attributes) {
    if (PAGE_ONLY_ATTRIBUTES.test(attribute.name)) continue;
    copy.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  }
  for (const name of INHERITED) {
    const value = style.getPropertyValue(name);
    if (value && (!parentStyle || parentStyle.getPropertyValue(name) !== value)) copy.setAttribute(name, value);
  }
  for (const [name, initial] of Object.entries(OWN)) {
    const value = style.getPropertyValue(name);
    if (value && value !== initial) copy.setAttribute(name, value);
  }
  // A CSS transform (a class rotating a needle) wins over the attribute in the page: the file gets it as the attribute.
  if (style.transform !== 'none' && source.localName !== 'svg') copy.setAttribute('transform', style.transform);
  for (const child of source.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) copy.append(doc.createTextNode((child as Text).data));
    else if (child instanceof Element) {
      const copied = copySvgElement(doc, child, style);
      if (copied) copy.append(copied);
    }
  }
  return copy;
}

function setBox(element: Element, x: number, y: number, width: number, height: number): void {
  element.setAttribute('x', String(round(x)));
  element.setAttribute('y', String(round(y)));
  element.setAttribute('width', String(round(width)));
  element.setAttribute('height', String(round(height)));
}

/** Something was drawn down to `bottom` (page coordinates): the picture reaches there, unless a box clips it. */
function reach(context: Context, bottom: number): void {
  context.bottom = Math.max(context.bottom, Math.min(bottom, context.limit));
}

function visible(color: string): boolean {
  return color !== '' && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color) && !/\/\s*0\)$/.test(color);
}

function cornerRadius(value: string, box: DOMRect): number {
  const first = value.split(' ')[0] ?? '0';
  return first.endsWith('%') ? (parseFloat(first) / 100) * Math.min(box.width, box.height) : parseFloat(first) || 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

let measuring: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
const metricsCache = new Map<string, { ascent: number; descent: number }>();

function measurer() {
  measuring ??= typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  return measuring;
}

/** Ascent and descent of a font, to put a text's baseline where the browser did. */
function fontMetrics(font: string): { ascent: number; descent: number } {
  let metrics = metricsCache.get(font);
  if (!metrics) {
    const ctx = measurer();
    const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '14');
    if (ctx) {
      ctx.font = font;
      const m = ctx.measureText('Hg');
      metrics = { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
    } else metrics = { ascent: size * 0.9, descent: size * 0.25 };
    metricsCache.set(font, metrics);
  }
  return metrics;
}

/**
 * The SVG drawn into a PNG at `scale` device pixels per CSS pixel. The SVG is
 * loaded as an image from a blob: URL (CSP `img-src` must allow `blob:`).
 */
export async function pictureToPng(picture: Picture, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  let refused = false;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.blockedURI.startsWith('blob') || event.blockedURI === url) refused = true;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
    } catch {
      // The violation event is queued as a task: let it arrive before deciding which failure this was.
      await new Promise((resolve) => setTimeout(resolve, 0));
      throw new Error(
        refused
          ? "The page's Content-Security-Policy does not allow blob: images, which the PNG is drawn through: add blob: to img-src."
          : 'The picture could not be drawn as an image.',
      );
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser gives no 2D canvas to draw the PNG on.');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
    URL.revokeObjectURL(url);
  }
}
