import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { RetentionGauge } from '../../src/components/retention-gauge/define.ts';
import '../../src/components/retention-gauge/define.ts';
import type { RetentionSource } from '../../src/components/retention-source/define.ts';
import '../../src/components/retention-source/define.ts';
import { SOURCE_WAIT_MS } from '../../src/components/platform/retention-element.ts';

const FIXTURES = '/tests/fixtures/components';

describe('<retention-source>', () => {
  it('downloads once, parses once and tells the page', async () => {
    const source = document.createElement('retention-source');
    source.id = 'source-test';
    const loaded = oneEvent(source, 'source-change');
    source.src = `${FIXTURES}/orders.csv`;
    document.body.append(source);
    try {
      expect((await loaded).detail).to.deep.equal({ id: 'source-test', state: 'loading' });
      await waitUntil(() => source.snapshot?.state === 'ready', 'the source never got ready', { timeout: 5000 });
      expect(source.loads).to.equal(1);
      // The engine downloaded and parsed it; widgets get the URL, which the engine serves parsed (see the next test).
      expect(source.snapshot!.input!.kind).to.equal('url');
      expect(source.snapshot!.rows).to.be.greaterThan(0);
      expect(getComputedStyle(source).display).to.equal('none');
    } finally {
      source.remove();
    }
  });

  it('widgets sharing a source: the engine downloads it once, and no text crosses from the page', async () => {
    const sent: string[] = [];
    const postMessage = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { type?: string; input?: { kind?: string } }, ...rest: never[]) {
      if (message?.type === 'run') sent.push(message.input?.kind ?? '?');
      return postMessage.call(this, message, ...rest);
    } as typeof postMessage;
    const source = document.createElement('retention-source');
    source.id = 'shared-once';
    source.src = `${FIXTURES}/orders.json?log=shared-once`;
    document.body.append(source);
    try {
      const gauges = await Promise.all(
        ['30', '60', '90'].map((days) => fixture<RetentionGauge>(html`<retention-gauge window-days=${days} source="shared-once"></retention-gauge>`)),
      );
      await waitUntil(() => gauges.every((gauge) => gauge.status === 'ready'), 'all three computed', { timeout: 5000 });
      expect(gauges.every((gauge) => gauge.ranIn === 'worker')).to.equal(true);
      // Each run names the URL; the engine holds the parsed file from the source's download.
      expect(sent).to.deep.equal(['url', 'url', 'url']);
      const log = await (await fetch('/__requests?log=shared-once')).json();
      expect(log.count, 'requests for the file').to.equal(1);
    } finally {
      Worker.prototype.postMessage = postMessage;
      source.remove();
    }
  });

  it('a source that never appears is named after a few seconds; the widget still computes when it comes', async () => {
    const gauge = await fixture<RetentionGauge>(html`<retention-gauge window-days="30" source="never-here"></retention-gauge>`);
    expect(gauge.status).to.equal('loading');
    await waitUntil(() => gauge.status === 'error', 'still waiting', { timeout: SOURCE_WAIT_MS + 3000 });
    expect(gauge.error).to.include({ kind: 'load-error', reason: 'source-missing', origin: 'never-here' });
    expect(gauge.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain('There is no <retention-source id="never-here"> on this page.');
    // A re-render (a resize, a language change) keeps saying so rather than waiting again.
    gauge.lang = 'en-GB';
    await gauge.updateComplete;
    expect(gauge.status).to.equal('error');
    const source = document.createElement('retention-source') as RetentionSource;
    source.id = 'never-here';
    source.src = `${FIXTURES}/orders.json`;
    document.body.append(source);
    try {
      await waitUntil(() => gauge.status === 'ready', 'the late source was not used', { timeout: 5000 });
      expect(gauge.result).to.include({ period: '2024-02', retention: 0.6 });
    } finally {
      source.remove();
    }
  });

  it('a widget waiting for a missing source says so, and computes when the source appears', async () => {
    const gauge = await fixture<RetentionGauge>(html`<retention-gauge window-days="30" source="late-source"></retention-gauge>`);
    expect(gauge.status).to.equal('loading');
    expect(gauge.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('Waiting for data source “late-source”');
    const source = document.createElement('retention-source') as RetentionSource;
    source.id = 'late-source';
    source.src = `${FIXTURES}/orders.json`;
    document.body.append(source);
    try {
      await waitUntil(() => gauge.status === 'ready');
      expect(gauge.result).to.include({ period: '2024-02', retention: 0.6 });
    } finally {
      source.remove();
    }
  });
});
