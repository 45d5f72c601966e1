// Where a case spends its time: `node bench/profile.mjs <case> [size]`, e.g.
// `node bench/profile.mjs validate 1M`. Bundles the harness without
// minifying, samples the case in this Node process with the V8 CPU profiler
// and prints the functions with the most self time (and writes the full
// .cpuprofile next to the bundle's temp dir for DevTools).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name = 'validate', sizeText = '1M', runsText = '5'] = process.argv.slice(2);
const size = Number(sizeText.replace(/k$/i, '000').replace(/M$/, '000000'));
const dir = await mkdtemp(join(tmpdir(), 'retention-profile-'));
const bundle = join(dir, 'harness.mjs');
await build({ entryPoints: [join(root, 'bench/harness.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: bundle, logLevel: 'warning' });
const { BenchSession } = await import(pathToFileURL(bundle).href);

const session = new BenchSession(size, 20_240_601);
session.setUp(name);
session.time(name, 1, 1);
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
await inspector.post('Profiler.start');
const times = session.time(name, 0, Number(runsText));
const { profile } = await inspector.post('Profiler.stop');
const file = join(dir, `${name}-${sizeText}.cpuprofile`);
await writeFile(file, JSON.stringify(profile));

// Self time per function: samples whose top frame is that node, times the interval.
const selfByNode = new Map();
for (const id of profile.samples) selfByNode.set(id, (selfByNode.get(id) ?? 0) + 1);
const byFunction = new Map();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + (selfByNode.get(node.id) ?? 0));
}
const total = profile.samples.length;
console.log(`${name} at ${size.toLocaleString('en')} rows: ${times.map((t) => t.toFixed(0)).join(', ')} ms; profile ${file}`);
for (const [key, count] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
}
