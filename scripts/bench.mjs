// `npm run bench`: three benchmarks, not part of the tests.
//
// - metrics: times JSON.parse, validation and the transaction metrics on
//   seeded sample data at 10k, 100k and 1M rows, in Node and in headless Chromium;
// - first-chart: time to the first drawn chart in Chromium, the kit against
//   Observable Plot, ECharts, Chart.js, Vega-Lite and a plain Lit + d3 sketch,
//   fresh page loads, interleaved (bench/first-chart/);
// - big-export: <cohort-heatmap src> on a 525k-row real export and 1M generated
//   rows, next to fetch + JSON.parse of the same rows (bench/big-export/).
//
// The page benchmarks load the kit's production build (dist/, `npm run build`).
//
//   npm run bench                       all three, readable tables
//   npm run bench -- --only=first-chart one or more of metrics,first-chart,big-export
//   npm run bench -- --json             one JSON object on stdout, progress on stderr
//   npm run bench -- --sizes=10k,100k   metrics: fewer sizes
//   npm run bench -- --env=node         metrics: one engine (node or chromium)
//   npm run bench -- --runs=15          first-chart: measured loads per contender (default 15)
//   npm run bench -- --big-runs=5       big-export: loads per input (default 5)
//   npm run bench -- --kit=DIR          page benchmarks: the kit build folder to load (default dist/)
//   npm run bench -- --screenshots=DIR  first-chart: a screenshot of each page (warm-up round)
//   npm run bench -- --warehouse        the command line on 1M+ generated rows (scripts/bench-warehouse.mjs)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = ['JSON.parse', 'parse+validate', 'validate', 'cohortMatrix', 'churnSeries', 'repeatPurchaseRate', 'csv → table'];
const BENCHMARKS = ['metrics', 'first-chart', 'big-export'];

function parseArgs(argv) {
  const options = {
    json: false,
    sizes: [10_000, 100_000, 1_000_000],
    envs: ['node', 'chromium'],
    only: BENCHMARKS,
    runs: 15,
    bigRuns: 5,
    kitDir: join(root, 'dist'),
    screenshots: undefined,
  };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg.startsWith('--only=')) {
      options.only = arg.slice(7).split(',');
      for (const name of options.only) if (!BENCHMARKS.includes(name)) usage(`unknown benchmark ${name}`);
    } else if (arg.startsWith('--runs=')) options.runs = count(arg.slice(7));
    else if (arg.startsWith('--big-runs=')) options.bigRuns = count(arg.slice(11));
    else if (arg.startsWith('--kit=')) options.kitDir = resolve(arg.slice(6));
    else if (arg.startsWith('--screenshots=')) options.screenshots = resolve(arg.slice(14));
    else if (arg.startsWith('--sizes=')) options.sizes = arg.slice(8).split(',').map(parseSize);
    else if (arg.startsWith('--env=')) {
      const env = arg.slice(6);
      if (!['node', 'chromium', 'both'].includes(env)) usage(`unknown env ${env}`);
      options.envs = env === 'both' ? ['node', 'chromium'] : [env];
    } else usage(`unknown argument ${arg}`);
  }
  return options;
}

function count(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`bad count ${text}`);
  return n;
}

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) usage(`bad size ${text}`);
  const factor = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[match[2]];
  return Math.round(Number(match[1]) * factor);
}

function usage(problem) {
  console.error(
    `${problem}\nusage: npm run bench -- [--only=metrics,first-chart,big-export] [--json] [--sizes=10k,100k,1M] [--env=node|chromium|both]\n` +
      '         [--runs=15] [--big-runs=5] [--kit=dist] [--screenshots=DIR]',
  );
  process.exit(2);
}

function runNode(bundle, sizes) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', join(root, 'bench/node-runner.mjs'), bundle, JSON.stringify(sizes), JSON.stringify(CASES)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(stdout)) : reject(new Error(`node runner exited with ${code}`))));
  });
}

/** The commit measured, and whether the work tree differs from it. */
function commitLine() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (work tree has uncommitted changes)' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

async function runMetrics(options) {
  const dir = await mkdtemp(join(tmpdir(), 'retention-bench-'));
  try {
    const bundle = join(dir, 'harness.mjs');
    // One bundle for both engines: the metrics are plain ES2022 with no engine-specific code.
    await build({
      entryPoints: [join(root, 'bench/harness.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: bundle,
      logLevel: 'warning',
    });
    const environments = {};
    for (const env of options.envs) {
      log(`bench: ${env}, sizes ${options.sizes.join(', ')}`);
      if (env === 'node') environments.node = await runNode(bundle, options.sizes);
      else {
        const { runChromium } = await import('../bench/chromium-runner.mjs');
        environments.chromium = await runChromium(bundle, options.sizes, CASES, log);
      }
    }
    return environments;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// --warehouse: the command line against the engine's path on big generated files (its own script).
if (process.argv.includes('--warehouse')) {
  await import('./bench-warehouse.mjs');
  process.exit(0);
}
const options = parseArgs(process.argv.slice(2));
const log = (line) => console.error(line);
const loadBefore = loadavg()[0];
const json = {};
const text = [];
if (options.only.includes('metrics')) {
  const environments = await runMetrics(options);
  const { toJson, toText } = await import('../bench/report.mjs');
  Object.assign(json, toJson(environments));
  text.push(toText(environments));
}
if (options.only.includes('first-chart')) {
  const { firstChartJson, firstChartText, runFirstChart } = await import('../bench/first-chart/runner.mjs');
  const result = await runFirstChart({ runs: options.runs, log, kitDir: options.kitDir, screenshotDir: options.screenshots });
  json.firstChart = firstChartJson(result);
  text.push(firstChartText(result));
}
if (options.only.includes('big-export')) {
  const { bigExportJson, bigExportText, runBigExport } = await import('../bench/big-export/runner.mjs');
  const result = await runBigExport({ runs: options.bigRuns, log, kitDir: options.kitDir });
  json.bigExport = bigExportJson(result);
  text.push(bigExportText(result));
}
// Other work on the machine shows up as noise: say how busy it was, and what was measured.
const kit = options.only.some((name) => name !== 'metrics') && options.kitDir !== join(root, 'dist') ? `; pages loaded the kit built in ${options.kitDir}` : '';
const load = `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after, on ${availableParallelism()} cores; ${commitLine()}${kit}`;
process.stdout.write(options.json ? `${JSON.stringify(json)}\n` : `${text.join('\n\n')}\n${load}\n`);
if (options.json) log(load);
