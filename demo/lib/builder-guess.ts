/**
 * The snippet builder's guesses about an export: which delimiter its header uses, which
 * column is which field, what its status words mean, how its dates and decimals look.
 *
 * Pure: no DOM, no fetch. It only reads the header and a sample of rows (the page reads the
 * first ~500); the elements parse the whole file themselves, with the kit's own parser, so
 * nothing here decides what is computed — it only fills the builder's form.
 *
 * Names are matched as whole words (tokens): `SalesOrderNo` is `sales order no`, an order
 * number, never an amount because it contains "sales"; `Buyer` loses to `Buyer User ID`
 * because ids beat names; a column with blanks in the sample loses to one filled on every row.
 */
import { dsvFormat } from 'd3-dsv';

export type FieldKey =
  | 'customer'
  | 'date'
  | 'amount'
  | 'quantity'
  | 'price'
  | 'order'
  | 'type'
  | 'refund'
  | 'currency'
  | 'start'
  | 'end'
  | 'mrr'
  | 'plan'
  | 'event';

export type Mapping = Partial<Record<FieldKey, string>>;
export type ExportKind = 'transactions' | 'subscriptions' | 'events';
export type TypeMeaning = 'purchase' | 'refund' | 'ignore';
export type Delimiter = ',' | ';' | '\t' | '|';

/** What the page read of a file: the header and the first rows, cells as text. */
export interface Sample {
  format: 'csv' | 'json';
  /** For CSV: the delimiter detected from the header line. */
  delimiter?: Delimiter;
  columns: string[];
  /** Cells per row, in column order ('' for a missing cell). */
  rows: string[][];
}

// ---- reading a sample ---------------------------------------------------------------------

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** The most frequent of `,` `;` tab `|` outside double quotes in a header line (`,` on a tie or none). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The header line: up to the first line break outside quotes. */
function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

const cellText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * Reads the header and the first `maxRows` rows of CSV/TSV/JSON text. `complete` is false
 * when the text is only the start of a file: then the last line may be cut and is dropped.
 * JSON is recognised by its first character, as the kit does. Throws on JSON that does not
 * parse (a cut JSON sample cannot be read: the page reads JSON whole).
 */
export function readSample(text: string, options: { maxRows?: number; complete?: boolean } = {}): Sample {
  const maxRows = options.maxRows ?? 500;
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart()[0];
  if (start === '[' || start === '{') {
    let value: unknown = JSON.parse(body);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.values(value).find((inner) => Array.isArray(inner)) ?? value;
    }
    if (!Array.isArray(value)) throw new Error('the JSON is not a list of records');
    const records = value.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object' && !Array.isArray(row));
    const columns = [...new Set(records.slice(0, maxRows).flatMap((row) => Object.keys(row)))];
    const rows = records.slice(0, maxRows).map((row) => columns.map((column) => cellText(row[column])));
    return { format: 'json', columns, rows };
  }
  const delimiter = detectDelimiter(firstLine(body));
  let usable = body;
  if (options.complete === false) {
    const cut = Math.max(body.lastIndexOf('\n'), 0);
    usable = body.slice(0, cut);
  }
  const table = dsvFormat(delimiter).parseRows(usable);
  const [header = [], ...rest] = table;
  const columns = header.map((name, i) => name.trim() || `Column ${i + 1}`);
  const rows = rest
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .slice(0, maxRows)
    .map((cells) => columns.map((_, i) => cells[i] ?? ''));
  return { format: 'csv', delimiter, columns, rows };
}

// ---- words ---------------------------------------------------------------------------------

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A column name as lower-case words: split at spaces and punctuation, at camelCase
 * (`SalesOrderNo` → sales order no, `CustomerID` → customer id), between letters and digits,
 * and between Chinese and Latin script (`客户ID` → 客户 id). A run of Chinese is one token.
 */
export function tokens(name: string): string[] {
  const spaced = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  const out: string[] = [];
  for (const word of spaced.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    // Split runs of Chinese from runs of other letters.
    let run = '';
    let runCjk = false;
    for (const ch of word) {
      const cjk = CJK.test(ch);
      if (run && cjk !== runCjk) {
        out.push(run);
        run = '';
      }
      run += ch;
      runCjk = cjk;
    }
    if (run) out.push(run);
  }
  return out;
}

const isCjk = (token: string) => CJK.test(token);

/** Words that make a column an identifier (an order number is never money). */
const ID_WORDS = new Set([
  'id', 'ids', 'no', 'nr', 'nummer', 'number', 'num', 'numero', 'número', 'numéro', 'n', 'code', 'key', 'ref', 'reference', 'uuid', 'guid',
  'номер', 'ид', 'kundenr', 'ordrenr', 'fakturanr', '编号', '号', 'sku',
]);
const EMAIL_WORDS = new Set(['email', 'mail', 'e', 'epost', 'post', 'correo', 'courriel', 'почта', '邮箱', '电子邮件']);
const NAME_WORDS = new Set(['name', 'names', 'navn', 'nom', 'nombre', 'имя', 'фио', 'first', 'last', 'full', 'description', 'note', 'notes', 'beskrivelse', 'описание']);
const CJK_NAME_WORDS = ['名称', '姓名', '名字', '昵称', '备注'];
/** Time-zone tags in names like `Created (UTC)`: not a reason to doubt a match. */
const NEUTRAL_WORDS = new Set(['utc', 'gmt', 'local', 'the', 'of', 'de', 'du', 'la', 'le', 'del', 'at', 'on', 'am', 'i', 'på']);

interface Vocabulary {
  /** Phrases (space-separated words) with how strongly each suggests the field. */
  phrases: Array<[string, number]>;
  /** Words that, left over beside a matched phrase, rule the column out (`order` in `SalesOrderNo` for amount). */
  blockers?: string[];
}

const MONEY_BLOCKERS = [
  'id', 'no', 'nr', 'number', 'num', 'code', 'order', 'invoice', 'refund', 'refunded', 'refunds', 'discount', 'tax', 'taxes', 'vat', 'mva', 'moms',
  'shipping', 'fee', 'fees', 'currency', 'quantity', 'qty', 'count', 'date', 'at', 'status', 'type', 'percent', 'rate', 'converted', 'compare',
  'method', 'name', 'sku', 'outstanding', 'due', 'refusjon', 'rabatt', 'frakt', 'fragt', 'описание', 'номер', 'ид',
];

/**
 * Column-name words for each field, in English and the kit's languages (Norwegian, Danish,
 * Chinese, Russian) plus German, French and Spanish basics.
 */
export const VOCABULARY: Record<FieldKey, Vocabulary> = {
  customer: {
    phrases: [
      ['customer', 10], ['customer id', 14], ['customer number', 14], ['customer no', 14], ['customer nr', 14], ['customer email', 13], ['customer e mail', 13],
      ['email', 11], ['e mail', 11], ['email address', 11], ['billing email', 10], ['buyer', 8], ['buyer id', 13], ['buyer user id', 14], ['buyer email', 13],
      ['user id', 12], ['user', 7], ['client', 9], ['client id', 13], ['account', 7], ['account id', 12], ['contact id', 11], ['member id', 11], ['member', 7],
      ['shopper', 7], ['purchaser', 7], ['subscriber', 7], ['subscriber id', 11],
      ['kunde', 10], ['kundenr', 14], ['kundenummer', 14], ['kunde id', 14], ['kunde nr', 14], ['kundeid', 14], ['e post', 11], ['epost', 11], ['kunde e post', 13],
      ['客户', 10], ['客户id', 14], ['客户 id', 14], ['客户编号', 14], ['用户', 8], ['用户 id', 12], ['用户id', 12], ['买家', 8], ['会员', 7], ['邮箱', 11],
      ['клиент', 10], ['покупатель', 9], ['id клиента', 14], ['номер клиента', 14], ['почта', 10], ['эл почта', 11], ['e mail клиента', 13],
      ['kunden', 9], ['kundennummer', 14], ['kunden nr', 14], ['kunden id', 14], ['käufer', 8], ['client', 9], ['id client', 13], ['numéro client', 13], ['acheteur', 8],
      ['cliente', 9], ['id cliente', 13], ['comprador', 8], ['correo', 10],
    ],
    blockers: ['date', 'at', 'since', 'count', 'type', 'group', 'tags', 'tag', 'segment', 'note', 'notes', 'accepts', 'marketing', 'phone', 'address', 'city', 'country'],
  },
  date: {
    phrases: [
      ['date', 10], ['order date', 12], ['created at', 12], ['created', 11], ['creation date', 11], ['date created', 11], ['purchase date', 12], ['purchased at', 12],
      ['invoice date', 12], ['transaction date', 12], ['sale date', 12], ['timestamp', 10], ['time', 7], ['datetime', 10], ['date time', 10], ['paid at', 10],
      ['payment date', 10], ['date paid', 10], ['placed at', 11], ['order created', 11], ['sale date', 11], ['occurred at', 10],
      ['dato', 10], ['ordredato', 12], ['fakturadato', 12], ['kjøpsdato', 12], ['købsdato', 12], ['opprettet', 10], ['oprettet', 10], ['tidspunkt', 9],
      ['日期', 10], ['下单时间', 12], ['创建时间', 11], ['订单日期', 12], ['时间', 7], ['付款时间', 10], ['支付时间', 10], ['交易时间', 11],
      ['дата', 10], ['дата заказа', 12], ['дата создания', 11], ['время', 7], ['создан', 10], ['дата покупки', 12],
      ['datum', 10], ['bestelldatum', 12], ['erstellt am', 11], ['rechnungsdatum', 12], ['date de commande', 12], ['date commande', 12], ['créé le', 11],
      ['fecha', 10], ['fecha de pedido', 12], ['fecha pedido', 12], ['fecha de compra', 12],
    ],
    blockers: ['start', 'end', 'ended', 'trial', 'canceled', 'cancelled', 'fulfilled', 'shipped', 'updated', 'modified', 'due', 'birth', 'expiry', 'expires', 'refunded', 'period'],
  },
  amount: {
    phrases: [
      ['amount', 10], ['total', 9], ['order total', 11], ['total price', 10], ['total amount', 11], ['revenue', 9], ['sales', 8], ['sale amount', 10], ['value', 6],
      ['net', 6], ['gross', 6], ['sum', 8], ['line total', 11], ['subtotal', 7], ['grand total', 10], ['amount paid', 10], ['paid amount', 10],
      ['net sales', 9], ['gross sales', 9], ['total sales', 9], ['item total', 10], ['order amount', 11],
      ['beløp', 10], ['beløb', 10], ['totalt', 9], ['totalbeløp', 10], ['totalbeløb', 10], ['omsetning', 8], ['omsætning', 8], ['sum inkl mva', 9], ['beløp inkl mva', 10],
      ['金额', 10], ['总额', 9], ['总金额', 10], ['订单金额', 11], ['实付金额', 11], ['付款金额', 10], ['销售额', 8],
      ['сумма', 10], ['сумма заказа', 11], ['итого', 9], ['выручка', 8],
      ['betrag', 10], ['gesamtbetrag', 10], ['summe', 9], ['umsatz', 8], ['gesamt', 7],
      ['montant', 10], ['montant total', 11], ['chiffre d affaires', 8],
      ['importe', 10], ['monto', 10], ['importe total', 11],
    ],
    blockers: MONEY_BLOCKERS,
  },
  quantity: {
    phrases: [
      ['quantity', 10], ['qty', 10], ['units', 8], ['lineitem quantity', 11], ['item quantity', 11], ['pieces', 7], ['count', 4],
      ['antall', 10], ['antal', 10], ['stk', 7], ['mengde', 8],
      ['数量', 10], ['件数', 8],
      ['количество', 10], ['кол во', 10],
      ['menge', 10], ['anzahl', 10], ['quantité', 10], ['qté', 9], ['cantidad', 10], ['unidades', 8],
    ],
    // Not `refund`: WooCommerce's `Quantity (- Refund)` is the quantity net of refunds.
    blockers: ['price', 'amount', 'refunded', 'returned', 'id', 'total', 'discount', 'shipped', 'fulfillable'],
  },
  price: {
    phrases: [
      ['price', 9], ['unit price', 11], ['price each', 11], ['item price', 10], ['lineitem price', 11], ['sale price', 8], ['price per unit', 11], ['item cost', 9],
      ['pris', 9], ['enhetspris', 11], ['stykpris', 11], ['stykkpris', 11], ['pris per stk', 11],
      ['单价', 11], ['价格', 8],
      ['цена', 9], ['цена за единицу', 11],
      ['preis', 9], ['einzelpreis', 11], ['stückpreis', 11], ['prix', 9], ['prix unitaire', 11], ['precio', 9], ['precio unitario', 11],
    ],
    blockers: ['total', 'compare', 'original', 'list', 'id', 'currency', 'quantity', 'qty', 'discount', 'tax', 'shipping', 'plan'],
  },
  order: {
    phrases: [
      ['order', 9], ['order id', 12], ['order number', 12], ['order no', 12], ['order nr', 12], ['invoice', 9], ['invoice id', 11], ['invoice no', 11],
      ['invoice number', 11], ['transaction id', 7], ['receipt', 8], ['receipt id', 9], ['sales order', 10], ['sales order no', 12], ['order ref', 11],
      ['ordre', 9], ['ordrenr', 12], ['ordrenummer', 12], ['ordre id', 12], ['ordre nr', 12], ['faktura', 9], ['fakturanr', 11], ['fakturanummer', 11],
      ['订单号', 12], ['订单', 9], ['订单编号', 12], ['订单id', 12], ['订单 id', 12],
      ['заказ', 9], ['номер заказа', 12], ['id заказа', 12], ['счет', 8], ['счёт', 8],
      ['bestellung', 9], ['bestellnummer', 12], ['bestell nr', 12], ['rechnung', 8], ['rechnungsnummer', 11],
      ['commande', 9], ['numéro de commande', 12], ['n commande', 12], ['facture', 8],
      ['pedido', 9], ['número de pedido', 12], ['id pedido', 12], ['factura', 8],
    ],
    blockers: ['date', 'at', 'status', 'total', 'amount', 'value', 'count', 'type', 'time', 'notes', 'note', 'items', 'quantity', 'discount', 'tax', 'currency', 'sum', 'dato', '日期'],
  },
  type: {
    phrases: [
      ['type', 8], ['transaction type', 10], ['line type', 10], ['kind', 6], ['status', 9], ['financial status', 11], ['payment status', 11], ['order status', 10],
      ['type', 8], ['状态', 9], ['订单状态', 10], ['支付状态', 11], ['交易状态', 10], ['类型', 8],
      ['статус', 9], ['статус заказа', 10], ['тип', 8], ['typ', 8], ['statut', 9], ['estado', 9], ['tipo', 8],
    ],
    blockers: ['fulfillment', 'fulfilment', 'shipping', 'delivery', 'customer', 'payment method', 'card', 'id', 'date', 'at', 'marketing', 'tax', 'product', 'product type'],
  },
  refund: {
    phrases: [
      ['refunded amount', 12], ['amount refunded', 12], ['refund amount', 12], ['refund', 9], ['refunded', 9], ['refunds', 9], ['total refunded', 11], ['returned amount', 10],
      ['refusjon', 9], ['refundert beløp', 12], ['refunderet', 9], ['refunderet beløb', 12],
      ['退款金额', 12], ['退款', 9],
      ['возврат', 9], ['сумма возврата', 12],
      ['erstattung', 9], ['rückerstattung', 9], ['remboursement', 9], ['montant remboursé', 12], ['reembolso', 9],
    ],
    blockers: ['id', 'date', 'at', 'status', 'reason', 'count', 'quantity', 'currency', 'method', 'type'],
  },
  currency: {
    phrases: [
      ['currency', 10], ['currency code', 10], ['valuta', 10], ['币种', 10], ['货币', 10], ['валюта', 10], ['währung', 10], ['devise', 10], ['moneda', 10], ['divisa', 10],
    ],
    blockers: ['converted', 'rate', 'amount', 'exchange'],
  },
  start: {
    phrases: [
      ['start', 10], ['start date', 12], ['started at', 12], ['started', 10], ['subscription start', 12], ['start at', 12], ['current period start', 6],
      ['startdato', 12], ['start dato', 12], ['开始日期', 12], ['开始时间', 12], ['дата начала', 12], ['начало', 10], ['beginn', 10], ['startdatum', 12],
      ['date de début', 12], ['début', 10], ['fecha de inicio', 12], ['inicio', 10],
    ],
    blockers: ['trial', 'end', 'amount'],
  },
  end: {
    phrases: [
      ['end', 8], ['end date', 12], ['ended at', 12], ['ended', 10], ['canceled at', 11], ['cancelled at', 11], ['cancellation date', 11], ['churn date', 11],
      ['churned at', 11], ['cancel at', 5], ['current period end', 4], ['subscription end', 12],
      ['sluttdato', 12], ['slutt dato', 12], ['slutdato', 12], ['oppsagt', 10], ['opsagt', 10], ['结束日期', 12], ['结束时间', 12], ['取消时间', 11],
      ['дата окончания', 12], ['дата отмены', 11], ['enddatum', 12], ['ende', 8], ['gekündigt am', 11], ['date de fin', 12], ['fin', 8],
      ['fecha de fin', 12], ['fecha fin', 12],
    ],
    blockers: ['trial', 'start', 'amount', 'reason'],
  },
  mrr: {
    phrases: [
      ['mrr', 12], ['monthly recurring revenue', 12], ['recurring revenue', 10], ['monthly amount', 11], ['plan amount', 10], ['amount', 6], ['monthly price', 10], ['price', 4],
      ['månedlig beløp', 11], ['månedsbeløp', 11], ['月费', 11], ['月收入', 10], ['ежемесячный платеж', 11], ['monatsbetrag', 11], ['montant mensuel', 11], ['importe mensual', 11],
    ],
    blockers: ['refunded', 'refund', 'discount', 'tax', 'fee', 'id', 'currency', 'converted', 'percent', 'off', 'coupon'],
  },
  plan: {
    phrases: [
      ['plan', 10], ['plan name', 11], ['subscription plan', 11], ['tier', 8], ['product', 5], ['plan id', 9], ['plan nickname', 10],
      ['abonnement', 9], ['abonnementstype', 10], ['套餐', 10], ['计划', 8], ['тариф', 10], ['план', 10], ['tarif', 10], ['formule', 9], ['offre', 8],
    ],
    blockers: ['amount', 'interval', 'count', 'price', 'currency', 'quantity'],
  },
  event: {
    phrases: [
      ['event', 10], ['event name', 11], ['event type', 11], ['action', 9], ['activity', 9], ['activity type', 10],
      ['hendelse', 10], ['hændelse', 10], ['handling', 8], ['事件', 10], ['行为', 9], ['событие', 10], ['действие', 9],
      ['ereignis', 10], ['aktion', 9], ['événement', 10], ['evento', 10], ['acción', 9],
    ],
    blockers: ['date', 'at', 'time', 'id', 'count'],
  },
};

/** Fields that hold numbers, dates; fields a person must set. */
const NUMBER_FIELDS: ReadonlySet<FieldKey> = new Set(['amount', 'quantity', 'price', 'refund', 'mrr']);
const DATE_FIELDS: ReadonlySet<FieldKey> = new Set(['date', 'start', 'end']);
/** Fields where a blank cell loses a record: they must be filled on every row. */
const EVERY_ROW_FIELDS: ReadonlySet<FieldKey> = new Set(['customer', 'date', 'quantity', 'price', 'event']);

/** Where `phrase` occurs as consecutive whole tokens of `words`; -1 if nowhere. */
function findPhrase(words: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** How well a column name suggests a field, from its name alone (0 = not at all). */
export function nameScore(field: FieldKey, column: string): number {
  const words = tokens(column);
  if (words.length === 0) return 0;
  const vocabulary = VOCABULARY[field];
  let best = 0;
  for (const [text, weight] of vocabulary.phrases) {
    const phrase = text.split(' ');
    let at = findPhrase(words, phrase);
    let score = weight;
    if (at < 0) {
      // Chinese has no spaces: a Chinese word inside a longer Chinese token counts, a little less.
      if (phrase.length !== 1 || !isCjk(phrase[0])) continue;
      at = words.findIndex((word) => isCjk(word) && word.includes(phrase[0]));
      if (at < 0) continue;
      score -= 2;
    }
    const left = [...words.slice(0, at), ...words.slice(at + phrase.length)];
    if (left.some((word) => vocabulary.blockers?.includes(word))) continue;
    const rest = left.filter((word) => !NEUTRAL_WORDS.has(word));
    if (field === 'amount' || field === 'mrr' || field === 'price' || field === 'refund') {
      // An identifier is never money, whatever else its name says.
      if (rest.some((word) => ID_WORDS.has(word))) continue;
    }
    score -= rest.length * 1.5;
    if (rest.length === 0) score += 4;
    best = Math.max(best, score);
  }
  if (best === 0) return 0;
  if (field === 'customer') {
    // Ids beat names: `Buyer User ID` over `Buyer`, `Customer Email` over `Customer Name`.
    if (words.some((word) => ID_WORDS.has(word))) best += 6;
    else if (words.some((word) => EMAIL_WORDS.has(word))) best += 5;
    if (words.some((word) => NAME_WORDS.has(word)) || words.some((word) => isCjk(word) && CJK_NAME_WORDS.some((name) => word.includes(name)))) best -= 12;
  }
  if (field === 'order' && words.some((word) => ID_WORDS.has(word))) best += 2;
  return Math.max(best, 0);
}

// ---- what the cells look like -----------------------------------------------------------------

const DATE_LIKE = /^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[ .-]?\p{L}{3,}[ .-]?\d{2,4}|\p{L}{3,}\.? \d{1,2},? \d{4}|\d{10}(\d{3})?$|\d{4}年)/u;
const NUMBER_LIKE = /^\s*[^\d\s-]{0,4}\s*[-−]?\s*[^\d\s-]{0,4}\s*(\d{1,3}([ \u00a0\u202f.,'’]\d{3})+|\d+)([.,]\d+)?\s*[^\d]{0,4}\s*$/u;

export const looksLikeDate = (cell: string) => DATE_LIKE.test(cell);
export const looksLikeNumber = (cell: string) => NUMBER_LIKE.test(cell) && /\d/.test(cell);

interface ColumnStats {
  filled: number;
  total: number;
  dates: number;
  numbers: number;
  /** Cells that are status words the builder knows. */
  known: number;
}

function columnStats(rows: readonly string[][], index: number): ColumnStats {
  const stats: ColumnStats = { filled: 0, total: rows.length, dates: 0, numbers: 0, known: 0 };
  for (const row of rows) {
    const cell = (row[index] ?? '').trim();
    if (!cell) continue;
    stats.filled++;
    if (looksLikeDate(cell)) stats.dates++;
    if (looksLikeNumber(cell)) stats.numbers++;
    if (cell.length < 40 && (typeMeaning(cell) || ENGINE_TYPE_WORDS[normalizeWord(cell)])) stats.known++;
  }
  return stats;
}

/** The name score adjusted by the sample's cells: the wrong kind of value rules a column out; blanks cost. */
function columnScore(field: FieldKey, column: string, stats: ColumnStats | undefined): number {
  let score = nameScore(field, column);
  if (score === 0 || !stats || stats.total === 0) return score;
  // A column blank on every row of the sample is nothing to count on.
  if (stats.filled === 0) return 0;
  if (stats.filled > 0) {
    if (DATE_FIELDS.has(field) && stats.dates / stats.filled < 0.5) return 0;
    if (NUMBER_FIELDS.has(field) && stats.numbers / stats.filled < 0.5) return 0;
  }
  // A status column says something the builder can read: `Order Type` full of `online` is no status.
  if (field === 'type' && stats.known === 0) return 0;
  const blank = 1 - stats.filled / stats.total;
  // `Paid at` blank on every extra line of an order loses to `Created at`, filled on all of them.
  score -= blank * (EVERY_ROW_FIELDS.has(field) ? 12 : 3);
  return Math.max(score, 0.01);
}

// ---- the guess -------------------------------------------------------------------------------

export interface Guess {
  kind: ExportKind;
  mapping: Mapping;
  /**
   * Where money comes from when the guess found both an amount and quantity × price:
   * the engine uses quantity × price whenever a price column is set, so the builder
   * keeps only one of them in the snippet. `none` when the file has no money column.
   */
  money: 'amount' | 'quantity-price' | 'none';
}

const FIELDS_OF: Record<ExportKind, FieldKey[]> = {
  transactions: ['customer', 'date', 'order', 'quantity', 'price', 'amount', 'refund', 'currency', 'type'],
  subscriptions: ['customer', 'start', 'end', 'mrr', 'plan', 'currency'],
  events: ['customer', 'date', 'event'],
};

/** The export's kind from its header: subscriptions have start and end (or plan / MRR), events an event column and no money. */
export function guessKind(columns: readonly string[]): ExportKind {
  const strong = (field: FieldKey, min = 10) => columns.some((column) => nameScore(field, column) >= min);
  const words = new Set(columns.flatMap(tokens));
  const subscriptionWords = ['subscription', 'subscriptions', 'mrr', 'plan', 'interval', 'trial', 'abonnement', '订阅', 'подписка'].some((word) => words.has(word));
  if (strong('start', 12) && (strong('end', 10) || strong('mrr', 12) || subscriptionWords)) return 'subscriptions';
  if (strong('event') && !strong('amount', 9) && !strong('price') && !strong('quantity')) return 'events';
  return 'transactions';
}

/**
 * Guesses a column for every field of the export's kind: every (field, column) pair is scored
 * by name and sample cells, the best pairs win, one column per field and one field per column.
 */
export function guessMapping(columns: readonly string[], rows: readonly string[][] = []): Guess {
  const kind = guessKind(columns);
  const stats = columns.map((_, i) => (rows.length ? columnStats(rows, i) : undefined));
  const fields = FIELDS_OF[kind];
  const candidates: Array<{ field: FieldKey; column: string; score: number; order: number }> = [];
  fields.forEach((field, order) => {
    columns.forEach((column, i) => {
      const score = columnScore(field, column, stats[i]);
      if (score > 0) candidates.push({ field, column, score, order });
    });
  });
  // Best score first; on a tie the field listed first, then the column that comes first.
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || columns.indexOf(a.column) - columns.indexOf(b.column));
  const mapping: Mapping = {};
  const taken = new Set<string>();
  for (const { field, column } of candidates) {
    if (mapping[field] || taken.has(column)) continue;
    mapping[field] = column;
    taken.add(column);
  }
  // The engine needs a quantity beside a price (amount = quantity × price).
  if (mapping.price && !mapping.quantity) delete mapping.price;
  let money: Guess['money'] = 'none';
  if (kind === 'transactions') {
    if (mapping.quantity && mapping.price) money = 'quantity-price';
    else if (mapping.amount) money = 'amount';
  } else if (kind === 'subscriptions' && mapping.mrr) {
    money = 'amount';
  }
  return { kind, mapping, money };
}

// ---- status words ------------------------------------------------------------------------------

const TYPE_WORDS: Record<TypeMeaning, string[]> = {
  purchase: [
    'paid', 'completed', 'complete', 'succeeded', 'success', 'successful', 'captured', 'fulfilled', 'shipped', 'delivered', 'processing', 'closed',
    'partially refunded', 'partially paid', 'purchase', 'order', 'sale', 'sold', 'settled', 'approved',
    'betalt', 'fullført', 'gennemført', 'levert', 'leveret', '已支付', '已付款', '已完成', '交易成功', '已发货',
    'оплачен', 'оплачено', 'выполнен', 'доставлен', 'bezahlt', 'abgeschlossen', 'payé', 'terminé', 'pagado', 'completado',
  ],
  refund: [
    'refunded', 'refund', 'return', 'returned', 'chargeback', 'credit', 'credit note', 'refundert', 'refunderet', 'returnert', 'returneret',
    '已退款', '退款', '退货', 'возврат', 'возвращен', 'erstattet', 'rückerstattet', 'remboursé', 'reembolsado', 'devuelto',
  ],
  ignore: [
    'failed', 'voided', 'void', 'pending', 'canceled', 'cancelled', 'expired', 'declined', 'abandoned', 'draft', 'authorized', 'on hold', 'trash',
    'unpaid', 'pending payment', 'requires payment method', 'incomplete', 'blocked', 'uncaptured',
    'feilet', 'mislykket', 'fejlet', 'avbrutt', 'annullert', 'annulleret', 'venter', 'ventende', 'afventer', 'kansellert',
    '待付款', '待支付', '已取消', '失败', '已关闭', 'отменен', 'отменён', 'ожидает', 'ожидание', 'ошибка',
    'ausstehend', 'fehlgeschlagen', 'storniert', 'en attente', 'échoué', 'annulé', 'pendiente', 'fallido', 'cancelado',
  ],
};

const normalizeWord = (word: string) => word.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

/**
 * What a status word means, if it is one the builder knows. With a refunded-amount column a
 * `refunded` order is still a purchase: the refund column nets it (else it would count twice).
 */
export function typeMeaning(word: string, options: { refundColumn?: boolean } = {}): TypeMeaning | undefined {
  const normal = normalizeWord(word);
  if (options.refundColumn && /^(partially )?refunded$/.test(normal)) return 'purchase';
  for (const meaning of ['purchase', 'refund', 'ignore'] as const) if (TYPE_WORDS[meaning].includes(normal)) return meaning;
  return undefined;
}

/** Words the engine reads without a type-map (src/metrics/read/transactions.ts). */
const ENGINE_TYPE_WORDS: Record<string, TypeMeaning> = {
  purchase: 'purchase', order: 'purchase', sale: 'purchase', invoice: 'purchase', payment: 'purchase', charge: 'purchase',
  return: 'refund', refund: 'refund', cancellation: 'refund', cancelled: 'refund', canceled: 'refund', credit: 'refund', chargeback: 'refund',
};

/** What a word means to the engine without a type-map; undefined for a word it stops at. */
export function engineTypeMeaning(word: string): TypeMeaning | undefined {
  return ENGINE_TYPE_WORDS[normalizeWord(word)];
}

/** The distinct non-empty cells of one column of the sample, most frequent first. */
export function distinctValues(sample: Sample, column: string, limit = 20): string[] {
  const index = sample.columns.indexOf(column);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (const row of sample.rows) {
    const cell = (row[index] ?? '').trim();
    if (cell) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([cell]) => cell);
}

/**
 * A type-map for the status words of a sample: each known word mapped to what it means,
 * unknown words left out (the caller asks the person). Empty when every word already means
 * to the engine what it means here.
 */
export function guessTypeMap(words: readonly string[], options: { refundColumn?: boolean } = {}): { map: Record<string, TypeMeaning>; unknown: string[]; needed: boolean } {
  const map: Record<string, TypeMeaning> = {};
  const unknown: string[] = [];
  let needed = false;
  for (const word of words) {
    const meaning = typeMeaning(word, options);
    if (!meaning) {
      unknown.push(word);
      needed = true;
      continue;
    }
    map[word] = meaning;
    if (ENGINE_TYPE_WORDS[normalizeWord(word)] !== meaning) needed = true;
  }
  return { map, unknown, needed };
}

// ---- dates and decimals, for the form's placeholders -------------------------------------------

/**
 * How the dates of a sample look, in the kit's `date-format` notation: `YYYY-MM-DD`,
 * `DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY` …; undefined when ISO-like or undecidable.
 * Day-first or month-first is decided by a first or second part above 12.
 */
export function detectDateFormat(cells: readonly string[]): string | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  let separator: string | undefined;
  let yearDigits = 4;
  let iso = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
      iso++;
      continue;
    }
    const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})\b/.exec(text);
    if (!match) continue;
    separator ??= match[2];
    yearDigits = match[4].length === 2 ? 2 : 4;
    const a = Number(match[1]);
    const b = Number(match[3]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  if (!separator) return iso ? 'YYYY-MM-DD' : undefined;
  const year = yearDigits === 2 ? 'YY' : 'YYYY';
  if (dayFirst > monthFirst) return `DD${separator}MM${separator}${year}`;
  if (monthFirst > dayFirst) return `MM${separator}DD${separator}${year}`;
  // `.` is day-first everywhere it is used; `/` and `-` stay undecided.
  return separator === '.' ? `DD.MM.${year}` : undefined;
}

/** The decimal mark of a sample's money cells: `,` when they read like `12,50` / `1.234,50`. */
export function detectDecimal(cells: readonly string[]): ',' | '.' | undefined {
  let comma = 0;
  let point = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (/\d,\d{1,2}(?!\d)\D*$/.test(text) || /\d\.\d{3},\d/.test(text)) comma++;
    else if (/\d\.\d{1,2}(?!\d)\D*$/.test(text) || /\d,\d{3}\.\d/.test(text)) point++;
  }
  if (comma > point) return ',';
  if (point > comma) return '.';
  return undefined;
}
