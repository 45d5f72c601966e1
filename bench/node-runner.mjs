// Runs the benchmark in this Node process: started by scripts/bench.mjs as
// `node --expose-gc bench/node-runner.mjs <bundle.mjs> <sizes json> <cases json>`,
// prints one JSON array of size results on stdout, progress on stderr.
import { pathToFileURL } from 'node:url';
import { measureSize } from './driver.mjs';

const [bundlePath, sizesJson, casesJson] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') {
  console.error('node-runner needs --expose-gc');
  process.exit(2);
}
const { BenchSession } = await import(pathToFileURL(bundlePath).href);

let session;
const engine = {
  name: 'node',
  async create(size, seed) {
    session = new BenchSession(size, seed);
    return session.inputBytes;
  },
  async call(method, ...args) {
    return session[method](...args);
  },
  async gc() {
    // Two passes: the first can leave objects that only the second finds dead (weak references, finalizers).
    globalThis.gc();
    globalThis.gc();
  },
  async heap() {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  },
  async dispose() {
    session = undefined;
    globalThis.gc();
  },
};

const results = [];
for (const size of JSON.parse(sizesJson)) results.push(await measureSize(engine, size, JSON.parse(casesJson), (line) => console.error(line)));
process.stdout.write(JSON.stringify({ version: `Node ${process.version} (V8 ${process.versions.v8})`, results }));
