import { expect } from '@open-wc/testing';
import { compute, computeStats, prefersWorker } from '../../../src/components/platform/compute.ts';
import { defineJob, jobNamed } from '../../../src/components/platform/jobs.ts';
import { ok } from '../../../src/metrics/issues.ts';
import type { GaugeJobOptions, GaugeModel } from '../../../src/engine/jobs/retention-gauge.ts';

// As an element holds it: by name only, so it runs in the metrics engine.
const retentionGaugeJob = jobNamed<GaugeJobOptions, GaugeModel>('retention-gauge');

const ROWS = [
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'a', date: '2024-02-10', amount: 10 },
  { customer: 'b', date: '2024-01-12', amount: 5 },
  { customer: 'c', date: '2024-03-20', amount: 7 }, // data into March: February is complete
];

describe('compute', () => {
  it("sends the kit's jobs to the worker unless inline, and keeps page-defined jobs in the page where their code is", () => {
    expect(prefersWorker(retentionGaugeJob)).to.equal(true);
    expect(prefersWorker(retentionGaugeJob, 'worker')).to.equal(true);
    expect(prefersWorker(retentionGaugeJob, 'inline')).to.equal(false);
    const pageJob = defineJob('test-only-size', () => ok(0));
    expect(prefersWorker(pageJob)).to.equal(false);
    expect(prefersWorker(pageJob, 'worker')).to.equal(false);
  });

  it('runs a small input of a kit job in the worker, and in the page engine with mode inline', async () => {
    const options = { period: '2024-02', windowDays: 45 };
    const input = { kind: 'rows', rows: ROWS, origin: 'test' } as const;
    const before = { ...computeStats };
    const auto = await compute(retentionGaugeJob, input, options);
    const inline = await compute(retentionGaugeJob, input, options, { mode: 'inline' });
    if (!('outcome' in auto) || !('outcome' in inline)) throw new Error('aborted');
    expect(auto.ranIn).to.equal('worker');
    expect(inline.ranIn).to.equal('inline');
    expect(computeStats.worker).to.equal(before.worker + 1);
    expect(computeStats.inline).to.equal(before.inline + 1);
    expect(auto.outcome).to.deep.equal(inline.outcome);
  });

  it('computes rows that cannot cross to the worker (a framework\'s reactive proxy) in the page engine', async () => {
    const options = { period: '2024-02', windowDays: 45 };
    const proxied = new Proxy(ROWS, {}); // structuredClone refuses proxies, as it does Vue's reactive arrays
    const before = computeStats.workerFallbacks;
    const result = await compute(retentionGaugeJob, { kind: 'rows', rows: proxied, origin: 'test' }, options);
    if (!('outcome' in result)) throw new Error('aborted');
    expect(result.ranIn).to.equal('inline');
    expect(computeStats.workerFallbacks).to.equal(before + 1);
    expect(result.outcome.ok && result.outcome.value.retention).to.equal(0.5);
  });

  it('runs a page-defined job on records in the page, and on text through the metrics engine\'s parser', async () => {
    const rowCount = defineJob('test-only-row-count', (rows: unknown) => ok((rows as unknown[]).length));
    const onRows = await compute(rowCount, { kind: 'rows', rows: ROWS, origin: 'test' }, {});
    const onText = await compute(rowCount, { kind: 'text', text: 'customer,date\na,2024-01-01\nb,2024-01-02\n', format: 'csv', origin: 'test' }, {});
    const onBadJson = await compute(rowCount, { kind: 'text', text: '[{"customer":', format: 'json', origin: 'broken.json' }, {});
    if (!('outcome' in onRows) || !('outcome' in onText) || !('outcome' in onBadJson)) throw new Error('aborted');
    expect([onRows.ranIn, onText.ranIn]).to.deep.equal(['inline', 'inline']);
    expect(onRows.outcome).to.include({ ok: true, value: 4 });
    expect(onText.outcome).to.include({ ok: true, value: 2 });
    expect(onBadJson.outcome.ok).to.equal(false);
    expect(!onBadJson.outcome.ok && onBadJson.outcome.error.message).to.contain('malformed JSON');
  });

  it('reports an unknown kit job as a compute error, in the worker and in the page engine', async () => {
    const missing = jobNamed<object, unknown>('no-such-job');
    for (const mode of ['auto', 'inline'] as const) {
      const result = await compute(missing, { kind: 'rows', rows: [], origin: 'test' }, {}, { mode });
      if (!('outcome' in result)) throw new Error('aborted');
      expect(result.outcome.ok).to.equal(false);
      expect(!result.outcome.ok && result.outcome.error.message).to.contain('no-such-job');
    }
  });

  it('gives the same outcome in the worker and inline, parsing CSV text in the worker', async () => {
    const csv = 'customer,date,amount\n' + ROWS.map((r) => `${r.customer},${r.date},${r.amount}`).join('\n');
    const options = { period: '2024-02', windowDays: 45 };
    const before = computeStats.worker;
    const inWorker = await compute(retentionGaugeJob, { kind: 'text', text: csv, format: 'csv', origin: 'test' }, options, { mode: 'worker' });
    const inline = await compute(retentionGaugeJob, { kind: 'rows', rows: ROWS, origin: 'test' }, options, { mode: 'inline' });
    expect('outcome' in inWorker && inWorker.ranIn).to.equal('worker');
    expect(computeStats.worker).to.equal(before + 1);
    if (!('outcome' in inWorker) || !('outcome' in inline)) throw new Error('aborted');
    expect(inWorker.outcome).to.deep.equal(inline.outcome);
    // Feb 2024, window 45 days: S = {a (Jan 10), b (Jan 12)} = 2; E on Mar 1 = purchases since Jan 15 = {a (Feb 10)} = 1; N = 0 → CRR 50 %.
    expect(inline.outcome.ok && inline.outcome.value.retention).to.equal(0.5);
  });

  it('has the engine download a URL, parse it once, and serve later jobs from that copy', async () => {
    // Over 2 MB of CSV, streamed into the engine's parser as it arrives.
    const filler = Array.from({ length: 120_000 }, (_, i) => `z${i},2023-06-01,1`).join('\n');
    const csv = 'customer,date,amount\n' + ROWS.map((r) => `${r.customer},${r.date},${r.amount}`).join('\n') + '\n' + filler;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    try {
      const input = { kind: 'url', url, origin: 'big.csv' } as const;
      const options = { period: '2024-02', windowDays: 45 };
      const progress: number[] = [];
      const first = await compute(retentionGaugeJob, input, options, { onLoading: (p) => progress.push(p.received) });
      const second = await compute(retentionGaugeJob, input, { ...options, period: '2024-03' }, { onLoading: () => progress.push(-1) });
      const inline = await compute(retentionGaugeJob, input, options, { mode: 'inline' });
      if (!('outcome' in first) || !('outcome' in second) || !('outcome' in inline)) throw new Error('aborted');
      expect(first.ranIn).to.equal('worker');
      expect(second.ranIn).to.equal('worker');
      expect(first.outcome).to.deep.equal(inline.outcome);
      expect(second.outcome.ok).to.equal(true);
      expect(progress.length, 'download progress').to.be.greaterThan(0);
      expect(progress.at(-1), 'the second job found the file parsed: no download progress').to.not.equal(-1);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('runs a page-defined job in the page even when the worker is asked for (the worker cannot know it)', async () => {
    const job = defineJob<{ n: number }, number>('test-only-double', (_rows, options) => ok(options.n * 2));
    const before = { ...computeStats };
    const result = await compute(job, { kind: 'rows', rows: [], origin: 'test' }, { n: 21 }, { mode: 'worker' });
    expect('outcome' in result && result.ranIn).to.equal('inline');
    expect('outcome' in result && result.outcome.ok && result.outcome.value).to.equal(42);
    expect(computeStats.workerFallbacks, 'no round trip to the worker').to.equal(before.workerFallbacks);
    expect(computeStats.worker).to.equal(before.worker);
  });

  it('drops an aborted job', async () => {
    const abort = new AbortController();
    const pending = compute(retentionGaugeJob, { kind: 'rows', rows: ROWS, origin: 'test' }, {}, { mode: 'worker', signal: abort.signal });
    abort.abort();
    expect(await pending).to.deep.equal({ aborted: true });
  });
});
