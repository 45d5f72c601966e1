/**
 * How a file is written, beyond which column holds what: the platform preset,
 * the date format, the decimal mark, the meaning of status words and the
 * currency to show. One set of options for every reader, so a `date-format`
 * or a `preset` means the same on every element.
 *
 * Formats left to the kit are inferred per column from the whole column
 * (never per value): a day-first column is read day-first on every row, and a
 * column that could be read two ways is refused with an example, never guessed.
 */
import { AUTO_DATE_FORMAT, inferDateFormat, parseDateFormat, type DateFormat } from './date-format.ts';
import { IssueCollector, fail, ok, optionError, type Result } from '../issues.ts';
import { inferDecimalMark, type DecimalMark } from './number-format.ts';
import { PRESETS, PRESET_NAMES, type ExportPreset, type PresetName, type RowRole } from './presets.ts';

export interface ReadingOptions {
  /** A platform preset (`shopify-orders` …): its columns, date format and status map, under what is given explicitly. */
  preset?: string;
  /** The `date-format` attribute: `auto` (default: inferred per column), `DD/MM/YYYY`, `MM/DD/YY HH:mm`, `unix-s` … */
  dateFormat?: string;
  /** Decimal mark of money and quantity columns: `.` or `,`; default inferred per column. */
  decimal?: string;
  /** Set by the engine from the file, not by users: `,` for a `;`-separated CSV (Excel's European save). */
  decimalHint?: DecimalMark;
  /** Status or type word (any case) → `purchase`, `refund` or `ignore`. */
  typeMap?: Record<string, string>;
  /** ISO code of the currency to show when the data holds several. */
  currency?: string;
  /**
   * Whether the amount is per line (default) or the order's total, written on
   * its first line or repeated on every line: then it counts once per order.
   * Platform presets whose amount is an order total say `order`.
   */
  amountPer?: string;
}

/** Reading options checked and parsed once per read. */
export interface Reading {
  preset?: ExportPreset;
  /** The stated date format; auto means "infer per column". */
  dateFormat: DateFormat;
  decimal?: DecimalMark;
  decimalHint?: DecimalMark;
  typeMap?: ReadonlyMap<string, RowRole>;
  currency?: string;
  amountPer: 'line' | 'order';
}

const ROW_ROLES: readonly RowRole[] = ['purchase', 'refund', 'ignore'];

export function resolveReading(options: ReadingOptions = {}): Result<Reading> {
  let preset: ExportPreset | undefined;
  if (options.preset) {
    if (!(PRESET_NAMES as readonly string[]).includes(options.preset)) return fail(optionError('preset', `one of ${PRESET_NAMES.join(', ')}`, options.preset));
    preset = PRESETS[options.preset as PresetName];
  }
  const formatText = options.dateFormat ?? preset?.dateFormat;
  const dateFormat = formatText ? parseDateFormat(formatText) : AUTO_DATE_FORMAT;
  if (!dateFormat) return fail(optionError('date-format', 'a date format such as DD/MM/YYYY, MM/DD/YY HH:mm, YYYY-MM-DD, unix-s or auto', formatText));
  if (options.decimal !== undefined && options.decimal !== '.' && options.decimal !== ',') {
    return fail(optionError('decimal', 'the decimal mark "." or ","', options.decimal));
  }
  let typeMap: Map<string, RowRole> | undefined;
  const words = options.typeMap ?? preset?.typeMap;
  if (words !== undefined) {
    if (words === null || typeof words !== 'object' || Array.isArray(words)) return fail(optionError('type-map', 'a JSON object such as {"paid":"purchase","refunded":"refund","failed":"ignore"}', words));
    typeMap = new Map();
    for (const [word, role] of Object.entries(words)) {
      if (!ROW_ROLES.includes(role as RowRole)) return fail(optionError(`type-map "${word}"`, 'purchase, refund or ignore', role));
      typeMap.set(word.trim().toLowerCase(), role as RowRole);
    }
  }
  if (options.amountPer !== undefined && options.amountPer !== 'line' && options.amountPer !== 'order') return fail(optionError('amount-per', 'line or order', options.amountPer));
  // Every preset's amount is an order's total (Shopify Total, Stripe Amount, Etsy Order Total, WooCommerce Order Total Amount).
  const amountPer = (options.amountPer as 'line' | 'order' | undefined) ?? (preset?.fields.amount && preset.fields.order ? 'order' : 'line');
  return ok({ preset, dateFormat, decimal: options.decimal as DecimalMark | undefined, decimalHint: options.decimalHint, typeMap, currency: options.currency || undefined, amountPer });
}

/** The preset's column for a field of the kit, when the preset is for this kind of records. */
export function presetColumn(reading: Reading, kind: ExportPreset['kind'] | readonly ExportPreset['kind'][], field: keyof ExportPreset['fields']): string | undefined {
  const preset = reading.preset;
  if (!preset) return undefined;
  const kinds = typeof kind === 'string' ? [kind] : kind;
  return kinds.includes(preset.kind) ? preset.fields[field] : undefined;
}

type Cell = (index: number) => unknown;

/** The format of one date column: the stated one, or the one its values allow (an error when they allow two, or mix them). */
export function dateFormatOfColumn(reading: Reading, column: string, cell: Cell, length: number): Result<DateFormat> {
  const inferred = inferDateFormat(cell, length, reading.dateFormat);
  if (inferred.ok) return ok(inferred.format);
  const issues = new IssueCollector();
  if (inferred.reason === 'ambiguous') {
    issues.add(
      inferred.index,
      column,
      `dates whose order can be told: every day in this column is 12 or less, so "${inferred.example}" could be day-first or month-first; set date-format="DD/MM/YYYY" or date-format="MM/DD/YYYY"`,
      inferred.example,
    );
  } else {
    issues.add(inferred.monthFirst.index, column, `dates in one order: record ${inferred.dayFirst.index + 1} is day-first ("${inferred.dayFirst.example}") but this one is month-first; set date-format`, inferred.monthFirst.example);
  }
  return fail(issues.toError('dates'));
}

/** The decimal mark of one number column, stated, inferred, or from the file's hint. */
export function decimalOfColumn(reading: Reading, column: string, cell: Cell, length: number): Result<{ decimal: DecimalMark; currencySymbols: string[] }> {
  const inferred = inferDecimalMark(cell, length, { given: reading.decimal, hint: reading.decimalHint });
  if (inferred.ok) return ok({ decimal: inferred.decimal, currencySymbols: inferred.currencySymbols });
  const issues = new IssueCollector();
  issues.add(
    inferred.comma.index,
    column,
    `one decimal mark per column: record ${inferred.dot.index + 1} has a decimal point ("${inferred.dot.example}") but this one a decimal comma; set decimal="." or decimal=","`,
    inferred.comma.example,
  );
  return fail(issues.toError('numbers'));
}
