// The two databases the SQL tests run on, for one describe block each: DuckDB in process and a
// throw-away PostgreSQL server, loaded before the block's tests and closed after them; and the
// command line as a user runs it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { root } from './load-ts.mjs';
import { startPostgres } from './postgres-cluster.mjs';

/** An in-process DuckDB for the enclosing describe, loaded by `load(connection)`; its query function (rows as objects). */
export function duckdbForSuite(load) {
  let connection;
  before(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect();
    await load(connection);
  });
  after(() => connection?.closeSync());
  return async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** A PostgreSQL server for the enclosing describe, loaded by `load(client)`: its query function and its URL (once started). */
export function postgresForSuite(load) {
  let server;
  let client;
  before(async () => {
    server = await startPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await load(client);
  });
  after(async () => {
    await client?.end();
    server?.stop();
  });
  return {
    query: async (sql) => (await client.query(sql)).rows,
    get url() {
      return server.url;
    },
  };
}

/** Runs the command line; resolves to { code, stdout, stderr } whatever the exit code. */
export async function runCli(...args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'bin/retention-kit.mjs'), ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}
