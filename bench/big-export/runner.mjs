// The page path for a big export: `<cohort-heatmap src="…">` given a whole
// shop export, timed in Chromium from navigation start to the heatmap drawn,
// next to what the same rows cost a page anyway: fetching their JSON form as
// text and `JSON.parse` of it, in the same page right after. Two inputs:
//
// - the real UK shop export (Online Retail II 2009–2010, 525,461 order lines,
//   UCI / Daqing Chen, CC BY 4.0; see tests/fixtures/online-retail/README.md),
//   decompressed into the cache folder; its JSON form has the CSV's columns,
//   Quantity and Price as numbers, the rest as text;
// - 1,000,000 generated order lines (bench/harness.ts: the metrics
//   benchmark's seeded generator and seed), as CSV and JSON.
//
// The files are made once into .cache/bench/ (git-ignored) and kept.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { csvFormat, csvParse } from 'd3-dsv';
import { build } from 'esbuild';
import { SEED } from '../driver.mjs';
import { checkKitBuild } from '../first-chart/runner.mjs';
import { blocking, launchBrowser, loadOnce, median, table } from '../page-load.mjs';
import { root, startPageServer } from '../page-server.mjs';

const CACHE = join(root, '.cache/bench');
const EXPORT_CANDIDATES = [join(root, 'tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz'), '/work/shared/data/online-retail-ii-2009-2010.csv.gz'];
const GENERATED_ROWS = 1_000_000;
/** Long tasks are read this long after 'drawn', so the last ones are delivered. */
const SETTLE_MS = 500;

const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const keyAttributes = (keys) => Object.entries(keys).map(([name, column]) => `${name}-key="${attribute(column)}"`).join(' ');

/** Writes through a temporary name, so an interrupted run never leaves half a file in the cache. */
async function writeOnce(file, make) {
  if (existsSync(file)) return;
  const text = await make();
  await writeFile(`${file}.part`, text);
  await rename(`${file}.part`, file);
}

async function prepareUkExport(log) {
  const source = EXPORT_CANDIDATES.find((path) => existsSync(path));
  if (!source) throw new Error(`the Online Retail II export was not found (${EXPORT_CANDIDATES.join(', ')})`);
  const csv = join(CACHE, 'online-retail-ii-2009-2010.csv');
  const json = join(CACHE, 'online-retail-ii-2009-2010.json');
  if (!existsSync(csv) || !existsSync(json)) log(`  big-export: decompressing ${source} into ${CACHE}`);
  await writeOnce(csv, () => gunzipSync(readFileSync(source)));
  await writeOnce(json, async () => {
    const rows = csvParse(await readFile(csv, 'utf8'), (row) => ({ ...row, Quantity: Number(row.Quantity), Price: Number(row.Price) }));
    return JSON.stringify(rows);
  });
  return {
    id: 'uk-export',
    label: 'UK shop export (Online Retail II), 525,461 rows',
    csv,
    json,
    keys: { customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', price: 'Price' },
  };
}

async function prepareGenerated(log) {
  // The generator's sources name the files: a changed generator makes new ones.
  const hash = createHash('sha256');
  for (const name of ['transactions.ts', 'calendar.ts', 'random.ts']) hash.update(readFileSync(join(root, 'demo/data', name)));
  const stem = join(CACHE, `generated-${GENERATED_ROWS}-${SEED}-${hash.digest('hex').slice(0, 10)}`);
  const files = { csv: `${stem}.csv`, json: `${stem}.json`, keys: `${stem}.keys.json` };
  if (!Object.values(files).every((file) => existsSync(file))) {
    log(`  big-export: generating ${GENERATED_ROWS.toLocaleString('en')} rows into ${CACHE}`);
    const dir = await mkdtemp(join(tmpdir(), 'retention-big-export-'));
    try {
      const bundle = join(dir, 'harness.mjs');
      await build({ entryPoints: [join(root, 'bench/harness.ts')], bundle: true, format: 'esm', platform: 'node', target: 'es2022', outfile: bundle, logLevel: 'warning' });
      const { generateBenchTransactions, BENCH_FIELDS } = await import(pathToFileURL(bundle).href);
      const records = generateBenchTransactions(GENERATED_ROWS, SEED);
      await writeOnce(files.csv, () => csvFormat(records));
      await writeOnce(files.json, () => JSON.stringify(records));
      await writeOnce(files.keys, () => JSON.stringify(BENCH_FIELDS));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    id: 'generated-1m',
    label: `generated, ${GENERATED_ROWS.toLocaleString('en')} rows (seed ${SEED})`,
    csv: files.csv,
    json: files.json,
    keys: JSON.parse(await readFile(files.keys, 'utf8')),
  };
}

/** In the page, once the heatmap is drawn: the same rows as JSON, fetched as text and parsed. */
function fetchAndParse(url) {
  return (async () => {
    const start = performance.now();
    const response = await fetch(url, { cache: 'no-store' });
    const text = await response.text();
    const fetched = performance.now();
    const rows = JSON.parse(text);
    const parsed = performance.now();
    const heatmap = document.querySelector('cohort-heatmap');
    return { fetchMs: fetched - start, parseMs: parsed - fetched, rows: rows.length, jsonChars: text.length, cohorts: heatmap.value?.cohorts.length ?? null };
  })();
}

/**
 * Measures each input `runs` times (interleaved). Returns
 * { version, runs, inputs: { id: { label, csvBytes, jsonBytes, loads: [{ drawnMs, longestMs, tbtMs, fetchMs, parseMs, … }] } } }.
 */
export async function runBigExport({ runs = 5, log = console.error, kitDir = join(root, 'dist') } = {}) {
  checkKitBuild(kitDir, log);
  await mkdir(CACHE, { recursive: true });
  const inputs = [await prepareUkExport(log), await prepareGenerated(log)];
  const dataFiles = {};
  for (const input of inputs) Object.assign(dataFiles, { [`${input.id}.csv`]: input.csv, [`${input.id}.json`]: input.json });
  const byId = Object.fromEntries(inputs.map((input) => [input.id, input]));
  const server = await startPageServer({
    kitDir,
    dataFiles,
    placeholders: (query) => {
      const input = byId[query.get('input')];
      return input ? { src: `/data/${input.id}.csv`, keys: keyAttributes(input.keys) } : {};
    },
  });
  const browser = await launchBrowser();
  try {
    const version = await browser.version();
    const results = Object.fromEntries(
      inputs.map((input) => [input.id, { label: input.label, csvBytes: statSync(input.csv).size, jsonBytes: statSync(input.json).size, loads: [] }]),
    );
    log(`big-export: ${inputs.length} inputs × ${runs} fresh loads, ${version}`);
    for (let round = 0; round < runs; round++) {
      const order = round % 2 ? [...inputs].reverse() : inputs;
      for (const input of order) {
        const { drawnMs, longTasks, extra, uiPages } = await loadOnce(browser, `${server.origin}/big-export/heatmap.html?input=${input.id}`, {
          timeoutMs: 5 * 60_000,
          settleMs: SETTLE_MS,
          after: (page) => page.evaluate(fetchAndParse, `/data/${input.id}.json`),
        });
        if (uiPages) log('  warning: Chromium opened pages of its own UI (chrome://…top-chrome) with the page measured (see bench/page-load.mjs)');
        const b = blocking(longTasks, drawnMs);
        results[input.id].loads.push({ drawnMs, longestMs: b.longestMs, tbtMs: b.tbtMs, longTasks: b.longTasks, ...extra });
        log(
          `  ${input.id} ${round + 1}/${runs}: drawn ${drawnMs.toFixed(0)} ms (longest task ${b.longestMs.toFixed(0)} ms, ${extra.cohorts} cohorts); ` +
            `JSON fetch ${extra.fetchMs.toFixed(0)} + parse ${extra.parseMs.toFixed(0)} ms (${extra.rows.toLocaleString('en')} rows)`,
        );
      }
    }
    return { version, runs, inputs: results };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function bigExportJson(result) {
  const out = { chromium: result.version, runs: result.runs, inputs: {} };
  for (const [id, input] of Object.entries(result.inputs)) {
    const m = (key) => median(input.loads.map((load) => load[key]));
    const fetchParse = median(input.loads.map((load) => load.fetchMs + load.parseMs));
    out.inputs[id] = {
      label: input.label,
      rows: input.loads[0].rows,
      csvBytes: input.csvBytes,
      jsonBytes: input.jsonBytes,
      drawnMs: round(m('drawnMs')),
      jsonParseMs: round(m('parseMs')),
      jsonFetchParseMs: round(fetchParse),
      ratioToFetchParse: round(m('drawnMs') / fetchParse, 3),
      ratioToParse: round(m('drawnMs') / m('parseMs'), 3),
      longestTaskMs: round(m('longestMs')),
      tbtMs: round(m('tbtMs')),
      cohorts: input.loads[0].cohorts,
      loads: input.loads.map((load) => Object.fromEntries(Object.entries(load).map(([key, value]) => [key, typeof value === 'number' && !Number.isInteger(value) ? round(value) : value]))),
    };
  }
  return out;
}

export function bigExportText(result) {
  const json = bigExportJson(result);
  const mb = (bytes) => (bytes / 1_048_576).toFixed(0);
  const ms = (v) => v.toFixed(0);
  const rows = Object.values(json.inputs).map((input) => [
    input.label,
    `${mb(input.csvBytes)} / ${mb(input.jsonBytes)}`,
    ms(input.drawnMs),
    ms(input.jsonParseMs),
    ms(input.jsonFetchParseMs),
    input.ratioToFetchParse.toFixed(2),
    ms(input.longestTaskMs),
    ms(input.tbtMs),
  ]);
  return [
    `=== big export: ${json.chromium}, median of ${json.runs} fresh loads each ===`,
    '',
    '<cohort-heatmap src="…csv"> from navigation start to drawn, next to the same rows as JSON fetched and parsed in the same page',
    table(['input', 'CSV / JSON MB', 'heatmap drawn ms', 'JSON.parse ms', 'fetch+parse ms', 'drawn / (fetch+parse)', 'longest task ms', 'TBT ms'], rows),
    '',
    'Notes: "longest task" and TBT count main-thread long tasks up to drawn (the worker\'s work is not on the main thread);',
    'files are served uncompressed from loopback with no cache; fetch+parse runs after the heatmap is drawn.',
  ].join('\n');
}
