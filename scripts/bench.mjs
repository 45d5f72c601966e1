// `npm run bench`: times JSON.parse, validation and the transaction metrics on
// seeded sample data at 10k, 100k and 1M rows, in Node and in headless
// Chromium. Not part of the tests.
//
//   npm run bench                       both engines, all sizes, readable tables
//   npm run bench -- --json             one JSON object on stdout, progress on stderr
//   npm run bench -- --sizes=10k,100k   fewer sizes
//   npm run bench -- --env=node         one engine (node or chromium)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = ['JSON.parse', 'parse+validate', 'validate', 'cohortMatrix', 'churnSeries', 'repeatPurchaseRate'];

function parseArgs(argv) {
  const options = { json: false, sizes: [10_000, 100_000, 1_000_000], envs: ['node', 'chromium'] };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg.startsWith('--sizes=')) options.sizes = arg.slice(8).split(',').map(parseSize);
    else if (arg.startsWith('--env=')) {
      const env = arg.slice(6);
      if (!['node', 'chromium', 'both'].includes(env)) usage(`unknown env ${env}`);
      options.envs = env === 'both' ? ['node', 'chromium'] : [env];
    } else usage(`unknown argument ${arg}`);
  }
  return options;
}

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) usage(`bad size ${text}`);
  const factor = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[match[2]];
  return Math.round(Number(match[1]) * factor);
}

function usage(problem) {
  console.error(`${problem}\nusage: npm run bench -- [--json] [--sizes=10k,100k,1M] [--env=node|chromium|both]`);
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

const options = parseArgs(process.argv.slice(2));
const log = (line) => console.error(line);
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
  const loadBefore = loadavg()[0];
  for (const env of options.envs) {
    log(`bench: ${env}, sizes ${options.sizes.join(', ')}`);
    if (env === 'node') environments.node = await runNode(bundle, options.sizes);
    else {
      const { runChromium } = await import('../bench/chromium-runner.mjs');
      environments.chromium = await runChromium(bundle, options.sizes, CASES, log);
    }
  }
  const { toJson, toText } = await import('../bench/report.mjs');
  // Other work on the machine shows up as noise: say how busy it was.
  const load = `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after, on ${availableParallelism()} cores`;
  process.stdout.write(options.json ? `${JSON.stringify(toJson(environments))}\n` : `${toText(environments)}\n${load}\n`);
  if (options.json) log(load);
} finally {
  await rm(dir, { recursive: true, force: true });
}
