/**
 * The CSV of what an element shows: its data tables (data-table.ts), as a
 * spreadsheet opens them.
 *
 * Layout: the title and the scope first, each a row of its own, then each table
 * under its caption (header row, rows), a blank row between parts. A title in A1
 * is what a report in a spreadsheet looks like, and unlike `#` comment lines
 * (not part of RFC 4180) every spreadsheet shows it; `{ preamble: false }`
 * leaves title and scope out for a program that wants the bare table. Every row
 * has the same number of fields (RFC 4180 §2.4), so strict readers take it too.
 *
 * Numbers: the tables hold text formatted in the element's language ("12,5 %",
 * "$1,234.00"). In a column the element marks numeric, a cell that is exactly a
 * number in that language, with one unit shared by the column (%, pp, the
 * currency, or none), becomes a plain number and the unit moves into the column
 * header ("Churn (%)"), so a spreadsheet can sum it. A cell that reads otherwise
 * ("12.5 % (9.8–15.9 %)", "not enough history") stays as shown. Like Highcharts'
 * export, the decimal mark is the language's, and a language writing decimal
 * commas gets `;` between fields: the regional defaults of spreadsheets.
 *
 * Safety: fields with the delimiter, quotes or line breaks are quoted (RFC 4180);
 * a text cell starting with = + - @, a tab or a carriage return is prefixed with `'`,
 * as OWASP advises against formula injection (a customer named "=HYPERLINK(…)").
 */
import type { ShownTable } from './data-table.ts';

export interface CsvOptions {
  /** Field separator. Default: `;` where the language writes decimal commas, else `,`. */
  delimiter?: ',' | ';' | '\t';
  /** Decimal mark of the numbers. Default: the language's. */
  decimal?: '.' | ',';
  /** Title and scope rows above the tables (default true). */
  preamble?: boolean;
}

/** What the CSV says about the element: its title, scope and how its numbers were written. */
export interface CsvSource {
  title: string;
  scope: string;
  locale: string;
  /** ISO 4217 code of the element's money. */
  currency: string;
  /** The language's word for percentage points ("pp"), as Formatter.points writes it. */
  pointsWord: string;
}

/** A cell read as a number: its digits (sign, integer part, fraction) and its unit. */
interface ReadNumber {
  negative: boolean;
  whole: string;
  fraction: string;
  unit: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNS = /[+\-\u2212]/gu;
const SPACES = /[\s\u00a0\u202f]/gu;

/** The tables as CSV text (lines end in CRLF, RFC 4180). */
export function tablesToCsv(tables: readonly ShownTable[], source: CsvSource, options: CsvOptions = {}): string {
  const numbers = localeNumbers(source.locale, source.currency);
  const decimal = options.decimal ?? (numbers.decimal === ',' ? ',' : '.');
  const delimiter = options.delimiter ?? (decimal === ',' ? ';' : ',');
  if (delimiter === ',' && decimal === ',') throw new RangeError('A CSV with decimal commas needs another delimiter: give delimiter ";" or "\\t".');
  const units = { percent: numbers.percent, points: squeeze(source.pointsWord), currency: numbers.currency, code: source.currency };

  // Rows of [text, isNumber] cells.
  const parts: [string, boolean][][][] = [];
  if (options.preamble !== false) parts.push([source.title, source.scope].filter(Boolean).map((text) => [[text, false]]));
  for (const table of tables) {
    const columns = table.columns.map((column, index) => numericColumn(table, index, column.numeric === true, numbers, units));
    const header = table.columns.map((column, index): [string, boolean] => {
      const unit = columns[index]?.unit;
      return [unit && !column.label.includes(`(${unit})`) ? `${column.label} (${unit})` : column.label, false];
    });
    const rows = table.rows.map((row, rowIndex) =>
      row.map((cell, index): [string, boolean] => {
        const read = columns[index]?.cells[rowIndex];
        return read ? [writeNumber(read, decimal), true] : [cell, false];
      }),
    );
    parts.push([[[table.caption, false]], header, ...rows]);
  }
  const width = Math.max(1, ...parts.flatMap((part) => part.map((row) => row.length)));
  const lines: string[] = [];
  parts.forEach((part, index) => {
    if (index > 0) lines.push(csvLine([], width, delimiter));
    for (const row of part) lines.push(csvLine(row, width, delimiter));
  });
  return lines.map((line) => `${line}\r\n`).join('');
}

/** One field: guarded against formulas when text, quoted when it must be. */
export function csvField(text: string, delimiter: string, isNumber = false): string {
  const guarded = !isNumber && FORMULA_START.test(text) ? `'${text}` : text;
  return guarded.includes(delimiter) || /["\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function csvLine(row: readonly [string, boolean][], width: number, delimiter: string): string {
  const fields = row.map(([text, isNumber]) => csvField(text, delimiter, isNumber));
  while (fields.length < width) fields.push('');
  return fields.join(delimiter);
}

/**
 * A numeric column's cells read as numbers, when at least one reads and all that
 * read share one unit; otherwise none (the column stays as shown).
 */
function numericColumn(
  table: ShownTable,
  index: number,
  numeric: boolean,
  numbers: LocaleNumbers,
  units: Units,
): { unit: string; cells: (ReadNumber | null)[] } | undefined {
  if (!numeric || index === 0) return undefined;
  const cells = table.rows.map((row) => readNumber(row[index] ?? '', numbers, units));
  const found = new Set(cells.filter((cell) => cell !== null).map((cell) => cell.unit));
  if (found.size !== 1) return undefined;
  return { unit: [...found][0]!, cells };
}

interface LocaleNumbers {
  group: string;
  decimal: string;
  percent: string;
  currency: string;
  locale: string;
}

interface Units {
  percent: string;
  points: string;
  currency: string;
  code: string;
}

const localeCache = new Map<string, LocaleNumbers>();

/** How the language writes numbers: its group and decimal marks, percent sign and currency symbol. */
function localeNumbers(locale: string, currency: string): LocaleNumbers {
  const key = `${locale}|${currency}`;
  let numbers = localeCache.get(key);
  if (!numbers) {
    const part = (format: Intl.NumberFormat, value: number, type: Intl.NumberFormatPartTypes) => format.formatToParts(value).find((p) => p.type === type)?.value ?? '';
    let symbol = currency;
    try {
      symbol = part(new Intl.NumberFormat(locale, { style: 'currency', currency }), 1, 'currency');
    } catch {
      // An unknown currency code: Formatter.currency writes plain numbers then.
    }
    numbers = {
      locale,
      group: part(new Intl.NumberFormat(locale), 12345678, 'group'),
      decimal: part(new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }), 1.5, 'decimal'),
      percent: squeeze(part(new Intl.NumberFormat(locale, { style: 'percent' }), 0.5, 'percentSign')),
      currency: squeeze(symbol),
    };
    localeCache.set(key, numbers);
  }
  return numbers;
}

/** Text without its spaces (a unit compared whatever space the language puts around it). */
function squeeze(text: string): string {
  return text.replace(SPACES, '');
}

/**
 * The cell as a number and its unit, or null. Only what the language's own
 * format writes counts: formatting the digits again must give the same text, so
 * "1.234" is 1234 in Danish and 1.234 in English, and "1,2,3" is no number.
 */
function readNumber(text: string, numbers: LocaleNumbers, units: Units): ReadNumber | null {
  const match = /^([^\d]*?)(\d[\d\s\u00a0\u202f.,'’]*)([^\d]*)$/u.exec(text.trim());
  if (!match) return null;
  const [, before = '', body = '', after = ''] = match;
  const digits = body.trimEnd();
  const signs = `${before}${after}`.match(SIGNS) ?? [];
  if (signs.length > 1) return null;
  const negative = signs[0] === '-' || signs[0] === '\u2212';
  const unitText = squeeze(`${before}${after}`.replace(SIGNS, ''));
  const unit =
    unitText === '' ? '' : unitText === units.percent ? '%' : unitText === units.points ? 'pp' : unitText === units.currency || unitText === units.code ? units.code : undefined;
  if (unit === undefined) return null;
  const [whole = '', fraction = '', extra] = digits.split(numbers.decimal);
  if (extra !== undefined) return null;
  const plainWhole = whole.split(numbers.group).join('');
  if (!/^\d+$/.test(plainWhole) || (fraction !== '' && !/^\d+$/.test(fraction))) return null;
  const value = Number(`${plainWhole}.${fraction || '0'}`);
  const again = (grouping: boolean) =>
    new Intl.NumberFormat(numbers.locale, { minimumFractionDigits: fraction.length, maximumFractionDigits: fraction.length, useGrouping: grouping }).format(value);
  if (again(true) !== digits && again(false) !== digits) return null;
  return { negative, whole: plainWhole, fraction, unit };
}

function writeNumber(read: ReadNumber, decimal: string): string {
  const zero = /^0*$/.test(read.whole) && /^0*$/.test(read.fraction);
  return `${read.negative && !zero ? '-' : ''}${read.whole}${read.fraction ? `${decimal}${read.fraction}` : ''}`;
}
