/**
 * What differs between the SQL engines the kit writes for: quoting, and the
 * handful of date functions the definitions need (a period's first day, the
 * next period, days added, the weekday). Everything else in the generated SQL
 * is the common core (CTEs, joins, CASE, aggregates) every one of them reads.
 */
import type { Granularity } from '../metrics/calendar/calendar.ts';

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'clickhouse'] as const;
export type DialectName = (typeof DIALECTS)[number];

type Unit = Exclude<Granularity, 'week' | 'day'>;

export interface Dialect {
  name: DialectName;
  /** One identifier (a column or a table name part), quoted so that any text is a name and never SQL. */
  identifier(name: string): string;
  /** A string literal. */
  string(text: string): string;
  /** A DATE literal from `YYYY-MM-DD`. */
  date(iso: string): string;
  /** The type of text, for casting ids. */
  text: string;
  /** The local day (a DATE) of a column of wall-clock dates or timestamps: the day as written. */
  localDay(column: string): string;
  /** The local day in `timeZone` of a column of instants (timestamp with time zone). */
  instantDay(column: string, timeZone: string): string;
  /** First day of the month, quarter or year of a DATE. */
  truncate(day: string, unit: Unit): string;
  /** The DATE `count` months, quarters or years later (count ≥ 1). */
  addUnits(day: string, unit: Unit, count: number): string;
  /** The DATE `days` (an SQL integer expression) later. */
  addDays(day: string, days: string): string;
  /** Weekday of a DATE, 0 = Sunday … 6 = Saturday (the kit's numbering). */
  weekday(day: string): string;
  /** Whole days from DATE `from` to DATE `to`. */
  dayDiff(from: string, to: string): string;
  /** The remainder of two non-negative integers. */
  mod(a: string, b: string): string;
  /** A DATE as `YYYY-MM-DD` text: every driver returns text the same way. */
  dayText(day: string): string;
  /** The number a text expression holds, or NULL when it holds none (never an error: bad values are counted, not fatal). */
  numberOfText(text: string): string;
  /** The value of the row before in the window (`PARTITION BY … ORDER BY …`), NULL on the first row: LAG. */
  previous(value: string, window: string): string;
  /** A NULL of a floating-point type (revenue of data without money). */
  nullNumber: string;
  /** What ends every query (ClickHouse: outer joins give NULL, not 0 and '', to unmatched rows). */
  settings: string;
}

/** LAG, as the SQL standard writes it. */
const standardPrevious = (value: string, window: string) => `LAG(${value}) OVER (${window})`;

/** Double quotes, doubled inside: the SQL standard, and DuckDB, PostgreSQL and Snowflake alike. */
const standardIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Quotes doubled, as the standard says (PostgreSQL with standard_conforming_strings, DuckDB). */
const standardString = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** Backslash escapes as well: BigQuery, Snowflake and ClickHouse read `\` inside literals. */
const escapedString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function refuseNul(name: string): void {
  // No engine can hold a NUL in a name; letting it through would cut the name short in some drivers.
  if (name.includes('\0')) throw new Error(`A column or table name cannot contain a NUL character: ${JSON.stringify(name)}`);
}

const duckdb: Dialect = {
  name: 'duckdb',
  identifier: (name) => (refuseNul(name), standardIdentifier(name)),
  string: standardString,
  date: (iso) => `DATE '${iso}'`,
  text: 'VARCHAR',
  localDay: (column) => `CAST(${column} AS DATE)`,
  // timezone(zone, timestamptz) is the wall clock in that zone (ICU, built into DuckDB's packages).
  instantDay: (column, zone) => `CAST(timezone(${standardString(zone)}, CAST(${column} AS TIMESTAMPTZ)) AS DATE)`,
  truncate: (day, unit) => `CAST(date_trunc('${unit}', ${day}) AS DATE)`,
  addUnits: (day, unit, count) => `CAST(${day} + INTERVAL ${unit === 'quarter' ? count * 3 : count} ${unit === 'year' ? 'YEAR' : 'MONTH'} AS DATE)`,
  // DATE + INTEGER is a DATE; a computed number of days may be a BIGINT, which has no such sum.
  addDays: (day, days) => (/^-?\d+$/.test(days) ? `(${day} + ${days})` : `CAST(${day} + CAST(${days} AS INTEGER) AS DATE)`),
  weekday: (day) => `dayofweek(${day})`,
  dayDiff: (from, to) => `date_diff('day', ${from}, ${to})`,
  mod: (a, b) => `((${a}) % ${b})`,
  dayText: (day) => `strftime(${day}, '%Y-%m-%d')`,
  numberOfText: (text) => `TRY_CAST(TRIM(${text}) AS DOUBLE)`,
  previous: standardPrevious,
  nullNumber: 'CAST(NULL AS DOUBLE)',
  settings: '',
};

const postgres: Dialect = {
  name: 'postgres',
  identifier: (name) => (refuseNul(name), standardIdentifier(name)),
  string: standardString,
  date: (iso) => `DATE '${iso}'`,
  text: 'TEXT',
  localDay: (column) => `CAST(${column} AS DATE)`,
  // AT TIME ZONE on a timestamptz gives the wall clock there; the cast keeps a plain timestamp column from being read as local time.
  instantDay: (column, zone) => `CAST(CAST(${column} AS TIMESTAMPTZ) AT TIME ZONE ${standardString(zone)} AS DATE)`,
  truncate: (day, unit) => `CAST(date_trunc('${unit}', ${day}) AS DATE)`,
  addUnits: (day, unit, count) => `CAST(${day} + INTERVAL '${unit === 'quarter' ? count * 3 : count} ${unit === 'year' ? 'years' : 'months'}' AS DATE)`,
  addDays: (day, days) => (/^-?\d+$/.test(days) ? `(${day} + ${days})` : `(${day} + CAST(${days} AS INTEGER))`),
  weekday: (day) => `CAST(EXTRACT(DOW FROM ${day}) AS INTEGER)`,
  dayDiff: (from, to) => `(${to} - ${from})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  dayText: (day) => `to_char(${day}, 'YYYY-MM-DD')`,
  // PostgreSQL has no TRY_CAST: the text is cast only when it is written as a plain decimal number.
  numberOfText: (text) => `CASE WHEN TRIM(${text}) ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN CAST(TRIM(${text}) AS DOUBLE PRECISION) END`,
  previous: standardPrevious,
  nullNumber: 'CAST(NULL AS DOUBLE PRECISION)',
  settings: '',
};

const bigquery: Dialect = {
  name: 'bigquery',
  identifier: (name) => {
    refuseNul(name);
    return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
  },
  string: escapedString,
  date: (iso) => `DATE '${iso}'`,
  text: 'STRING',
  localDay: (column) => `CAST(${column} AS DATE)`,
  instantDay: (column, zone) => `DATE(${column}, ${escapedString(zone)})`,
  truncate: (day, unit) => `DATE_TRUNC(${day}, ${unit.toUpperCase()})`,
  addUnits: (day, unit, count) => `DATE_ADD(${day}, INTERVAL ${count} ${unit.toUpperCase()})`,
  addDays: (day, days) => `DATE_ADD(${day}, INTERVAL ${days} DAY)`,
  weekday: (day) => `(EXTRACT(DAYOFWEEK FROM ${day}) - 1)`,
  dayDiff: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  dayText: (day) => `FORMAT_DATE('%Y-%m-%d', ${day})`,
  numberOfText: (text) => `SAFE_CAST(TRIM(${text}) AS FLOAT64)`,
  previous: standardPrevious,
  nullNumber: 'CAST(NULL AS FLOAT64)',
  settings: '',
};

const snowflake: Dialect = {
  name: 'snowflake',
  identifier: (name) => (refuseNul(name), standardIdentifier(name)),
  string: escapedString,
  date: (iso) => `DATE '${iso}'`,
  text: 'VARCHAR',
  localDay: (column) => `TO_DATE(${column})`,
  instantDay: (column, zone) => `TO_DATE(CONVERT_TIMEZONE(${escapedString(zone)}, ${column}))`,
  truncate: (day, unit) => `DATE_TRUNC('${unit.toUpperCase()}', ${day})`,
  addUnits: (day, unit, count) => `DATEADD(${unit.toUpperCase()}, ${count}, ${day})`,
  addDays: (day, days) => `DATEADD(DAY, ${days}, ${day})`,
  // DAYOFWEEKISO is 1 (Monday) … 7 (Sunday) whatever the session's WEEK_START says.
  weekday: (day) => `MOD(DAYOFWEEKISO(${day}), 7)`,
  dayDiff: (from, to) => `DATEDIFF(DAY, ${from}, ${to})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  dayText: (day) => `TO_CHAR(${day}, 'YYYY-MM-DD')`,
  numberOfText: (text) => `TRY_TO_DOUBLE(TRIM(${text}))`,
  previous: standardPrevious,
  nullNumber: 'CAST(NULL AS DOUBLE)',
  settings: '',
};

const clickhouse: Dialect = {
  name: 'clickhouse',
  identifier: (name) => {
    refuseNul(name);
    return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
  },
  string: escapedString,
  date: (iso) => `toDate('${iso}')`,
  text: 'String',
  localDay: (column) => `toDate(${column})`,
  instantDay: (column, zone) => `toDate(${column}, ${escapedString(zone)})`,
  truncate: (day, unit) => `toStartOf${unit[0].toUpperCase()}${unit.slice(1)}(${day})`,
  addUnits: (day, unit, count) => `add${unit === 'month' ? 'Months' : unit === 'quarter' ? 'Quarters' : 'Years'}(${day}, ${count})`,
  addDays: (day, days) => `addDays(${day}, ${days})`,
  // toDayOfWeek is 1 (Monday) … 7 (Sunday).
  weekday: (day) => `(toDayOfWeek(${day}) % 7)`,
  dayDiff: (from, to) => `dateDiff('day', ${from}, ${to})`,
  mod: (a, b) => `((${a}) % ${b})`,
  dayText: (day) => `toString(${day})`,
  numberOfText: (text) => `toFloat64OrNull(trimBoth(${text}))`,
  // ClickHouse has LAG only from 25.6: lagInFrame over the whole partition is LAG, and toNullable
  // makes "no row before" a NULL instead of the type's default (1970-01-01, 0).
  previous: (value, window) => `lagInFrame(toNullable(${value}), 1) OVER (${window} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
  nullNumber: 'CAST(NULL AS Nullable(Float64))',
  settings: 'SETTINGS join_use_nulls = 1\n',
};

export const dialects: Record<DialectName, Dialect> = { duckdb, postgres, bigquery, snowflake, clickhouse };

export function dialectOf(name: string): Dialect {
  if (!(DIALECTS as readonly string[]).includes(name)) throw new Error(`Unknown SQL dialect "${name}": one of ${DIALECTS.join(', ')}`);
  return dialects[name as DialectName];
}
