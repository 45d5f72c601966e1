import { expect } from '@open-wc/testing';
import { readTransactions } from '../../src/metrics/transactions.ts';

describe('readTransactions', () => {
  it('maps fields, interns customers and turns negative quantities into returns', () => {
    const result = readTransactions(
      [
        { email: 'a@x', created_at: '2024-01-05 10:00:00', qty: 2, price: '3.5', invoice: 'A1' },
        { email: 'a@x', created_at: '2024-01-05', qty: 1, price: 1, invoice: 'A1' },
        { email: 'b@x', created_at: '2024-02-01T23:30:00Z', qty: -1, price: 3.5, invoice: 'C2' },
        { email: '', created_at: '2024-02-01', qty: 1, price: 1, invoice: 'G' },
      ],
      { fields: { customer: 'email', date: 'created_at', quantity: 'qty', unitPrice: 'price', order: 'invoice' }, now: Date.UTC(2025, 0, 1) },
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const table = result.value;
    expect(table.length).to.equal(3);
    expect(table.customerIds).to.deep.equal(['a@x', 'b@x']);
    expect(Array.from(table.amount)).to.deep.equal([7, 1, -3.5]);
    expect(Array.from(table.kind)).to.deep.equal([0, 0, 1]);
    expect(Array.from(table.order)).to.deep.equal([0, 0, 1]);
    expect(table.orderCount).to.equal(2);
    expect(result.warnings.map((w) => [w.code, w.count])).to.deep.equal([['missing-customer', 1]]);
  });

  it('reports the record and field of each bad value', () => {
    const result = readTransactions([
      { customer: 'a', date: 'yesterday', amount: 1 },
      { customer: 'b', date: '2024-01-01', amount: Number.NaN },
    ]);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.total).to.equal(2);
    expect(result.error.issues[0]).to.include({ index: 0, field: 'date', found: '"yesterday"' });
    expect(result.error.issues[1]).to.include({ index: 1, field: 'amount', found: 'NaN' });
    expect(result.error.message).to.contain('record 1, field "date"');
  });
});
