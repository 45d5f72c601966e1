/** Hostile races (issue #16): a `source` naming no <retention-source>. */
import { RECORD_ELEMENTS } from '../elements.ts';
import { expectNoFailures, make, messageText, runGroup } from '../harness.ts';
import {  } from './race-helpers.ts';

describe('hostile race: a `source` naming no <retention-source>', function () {
  this.timeout(120_000);
  it('a source naming no <retention-source> says which id is missing within seconds', async () => {
    const cases = RECORD_ELEMENTS.map((spec) => ({ name: `<${spec.tag}> source="no-such-source"`, el: make(spec.tag, { ...spec.attributes, source: 'no-such-source' }), mustRefuse: true }));
    const outcome = await runGroup('race missing source', cases, { timeout: 8000 });
    for (const c of cases) if (c.el.status === 'error' && !messageText(c.el).includes('no-such-source')) outcome.failures.push(`${c.name}: the message does not name the id: "${messageText(c.el)}"`);
    expectNoFailures(outcome);
  });
});
