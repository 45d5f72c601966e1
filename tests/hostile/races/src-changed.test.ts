/** Hostile races (issue #16): `src` changed to a small file while a slow CSV loads. */
import { expect } from '@open-wc/testing';
import { expectNoFailures, make, startGroup } from '../harness.ts';
import { ORDERS_JSON, ORDER_ELEMENTS, fresh, slowCsv, pause, expectReference, referenceValues } from './race-helpers.ts';

describe('hostile race: `src` changed to a small file while a slow CSV loads', function () {
  this.timeout(120_000);
  // A race is one page's worth of work, timed by its longest main-thread task on a shared machine:
  // like runGroup's second run (harness.ts), one retry keeps load from elsewhere from failing it.
  this.retries(1);
  let reference: Map<string, string>;

  before(async () => {
    reference = await referenceValues();
  });

  it('src changed to a small file while a slow CSV loads: the small file wins', async () => {
    const cases = ORDER_ELEMENTS.map((spec) => ({ name: `<${spec.tag}> src changed while loading`, el: make(spec.tag, { ...spec.attributes, src: slowCsv() }) }));
    const group = startGroup('race src changed while loading', cases);
    await pause(400);
    const loading = cases.filter((c) => c.el.status === 'loading').length;
    for (const c of cases) c.el.setAttribute('src', fresh(ORDERS_JSON));
    const outcome = await group.finish();
    expectReference(reference, cases, outcome.failures);
    expect(loading, 'no element was still loading the slow CSV: the race was not run').to.be.greaterThan(0);
    expectNoFailures(outcome);
  });
});
