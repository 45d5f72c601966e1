/**
 * The snippet builder: a person opens their own export, maps its columns, sees every
 * element on it and copies the snippet.
 *
 * The file is read with the File API (FileReader) and stays in this page: the elements get
 * the parsed rows through their `data` property, so nothing is fetched or uploaded. Every
 * piece of the page built from the file (column names, cells, messages) is text, never HTML.
 */
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import type { ElementError } from '../../src/components/platform/errors.ts';
import '../lib/elements.ts';
import { createSnippet } from '../lib/snippets.ts';

type Row = Record<string, unknown>;

/** The mapping attributes of the kit, with how a column of each is usually named. */
interface Field {
  key: 'customer' | 'date' | 'amount' | 'quantity' | 'price' | 'order' | 'type';
  attribute: string;
  label: string;
  hint: string;
  required: boolean;
  /** Names that are this field outright (compared without case, spaces, `_` or `-`). */
  exact: string[];
  /** Parts of a name that suggest this field. */
  partial: string[];
}

const FIELDS: Field[] = [
  {
    key: 'customer',
    attribute: 'customer-key',
    label: 'Customer',
    hint: 'Who bought: an id or an e-mail',
    required: true,
    exact: ['customerid', 'customer', 'email', 'emailaddress', 'clientid', 'client', 'userid', 'accountid', 'buyer', 'buyeremail', 'customeremail', 'contactid'],
    partial: ['customer', 'email', 'client', 'account', 'user', 'buyer'],
  },
  {
    key: 'date',
    attribute: 'date-key',
    label: 'Date',
    hint: 'When the order was placed',
    required: true,
    exact: ['date', 'invoicedate', 'orderdate', 'createdat', 'created', 'purchasedat', 'purchasedate', 'timestamp', 'transactiondate', 'paidat', 'datetime'],
    partial: ['date', 'createdat', 'time', 'paid'],
  },
  {
    key: 'amount',
    attribute: 'amount-key',
    label: 'Amount',
    hint: 'Value of the order line; or leave empty and pick quantity and price',
    required: false,
    exact: ['amount', 'total', 'revenue', 'sales', 'value', 'ordertotal', 'totalprice', 'net', 'gross', 'sum', 'linetotal', 'subtotal'],
    partial: ['amount', 'total', 'revenue', 'sales'],
  },
  {
    key: 'quantity',
    attribute: 'quantity-key',
    label: 'Quantity',
    hint: 'Units on the line (amount = quantity × price)',
    required: false,
    exact: ['quantity', 'qty', 'units', 'count', 'pieces'],
    partial: ['quantity', 'qty'],
  },
  {
    key: 'price',
    attribute: 'price-key',
    label: 'Unit price',
    hint: 'Price of one unit',
    required: false,
    exact: ['price', 'unitprice', 'priceeach', 'itemprice'],
    partial: ['price'],
  },
  {
    key: 'order',
    attribute: 'order-key',
    label: 'Order',
    hint: 'Order or invoice number: lines of one order count as one purchase',
    required: false,
    exact: ['order', 'orderid', 'ordernumber', 'orderno', 'invoice', 'invoiceid', 'invoiceno', 'invoicenumber', 'transactionid'],
    partial: ['order', 'invoice'],
  },
  {
    key: 'type',
    attribute: 'type-key',
    label: 'Line type',
    hint: 'Marks returns and cancellations (optional)',
    required: false,
    exact: ['type', 'kind', 'transactiontype', 'linetype', 'ordertype'],
    partial: ['type'],
  },
];

/**
 * Elements that read orders (transactions), in the order the preview shows them; those not
 * defined on this page are left out. revenue-movements reads subscriptions, not orders.
 */
const PREVIEW_TAGS = ['retention-gauge', 'churn-trend', 'cohort-heatmap', 'retention-curve', 'purchase-cycle', 'ltv-forecast'];
const SNIPPET_SRC = '/path/to/your-export.csv';
const KIT_SRC = 'https://cdn.example/retention-kit.js';
const SAMPLE_URL = 'data/sample/shop-orders.csv';
const NONE = '';

const squash = (name: string) => name.toLowerCase().replace(/[\s_\-.]+/g, '');

/**
 * Guesses a column for every field: exact names first, then names that contain a hint,
 * never one column for two fields. Quantity and price are only guessed when no amount is.
 */
export function guessMapping(columns: string[]): Partial<Record<Field['key'], string>> {
  const taken = new Set<string>();
  const mapping: Partial<Record<Field['key'], string>> = {};
  for (const pass of ['exact', 'partial'] as const) {
    for (const field of FIELDS) {
      if (mapping[field.key]) continue;
      const match = columns.find((column) => {
        if (taken.has(column)) return false;
        const name = squash(column);
        return pass === 'exact' ? field.exact.includes(name) : field.partial.some((part) => name.includes(part));
      });
      if (match) {
        mapping[field.key] = match;
        taken.add(match);
      }
    }
  }
  return mapping;
}

/** Rows from CSV/TSV text: a header row, then text cells. Empty lines are dropped. */
function rowsFromDelimited(text: string, tab: boolean): { rows: Row[]; columns: string[] } {
  const table = (tab ? tsvParseRows : csvParseRows)(text.replace(/^\uFEFF/, ''));
  const [header = [], ...body] = table;
  const columns = header.map((name, i) => name.trim() || `Column ${i + 1}`);
  const rows = body
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])));
  return { rows, columns };
}

/** Rows from JSON: an array of records, or an object holding one (`{ "orders": [...] }`). */
function rowsFromJson(text: string): { rows: Row[]; columns: string[] } {
  let value: unknown = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    value = Object.values(value).find((inner) => Array.isArray(inner)) ?? value;
  }
  if (!Array.isArray(value)) throw new Error('The JSON is not a list of records.');
  const rows = value.filter((row): row is Row => row !== null && typeof row === 'object' && !Array.isArray(row));
  const columns = [...new Set(rows.slice(0, 200).flatMap((row) => Object.keys(row)))];
  return { rows, columns };
}

/** Reads the text as JSON when it looks like JSON (or is named so), else as CSV/TSV. */
export function parseExport(text: string, name = ''): { rows: Row[]; columns: string[]; format: string } {
  const start = text.trimStart()[0];
  if (/\.json$/i.test(name) || start === '[' || start === '{') return { ...rowsFromJson(text), format: 'JSON' };
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const tab = /\.tsv$/i.test(name) || (firstLine.includes('\t') && !firstLine.includes(','));
  return { ...rowsFromDelimited(text, tab), format: tab ? 'TSV' : 'CSV' };
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('The file could not be read.')));
    reader.readAsText(file);
  });
}

// ---- page state -------------------------------------------------------------------------

interface KitElement extends HTMLElement {
  data: unknown;
  status?: string;
  error?: ElementError;
}

const state: { rows: Row[]; columns: string[]; fileName: string; mapping: Partial<Record<Field['key'], string>> } = {
  rows: [],
  columns: [],
  fileName: '',
  mapping: {},
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('file-status');
const form = $<HTMLFormElement>('mapping');
const elementsBox = $('elements');
const errorsList = $('element-errors');
const snippetBox = $('snippet');

function setStatus(text: string, tone: 'ok' | 'error' | 'busy' = 'ok'): void {
  status.textContent = text;
  status.dataset.tone = tone;
}

function showPreview(): void {
  const box = $('preview');
  const table = box.querySelector('table')!;
  const head = document.createElement('tr');
  for (const column of state.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  table.tHead!.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...state.rows.slice(0, 3).map((row) => {
      const tr = document.createElement('tr');
      for (const column of state.columns) {
        const td = document.createElement('td');
        const value = row[column];
        td.textContent = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        tr.append(td);
      }
      return tr;
    }),
  );
  box.hidden = state.rows.length === 0;
}

function buildForm(): void {
  const fields = FIELDS.map((field) => {
    const id = `map-${field.key}`;
    const wrapper = document.createElement('div');
    wrapper.className = 'mapping-field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = field.required ? `${field.label} (required)` : field.label;
    const select = document.createElement('select');
    select.id = id;
    select.name = field.key;
    select.required = field.required;
    const none = new Option(field.required ? '— choose a column —' : '— none —', NONE);
    select.append(none, ...state.columns.map((column) => new Option(column, column)));
    select.value = state.mapping[field.key] ?? NONE;
    const hint = document.createElement('small');
    hint.id = `${id}-hint`;
    hint.textContent = `${field.hint} · attribute ${field.attribute}`;
    select.setAttribute('aria-describedby', hint.id);
    wrapper.append(label, select, hint);
    return wrapper;
  });
  form.replaceChildren(...fields);
}

function readForm(): void {
  const data = new FormData(form);
  state.mapping = {};
  for (const field of FIELDS) {
    const column = String(data.get(field.key) ?? NONE);
    if (column) state.mapping[field.key] = column;
  }
}

function mappingNote(): string {
  const { customer, date, amount, quantity, price } = state.mapping;
  const missing = FIELDS.filter((field) => field.required && !state.mapping[field.key]).map((field) => field.label.toLowerCase());
  if (missing.length) return `Choose a column for ${missing.join(' and ')}: the elements need to know who bought and when.`;
  if (!amount && !(quantity && price)) return 'No amount: counts of customers work; revenue needs an amount, or quantity and price.';
  if (amount && quantity && price) return 'Amount is used as it is; quantity and price are only used when there is no amount.';
  return `${customer} is the customer, ${date} the date.`;
}

/** The mapping attributes for the elements (and the snippet), in the kit's order. */
function mappingAttributes(): Array<[string, string]> {
  return FIELDS.filter((field) => state.mapping[field.key]).map((field) => [field.attribute, state.mapping[field.key]!]);
}

function previewTags(): string[] {
  return PREVIEW_TAGS.filter((tag) => customElements.get(tag));
}

/** The error's own one-line summary (which record, which field, what was expected). */
function describeError(error: ElementError): string {
  return error.message;
}

function renderErrors(): void {
  const items = [...elementsBox.querySelectorAll<KitElement>('[data-kit]')]
    .filter((el) => el.status === 'error' && el.error)
    .map((el) => {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = `<${el.localName}>`;
      li.append(code, ` ${describeError(el.error!)}`);
      return li;
    });
  errorsList.replaceChildren(...items);
}

function renderElements(): void {
  const attributes = mappingAttributes();
  const ready = Boolean(state.mapping.customer && state.mapping.date) && state.rows.length > 0;
  for (const tag of previewTags()) {
    let el = elementsBox.querySelector<KitElement>(`[data-kit="${tag}"]`);
    if (!el) {
      const card = document.createElement('figure');
      card.className = 'preview-card';
      const caption = document.createElement('figcaption');
      const code = document.createElement('code');
      code.textContent = `<${tag}>`;
      caption.append(code);
      el = document.createElement(tag) as KitElement;
      el.dataset.kit = tag;
      el.addEventListener('error', renderErrors);
      el.addEventListener('metric-change', renderErrors);
      card.append(caption, el);
      elementsBox.append(card);
    }
    for (const field of FIELDS) el.removeAttribute(field.attribute);
    for (const [name, value] of attributes) el.setAttribute(name, value);
    // The rows go in as a property: nothing is fetched, the file never leaves the page.
    el.data = ready ? state.rows : undefined;
    (el.parentElement as HTMLElement).hidden = !ready;
  }
  renderErrors();
}

function renderSnippet(): void {
  const indent = '  ';
  const attributes = mappingAttributes()
    .map(([name, value]) => `${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join(' ');
  const lines = [
    `<script type="module" src="${KIT_SRC}"></script>`,
    `<!-- Replace ${SNIPPET_SRC} with the address of your export. -->`,
    `<retention-source id="orders" src="${SNIPPET_SRC}"></retention-source>`,
    ...previewTags().map((tag) => `<${tag} source="orders"\n${indent}${attributes}></${tag}>`),
  ];
  snippetBox.replaceChildren(createSnippet(lines.join('\n')));
}

function update(): void {
  readForm();
  $('mapping-note').textContent = mappingNote();
  renderElements();
  renderSnippet();
}

function useText(text: string, name: string): void {
  try {
    const parsed = parseExport(text, name);
    if (parsed.columns.length === 0 || parsed.rows.length === 0) throw new Error('No rows found: the first line should name the columns.');
    state.rows = parsed.rows;
    state.columns = parsed.columns;
    state.fileName = name;
    state.mapping = guessMapping(parsed.columns);
    setStatus(`${name}: ${parsed.rows.length.toLocaleString('en')} rows, ${parsed.columns.length} columns (${parsed.format}). Read in this page, not uploaded.`);
  } catch (error) {
    state.rows = [];
    state.columns = [];
    state.mapping = {};
    setStatus(`${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
  showPreview();
  buildForm();
  update();
}

async function useFile(file: File): Promise<void> {
  setStatus(`Reading ${file.name}…`, 'busy');
  try {
    useText(await readFile(file), file.name);
  } catch (error) {
    setStatus(`${file.name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

async function useSample(): Promise<void> {
  setStatus('Loading the sample export…', 'busy');
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) return setStatus(`The sample could not be loaded (HTTP ${response.status}).`, 'error');
  useText(await response.text(), 'sample shop export (shop-orders.csv)');
}

// ---- wiring ----------------------------------------------------------------------------

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
form.addEventListener('change', update);

buildForm();
renderSnippet();
// Start with the sample, so the page shows what it does before anyone opens a file.
void useSample();
