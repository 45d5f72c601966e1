// A table in PostgreSQL: the kit's SQL runs in the database, only the aggregate comes back.
import { optionalPackage } from './kit.mjs';
import { checkMapping, NUMBER_FIELDS } from './columns.mjs';

/** The URL without its password, for messages. */
function shown(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the postgres:// URL';
  }
}

export async function postgresSource(kit, url, options, fields, say) {
  const pg = (await optionalPackage('pg', 'A postgres:// URL')).default;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to ${shown(url)}: ${error.message}`);
  }
  try {
    const parts = options.table.split('.');
    if (parts.length > 2) throw new Error(`--table takes a table or schema.table, not "${options.table}"`);
    const [schema, table] = parts.length === 2 ? parts : [null, parts[0]];
    say(`reading ${options.table} in ${shown(url)}`);
    const { rows } = await client.query(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_schema = COALESCE($1, current_schema()) AND table_name = $2 ORDER BY ordinal_position`,
      [schema, table],
    );
    if (rows.length === 0) throw new Error(`the database has no table ${options.table} (or no right to read it)`);
    checkMapping(fields, rows, options.table);
    const typeOf = (column) => rows.find((c) => c.name === column).type;
    // The dated columns: an order's date, or a subscription's start and end.
    const dateFields = ['date', 'start', 'end'].filter((field) => fields[field] !== undefined);
    for (const field of dateFields) {
      const type = typeOf(fields[field]);
      if (!/^(date|timestamp)/.test(type)) throw new Error(`column "${fields[field]}" (--${field}-key) of ${options.table} is ${type}: the SQL needs a date or timestamp column (a view can cast it)`);
    }
    const dateType = typeOf(fields[dateFields[0]]);
    for (const field of NUMBER_FIELDS) {
      const column = fields[field];
      if (column !== undefined && !/^(numeric|integer|bigint|smallint|real|double precision|money)$/.test(typeOf(column))) {
        throw new Error(`column "${column}" of ${options.table} is ${typeOf(column)}: money and quantities must be numbers (a view can cast them)`);
      }
    }
    const dates = dateType === 'timestamp with time zone' ? 'instant' : 'local';
    if (dates === 'local' && options.timeZone) say(`note: ${fields[dateFields[0]]} is ${dateType}, read as written; --time-zone applies to timestamp with time zone only`);
    return {
      name: options.table,
      fields,
      dates,
      sqlOptions: { dialect: 'postgres', table: parts },
      async query(sql, label) {
        say(`${label}…`);
        try {
          return (await client.query(sql)).rows;
        } catch (error) {
          throw new Error(`PostgreSQL: ${error.message}`);
        }
      },
      close: () => client.end(),
    };
  } catch (error) {
    await client.end();
    throw error;
  }
}
