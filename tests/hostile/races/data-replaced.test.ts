/** Hostile races (issue #16): `data` replaced while a large input computes. */
import { expect } from '@open-wc/testing';
import { expectNoFailures, make, startGroup } from '../harness.ts';
import { ORDER_ELEMENTS, pause, expectReference, manyOrders , referenceValues } from './race-helpers.ts';

describe('hostile race: `data` replaced while a large input computes', function () {
  this.timeout(120_000);
  // A race is one page's worth of work, timed by its longest main-thread task on a shared machine:
  // like runGroup's second run (harness.ts), one retry keeps load from elsewhere from failing it.
  this.retries(1);
  let reference: Map<string, string>;

  before(async () => {
    reference = await referenceValues();
  });

  it('data replaced by a small input while a large one computes: the small input wins', async () => {
    const large = manyOrders(60_000, 9000);
    const cases = ORDER_ELEMENTS.map((spec) => ({ name: `<${spec.tag}> data replaced while computing`, el: make(spec.tag, { ...spec.attributes }, large) }));
    const group = startGroup('race data replaced while computing', cases);
    await pause(150);
    const computing = cases.filter((c) => c.el.status === 'computing').length;
    for (const c of cases) (c.el as unknown as { data: unknown }).data = ORDER_ELEMENTS.find((spec) => spec.tag === c.el.localName)!.kind.rows();
    const outcome = await group.finish();
    expectReference(reference, cases, outcome.failures);
    expect(computing, 'no element was still computing the large input: the race was not run').to.be.greaterThan(0);
    expectNoFailures(outcome);
  });
});
