/**
 * The snippet builder: a person opens their own export, maps its columns, sees the elements
 * computed on it and copies the snippet.
 *
 * The elements get the file itself as `src` (an object URL of the File), so they read it with
 * the kit's own parser, delimiter, date and number inference — exactly what the pasted snippet
 * will compute. The page only reads the header and the first rows, to guess the mapping and
 * show three rows. Nothing is uploaded. Everything built from the file is text, never HTML.
 */
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { InputWarning } from '../../src/metrics/issues.ts';
import { detectPreset, type ExportPreset } from '../../src/metrics/read/presets.ts';
import '../lib/elements.ts';
import {
  detectDateFormat,
  detectDecimal,
  distinctValues,
  engineTypeMeaning,
  guessMapping,
  guessTypeMap,
  readSample,
  typeMeaning,
  type ExportKind,
  type FieldKey,
  type Mapping,
  type Sample,
  type TypeMeaning,
} from '../lib/builder-guess.ts';
import { createSnippet } from '../lib/snippets.ts';
import { cdnFile } from '../lib/cdn.ts';

interface Field {
  key: FieldKey;
  attribute: string;
  label: string;
  hint: string;
  required?: boolean;
}

const FIELD_INFO: Record<FieldKey, Field> = {
  customer: { key: 'customer', attribute: 'customer-key', label: 'Customer', hint: 'Who: an id or an e-mail, not a display name', required: true },
  date: { key: 'date', attribute: 'date-key', label: 'Date', hint: 'When: the order date, filled on every row', required: true },
  order: { key: 'order', attribute: 'order-key', label: 'Order', hint: 'Order or invoice number: its lines are one purchase' },
  amount: { key: 'amount', attribute: 'amount-key', label: 'Amount', hint: 'Money of the row' },
  quantity: { key: 'quantity', attribute: 'quantity-key', label: 'Quantity', hint: 'Units on the line' },
  price: { key: 'price', attribute: 'price-key', label: 'Unit price', hint: 'Price of one unit: amount = quantity × price' },
  refund: { key: 'refund', attribute: 'refund-key', label: 'Refunded amount', hint: "Money refunded on the order, netted once per order" },
  currency: { key: 'currency', attribute: 'currency-key', label: 'Currency', hint: 'Currency code: currencies are never summed together' },
  type: { key: 'type', attribute: 'type-key', label: 'Status / type', hint: 'Payment status or line type; its words are mapped below' },
  start: { key: 'start', attribute: 'start-key', label: 'Start', hint: 'When the subscription started', required: true },
  end: { key: 'end', attribute: 'end-key', label: 'End', hint: 'When it ended (blank: still running)' },
  mrr: { key: 'mrr', attribute: 'mrr-key', label: 'MRR', hint: 'Recurring revenue per month' },
  plan: { key: 'plan', attribute: 'plan-key', label: 'Plan', hint: 'Plan or tier (optional)' },
  event: { key: 'event', attribute: 'event-key', label: 'Event', hint: 'What happened (optional)' },
};

const FIELDS_OF: Record<ExportKind, FieldKey[]> = {
  transactions: ['customer', 'date', 'order', 'amount', 'quantity', 'price', 'refund', 'currency', 'type'],
  subscriptions: ['customer', 'start', 'end', 'mrr', 'plan', 'currency'],
  events: ['customer', 'date', 'event'],
};
const ALL_FIELDS = Object.keys(FIELD_INFO) as FieldKey[];
const FORMAT_ATTRIBUTES = ['delimiter', 'decimal', 'date-format'] as const;

/** What each kind of file can show, in preview order, with the element's own extra attributes. */
type PreviewElement = { tag: string; attributes?: Array<[string, string]> };
const WITH_MONEY: PreviewElement[] = [
  { tag: 'retention-gauge' },
  { tag: 'churn-trend' },
  { tag: 'cohort-heatmap' },
  { tag: 'retention-curve' },
  { tag: 'purchase-cycle' },
  { tag: 'ltv-forecast' },
];
/** Customer counts need no money: everything but lifetime value. */
const WITHOUT_MONEY: PreviewElement[] = [
  { tag: 'retention-gauge' },
  { tag: 'churn-trend' },
  { tag: 'cohort-heatmap', attributes: [['value', 'count']] },
  { tag: 'retention-curve' },
  { tag: 'purchase-cycle' },
];
const SUBSCRIPTION_ELEMENTS: PreviewElement[] = [
  { tag: 'revenue-movements', attributes: [['input', 'subscriptions']] },
  { tag: 'churn-trend', attributes: [['input', 'subscriptions']] },
];

const SAMPLE_URL = 'data/sample/shop-orders.csv';
/** The page reads this much of a CSV to guess; the elements read all of it. */
const SAMPLE_BYTES = 1 << 20;
const SAMPLE_ROWS = 500;
const NONE = '';

// ---- state -----------------------------------------------------------------------------------

interface KitElement extends HTMLElement {
  status?: string;
  error?: ElementError;
  warnings?: InputWarning[];
}

interface State {
  /** What the elements read: an object URL of the user's file, or the sample's URL. */
  url?: string;
  /** Object URLs this page made (revoked when replaced). */
  objectUrl?: string;
  fileName: string;
  sample?: Sample;
  preset?: ExportPreset;
  kind: ExportKind;
  mapping: Mapping;
  money: 'amount' | 'quantity-price';
  /** Status words of the sample (lower case) and what each means; words the person changed. */
  typeWords: string[];
  typeMap: Record<string, TypeMeaning | ''>;
  typeMapEdited: boolean;
  /** Only what the person set (the kit detects the rest). */
  format: { delimiter: string; decimal: string; 'date-format': string };
}

const state: State = {
  fileName: '',
  kind: 'transactions',
  mapping: {},
  money: 'quantity-price',
  typeWords: [],
  typeMap: {},
  typeMapEdited: false,
  format: { delimiter: '', decimal: '', 'date-format': '' },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusLine = $('file-status');
const form = $<HTMLFormElement>('mapping');
const kindSelect = $<HTMLSelectElement>('kind');
const elementsBox = $('elements');
const snippetBox = $('snippet');

function setStatus(text: string, tone: 'ok' | 'error' | 'busy' = 'ok'): void {
  statusLine.textContent = text;
  statusLine.dataset.tone = tone;
}

const code = (text: string) => {
  const el = document.createElement('code');
  el.textContent = text;
  return el;
};

// ---- what the snippet says -------------------------------------------------------------------

/** The columns the elements get: the mapping without the money column the engine would not use. */
function effectiveMapping(): Mapping {
  const mapping: Mapping = {};
  for (const key of FIELDS_OF[state.kind]) if (state.mapping[key]) mapping[key] = state.mapping[key];
  if (state.kind === 'transactions' && mapping.amount && mapping.quantity && mapping.price) {
    // The engine uses quantity × price whenever a price column is set: keep one of them.
    if (state.money === 'amount') delete mapping.price;
    else delete mapping.amount;
  }
  if (mapping.price && !mapping.quantity) delete mapping.price;
  return mapping;
}

function hasMoney(mapping: Mapping): boolean {
  if (state.kind === 'subscriptions') return Boolean(mapping.mrr);
  if (state.kind === 'events') return false;
  return Boolean(mapping.amount || (mapping.quantity && mapping.price));
}

/** The type-map to write: only words with a meaning, keys in lower case as the engine compares them. */
function typeMapValue(): Record<string, TypeMeaning> | undefined {
  if (state.kind !== 'transactions' || !effectiveMapping().type) return undefined;
  const map: Record<string, TypeMeaning> = {};
  for (const [word, meaning] of Object.entries(state.typeMap)) if (meaning) map[word] = meaning;
  return map;
}

/** The words the elements will read: the preset's map (when it is used and not edited) or the one written. */
function effectiveTypeMap(): Record<string, TypeMeaning> {
  if (state.kind !== 'transactions' || !effectiveMapping().type) return {};
  const preset = presetInUse(effectiveMapping());
  const written = sharedAttributes().find(([name]) => name === 'type-map');
  if (written) return JSON.parse(written[1]) as Record<string, TypeMeaning>;
  return { ...(preset?.typeMap ?? {}) };
}

/** Whether the preset still describes the mapping: every column it names is mapped to the same column. */
function presetInUse(mapping: Mapping): ExportPreset | undefined {
  const preset = state.preset;
  if (!preset || preset.kind !== state.kind) return undefined;
  for (const [field, column] of Object.entries(preset.fields) as Array<[FieldKey, string]>) {
    if (!state.sample?.columns.includes(column)) continue;
    if (mapping[field] !== column) return undefined;
  }
  return preset;
}

/** The attributes every element gets (and the snippet shows), in the kit's order. */
function sharedAttributes(): Array<[string, string]> {
  const mapping = effectiveMapping();
  const preset = presetInUse(mapping);
  const attributes: Array<[string, string]> = [];
  if (preset) attributes.push(['preset', preset.name]);
  for (const key of ALL_FIELDS) {
    const column = mapping[key];
    if (column && column !== preset?.fields[key]) attributes.push([FIELD_INFO[key].attribute, column]);
  }
  const typeMap = typeMapValue();
  if (typeMap) {
    const fromPreset = preset?.typeMap !== undefined && !state.typeMapEdited;
    const needed = state.typeMapEdited || (!preset?.typeMap && guessTypeMap(Object.keys(typeMap)).needed);
    if (!fromPreset && needed && Object.keys(typeMap).length) {
      // type-map replaces the preset's words: write the preset's (also when its other columns were changed) with the person's changes.
      const presetWords = state.preset && state.preset.fields.type === mapping.type ? state.preset.typeMap : undefined;
      attributes.push(['type-map', JSON.stringify({ ...(presetWords ?? {}), ...typeMap })]);
    }
  }
  const dateFormat = state.format['date-format'].trim() || (!preset && state.preset?.dateFormat && mapping.date === state.preset.fields.date ? state.preset.dateFormat : '');
  if (state.sample?.format === 'csv' && state.format.delimiter) attributes.push(['delimiter', state.format.delimiter]);
  if (state.format.decimal) attributes.push(['decimal', state.format.decimal]);
  if (dateFormat) attributes.push(['date-format', dateFormat]);
  return attributes;
}

function previewSet(): PreviewElement[] {
  const mapping = effectiveMapping();
  const list = state.kind === 'subscriptions' ? SUBSCRIPTION_ELEMENTS.filter((e) => e.tag !== 'revenue-movements' || mapping.mrr) : hasMoney(mapping) ? WITH_MONEY : WITHOUT_MONEY;
  return list.filter((element) => customElements.get(element.tag));
}

function missingRequired(): Field[] {
  return FIELDS_OF[state.kind].map((key) => FIELD_INFO[key]).filter((field) => field.required && !state.mapping[field.key]);
}

// ---- honest words ----------------------------------------------------------------------------

type Part = string | HTMLElement;

/** One sentence of what the elements will compute, true to the engine's rules (src/metrics/read/transactions.ts). */
function computedSentence(): Part[] {
  const missing = missingRequired();
  if (missing.length) return [`Choose a column for ${missing.map((field) => field.label.toLowerCase()).join(' and ')}: the elements need to know who and when.`];
  const m = effectiveMapping();
  const parts: Part[] = [];
  if (state.kind === 'subscriptions') {
    parts.push('Each row is a subscription of ', code(m.customer!), ' from ', code(m.start!));
    parts.push(...(m.end ? [' to ', code(m.end), ' (blank: still running)'] : [' (no end column: all still running)']));
    if (m.mrr) parts.push(', ', code(m.mrr), ' read as its monthly recurring revenue');
    if (m.plan) parts.push(', on plan ', code(m.plan));
    parts.push('.');
    if (!m.mrr) parts.push(' No MRR column: revenue movements need one; customer churn works.');
    return parts;
  }
  const who: Part[] = [code(m.customer!), ' on ', code(m.date!)];
  if (state.kind === 'events') {
    parts.push('Each row is an activity of ', ...who, '. ');
  } else {
    parts.push('Purchases by ', ...who);
    if (m.quantity && m.price) parts.push('; amount = ', code(m.quantity), ' × ', code(m.price));
    else if (m.amount) parts.push('; amount = ', code(m.amount));
    if (m.refund && hasMoney(m)) parts.push(' less ', code(m.refund), m.order ? ' (netted once per order)' : '');
    if (m.order) parts.push('; one purchase per ', code(m.order), ...(ordersHaveLines(m.order) ? [' (blank cells of an order\u2019s later lines are taken from its first line)'] : []));
    else parts.push('; one purchase per row');
    parts.push('. ');
    if (m.currency && hasMoney(m)) parts.push('Amounts in different ', code(m.currency), ' are never summed together. ');
    const ignored = Object.entries(effectiveTypeMap()).filter(([, meaning]) => meaning === 'ignore').map(([word]) => word);
    if (ignored.length) parts.push(`Rows with status ${ignored.join('/')} are left out (type-map). `);
    const unknown = state.typeWords.filter((word) => !effectiveTypeMap()[word] && !engineWord(word));
    if (m.type && unknown.length) parts.push(`Say what ${unknown.map((w) => `\u201c${w}\u201d`).join(', ')} mean${unknown.length === 1 ? 's' : ''}: the elements stop at a status word they do not know. `);
  }
  if (!hasMoney(m)) parts.push('No money column: customer counts, cohorts, churn, repeat rate and time between purchases work; revenue and lifetime value need an amount.');
  return parts;
}

/** Whether an order id repeats in the sample (an export with a row per order line). */
function ordersHaveLines(column: string): boolean {
  const sample = state.sample;
  const index = sample?.columns.indexOf(column) ?? -1;
  if (!sample || index < 0) return false;
  const seen = new Set<string>();
  for (const row of sample.rows) {
    const id = row[index]?.trim();
    if (!id) continue;
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** Words the engine reads without a type-map. */
const engineWord = (word: string) => engineTypeMeaning(word) !== undefined;

// ---- rendering ---------------------------------------------------------------------------------

function showPreviewTable(): void {
  const box = $('preview');
  const table = box.querySelector('table')!;
  const sample = state.sample;
  const head = document.createElement('tr');
  for (const column of sample?.columns ?? []) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  table.tHead!.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...(sample?.rows ?? []).slice(0, 3).map((row) => {
      const tr = document.createElement('tr');
      for (const cell of row) {
        const td = document.createElement('td');
        td.textContent = cell;
        tr.append(td);
      }
      return tr;
    }),
  );
  box.hidden = !sample || sample.rows.length === 0;
}

function buildForm(): void {
  kindSelect.value = state.kind;
  const columns = state.sample?.columns ?? [];
  form.replaceChildren(
    ...FIELDS_OF[state.kind].map((key) => {
      const field = FIELD_INFO[key];
      const id = `map-${key}`;
      const wrapper = document.createElement('div');
      wrapper.className = 'mapping-field';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = field.required ? `${field.label} (required)` : field.label;
      const select = document.createElement('select');
      select.id = id;
      select.name = key;
      select.required = Boolean(field.required);
      select.append(new Option(field.required ? '— choose a column —' : '— none —', NONE), ...columns.map((column) => new Option(column, column)));
      select.value = state.mapping[key] ?? NONE;
      const hint = document.createElement('small');
      hint.id = `${id}-hint`;
      hint.textContent = `${field.hint} · ${field.attribute}`;
      select.setAttribute('aria-describedby', hint.id);
      wrapper.append(label, select, hint);
      return wrapper;
    }),
  );
}

function renderPresetNote(): void {
  const note = $('preset-note');
  const preset = state.preset;
  note.hidden = !preset;
  if (!preset) return note.replaceChildren();
  const inUse = presetInUse(effectiveMapping());
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'What the preset reads';
  const text = document.createElement('p');
  text.textContent = preset.description;
  details.append(summary, text);
  note.replaceChildren(
    `${preset.label} detected: `,
    code(`preset="${preset.name}"`),
    inUse ? '. Its columns are selected below; a column you change is written beside the preset.' : '. You changed a column the preset names, so the snippet lists every column instead.',
    details,
  );
}

function renderMoneyChoice(): void {
  const box = $('money-choice');
  const { amount, quantity, price } = state.mapping;
  const show = state.kind === 'transactions' && Boolean(amount && quantity && price);
  box.hidden = !show;
  if (!show) return;
  $('money-qp').replaceChildren(code(quantity!), ' × ', code(price!), ' (line by line)');
  $('money-amount').replaceChildren(code(amount!), ' (quantity kept as units)');
  for (const radio of box.querySelectorAll<HTMLInputElement>('input[name="money"]')) radio.checked = radio.value === state.money;
}

function renderTypeMap(): void {
  const box = $('type-map');
  const column = effectiveMapping().type;
  const show = state.kind === 'transactions' && Boolean(column) && state.typeWords.length > 0;
  box.hidden = !show;
  if (!show) return;
  const rows = state.typeWords.map((word) => {
    const id = `type-${word.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    const row = document.createElement('div');
    row.className = 'type-map-row';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.append(code(word));
    const select = document.createElement('select');
    select.id = id;
    select.dataset.word = word;
    const builtIn = engineWord(word) ? ` (kit: ${engineTypeMeaning(word)})` : ' (the kit stops at it)';
    select.append(
      new Option(`not set${builtIn}`, ''),
      new Option('purchase', 'purchase'),
      new Option('refund / return', 'refund'),
      new Option('left out', 'ignore'),
    );
    select.value = state.typeMap[word] ?? '';
    row.append(label, select);
    return row;
  });
  $('type-map-rows').replaceChildren(...rows);
}

function renderFormatPlaceholders(): void {
  const sample = state.sample;
  const names: Record<string, string> = { ',': ', (comma)', ';': '; (semicolon)', '\t': 'tab', '|': '| (bar)' };
  const delimiterField = $('delimiter-field');
  delimiterField.hidden = sample?.format !== 'csv';
  const delimiterSelect = $<HTMLSelectElement>('delimiter');
  delimiterSelect.options[0].text = sample?.delimiter ? `auto (this file: ${names[sample.delimiter]})` : 'auto';
  const mapping = effectiveMapping();
  const cells = (column?: string) => (sample && column ? distinctValues(sample, column, 200) : []);
  const decimal = detectDecimal([...cells(mapping.amount), ...cells(mapping.price), ...cells(mapping.mrr), ...cells(mapping.refund)]);
  $<HTMLSelectElement>('decimal').options[0].text = decimal ? `auto (looks like ${decimal === ',' ? '12,50' : '12.50'})` : 'auto';
  const dateColumn = mapping.date ?? mapping.start;
  const dateFormat = state.preset?.dateFormat && dateColumn === state.preset.fields.date ? state.preset.dateFormat : detectDateFormat(cells(dateColumn));
  $<HTMLInputElement>('date-format').placeholder = dateFormat ? `auto (looks like ${dateFormat})` : 'auto';
  $<HTMLSelectElement>('delimiter').value = state.format.delimiter;
  $<HTMLSelectElement>('decimal').value = state.format.decimal;
  $<HTMLInputElement>('date-format').value = state.format['date-format'];
}

/** The preview elements: created once per tag, given the file and the attributes on every change. */
function renderElements(): void {
  const ready = Boolean(state.url) && missingRequired().length === 0;
  const wanted = ready ? previewSet() : [];
  const shared = sharedAttributes();
  // A card per element and its own attributes: removing an attribute such as `value` would
  // leave the element's property null, so a changed set makes a new element instead.
  const keyOf = (element: PreviewElement) => `${element.tag} ${JSON.stringify(element.attributes ?? [])}`;
  const wantedKeys = new Set(wanted.map(keyOf));
  for (const card of [...elementsBox.querySelectorAll<HTMLElement>('.preview-card')]) {
    if (!wantedKeys.has(card.dataset.key!)) card.remove();
  }
  for (const element of wanted) {
    let card = [...elementsBox.querySelectorAll<HTMLElement>('.preview-card')].find((candidate) => candidate.dataset.key === keyOf(element));
    let el: KitElement;
    if (!card) {
      card = document.createElement('figure');
      card.className = 'preview-card';
      card.dataset.key = keyOf(element);
      const caption = document.createElement('figcaption');
      caption.append(code(`<${element.tag}>`));
      el = document.createElement(element.tag) as KitElement;
      el.dataset.kit = element.tag;
      el.addEventListener('error', scheduleProblems);
      card.append(caption, el);
    } else {
      el = card.querySelector<KitElement>('[data-kit]')!;
    }
    elementsBox.append(card); // keeps the preview order
    const attributes = new Map<string, string>([['src', state.url!], ...shared, ...(element.attributes ?? [])]);
    for (const name of ['src', ...ALL_FIELDS.map((key) => FIELD_INFO[key].attribute), 'preset', 'type-map', ...FORMAT_ATTRIBUTES]) {
      if (!attributes.has(name)) el.removeAttribute(name);
    }
    for (const [name, value] of attributes) if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  scheduleProblems();
}

let problemsFrame = 0;
let lastProblems = '';
function scheduleProblems(): void {
  cancelAnimationFrame(problemsFrame);
  problemsFrame = requestAnimationFrame(renderProblems);
}

/** The file's problems, once for all elements: the first three distinct ones, the rest counted. */
function renderProblems(): void {
  const found = new Map<string, { tags: string[]; error: boolean }>();
  const note = (message: string, tag: string, error: boolean) => {
    const entry = found.get(message) ?? { tags: [], error };
    if (!entry.tags.includes(tag)) entry.tags.push(tag);
    entry.error ||= error;
    found.set(message, entry);
  };
  const elements = [...elementsBox.querySelectorAll<KitElement>('[data-kit]')];
  for (const el of elements) {
    if (el.status === 'error' && el.error) note(el.error.message, el.localName, true);
    else for (const warning of el.warnings ?? []) note(warning.message, el.localName, false);
  }
  const box = $('problems');
  const signature = JSON.stringify([...found]);
  if (signature === lastProblems) return;
  lastProblems = signature;
  const entries = [...found.entries()].sort((a, b) => Number(b[1].error) - Number(a[1].error));
  box.hidden = entries.length === 0;
  const errors = entries.filter(([, entry]) => entry.error).length;
  $('problems-title').textContent = errors
    ? `The elements could not read your file as mapped${errors < entries.length ? ' (and have notes about it)' : ''}:`
    : 'Notes about your file:';
  box.dataset.tone = errors ? 'error' : 'note';
  const items = entries.slice(0, 3).map(([message, entry]) => {
    const li = document.createElement('li');
    li.dataset.tone = entry.error ? 'error' : 'note';
    const where = document.createElement('small');
    const tags = entry.tags;
    where.textContent =
      tags.length === elements.length && elements.length > 1 ? ' (every element)' : tags.length > 2 ? ` (${tags.length} elements)` : ` (${tags.map((tag) => `<${tag}>`).join(', ')})`;
    li.append(message, where);
    return li;
  });
  if (entries.length > 3) {
    const li = document.createElement('li');
    li.className = 'more';
    li.textContent = `and ${entries.length - 3} more`;
    items.push(li);
  }
  $('problems-list').replaceChildren(...items);
}

function attributeText([name, value]: [string, string]): string {
  const escaped = value.replaceAll('&', '&amp;');
  return value.includes('"') && !value.includes("'") ? `${name}='${escaped}'` : `${name}="${escaped.replaceAll('"', '&quot;')}"`;
}

function renderSnippet(): void {
  const fileName = state.fileName && !state.fileName.startsWith('pasted') && !state.fileName.startsWith('sample') ? state.fileName : 'your-export.csv';
  const src = `/path/to/${encodeURIComponent(fileName).replaceAll('%20', '-')}`;
  const shared = sharedAttributes();
  const ready = missingRequired().length === 0 && Boolean(state.sample);
  const lines = [
    // The autoloader, a classic script (CMS editors that strip type="module" keep it): the
    // page downloads only the elements of the snippet (demo/lib/cdn.ts).
    `<script src="${cdnFile('retention-kit.autoloader.js')}"></script>`,
    `<!-- Replace ${src} with the address of your export. -->`,
    `<retention-source id="orders" src="${src}"></retention-source>`,
    ...(ready ? previewSet() : WITH_MONEY).map(({ tag, attributes = [] }) => {
      const all: Array<[string, string]> = [['source', 'orders'], ...shared, ...attributes];
      return `<${tag}\n${all.map((attribute) => `  ${attributeText(attribute)}`).join('\n')}></${tag}>`;
    }),
  ];
  snippetBox.replaceChildren(createSnippet(lines.join('\n')));
}

function renderNote(): void {
  $('mapping-note').replaceChildren(...computedSentence());
}

function update(): void {
  renderPresetNote();
  renderMoneyChoice();
  renderTypeMap();
  renderFormatPlaceholders();
  renderNote();
  renderElements();
  renderSnippet();
}

// ---- reading the form -----------------------------------------------------------------------------

function readForm(): void {
  const data = new FormData(form);
  const mapping: Mapping = {};
  for (const key of FIELDS_OF[state.kind]) {
    const column = String(data.get(key) ?? NONE);
    if (column) mapping[key] = column;
  }
  const before = state.mapping;
  state.mapping = mapping;
  // The words' meaning depends on the column, and `refunded` on whether a refund column nets it.
  if (mapping.type !== before.type || (!state.typeMapEdited && Boolean(mapping.refund) !== Boolean(before.refund))) setTypeWords();
}

/** The status words of the mapped type column, and what they mean (the preset's map, or guessed). */
function setTypeWords(): void {
  const column = state.mapping.type;
  const words = column && state.sample ? [...new Set(distinctValues(state.sample, column, 30).map((word) => word.trim().toLowerCase()))] : [];
  const presetMap = state.preset && state.preset.fields.type === column ? state.preset.typeMap : undefined;
  state.typeWords = words;
  state.typeMap = {};
  state.typeMapEdited = false;
  const refundColumn = Boolean(effectiveMapping().refund);
  for (const word of words) state.typeMap[word] = presetMap?.[word] ?? (presetMap ? '' : (typeMeaning(word, { refundColumn }) ?? ''));
  // A preset's words the sample happens not to show still count (they are in its type-map).
}

// ---- opening a file --------------------------------------------------------------------------------

function initialMapping(sample: Sample): void {
  const preset = detectPreset(sample.columns);
  state.preset = preset;
  if (preset) {
    state.kind = preset.kind;
    const guess = guessMapping(sample.columns, sample.rows);
    state.mapping = {};
    for (const [field, column] of Object.entries(preset.fields) as Array<[FieldKey, string]>) {
      if (sample.columns.includes(column)) state.mapping[field] = column;
    }
    // A column the preset names but the file lacks (an older export's name): the guess fills in.
    for (const field of FIELDS_OF[preset.kind]) {
      if (!state.mapping[field] && preset.fields[field] && guess.mapping[field]) state.mapping[field] = guess.mapping[field];
    }
    state.money = state.mapping.amount ? 'amount' : 'quantity-price';
  } else {
    const guess = guessMapping(sample.columns, sample.rows);
    state.kind = guess.kind;
    state.mapping = guess.mapping;
    state.money = guess.money === 'amount' ? 'amount' : 'quantity-price';
  }
  state.format = { delimiter: '', decimal: '', 'date-format': '' };
  setTypeWords();
}

/** Points the elements at a new URL, revoking the object URL they read before. */
function setSource(url: string, objectUrl?: string): void {
  const previous = state.objectUrl;
  state.url = url;
  state.objectUrl = objectUrl;
  if (previous && previous !== objectUrl) {
    // After the elements have the new URL: an old one still being read is aborted by them.
    queueMicrotask(() => URL.revokeObjectURL(previous));
  }
}

function useSample_(sample: Sample, name: string, url: string, objectUrl: string | undefined, size?: number): void {
  if (sample.columns.length === 0 || sample.rows.length === 0) throw new Error('no rows found: the first line should name the columns');
  state.sample = sample;
  state.fileName = name;
  initialMapping(sample);
  setSource(url, objectUrl);
  const delimiterName: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };
  const format = sample.format === 'json' ? 'JSON' : `CSV, ${delimiterName[sample.delimiter ?? ',']}-separated`;
  const sizeText = size === undefined ? '' : `, ${size < 1e6 ? `${Math.max(1, Math.round(size / 1e3))} kB` : `${(size / 1e6).toFixed(1)} MB`}`;
  const read = sample.rows.length >= SAMPLE_ROWS ? `the first ${SAMPLE_ROWS} rows guessed from; the elements read the whole file` : `${sample.rows.length.toLocaleString('en')} rows`;
  setStatus(`${name} (${format}${sizeText}): ${sample.columns.length} columns, ${read}. Read in this page, not uploaded.`);
}

function fail(name: string, error: unknown): void {
  state.sample = undefined;
  state.mapping = {};
  state.preset = undefined;
  setSource('', undefined);
  state.url = undefined;
  setStatus(`${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

function refreshAll(): void {
  showPreviewTable();
  buildForm();
  update();
}

async function useFile(file: File): Promise<void> {
  setStatus(`Reading ${file.name}…`, 'busy');
  try {
    const head = await file.slice(0, SAMPLE_BYTES).text();
    const json = /^\s*[[{]/.test(head.replace(/^\uFEFF/, ''));
    // JSON cannot be read in part; a CSV's first megabyte has more rows than the guess needs.
    const text = json && file.size > SAMPLE_BYTES ? await file.text() : head;
    const sample = readSample(text, { maxRows: SAMPLE_ROWS, complete: json || file.size <= SAMPLE_BYTES });
    const objectUrl = URL.createObjectURL(file);
    useSample_(sample, file.name, objectUrl, objectUrl, file.size);
  } catch (error) {
    fail(file.name, error);
  }
  refreshAll();
}

function useText(text: string, name: string): void {
  try {
    const sample = readSample(text, { maxRows: SAMPLE_ROWS });
    const objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    useSample_(sample, name, objectUrl, objectUrl, text.length);
  } catch (error) {
    fail(name, error);
  }
  refreshAll();
}

async function useSample(): Promise<void> {
  setStatus('Loading the sample export…', 'busy');
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`the sample could not be loaded (HTTP ${response.status})`);
    const text = await response.text();
    // The elements read the sample by its URL, as a site would.
    useSample_(readSample(text, { maxRows: SAMPLE_ROWS }), 'sample shop export (shop-orders.csv)', SAMPLE_URL, undefined, text.length);
  } catch (error) {
    fail('sample shop export', error);
  }
  refreshAll();
}

// ---- wiring ----------------------------------------------------------------------------------------

const fileInput = $<HTMLInputElement>('file');
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void useFile(file);
});

const drop = document.querySelector<HTMLElement>('.file-drop')!;
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.dataset.over = '';
});
drop.addEventListener('dragleave', () => delete drop.dataset.over);
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  delete drop.dataset.over;
  const file = event.dataTransfer?.files[0];
  if (file) void useFile(file);
});

$('use-sample').addEventListener('click', () => void useSample());
$('use-pasted').addEventListener('click', () => useText($<HTMLTextAreaElement>('pasted').value, 'pasted data'));
form.addEventListener('change', () => {
  readForm();
  update();
});
kindSelect.addEventListener('change', () => {
  state.kind = kindSelect.value as ExportKind;
  if (state.sample) {
    // Guess the new kind's fields, keeping the columns already chosen for shared ones.
    const guess = guessMapping(state.sample.columns, state.sample.rows);
    const kept: Mapping = {};
    for (const key of FIELDS_OF[state.kind]) kept[key] = state.mapping[key] ?? (guess.kind === state.kind ? guess.mapping[key] : undefined);
    state.mapping = Object.fromEntries(Object.entries(kept).filter(([, column]) => column)) as Mapping;
    setTypeWords();
  }
  buildForm();
  update();
});
$('money-choice').addEventListener('change', (event) => {
  const radio = event.target as HTMLInputElement;
  if (radio.name === 'money') state.money = radio.value as State['money'];
  update();
});
$('type-map').addEventListener('change', (event) => {
  const select = event.target as HTMLSelectElement;
  if (!select.dataset.word) return;
  state.typeMap[select.dataset.word] = select.value as TypeMeaning | '';
  state.typeMapEdited = true;
  update();
});
for (const name of FORMAT_ATTRIBUTES) {
  const input = $<HTMLInputElement | HTMLSelectElement>(name);
  input.addEventListener('change', () => {
    state.format[name] = input.value.trim();
    update();
  });
}
elementsBox.addEventListener('metric-change', scheduleProblems);
// Status changes without an event (loading, a new src): look again now and then while any is busy.
setInterval(() => {
  if (elementsBox.querySelector('[data-kit]')) renderProblems();
}, 1500);

buildForm();
renderSnippet();
// Start with the sample, so the page shows what it does before anyone opens a file.
void useSample();
