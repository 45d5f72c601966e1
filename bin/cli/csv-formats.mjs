// How a CSV writes its dates and numbers, settled per column from the whole column as the engine
// settles them (metrics/read/date-format.ts inferDateFormat, number-format.ts inferDecimalMark):
// - day-first or month-first dates (`06.02.2024 08:48`, `1/25/24 13:23`): the order is the one
//   values that can only be read one way show; a column showing both, or neither, is refused;
//   two-digit years 00–68 are 2000–2068, 69–99 1969–1999;
// - in a `;`-separated file (Excel's European save) money has a decimal comma unless its values
//   show a decimal point; thousands separators only in groups of three.
// A value the engine reads but these SQL forms do not (a currency sign, an offset after a
// day-first date) is named by record, never read as something else.
import { recordError } from './columns.mjs';

/** A day-first or month-first date, an optional time without offset: first, separator, second, separator, year. */
const ORDERED = String.raw`^(\d{1,2})([./-])(\d{1,2})([./-])(\d{2}|\d{4})([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?(\s*[AaPp][Mm])?)?$`;

/** The SQL parts of an ordered date in DuckDB: whether text `v` is one, and its DATE (NULL for 31.02.2024). */
function orderedParts(d, v) {
  const part = (n) => `regexp_extract(${v}, ${d.string(ORDERED)}, ${n})`;
  const matches = `(regexp_full_match(${v}, ${d.string(ORDERED)}) AND ${part(2)} = ${part(4)})`;
  const first = `CAST(${part(1)} AS INTEGER)`;
  const second = `CAST(${part(3)} AS INTEGER)`;
  const year = `(CASE WHEN length(${part(5)}) = 2 THEN CAST(${part(5)} AS INTEGER) + CASE WHEN CAST(${part(5)} AS INTEGER) < 69 THEN 2000 ELSE 1900 END ELSE CAST(${part(5)} AS INTEGER) END)`;
  const dateOf = (order) => {
    const [day, month] = order === 'DMY' ? [first, second] : [second, first];
    return `CASE WHEN ${matches} THEN TRY_CAST(printf('%04d-%02d-%02d', ${year}, ${month}, ${day}) AS DATE) END`;
  };
  return { matches, first, second, dateOf };
}

/**
 * The order of a text date column ('DMY', 'MDY'), or undefined when it holds no day-first or
 * month-first dates; throws the engine's refusal for a column that shows both orders or neither.
 */
export async function dateOrderOf(d, rowsOf, from, column, isCsv) {
  const v = `TRIM(CAST(${d.identifier(column)} AS VARCHAR))`;
  const { matches, first, second } = orderedParts(d, 'v');
  const dayFirst = `first > 12 AND first <= 31 AND second BETWEEN 1 AND 12`;
  const monthFirst = `second > 12 AND second <= 31 AND first BETWEEN 1 AND 12`;
  const [found] = await rowsOf(
    `SELECT COUNT(*) AS dates,
       MIN(n) FILTER (WHERE ${dayFirst}) AS day_first, arg_min(v, n) FILTER (WHERE ${dayFirst}) AS day_first_value,
       MIN(n) FILTER (WHERE ${monthFirst}) AS month_first, arg_min(v, n) FILTER (WHERE ${monthFirst}) AS month_first_value,
       MIN(n) AS any_n, arg_min(v, n) AS any_value
     FROM (SELECT n, v, ${first} AS first, ${second} AS second FROM (SELECT row_number() OVER () AS n, ${v} AS v FROM ${from}) WHERE ${matches})`,
  );
  if (Number(found.dates) === 0) return undefined;
  if (found.day_first !== null && found.month_first !== null) {
    const [later, earlier] = Number(found.day_first) > Number(found.month_first) ? ['day', 'month'] : ['month', 'day'];
    const n = Number(found[`${later}_first`]);
    throw recordError(n, column, `dates in one order: record ${Number(found[`${earlier}_first`])} is ${earlier}-first ("${found[`${earlier}_first_value`]}") but this one is ${later}-first; set --date-format`, found[`${later}_first_value`], isCsv);
  }
  if (found.day_first !== null) return 'DMY';
  if (found.month_first !== null) return 'MDY';
  throw recordError(
    Number(found.any_n),
    column,
    `dates whose order can be told: every day in this column is 12 or less, so "${found.any_value}" could be day-first or month-first; set --date-format to the column's layout, such as DD/MM/YY HH:mm or MM/DD/YY HH:mm`,
    found.any_value,
    isCsv,
  );
}

/** The DATE of text `v` in a column of that order (NULL when it is not such a date). */
export function orderedDay(d, v, order) {
  return orderedParts(d, v).dateOf(order);
}

const PLAIN = { '.': String.raw`^[+-]?\d+(\.\d+)?$`, ',': String.raw`^[+-]?\d+(,\d+)?$` };
const GROUPED = { '.': String.raw`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`, ',': String.raw`^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$` };
/** A value only a decimal point reads (`12.5`, `1,234.50`), or only a decimal comma (`12,5`, `1.234,50`): not three digits after a lone mark. */
const SHOWS = {
  '.': String.raw`^[+-]?(\d+\.(\d{1,2}|\d{4,})|\d{1,3}(,\d{3})+\.\d+)$`,
  ',': String.raw`^[+-]?(\d+,(\d{1,2}|\d{4,})|\d{1,3}(\.\d{3})+,\d+)$`,
};

/**
 * The decimal mark of a text number column of a file with `hint` (',' for a `;`-separated file):
 * the one its values show, else the hint; throws for a column that shows both.
 */
export async function decimalMarkOf(d, rowsOf, from, column, hint, isCsv) {
  const v = `TRIM(CAST(${d.identifier(column)} AS VARCHAR))`;
  const [found] = await rowsOf(
    `SELECT MIN(n) FILTER (WHERE regexp_full_match(v, ${d.string(SHOWS['.'])})) AS dot, arg_min(v, n) FILTER (WHERE regexp_full_match(v, ${d.string(SHOWS['.'])})) AS dot_value,
       MIN(n) FILTER (WHERE regexp_full_match(v, ${d.string(SHOWS[','])})) AS comma, arg_min(v, n) FILTER (WHERE regexp_full_match(v, ${d.string(SHOWS[','])})) AS comma_value
     FROM (SELECT row_number() OVER () AS n, ${v} AS v FROM ${from})`,
  );
  if (found.dot !== null && found.comma !== null) {
    throw recordError(Number(found.comma), column, `one decimal mark per column: record ${Number(found.dot)} has a decimal point ("${found.dot_value}") but this one a decimal comma`, found.comma_value, isCsv);
  }
  return found.comma !== null ? ',' : found.dot !== null ? '.' : hint;
}

/** The number of text `v` under a decimal mark (NULL when it is not written so). */
export function numberUnder(d, v, mark) {
  const group = mark === ',' ? '.' : ',';
  const digits = `replace(${v}, ${d.string(group)}, '')`;
  return `CASE WHEN regexp_full_match(${v}, ${d.string(PLAIN[mark])}) OR regexp_full_match(${v}, ${d.string(GROUPED[mark])}) THEN TRY_CAST(${mark === ',' ? `replace(${digits}, ',', '.')` : digits} AS DOUBLE) END`;
}

export function numberExpectation(mark) {
  return mark === ',' ? 'a number with a decimal comma such as 1.234,50 or 12,5 (no currency sign)' : 'a number with a decimal point such as 1,234.50 or 12.5 (no currency sign)';
}
