#!/usr/bin/env node
// Framework typings of the package, generated from custom-elements.json at build time
// (scripts/build.mjs), so they name exactly the attributes, properties and events the
// elements have:
//
//   dist/types/frameworks/elements.d.ts  per element: its properties, attributes and events
//                                         (types read from the element class itself:
//                                         `KpiTile['windowDays']`, so they follow the source)
//   dist/types/frameworks/react.d.ts     React 19: JSX.IntrinsicElements  (`retention-kit/react`)
//   dist/types/frameworks/vue.d.ts       Vue 3: GlobalComponents           (`retention-kit/vue`)
//   dist/frameworks/{react,vue}.js       empty modules, so the two entries also resolve at run time
//
// `node scripts/framework-typings.mjs <dir>` writes the three declaration files into <dir>.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, elementsOf } from './manifest.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

/** A manifest description as a JSDoc comment, indented. */
function doc(text, indent = '  ') {
  const lines = String(text ?? '').trim().replace(/\*\//g, '*\\/').split('\n');
  if (!lines[0]) return '';
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** The source of a manifest module path ('/src/…' or 'src/…'). */
const sourceCache = new Map();
function sourceOf(path) {
  const file = join(repoRoot, path.replace(/^\//, ''));
  if (!sourceCache.has(file)) sourceCache.set(file, readFileSync(file, 'utf8'));
  return sourceCache.get(file);
}

/**
 * A public field without an attribute is something a page sets (`@property({ attribute: false })`,
 * e.g. the heatmap's `customers`) or something the element reports (`@state()`: `status`,
 * `result`, `error` …). The manifest does not tell them apart; the declaring source does.
 */
function isSettableProperty(member, element) {
  const source = sourceOf(member.inheritedFrom?.module ?? element.modulePath);
  return new RegExp(`@property\\([^)]*\\)\\s*(?:(?:declare|override|accessor)\\s+)*${member.name}\\b`).test(source);
}

/** What one element takes and fires, from its manifest entry. */
function describe(element) {
  const className = element.name;
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly && (!member.privacy || member.privacy === 'public'));
  const attributeOf = new Map((element.attributes ?? []).filter((attribute) => attribute.fieldName).map((attribute) => [attribute.fieldName, attribute]));
  const properties = fields
    .filter((member) => attributeOf.has(member.name) || isSettableProperty(member, element))
    .map((member) => ({ name: member.name, type: `${className}['${member.name}']`, description: member.description || attributeOf.get(member.name)?.description }));
  const propertyNames = new Set(properties.map((property) => property.name));
  // Attributes whose name is not also the property's (kebab-case ones): written as text.
  const attributes = (element.attributes ?? [])
    .filter((attribute) => attribute.name && !propertyNames.has(attribute.name))
    .map((attribute) => ({
      name: attribute.name,
      type: attribute.fieldName && propertyNames.has(attribute.fieldName) ? `AttributeValue<${className}['${attribute.fieldName}']>` : 'string',
      description: attribute.description,
    }));
  const events = (element.events ?? []).filter((event) => event.name).map((event) => ({ name: event.name, type: eventType(event.name, element), description: event.description }));
  return { tag: element.tagName, className, module: element.modulePath.replace(/^\/?src\//, '').replace(/\.ts$/, '.js'), properties, attributes, events };
}

/**
 * The event type of each event the element fires. metric-change carries the element's
 * result type (`result`'s type on the class); the kit's other shared events have their own
 * types in platform/events.ts; an element's own event `<name>` has its detail type
 * `<Name>Detail` exported from the element's module (CohortSelectDetail …).
 */
function eventType(name, element) {
  if (name === 'metric-change') return `MetricChangeEvent<NonNullable<${element.name}['result']>>`;
  if (name === 'error') return 'RetentionErrorEvent';
  if (name === 'source-change') return 'SourceChangeEvent';
  const detail = `${pascal(name)}Detail`;
  if (!new RegExp(`export\\s+(?:interface|type)\\s+${detail}\\b`).test(sourceOf(element.modulePath))) {
    throw new Error(`framework typings: <${element.tagName}> fires ${name}, but ${element.modulePath} exports no ${detail} (its detail type)`);
  }
  return `CustomEvent<${detail}>`;
}

function elementsFile(elements) {
  const imports = elements.map((element) => {
    const details = element.events.map((event) => event.type.match(/^CustomEvent<(\w+)>$/)?.[1]).filter(Boolean);
    return `import type { ${[element.className, ...details].join(', ')} } from '../${element.module}';`;
  });
  const blocks = elements.map((element) => {
    const members = (list) => list.map((item) => `${doc(item.description)}  ${JSON.stringify(item.name).replace(/^"([A-Za-z_$][\w$]*)"$/, '$1')}?: ${item.type};\n`).join('');
    return [
      `/** What \`<${element.tag}>\` takes as properties (frameworks set these on the element). */`,
      `export interface ${element.className}Properties {\n${members(element.properties)}}`,
      `/** What \`<${element.tag}>\` takes as attributes under another name than its property (kebab-case). */`,
      `export interface ${element.className}Attributes {\n${members(element.attributes)}}`,
      `/** The events \`<${element.tag}>\` fires, by name. */`,
      `export interface ${element.className}Events {\n${element.events.map((event) => `${doc(event.description)}  ${JSON.stringify(event.name)}: ${event.type};\n`).join('')}}`,
    ].join('\n');
  });
  const map = elements.map((element) => `  ${JSON.stringify(element.tag)}: { element: ${element.className}; properties: ${element.className}Properties; attributes: ${element.className}Attributes; events: ${element.className}Events };`);
  return `${HEADER}
import type { MetricChangeEvent, RetentionErrorEvent, SourceChangeEvent } from '../components/platform/events.js';
${imports.join('\n')}

/**
 * What an attribute accepts: the property's own simple value (a framework writes it with
 * setAttribute, and the element reads it back) or its text. Rich values (objects, arrays)
 * go through the property, or as JSON text.
 */
export type AttributeValue<T> = [NonNullable<T>] extends [string | number | boolean] ? NonNullable<T> | string : string;

${blocks.join('\n\n')}

/** Every element of the kit by tag: its class, properties, attributes and events. */
export interface RetentionKitElements {
${map.join('\n')}
}

/** An event handler of one of the kit's events. */
export type RetentionKitHandler<E extends Event> = (event: E) => void;
`;
}

/** React 19 sets a prop whose name is a property of the element as that property, others as attributes; `on<event>` adds a listener for exactly `<event>`. */
function reactFile(elements) {
  const entries = elements.map((element) => `    ${JSON.stringify(element.tag)}: RetentionKitReactProps<RetentionKitElements[${JSON.stringify(element.tag)}]>;`);
  return `${HEADER}
/*
 * React 19 and the kit's elements, for TypeScript: every tag in JSX.IntrinsicElements with
 * its properties (\`data={rows}\`, \`value={0.042}\`), its attributes (\`customer-key="email"\`)
 * and its events. React 19 treats a prop \`on<name>\` of a custom element as a listener
 * for the event \`<name>\` exactly as written (no case change): \`onmetric-change\`,
 * \`oncohort-select\`, \`onerror\`.
 *
 * Use: add "retention-kit/react" to compilerOptions.types in tsconfig, or write
 * \`import type {} from 'retention-kit/react'\` once in the app.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { RetentionKitElements } from './elements.js';

export type * from './elements.js';

type ElementDescription = RetentionKitElements[keyof RetentionKitElements];

/** \`on<event-name>\` props, each with the event's own type. */
export type RetentionKitReactEventProps<Events> = { [Name in keyof Events & string as \`on\${Name}\`]?: (event: Events[Name]) => void };

/** The props of one element in JSX: React's own (key, ref, className, style, children …) and the element's. */
export type RetentionKitReactProps<E extends ElementDescription> = Omit<
  DetailedHTMLProps<HTMLAttributes<E['element']>, E['element']>,
  keyof E['properties'] | keyof E['attributes'] | \`on\${keyof E['events'] & string}\`
> &
  E['properties'] &
  E['attributes'] &
  RetentionKitReactEventProps<E['events']>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.map((line) => `  ${line}`).join('\n')}
    }
  }
}
`;
}

/** Vue 3 sets a prop that is a property of the element (camelCase) as that property, kebab-case ones as attributes; \`@metric-change\` and \`onMetricChange\` listen to \`metric-change\`. */
function vueFile(elements) {
  const camel = (name) => name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
  const entries = elements.map((element) => `    ${JSON.stringify(element.tag)}: RetentionKitVueComponent<RetentionKitElements[${JSON.stringify(element.tag)}]>;`);
  const handlerNames = [...new Set(elements.flatMap((element) => element.events.map((event) => event.name)))].sort();
  return `${HEADER}
/*
 * Vue 3 and the kit's elements, for TypeScript (vue-tsc, Volar): every tag in
 * GlobalComponents with its properties (\`:data="rows"\`), its attributes
 * (\`customer-key="email"\`) and its events (\`@metric-change="onChange"\`, typed).
 * Vue still needs to be told these tags are custom elements
 * (\`compilerOptions.isCustomElement\`, see the README).
 *
 * Use: add "retention-kit/vue" to compilerOptions.types in tsconfig, or write
 * \`import type {} from 'retention-kit/vue'\` once in the app.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { RetentionKitElements } from './elements.js';

export type * from './elements.js';

type ElementDescription = RetentionKitElements[keyof RetentionKitElements];

/** \`metric-change\` → \`onMetricChange\`, as Vue names listeners. */
interface VueHandlerNames {
${handlerNames.map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(`on${pascal(camel(name))}`)};`).join('\n')}
}

/** \`onMetricChange\` style props (for h() and JSX), each with the event's own type. */
export type RetentionKitVueEventProps<Events> = {
  [Name in keyof Events & keyof VueHandlerNames as VueHandlerNames[Name]]?: (event: Events[Name]) => void;
};

/**
 * One element as Vue's type checker sees a component: the element instance (for template
 * refs) with the props and emits of its tag. Types only: the tag stays the custom element.
 */
export type RetentionKitVueComponent<E extends ElementDescription> = new () => E['element'] & {
  /** @deprecated For template type checking only; read the element's own properties instead. */
  $props: Omit<HTMLAttributes, keyof E['properties'] | keyof E['attributes']> & PublicProps & E['properties'] & E['attributes'] & RetentionKitVueEventProps<E['events']>;
  /** @deprecated For template type checking only: the element dispatches DOM events. */
  $emit: EmitFn<{ [Name in keyof E['events']]: (event: E['events'][Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}
`;
}

const HEADER = '// Generated from custom-elements.json by scripts/framework-typings.mjs (npm run build). Do not edit.';

/** The three declaration files, by name, from a manifest. */
export function frameworkTypings(manifest) {
  const elements = elementsOf(manifest).map(describe);
  if (!elements.length) throw new Error('framework typings: the manifest has no elements');
  return { 'elements.d.ts': elementsFile(elements), 'react.d.ts': reactFile(elements), 'vue.d.ts': vueFile(elements) };
}

/** Writes the declaration files into dir; returns the tags they type. */
export function writeFrameworkTypings(manifest, dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(frameworkTypings(manifest))) writeFileSync(join(dir, name), text);
  return elementsOf(manifest).map((element) => element.tagName);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/framework-typings.mjs <output dir>\n');
    process.exit(2);
  }
  const tags = writeFrameworkTypings(analyze(), resolve(dir));
  process.stdout.write(`framework typings for ${tags.length} elements in ${dir}\n`);
}
