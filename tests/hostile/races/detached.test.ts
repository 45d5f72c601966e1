/**
 * Hostile races (issue #16): elements taken out of the page while they load or compute, and
 * put back at once, put back a moment later (a tab component, a framework's keyed list), or
 * moved to another parent a moment later. Every element must end with its data.
 */
import { expect } from '@open-wc/testing';
import { RECORD_ELEMENTS } from '../elements.ts';
import { expectNoFailures, make, startGroup, type Case } from '../harness.ts';
import { fresh, pause } from './race-helpers.ts';

type How = 'put back at once' | 'put back 50 ms later' | 'moved to another parent 50 ms later';
const HOWS: How[] = ['put back at once', 'put back 50 ms later', 'moved to another parent 50 ms later'];

const MOMENTS = [
  // A CSV that takes a few seconds to arrive.
  { name: 'loading', wait: 300, make: (spec: (typeof RECORD_ELEMENTS)[number]) => make(spec.tag, { ...spec.attributes, src: fresh('/__slow.csv?rows=3000&delay=40') }) },
  // Records handed over: the worker has the job from the first update on.
  { name: 'computing', wait: 0, make: (spec: (typeof RECORD_ELEMENTS)[number]) => make(spec.tag, { ...spec.attributes }, spec.kind.rows()) },
];

describe('hostile race: elements taken out and put back, or moved, while they work', function () {
  this.timeout(120_000);
  // A race is one page's worth of work, timed by its longest main-thread task on a shared machine:
  // like runGroup's second run (harness.ts), one retry keeps load from elsewhere from failing it.
  this.retries(1);

  for (const moment of MOMENTS) {
    it(`taken out while ${moment.name}: every element ends with its data`, async () => {
      const cases: (Case & { how: How })[] = HOWS.flatMap((how) => RECORD_ELEMENTS.map((spec) => ({ name: `<${spec.tag}> ${how} while ${moment.name}`, el: moment.make(spec), how })));
      const group = startGroup(`race taken out while ${moment.name}`, cases, { timeout: 15_000 });
      const elsewhere = document.createElement('div');
      group.box.append(elsewhere);
      await Promise.all(cases.map((c) => c.el.updateComplete));
      await pause(moment.wait);
      const busy = cases.filter((c) => c.el.status === 'loading' || c.el.status === 'computing').length;
      for (const c of cases) c.el.remove();
      for (const c of cases) if (c.how === 'put back at once') group.box.append(c.el);
      await pause(50);
      for (const c of cases) if (c.how !== 'put back at once') (c.how === 'put back 50 ms later' ? group.box : elsewhere).append(c.el);
      const outcome = await group.finish();
      for (const c of cases) {
        const spec = RECORD_ELEMENTS.find((s) => s.tag === c.el.localName)!;
        // The slow CSV holds orders: elements of other record kinds end with their input error.
        const wantsReady = moment.name === 'computing' || spec.kind.name === 'orders';
        if (wantsReady && c.el.status !== 'ready') outcome.failures.push(`${c.name}: ended ${c.el.status} ${c.el.error?.message ?? ''}`);
      }
      expect(busy, `no element was still ${moment.name} when taken out: the race was not run`).to.be.greaterThan(0);
      expectNoFailures(outcome);
    });
  }
});
