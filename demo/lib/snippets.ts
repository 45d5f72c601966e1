/**
 * Every example in the gallery is written once, as a `<template data-example>`.
 * The template's content is cloned into the page (that is the live element) and its
 * markup is shown next to it as text, so the snippet a reader copies is, by
 * construction, the markup that produced what they see.
 *
 * Nothing here writes HTML strings into the page: the live copy is a DOM clone and
 * the code view is built from text nodes.
 */

/** Strips the indentation the page's own layout puts in front of every line. */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut)).join('\n');
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is raw (not entity-escaped) in HTML. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/**
 * An attribute as an author writes it: JSON (full of double quotes) goes in single
 * quotes, like `data='[{"a": 1}]'`, instead of innerHTML's `data="[{&quot;a&quot;: 1}]"`.
 */
function serializeAttribute(attribute: Attr): string {
  const value = attribute.value.replaceAll('&', '&amp;');
  if (value === '') return attribute.name;
  if (value.includes('"') && !value.includes("'")) return `${attribute.name}='${value}'`;
  return `${attribute.name}="${value.replaceAll('"', '&quot;')}"`;
}

/** Markup of a template's content, keeping the author's whitespace and readable quoting. */
export function serializeMarkup(node: Node): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child instanceof Element) {
      const tag = child.localName;
      const attributes = [...child.attributes].map((attribute) => ` ${serializeAttribute(attribute)}`).join('');
      out += `<${tag}${attributes}>`;
      if (VOID_ELEMENTS.has(tag)) continue;
      out += RAW_TEXT_ELEMENTS.has(tag) ? child.textContent : serializeMarkup(child);
      out += `</${tag}>`;
    } else if (child.nodeType === Node.TEXT_NODE) {
      out += (child.textContent ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    } else if (child.nodeType === Node.COMMENT_NODE) {
      out += `<!--${child.textContent}-->`;
    }
  }
  return out;
}

type TokenKind = 'tag' | 'attr' | 'value' | 'punct' | 'text';

/** A tiny HTML tokenizer, only good enough to colour the gallery's own snippets. */
export function tokenizeHtml(source: string): Array<[TokenKind, string]> {
  const tokens: Array<[TokenKind, string]> = [];
  const tag = /<\/?([a-zA-Z][\w-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;
  const attribute = /(\s+)([^\s=/>]+)(?:(=)("[^"]*"|'[^']*'|[^\s>]+))?/g;
  let last = 0;
  for (const match of source.matchAll(tag)) {
    if (match.index > last) tokens.push(['text', source.slice(last, match.index)]);
    last = match.index + match[0].length;
    if (match[0].startsWith('<!--')) {
      tokens.push(['punct', match[0]]);
      continue;
    }
    const closing = match[0].startsWith('</');
    tokens.push(['punct', closing ? '</' : '<'], ['tag', match[1]]);
    let attrLast = 0;
    const rest = match[2];
    for (const attr of rest.matchAll(attribute)) {
      if (attr.index > attrLast) tokens.push(['text', rest.slice(attrLast, attr.index)]);
      attrLast = attr.index + attr[0].length;
      tokens.push(['text', attr[1]], ['attr', attr[2]]);
      if (attr[3]) tokens.push(['punct', '='], ['value', attr[4]]);
    }
    if (attrLast < rest.length) tokens.push(['text', rest.slice(attrLast)]);
    tokens.push(['punct', `${match[3]}>`]);
  }
  if (last < source.length) tokens.push(['text', source.slice(last)]);
  return tokens;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure origin, no permission): fall back to a selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** A code block with a label and a copy button, built from text nodes only. */
export function createSnippet(source: string, label = 'HTML'): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'snippet';

  const bar = document.createElement('figcaption');
  bar.className = 'snippet-bar';
  const name = document.createElement('span');
  name.textContent = label;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy ${label} snippet`);
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'visually-hidden';
  status.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)';
  button.addEventListener('click', async () => {
    const copied = await copyText(source);
    button.textContent = copied ? 'Copied' : 'Copy failed';
    button.dataset.state = copied ? 'copied' : 'failed';
    status.textContent = copied ? 'Snippet copied to the clipboard' : 'Could not copy the snippet';
    setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.state;
    }, 1600);
  });
  bar.append(name, button, status);

  const pre = document.createElement('pre');
  const code = document.createElement('code');
  for (const [kind, text] of label === 'HTML' ? tokenizeHtml(source) : [['text', source] as [TokenKind, string]]) {
    if (kind === 'text') {
      code.append(text);
    } else {
      const span = document.createElement('span');
      span.className = `tok-${kind}`;
      span.textContent = text;
      code.append(span);
    }
  }
  pre.append(code);
  figure.append(bar, pre);
  return figure;
}

/**
 * Mounts every `<template data-example>` under `root`: the clone goes into a
 * `.example-live` box, the snippet after it. `data-snippet="only"` shows the code
 * without a live copy (for markup that must not run twice, such as a script tag).
 */
export function mountExamples(root: ParentNode = document): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[data-example]')) {
    const source = dedent(serializeMarkup(template.content));
    const parts: HTMLElement[] = [];
    if (template.dataset.snippet !== 'only') {
      const live = document.createElement('div');
      live.className = 'example-live';
      live.append(document.importNode(template.content, true));
      parts.push(live);
    }
    parts.push(createSnippet(source, template.dataset.label ?? 'HTML'));
    template.replaceWith(...parts);
  }
}
