/**
 * engine-workers.ts starts the engine's worker from the page's origin however the kit was
 * loaded: an engine file on another origin (the package's modules from a CDN) gets a
 * same-origin blob: bootstrap that imports it. Here the engine file is the built one on the
 * second origin of tests/server/cdn-origin.mjs, and the worker started from the bootstrap
 * computes a job there (its job chunk fetched from the CDN as well).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sameOriginWorkerUrl } from '../../src/components/platform/engine-workers.ts';
import { requireBuilt } from '../distribution/fixtures/orders.ts';
import type { FromWorker, ToWorker } from '../../src/engine/protocol.ts';

describe('cross-origin: the engine worker started from a same-origin bootstrap', function () {
  this.timeout(30_000);

  it('leaves a same-origin or blob: URL as it is', () => {
    const own = new URL('/src/engine/worker.ts', location.href);
    expect(sameOriginWorkerUrl(own)).to.equal(own);
    expect(sameOriginWorkerUrl('/src/engine/worker.ts')).to.equal('/src/engine/worker.ts');
    const blob = URL.createObjectURL(new Blob(['']));
    expect(sameOriginWorkerUrl(blob)).to.equal(blob);
    URL.revokeObjectURL(blob);
  });

  it('starts the engine file of another origin in a worker, which computes', async () => {
    await requireBuilt('/dist/retention-kit.worker.js');
    const run = `bootstrap-${Date.now().toString(36)}`;
    const { origin, folder } = (await (await fetch(`/__cdn-requests?run=${run}`)).json()) as { origin: string; folder: string };
    const engine = `${origin}/t/${run}${folder}/dist/retention-kit.worker.js`;
    const script = sameOriginWorkerUrl(engine);
    expect(String(script)).to.match(/^blob:/);
    // A worker cannot start from the other origin's URL directly: that is why the bootstrap exists.
    expect(() => new Worker(engine, { type: 'module' })).to.throw(DOMException);

    const worker = new Worker(script, { type: 'module' });
    const replies: FromWorker[] = [];
    const failed: string[] = [];
    worker.onmessage = (event: MessageEvent<FromWorker>) => replies.push(event.data);
    worker.onerror = (event) => failed.push(event.message || 'the worker failed to start');
    try {
      const message: ToWorker = { type: 'run', id: 1, job: 'retention-gauge-numbers', options: { start: 500, end: 520, new: 45 }, input: { kind: 'rows', rows: null, origin: 'the attributes' } };
      worker.postMessage(message);
      await waitUntil(() => failed.length > 0 || replies.some((reply) => reply.type === 'result'), 'no result from the worker', { timeout: 20_000 });
      expect(failed).to.deep.equal([]);
      const result = replies.find((reply) => reply.type === 'result') as Extract<FromWorker, { type: 'result' }>;
      expect(result.outcome.ok, JSON.stringify(result.outcome)).to.equal(true);
      // (E − N) / S = (520 − 45) / 500.
      expect((result.outcome as { value: { retention: number } }).value.retention).to.equal(0.95);
      const { requests } = (await (await fetch(`/__cdn-requests?run=${run}`)).json()) as { requests: { path: string; dest: string; status: number }[] };
      expect(requests.find((request) => request.path === 'dist/retention-kit.worker.js')).to.include({ status: 200, dest: 'worker' });
    } finally {
      worker.terminate();
    }
  });
});
