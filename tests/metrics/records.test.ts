import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { ZonedDayMapper } from '../../src/metrics/calendar/dates.ts';
import { dateValue, idValue, numberValue, readRecords } from '../../src/metrics/read/records.ts';

describe('readRecords', () => {
  const schema = z.object({ customer: idValue, start: dateValue(new ZonedDayMapper('UTC')), mrr: numberValue({ min: 0 }) });

  it('reads mapped columns through the schema', () => {
    const result = readRecords([{ id: 7, since: '1970-01-02', plan_mrr: '10.5' }], schema, ['customer', 'start', 'mrr'], {
      fields: { customer: 'id', start: 'since', mrr: 'plan_mrr' },
      what: 'subscriptions',
    });
    expect(result.ok && result.value).to.deep.equal([{ customer: '7', start: 1, mrr: 10.5 }]);
  });

  it('names the record, the user column and the expectation', () => {
    const result = readRecords([{ id: 'a', since: 'soon', plan_mrr: -1 }], schema, ['customer', 'start', 'mrr'], {
      fields: { customer: 'id', start: 'since', mrr: 'plan_mrr' },
      what: 'subscriptions',
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues).to.deep.equal([
      { index: 0, field: 'since', expected: 'a date (ISO 8601 such as 2024-03-31, epoch milliseconds, or a Date)', found: '"soon"' },
      { index: 0, field: 'plan_mrr', expected: 'a finite number of at least 0', found: '-1' },
    ]);
  });
});
