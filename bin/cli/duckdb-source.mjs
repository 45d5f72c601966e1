// A file read by DuckDB in process: CSV (also gzipped; DuckDB sniffs the delimiter and the
// types), Parquet or JSON, streamed from disk by the query itself, never loaded whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { optionalPackage } from './kit.mjs';
import { checkMapping, NUMBER_FIELDS, recordError } from './columns.mjs';
import { dateOrderOf, decimalMarkOf, numberExpectation as markedNumberExpectation, numberUnder, orderedDay } from './csv-formats.mjs';

/** The kit's date formats (DD/MM/YYYY, MM/DD/YY HH:mm) as DuckDB's strptime formats; a format with % is taken as it is. */
export function strptimeFormat(format) {
  if (format.includes('%')) return format;
  return format.replace(/YYYY|YY|MM|DD|HH|mm|ss/g, (token) => ({ YYYY: '%Y', YY: '%y', MM: '%m', DD: '%d', HH: '%H', mm: '%M', ss: '%S' })[token]);
}

export async function duckdbSource(kit, path, options, fields, say) {
  const { DuckDBInstance } = await optionalPackage('@duckdb/node-api', 'Reading a file');
  const d = kit.dialects.duckdb;
  const name = basename(path);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Bounded memory: past the limit DuckDB spills to a temp folder of its own instead of growing with the file.
  const spill = mkdtempSync(join(tmpdir(), 'retention-kit-duckdb-'));
  try {
    await connection.run(`SET memory_limit = ${d.string(options.memoryLimit)}`);
    await connection.run(`SET temp_directory = ${d.string(spill)}`);
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
    const rowsOf = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
    const fail = (error) => new Error(`DuckDB could not read ${name}: ${String(error.message ?? error).split('\n').slice(0, 4).join(' ')}`);

    const isCsv = !/\.(parquet|json|ndjson|jsonl)(\.gz)?$/i.test(path);
    const isJson = !isCsv && !/\.parquet$/i.test(path);
    /** JSON's reader takes the types of all columns or of none: those it detected, with the ones given replaced. */
    let detected = [];
    const reader = (types) => {
      if (/\.parquet$/i.test(path)) return `read_parquet(${d.string(path)})`;
      if (isJson) {
        if (!types.length) return `read_json_auto(${d.string(path)})`;
        const typed = detected.map(({ name: column, type }) => [column, types.find(([given]) => given === column)?.[1] ?? type]);
        return `read_json_auto(${d.string(path)}, columns = {${typed.map(([column, type]) => `${d.string(column)}: ${d.string(type)}`).join(', ')}})`;
      }
      const settings = [`header = true`];
      if (types.length) settings.push(`types = {${types.map(([column, type]) => `${d.string(column)}: '${type}'`).join(', ')}}`);
      if (options.dateFormat) settings.push(`timestampformat = ${d.string(strptimeFormat(options.dateFormat))}`);
      return `read_csv(${d.string(path)}, ${settings.join(', ')})`;
    };
    const describe = async (from) => (await rowsOf(`DESCRIBE SELECT * FROM ${from}`)).map((row) => ({ name: row.column_name, type: row.column_type }));

    say(`reading ${name} with DuckDB`);
    let columns;
    try {
      columns = await describe(reader([]));
    } catch (error) {
      throw fail(error);
    }
    checkMapping(fields, columns, name);
    detected = columns;
    // What the sniffer saw in the file: a `;` delimiter is Excel's European save (decimal commas, as the engine reads it).
    let sniffed = { Delimiter: ',' };
    if (isCsv) {
      try {
        [sniffed] = await rowsOf(`SELECT Delimiter FROM sniff_csv(${d.string(path)})`);
      } catch {
        // The read itself worked: the plain reading rules apply.
      }
    }
    const semicolons = isCsv && sniffed.Delimiter === ';';
    // A date column the sniffer typed must be written year first to be read as it is: the sniffer
    // reads `1/9/24 9:38` as the year 1 (and picks day or month first by itself), where the engine
    // settles the order from the whole column. One format holds for a typed column: its first values tell.
    const notYearFirst = new Set();
    for (const column of ['date', 'start', 'end'].map((field) => fields[field]).filter(Boolean)) {
      if (!isCsv || options.dateFormat || !/^(DATE|TIMESTAMP)$/.test(columns.find((c) => c.name === column).type)) continue;
      const v = `TRIM(CAST(${d.identifier(column)} AS VARCHAR))`;
      const [first] = await rowsOf(
        `SELECT COUNT(*) AS n FROM (SELECT ${v} AS v FROM ${reader([[column, 'VARCHAR']])} WHERE ${v} <> '' LIMIT 1000) AS first_values WHERE NOT regexp_matches(v, '^\\d{4}-')`,
      );
      if (Number(first.n) > 0) notYearFirst.add(column);
    }
    // Ids are text, as the engine reads them ("007" is not 7). Dates: wall-clock columns (sniffed DATE
    // or TIMESTAMP) are read as they are; a column with offsets is read as text and judged value by
    // value below, since the sniffed TIMESTAMPTZ reads "2024-01-31 23:30" as UTC and JSON's reader
    // drops offsets; with --date-format, timestamps of that format.
    // The dated columns: an order's date, or a subscription's start and end.
    const dateColumns = ['date', 'start', 'end'].map((field) => fields[field]).filter(Boolean);
    const dateAsText = (column) =>
      isJson || (isCsv && !options.dateFormat && (!/^(DATE|TIMESTAMP)$/.test(columns.find((c) => c.name === column).type) || notYearFirst.has(column)));
    const numbersAsText = semicolons ? [...NUMBER_FIELDS.map((f) => fields[f]).filter(Boolean).map((column) => [column, 'VARCHAR'])] : [];
    const types =
      isCsv || isJson
        ? [
            // A survey's respondent is optional (anonymous surveys have none).
            ...(fields.customer ? [[fields.customer, 'VARCHAR']] : []),
            // A survey's score as written: the SQL reads its number, and a bad one is quoted as it is.
            ...(fields.score ? [[fields.score, 'VARCHAR']] : []),
            ...(fields.order ? [[fields.order, 'VARCHAR']] : []),
            ...dateColumns.flatMap((column) => (dateAsText(column) ? [[column, 'VARCHAR']] : isCsv && options.dateFormat ? [[column, 'TIMESTAMP']] : [])),
            ...numbersAsText,
          ]
        : [];
    let from = reader(types);
    try {
      columns = await describe(from);
    } catch (error) {
      throw fail(error);
    }
    const typeOf = (column) => columns.find((c) => c.name === column).type;

    // Text where a date or a number should be: the first record that is neither, named.
    // Shopify writes `2024-02-06 08:48:55 +0100`, an offset after a space, which the engine reads and DuckDB's cast does not: glued first.
    const offsetGlued = (v) => `regexp_replace(TRIM(${v}), '(\\d)\\s+([+-]\\d{2}(:?\\d{2})?)$', '\\1\\2')`;
    const dateCheck = (v) => (options.dateFormat ? `try_strptime(${v}, ${d.string(strptimeFormat(options.dateFormat))})` : `TRY_CAST(${offsetGlued(v)} AS TIMESTAMPTZ)`);
    const firstBad = async (source, column, check) => {
      const value = `CAST(${d.identifier(column)} AS VARCHAR)`;
      // One plain pass to know whether any value is bad; record numbers only when one is.
      const any = await rowsOf(`SELECT 1 FROM ${source} WHERE TRIM(${value}) <> '' AND ${check(value)} IS NULL LIMIT 1`);
      if (any.length === 0) return undefined;
      return (
        await rowsOf(
          `SELECT n, v FROM (SELECT row_number() OVER () AS n, ${value} AS v FROM ${source}) ` +
            `WHERE TRIM(v) <> '' AND ${check('v')} IS NULL ORDER BY n LIMIT 1`,
        )
      )[0];
    };
    const dateExpectation = `a date (YYYY-MM-DD, with a time or an offset, or the format given by --date-format${options.dateFormat ? `, here ${options.dateFormat}` : ''})`;
    const numberExpectation = 'a number with a decimal point and no thousands separator (12.50)';
    const numberCheck = (v) => `TRY_CAST(${v} AS DOUBLE)`;
    /** After DuckDB failed to convert a value: the same file with the mapped columns as text, searched for the first bad one. */
    const diagnose = async () => {
      if (!isCsv) return undefined;
      const asText = reader([fields.customer, ...dateColumns, ...NUMBER_FIELDS.map((f) => fields[f])].filter(Boolean).map((column) => [column, 'VARCHAR']));
      for (const column of dateColumns) {
        const badDate = await firstBad(asText, column, dateCheck);
        if (badDate) return recordError(Number(badDate.n), column, dateExpectation, badDate.v);
      }
      for (const field of NUMBER_FIELDS) {
        const bad = fields[field] && (await firstBad(asText, fields[field], numberCheck));
        if (bad) return recordError(Number(bad.n), fields[field], numberExpectation, bad.v);
      }
      return undefined;
    };
    const replaced = [];
    for (const column of dateColumns) {
      if (typeOf(column) !== 'VARCHAR') continue;
      // Day-first or month-first dates: the order the whole column shows, as the engine settles it.
      const order = isCsv && !options.dateFormat ? await dateOrderOf(d, rowsOf, from, column, isCsv) : undefined;
      const textDateCheck = order ? (v) => `CASE WHEN ${orderedDay(d, `TRIM(${v})`, order)} IS NOT NULL OR TRY_CAST(${offsetGlued(v)} AS TIMESTAMPTZ) IS NOT NULL THEN 1 END` : dateCheck;
      const bad = await firstBad(from, column, textDateCheck);
      if (bad) throw recordError(Number(bad.n), column, order ? `${dateExpectation}, or a ${order === 'DMY' ? 'day-first' : 'month-first'} date as the column's others` : dateExpectation, bad.v, isCsv);
      // The engine's rule, value by value: with an offset (Z, +01:00) an instant, its day in
      // --time-zone; without one wall-clock, its day as written. The column becomes that day.
      const text = `TRIM(CAST(${d.identifier(column)} AS VARCHAR))`;
      const withOffset = `regexp_matches(${text}, '\\d:\\d{2}(:\\d{2}([.,]\\d+)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}(:?\\d{2})?)$')`;
      replaced.push(
        `CASE ${order ? `WHEN ${orderedDay(d, text, order)} IS NOT NULL THEN ${orderedDay(d, text, order)} ` : ''}WHEN ${withOffset} THEN CAST(timezone(${d.string(options.timeZone ?? 'UTC')}, CAST(${offsetGlued(text)} AS TIMESTAMPTZ)) AS DATE) ` +
          `ELSE CAST(CAST(${text} AS TIMESTAMP) AS DATE) END AS ${d.identifier(column)}`,
      );
    }
    for (const field of NUMBER_FIELDS) {
      const column = fields[field];
      if (column === undefined || typeOf(column) !== 'VARCHAR') continue;
      if (semicolons) {
        // Excel's European save: a decimal comma unless the column's values show a point.
        const mark = await decimalMarkOf(d, rowsOf, from, column, ',', isCsv);
        const bad = await firstBad(from, column, (v) => numberUnder(d, `TRIM(${v})`, mark));
        if (bad) throw recordError(Number(bad.n), column, markedNumberExpectation(mark), bad.v, isCsv);
        replaced.push(`${numberUnder(d, `TRIM(CAST(${d.identifier(column)} AS VARCHAR))`, mark)} AS ${d.identifier(column)}`);
        continue;
      }
      const bad = await firstBad(from, column, numberCheck);
      if (bad) throw recordError(Number(bad.n), column, numberExpectation, bad.v, isCsv);
      replaced.push(`CAST(${d.identifier(column)} AS DOUBLE) AS ${d.identifier(column)}`);
    }
    if (replaced.length) from = `(SELECT * REPLACE (${replaced.join(', ')}) FROM ${from})`;
    const dateType = typeOf(dateColumns[0]);
    // Timestamps with an offset are instants: their day is taken in --time-zone (UTC unless given), as the engine does.
    const dates = dateType === 'TIMESTAMP WITH TIME ZONE' ? 'instant' : 'local';
    if (dates === 'local' && dateType !== 'VARCHAR' && options.timeZone) say(`note: ${dateColumns.join(', ')} ${dateColumns.length > 1 ? 'hold' : 'holds'} wall-clock ${dateType} values, read as written; --time-zone applies to timestamps with an offset only`);

    return {
      name,
      fields,
      dates,
      sqlOptions: { dialect: 'duckdb', from },
      async query(sql, label) {
        say(`${label}…`);
        // The aggregates need no row order (the checks above, which name records by number, did).
        await connection.run('SET preserve_insertion_order = false');
        let shown = 0;
        const timer = setInterval(() => {
          const percent = connection.progress.percentage;
          if (percent >= shown + 10 && percent < 100) say(`  ${Math.floor((shown = percent))} %`);
        }, 500);
        try {
          return await rowsOf(sql);
        } catch (error) {
          // The sniffer guessed a column's type from a sample; a later row that does not fit is found and named.
          if (/Conversion Error|CSV Error/i.test(String(error.message))) throw (await diagnose()) ?? fail(error);
          throw fail(error);
        } finally {
          clearInterval(timer);
        }
      },
      async close() {
        connection.closeSync();
        instance.closeSync?.();
        rmSync(spill, { recursive: true, force: true });
      },
    };
  } catch (error) {
    connection.closeSync();
    rmSync(spill, { recursive: true, force: true });
    throw error;
  }
}
