/** Hostile races (issue #16): 100 elements on one page. */
import { ELEMENTS } from '../elements.ts';
import { expectNoFailures, make, runGroup, type Case, type KitElement } from '../harness.ts';
import { ORDERS_JSON, fresh } from './race-helpers.ts';

describe('hostile race: 100 elements on one page', function () {
  this.timeout(120_000);
  it('100 elements on one page: all settle, nothing non-finite, no long task over the limit', async function () {
    this.timeout(120_000);
    // Fresh elements each call, so runGroup can run the page once more when a task ran long.
    const hundredCases = (): Case[] => {
      const shared = fresh(ORDERS_JSON);
      const cases: Case[] = [];
      for (let i = 0; i < 100; i++) {
        const spec = ELEMENTS[i % ELEMENTS.length];
        // A third read one shared file, a third their own records, a third plain figures where they have them.
        const route = i % 3;
        let el: KitElement;
        if (route === 0 && spec.kind?.name === 'orders') el = make(spec.tag, { ...spec.attributes, src: shared });
        else if (route === 2 && spec.plain) el = make(spec.tag, { ...spec.plain });
        else if (spec.kind) el = make(spec.tag, { ...spec.attributes }, spec.kind.rows());
        else el = make(spec.tag, { ...spec.plain });
        cases.push({ name: `#${i} <${spec.tag}>`, el });
      }
      return cases;
    };
    const outcome = await runGroup('100 elements', hundredCases, { timeout: 20_000 });
    const notReady = outcome.cases.filter((c) => c.el.status !== 'ready');
    if (notReady.length) outcome.failures.push(`not ready: ${notReady.map((c) => `${c.name} ${c.el.status} ${c.el.error?.message ?? ''}`).join('; ').slice(0, 600)}`);
    expectNoFailures(outcome);
  });
});
