#!/usr/bin/env node
// The reference pages' content, one entry per element, made from what ships:
// custom-elements.json (attributes, properties, methods, events, parts, custom
// properties; each element lists only the attributes it reads, see
// custom-elements-manifest.config.mjs) and the English terms the element registers in
// its <tag>.translations.ts. The demo's reference page (demo/reference.html) draws it;
// the demo server and build serve it as reference/data.json (vite.config.ts), the test
// server too (web-test-runner.config.mjs).
//
//   node scripts/reference-docs.mjs            prints the JSON
//   node scripts/reference-docs.mjs --check    fails on an element, attribute, event, part or
//                                              custom property without a description
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `{@link HeatmapModel}` → `HeatmapModel`: the manifest keeps JSDoc's inline links. */
const plainLinks = (text = '') => text.replace(/\{@link\s+([^}\s|]+)(?:[\s|]+([^}]+))?\}/g, (_, name, label) => label ?? name);

/** The default an attribute states in words when the code has none to show: "(default 60 …)", "default `month`". */
function statedDefault(description = '') {
  const match = /\bdefault:?\s+(`[^`]+`|-?\d+(?:\.\d+)?(?:\s?(?:px|%|days?|weeks?))?(?=[;,)]|\.?\s|\.?$)(?!\s*×))/i.exec(description);
  return match ? match[1].replace(/^`|`$/g, '').trim() : undefined;
}

/** The unit an attribute's value is in: from its name for columns and URLs, from its words for numbers and dates. */
export function unitOf(name, description = '', type = '') {
  const text = description.toLowerCase();
  if (name.endsWith('-key')) return 'column name';
  if (name === 'src' || name.endsWith('-src')) return 'URL (JSON or CSV)';
  if (name === 'data' || name === 'type-map' || /^as json\b|, as json\b/.test(text)) return 'JSON';
  if (/iso 4217/.test(text)) return 'ISO 4217 code';
  if (/iana time zone/.test(text)) return 'IANA time zone';
  if (name === 'week-start') return 'weekday (0 = Sunday … 6 = Saturday)';
  if (/\biso dates?\b|\(iso\b/.test(text) || ['as-of', 'calibration-end', 'from', 'to'].includes(name)) return 'ISO date (2024-03-31)';
  if (!/number/.test(type)) return undefined;
  if (/\bpx\b/.test(text)) return 'px';
  if (/\btime units?\b/.test(text)) return 'time units (`time-unit`)';
  if (/\bin percent\b|\(80 = 80 %\)/.test(text)) return 'percent (80 = 80 %)';
  if (/as a fraction|\bfraction\b|\b0–1\b/.test(text)) return 'fraction (0.05 = 5 %)';
  if (/\bdays?\b/.test(text) || name.endsWith('-days')) return 'days';
  return undefined;
}

/** `{ summary, detail }` of an event from its description: the type named by `{@link X}` or `detail.result` is X. */
function eventDetail(event) {
  const link = /\{@link\s+([\w.]+)\}/.exec(event.description ?? '');
  if (event.type?.text) return event.type.text;
  if (link) return /detail\.result/.test(event.description) ? `MetricChangeDetail<${link[1]}>` : link[1];
  if (event.name === 'error') return 'ElementError';
  const model = /\b([A-Z]\w*Model)\b/.exec(event.description ?? '');
  if (event.name === 'metric-change') return model ? `MetricChangeDetail<${model[1]}>` : 'MetricChangeDetail';
  return undefined;
}

/** The English terms an element registers: `registerTranslation('en', { key: … })` in its translations module. */
export function englishTerms(file) {
  if (!existsSync(file)) return [];
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const docs = new Map();
  const terms = [];
  const visit = (node) => {
    // The Terms augmentation: each key's parameters and its comment.
    if (ts.isPropertySignature(node) && node.name && ts.isInterfaceDeclaration(node.parent) && node.parent.name.text === 'Terms') {
      const comment = ts.getJSDocCommentsAndTags(node).map((doc) => (typeof doc.comment === 'string' ? doc.comment : '')).join(' ').trim();
      docs.set(node.name.getText(source), { type: node.type?.getText(source) ?? 'string', note: comment || undefined });
    }
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'registerTranslation') {
      const [lang, table] = node.arguments;
      if (lang && ts.isStringLiteral(lang) && lang.text === 'en' && table && ts.isObjectLiteralExpression(table)) {
        for (const property of table.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const key = property.name.getText(source);
          const value = property.initializer;
          const english = ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : value.getText(source).replace(/\s+/g, ' ');
          terms.push({ key, english, isFunction: !(ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return terms.map((term) => ({ ...term, ...docs.get(term.key) }));
}

function describe(list = []) {
  return list.map((item) => ({ name: item.name, description: plainLinks(item.description ?? '').trim() }));
}

/** One element's reference entry. */
function elementEntry(declaration, modulePath, root) {
  const members = declaration.members ?? [];
  const byField = new Map(members.map((member) => [member.name, member]));
  const attributes = (declaration.attributes ?? []).map((attribute) => {
    const member = byField.get(attribute.fieldName) ?? {};
    const description = plainLinks(attribute.description ?? member.description ?? '').trim();
    const type = attribute.type?.text ?? member.type?.text ?? 'string';
    return {
      name: attribute.name,
      property: attribute.fieldName,
      type,
      default: attribute.default ?? member.default ?? statedDefault(description),
      unit: unitOf(attribute.name, description, type),
      reflects: Boolean(member.reflects),
      inherited: Boolean(attribute.inheritedFrom),
      description,
    };
  });
  const events = (declaration.events ?? []).map((event) => ({ name: event.name, detail: eventDetail(event), description: plainLinks(event.description ?? '').trim() }));
  // The base class types its result as its type parameter `Value`: name the element's model instead.
  const model = /^MetricChangeDetail<(\w+)>$/.exec(events.find((event) => event.name === 'metric-change')?.detail ?? '')?.[1];
  const properties = members
    .filter((member) => member.kind === 'field' && !member.attribute && !member.static && (!member.privacy || member.privacy === 'public'))
    .map((member) => ({
      name: member.name,
      type: (member.type?.text ?? '').replace(/\bValue\b/g, model ?? 'Value'),
      readonly: Boolean(member.readonly),
      description: plainLinks(member.description ?? '').trim(),
    }));
  const methods = members
    .filter((member) => member.kind === 'method' && !member.static && (!member.privacy || member.privacy === 'public'))
    .map((member) => ({
      name: member.name,
      signature: `${member.name}(${(member.parameters ?? []).map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}${parameter.type?.text ? `: ${parameter.type.text}` : ''}`).join(', ')})${member.return?.type?.text ? `: ${member.return.type.text}` : ''}`,
      description: plainLinks(member.description ?? '').trim(),
    }));
  const tag = declaration.tagName;
  return {
    tag,
    className: declaration.name,
    module: modulePath,
    summary: plainLinks(declaration.summary ?? '').trim(),
    description: plainLinks(declaration.description ?? '').trim(),
    attributes,
    properties,
    methods,
    events,
    parts: describe(declaration.cssParts),
    cssProperties: describe(declaration.cssProperties),
    slots: describe(declaration.slots),
    terms: englishTerms(join(root, 'src/components', tag, `${tag}.translations.ts`)),
  };
}

/** Every element's reference entry, by tag. */
export function referenceDocs(root = repoRoot) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .map(({ declaration, path }) => elementEntry(declaration, path, root))
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { version, elements };
}

/** What a reader would find missing: an element, attribute, event, part or custom property without words. */
export function missingDescriptions(docs) {
  const missing = [];
  for (const element of docs.elements) {
    if (!element.summary) missing.push(`<${element.tag}>: no @summary`);
    for (const [what, list] of [['attribute', element.attributes], ['event', element.events], ['part', element.parts], ['custom property', element.cssProperties]]) {
      for (const item of list) if (!item.description) missing.push(`<${element.tag}> ${what} ${item.name}: no description`);
    }
  }
  return missing;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const docs = referenceDocs();
  if (process.argv.includes('--check')) {
    const missing = missingDescriptions(docs);
    for (const line of missing) process.stderr.write(`${line}\n`);
    process.stdout.write(`reference docs: ${docs.elements.length} elements, ${missing.length} descriptions missing\n`);
    process.exit(missing.length ? 1 : 0);
  }
  process.stdout.write(`${JSON.stringify(docs, null, 2)}\n`);
}
