import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/cohort-heatmap/define.ts';
import type { CohortHeatmap } from '../../../src/components/cohort-heatmap/cohort-heatmap.ts';
import '../../../src/components/retention-gauge/define.ts';
import type { RetentionGauge } from '../../../src/components/retention-gauge/retention-gauge.ts';
import { BUSY_AFTER_MS, engineWorkerCount } from '../../../src/components/platform/engine-workers.ts';

/** What the test server saw of requests tagged `?log=<token>` (tests/server/request-log.mjs). */
async function requestLog(token: string): Promise<{ count: number; rowsSent?: number; closedEarly?: boolean }> {
  return (await fetch(`/__requests?log=${encodeURIComponent(token)}`)).json();
}

const statusText = (el: Element) => el.shadowRoot?.querySelector('[part=status]')?.textContent ?? '';

describe('the engine owns the data path', () => {
  for (const compute of ['auto', 'inline'] as const) {
    it(`shows records read while a CSV streams in, and a changed src stops the old download between chunks (${compute})`, async () => {
      const token = `slow-${compute}-${Date.now()}`;
      const el = await fixture<CohortHeatmap>(
        html`<div style="width: 640px"><cohort-heatmap compute=${compute} src=${`/__slow.csv?log=${token}&rows=400000&delay=25`}></cohort-heatmap></div>`,
      ).then((box) => box.querySelector('cohort-heatmap')!);
      await waitUntil(() => /records/.test(statusText(el)), `no records counted while loading (status "${statusText(el)}")`, { timeout: 10_000 });
      expect(el.status).to.equal('loading');
      el.src = '/tests/fixtures/components/orders.json';
      await waitUntil(() => el.status === 'ready', `the new src did not load (${el.status})`, { timeout: 10_000 });
      // The old download was cut off long before its 400 chunks.
      await waitUntil(async () => (await requestLog(token)).closedEarly === true, 'the old download was not stopped', { timeout: 5000 });
      const log = await requestLog(token);
      expect(log.rowsSent!).to.be.lessThan(400_000);
    });
  }

  it('an element removed while its file downloads stops the download', async () => {
    const token = `removed-${Date.now()}`;
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"><cohort-heatmap src=${`/__slow.csv?log=${token}&rows=400000&delay=25`}></cohort-heatmap></div>`);
    const el = box.querySelector('cohort-heatmap')!;
    await waitUntil(() => /records/.test(statusText(el)), 'never started loading', { timeout: 10_000 });
    el.remove();
    await waitUntil(async () => (await requestLog(token)).closedEarly === true, 'the download went on after the element left', { timeout: 5000 });
  });

  for (const compute of ['auto', 'inline'] as const) {
    it(`says a URL sent a web page or nothing, instead of reading it as no data (${compute})`, async () => {
      const login = URL.createObjectURL(new Blob(['\uFEFF  <!DOCTYPE html><html><body><form>Sign in</form></body></html>'], { type: 'text/csv' }));
      const empty = URL.createObjectURL(new Blob([], { type: 'text/csv' }));
      try {
        const cases: Array<[string, string, RegExp]> = [
          ['/tests/cms/plain-page.html', 'not-data', /sent a web page, not a JSON or CSV file/], // served as text/html
          [login, 'not-data', /sent a web page/], // an HTML page whatever its type says
          [empty, 'empty', /sent nothing: the file is empty/],
        ];
        for (const [url, reason, says] of cases) {
          const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"><cohort-heatmap compute=${compute} src=${url}></cohort-heatmap></div>`);
          const el = box.querySelector('cohort-heatmap')!;
          await waitUntil(() => el.status === 'error', `${url}: ${el.status}`, { timeout: 10_000 });
          expect(el.error, url).to.include({ kind: 'load-error', reason, origin: url });
          expect(el.shadowRoot!.querySelector('[part=message]')!.textContent, url).to.match(says);
        }
      } finally {
        URL.revokeObjectURL(login);
        URL.revokeObjectURL(empty);
      }
    });
  }

  it('thirty elements moved to another parent while loading or computing all settle with their data', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"><div class="a"></div><div class="b"></div></div>`);
    const [a, b] = [box.querySelector('.a')!, box.querySelector('.b')!];
    const elements = Array.from({ length: 30 }, (_, i) => {
      const el = document.createElement('cohort-heatmap') as CohortHeatmap;
      // Half from a download (loading), half from rows (computing).
      if (i % 2) el.setAttribute('src', '/tests/fixtures/components/orders.json');
      else el.data = [{ customer: 'a', date: '2024-01-05', amount: 10 }, { customer: 'a', date: '2024-02-05', amount: 10 }, { customer: 'b', date: '2024-02-10', amount: 5 }];
      a.append(el);
      return el;
    });
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(elements.some((el) => el.status === 'loading' || el.status === 'computing')).to.equal(true);
    for (const el of elements) b.append(el); // a framework re-ordering a list
    for (const el of elements.slice(0, 10)) {
      el.remove(); // and some taken out and put back
      a.append(el);
    }
    await waitUntil(() => elements.every((el) => el.status === 'ready'), `stuck: ${elements.filter((el) => el.status !== 'ready').map((el) => el.status).join(', ')}`, { timeout: 10_000 });
  });

  it('a job that computes for long sends the next runs to a second worker: a gauge of typed figures does not wait behind a million rows', async () => {
    const token = `long-${Date.now()}`;
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"><cohort-heatmap order-key="order" src=${`/__slow.csv?log=${token}&rows=1000000&delay=0`}></cohort-heatmap></div>`);
    const heatmap = box.querySelector('cohort-heatmap')!;
    // Downloaded and parsed in chunks (the worker stays free meanwhile), then one long computation.
    await waitUntil(() => heatmap.status === 'computing', `the million rows never loaded (${heatmap.status})`, { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, BUSY_AFTER_MS + 200));
    expect(heatmap.status, 'the premise: the heatmap is still computing').to.equal('computing');
    const results: string[] = [];
    heatmap.addEventListener('metric-change', () => results.push('heatmap'));
    const gauge = document.createElement('retention-gauge') as RetentionGauge;
    gauge.addEventListener('metric-change', () => results.push('gauge'));
    for (const [name, value] of Object.entries({ start: '500', end: '520', new: '45' })) gauge.setAttribute(name, value);
    box.append(gauge);
    await waitUntil(() => gauge.status === 'ready', `the gauge never computed (${gauge.status})`, { timeout: 20_000 });
    expect(results[0], 'the first result: the gauge must not wait for the heatmap').to.equal('gauge');
    expect(gauge.ranIn).to.equal('worker');
    expect(engineWorkerCount()).to.equal(2);
    expect(gauge.result!.retention).to.equal(0.95);
    await waitUntil(() => heatmap.status === 'ready', `the heatmap did not finish (${heatmap.status})`, { timeout: 30_000 });
  });
});

