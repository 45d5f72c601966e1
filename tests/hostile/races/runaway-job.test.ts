/** Hostile races (issue #16): one runaway job beside a gauge of typed figures. */
import { expect } from '@open-wc/testing';
import { ELEMENTS } from '../elements.ts';
import { isSettled, make } from '../harness.ts';
import { pause, manyOrders } from './race-helpers.ts';

describe('hostile race: one runaway job beside a gauge of typed figures', function () {
  this.timeout(120_000);
  it('one runaway job does not hold up a gauge of typed figures', async () => {
    // The pathological jobs of issue #16: a histogram of 1e308 bins and a model over many customers.
    const runaway = make('ltv-forecast', { bins: '1e308' }, ELEMENTS.find((spec) => spec.tag === 'ltv-forecast')!.kind!.rows());
    const huge = manyOrders(200_000, 50_000);
    const heavy = make('ltv-forecast', {}, huge);
    document.body.append(runaway, heavy);
    await pause(1500);
    const gauge = make('retention-gauge', { start: '500', end: '520', new: '45' });
    const started = performance.now();
    document.body.append(gauge);
    await gauge.updateComplete;
    while (!isSettled(gauge) && performance.now() - started < 5000) await pause(20);
    const waited = performance.now() - started;
    runaway.remove();
    heavy.remove();
    gauge.remove();
    expect(gauge.status, `the gauge waited ${Math.round(waited)} ms behind the runaway jobs`).to.equal('ready');
    expect(waited).to.be.below(3000);
  });
});
