// `npm run bench -- --warehouse`: the command line on generated order files of growing size,
// next to the engine's in-page path (parse the CSV text, read it, compute) run in Node on the
// same file. Wall time and peak memory (the process's VmHWM, polled from /proc) of each, on
// this machine. Not part of the tests.
//
//   npm run bench -- --warehouse                 1M rows, CSV and Parquet
//   npm run bench -- --warehouse --sizes=1m,10m  more sizes (10M rows is a 400 MB CSV)
//   npm run bench -- --warehouse --engine-max=1m  the engine path up to this size (default 1M)
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_ORDERS_HEADER, generatedOrderCsvChunks } from './generated-orders.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const parseSize = (text) => Math.round(Number(text.replace(/[km]$/i, '')) * (/m$/i.test(text) ? 1e6 : /k$/i.test(text) ? 1e3 : 1));

/** The generated shop (scripts/generated-orders.mjs) as a CSV file. */
async function writeOrders(file, rows) {
  const out = createWriteStream(file);
  out.write(`${GENERATED_ORDERS_HEADER}\n`);
  for (const chunk of generatedOrderCsvChunks(rows)) {
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
  await new Promise((resolve) => out.once('finish', resolve));
}

/** Runs a command; resolves to its wall time and peak resident memory. */
function measure(command, args) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // exited between two polls
      }
    }, 25);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolvePromise({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}

/** The engine's path in one process: the CSV text parsed to records, read into the table, the cohort matrix. */
async function engineChild(file) {
  const { importTs } = await import('../tests/sql/load-ts.mjs');
  const kit = await importTs('tests/sql/engine-entry.ts');
  const { csvParse } = await import('d3-dsv');
  const rows = csvParse(readFileSync(file, 'utf8'));
  const table = kit.readTransactions(rows, { fields: { customer: 'customer_id', date: 'ordered_at', amount: 'amount' } });
  if (!table.ok) throw new Error(JSON.stringify(table.error));
  const matrix = kit.cohortMatrix(table.value, { granularity: 'month' });
  if (!matrix.ok) throw new Error(JSON.stringify(matrix.error));
}

async function main(argv) {
  const sizes = (argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1m').split(',').map(parseSize);
  const engineMax = parseSize(argv.find((a) => a.startsWith('--engine-max='))?.slice(13) ?? '1m');
  const dir = mkdtempSync(join(tmpdir(), 'rk-bench-'));
  const cli = join(root, 'bin/retention-kit.mjs');
  const mapping = ['--customer-key', 'customer_id', '--date-key', 'ordered_at', '--amount-key', 'amount'];
  const results = [];
  try {
    for (const rows of sizes) {
      const csv = join(dir, `orders-${rows}.csv`);
      process.stderr.write(`writing ${rows.toLocaleString('en')} rows…\n`);
      await writeOrders(csv, rows);
      const parquet = join(dir, `orders-${rows}.parquet`);
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, types = {'customer_id': 'VARCHAR'})) TO '${parquet}' (FORMAT parquet)`);
      connection.closeSync();
      const mb = (file) => statSync(file).size / 1e6;
      const runs = [
        ['CLI cohort, CSV', process.execPath, [cli, 'aggregate', csv, '--metric', 'cohort', '--out', join(dir, 'c.json'), ...mapping], mb(csv)],
        ['CLI periods, CSV', process.execPath, [cli, 'aggregate', csv, '--metric', 'periods', '--window-days', '90', '--out', join(dir, 'p.json'), ...mapping], mb(csv)],
        ['CLI cohort, Parquet', process.execPath, [cli, 'aggregate', parquet, '--metric', 'cohort', '--out', join(dir, 'c.json'), ...mapping], mb(parquet)],
      ];
      if (rows <= engineMax) runs.push(['engine in Node (parse + read + cohortMatrix)', process.execPath, [fileURLToPath(import.meta.url), '--engine-child', csv], mb(csv)]);
      for (const [what, command, args, fileMb] of runs) {
        process.stderr.write(`${what}, ${rows.toLocaleString('en')} rows…\n`);
        const { seconds, peakMb } = await measure(command, args);
        results.push({ rows, what, fileMb, seconds, peakMb });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
  else {
    process.stdout.write('| rows | path | file | time | peak memory |\n| --- | --- | --- | --- | --- |\n');
    for (const r of results) process.stdout.write(`| ${r.rows.toLocaleString('en')} | ${r.what} | ${r.fileMb.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${r.peakMb.toFixed(0)} MB |\n`);
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--engine-child') await engineChild(argv[1]);
else await main(argv.filter((a) => a !== '--warehouse'));
