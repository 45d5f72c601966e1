import { expect } from '@open-wc/testing';
import { readCustomers } from '../../src/metrics/read/customers.ts';

describe('readCustomers', () => {
  it('reads the mapped id and keeps every other column as text', () => {
    const result = readCustomers(
      [
        { email: 'a@x', channel: 'ads', plan: 3, trial: true },
        { email: 17, channel: '  organic ', plan: '' },
        { email: 'c@x', channel: null },
      ],
      { fields: { customer: 'email' } },
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const { ids, properties, indexOf } = result.value;
    expect(ids).to.deep.equal(['a@x', '17', 'c@x']);
    expect(Object.keys(properties)).to.deep.equal(['channel', 'plan', 'trial']);
    expect(properties.channel).to.deep.equal(['ads', 'organic', undefined]);
    expect(properties.plan).to.deep.equal(['3', undefined, undefined]);
    expect(properties.trial).to.deep.equal(['true', undefined, undefined]);
    expect(indexOf.get('17')).to.equal(1);
  });

  it('keeps only the listed properties, and a property may be called "customer"', () => {
    const result = readCustomers([{ id: 'a', customer: 'vip', channel: 'ads' }], { fields: { customer: 'id' }, properties: ['customer'] });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.ids).to.deep.equal(['a']);
    expect(result.value.properties).to.deep.equal(Object.assign(Object.create(null), { customer: ['vip'] }));
  });

  it('rejects a customer id used twice, naming both records', () => {
    const result = readCustomers([
      { customer: 'a', channel: 'ads' },
      { customer: 'b', channel: 'ads' },
      { customer: 'a', channel: 'organic' },
    ]);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues[0]).to.include({ index: 2, field: 'customer', found: '"a"' });
    expect(result.error.message).to.contain('record 3').and.contain('record 1');
  });

  it('reports missing ids and values that are not text by record and user field name', () => {
    const result = readCustomers([{ email: '', channel: 'ads' }, { email: 'b', channel: { nested: true } }], { fields: { customer: 'email' } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.total).to.equal(2);
    expect(result.error.issues[0]).to.include({ index: 0, field: 'email' });
    expect(result.error.issues[1]).to.include({ index: 1, field: 'channel', found: 'an object' });
  });
});
