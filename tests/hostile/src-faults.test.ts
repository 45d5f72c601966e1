/**
 * Every element that reads records, given a `src` that goes wrong the ways servers go wrong
 * (tests/server/hostile-responses.mjs): error statuses, a web page with 200, a wrong content
 * type, nothing at all, a body cut off, a server that never answers or stalls mid-file, a
 * file of 50 MB, redirects. A refused `src` must end in a load error that names the URL, with
 * the `error` event; nothing may hang, throw or freeze the page.
 */
import { expect } from '@open-wc/testing';
import { RECORD_ELEMENTS } from './elements.ts';
import { expectNoFailures, make, messageText, runGroup, type Case, type KitElement } from './harness.ts';
import { DOWNLOAD_STALL_SECONDS } from '../../src/components/platform/errors.ts';

let unique = 0;
/** A URL the engine has not seen (it keeps parsed files per URL). */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}n=${Date.now()}-${unique++}`;

/**
 * How long a never-answering or stalled server may keep an element waiting before it says so:
 * the kit's stall limit, and room for a loaded machine (the whole suite runs beside this; a full
 * CI run on 2 cores once took the gauge past 10 s of room). A liveness check, not a speed one.
 */
const NO_ANSWER_MS = DOWNLOAD_STALL_SECONDS * 1000 + 30_000;

interface Fault {
  name: string;
  path: string;
  /** The element must show an error naming the URL. */
  refused: boolean;
  timeout?: number;
}

const FAULTS: Fault[] = [
  { name: '404', path: '/__hostile/status/404', refused: true },
  { name: '500', path: '/__hostile/status/500', refused: true },
  { name: '503', path: '/__hostile/status/503', refused: true },
  { name: 'a login page, 200, text/html', path: '/__hostile/login.html', refused: true },
  { name: 'a login page served as text/csv', path: '/__hostile/login-as-csv', refused: true },
  { name: 'PNG bytes served as text/csv', path: '/__hostile/png-as-csv', refused: true },
  { name: 'an empty 200', path: '/__hostile/empty', refused: true },
  { name: 'a 204', path: '/__hostile/no-content', refused: true },
  { name: 'a body cut off before its Content-Length', path: '/__hostile/truncated.csv', refused: true },
  { name: 'a redirect loop', path: '/__hostile/redirect-loop', refused: true },
  { name: 'a port nobody listens on', path: 'http://127.0.0.1:9/orders.csv', refused: true },
  { name: 'a javascript: URL', path: 'javascript:window.__hostilePwned=1', refused: true },
  { name: 'a CSV header and no record', path: '/__hostile/header-only.csv', refused: false },
  { name: 'a valid CSV served as image/png', path: '/__hostile/csv-as-image', refused: false },
  { name: 'a server that never answers', path: '/__hostile/never', refused: true, timeout: NO_ANSWER_MS },
  { name: 'a server that stalls after two rows', path: '/__hostile/stall.csv', refused: true, timeout: NO_ANSWER_MS },
];

describe('hostile src: every element that reads records, against broken servers', function () {
  this.timeout(60_000);

  for (const fault of FAULTS) {
    it(`${fault.name}${fault.refused ? ': a load error naming the URL' : ': settles'}`, async () => {
      (window as { __hostilePwned?: number }).__hostilePwned = undefined;
      const cases = (): Case[] =>
        RECORD_ELEMENTS.map((spec) => {
          const src = fault.path.startsWith('/') ? fresh(fault.path) : fault.path;
          return { name: `<${spec.tag}> ${fault.name}`, el: make(spec.tag, { ...spec.attributes, src }), mustRefuse: fault.refused };
        });
      const outcome = await runGroup(`src ${fault.name}`, cases, { timeout: fault.timeout });
      for (const c of outcome.cases) {
        if (c.el.status !== 'error') continue;
        const url = fault.path.startsWith('/') ? fault.path.split('?')[0] : fault.path;
        if (c.el.error?.kind === 'load-error' && !messageText(c.el).includes(url)) outcome.failures.push(`${c.name}: the load error does not name the URL: "${messageText(c.el)}"`);
        if (fault.refused && c.el.error?.kind !== 'load-error') outcome.failures.push(`${c.name}: refused as ${c.el.error?.kind} ("${c.el.error?.message?.slice(0, 120)}"), not as a load error naming the file`);
      }
      expect((window as { __hostilePwned?: number }).__hostilePwned, 'a javascript: src ran').to.equal(undefined);
      expectNoFailures(outcome);
    });
  }

  it('a redirect to a valid file gives what the file gives', async () => {
    const target = '/tests/fixtures/components/contract-orders.json';
    const orders = RECORD_ELEMENTS.filter((spec) => spec.kind.name === 'orders');
    const direct = orders.map((spec) => make(spec.tag, { ...spec.attributes, src: fresh(target) }));
    const redirected = orders.map((spec) => make(spec.tag, { ...spec.attributes, src: fresh(`/__hostile/redirect?to=${encodeURIComponent(fresh(target))}`) }));
    const outcome = await runGroup('src redirect', [
      ...direct.map((el) => ({ name: `<${el.localName}> direct`, el })),
      ...redirected.map((el) => ({ name: `<${el.localName}> redirected`, el })),
    ]);
    orders.forEach((spec, i) => {
      if (direct[i].status !== 'ready') outcome.failures.push(`<${spec.tag}> direct: ${direct[i].status} ${direct[i].error?.message ?? ''}`);
      if (JSON.stringify(redirected[i].result) !== JSON.stringify(direct[i].result)) outcome.failures.push(`<${spec.tag}> redirected differs: ${redirected[i].status} ${redirected[i].error?.message ?? ''}`);
    });
    expectNoFailures(outcome);
  });

  it('a 50 MB CSV: read with progress shown, no main-thread task over the limit, settles', async function () {
    this.timeout(150_000);
    const src = fresh('/__hostile/big.csv?mb=50');
    const heatmap = make('cohort-heatmap', { src });
    const gauge = make('retention-gauge', { src, 'window-days': '30' });
    let progressSeen = false;
    const watchProgress = setInterval(() => {
      const status = heatmap.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '';
      if (/\d/.test(status)) progressSeen = true;
    }, 100);
    const outcome = await runGroup('src 50 MB CSV', [
      { name: '<cohort-heatmap> 50 MB', el: heatmap },
      { name: '<retention-gauge> 50 MB', el: gauge },
    ], { timeout: 120_000 });
    clearInterval(watchProgress);
    if (!progressSeen) outcome.failures.push('no progress (records or bytes read) shown while the 50 MB file loaded');
    for (const el of [heatmap, gauge] as KitElement[]) if (el.status !== 'ready') outcome.failures.push(`<${el.localName}> 50 MB: ${el.status} ${el.error?.message ?? ''}`);
    expectNoFailures(outcome);
  });
});
