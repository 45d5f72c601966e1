import { expect } from '@open-wc/testing';
import { readTransactions } from '../../src/metrics/read/transactions.ts';

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

describe('readTransactions warnings and types', () => {
  const now = Date.UTC(2024, 5, 1);

  it('counts zero amounts, future dates and exact duplicate rows, keeping every row', () => {
    const rows = [
      { customer: 'a', date: '2024-01-01', amount: 0, sku: 'X' },
      { customer: 'a', date: '2024-01-01', amount: 5, sku: 'X' },
      { customer: 'a', date: '2024-01-01', amount: 5, sku: 'X' }, // exact repeat of the row before
      { customer: 'a', date: '2024-01-01', amount: 5, sku: 'Y' }, // same mapped fields, other product: not a duplicate
      { customer: 'b', date: '2030-01-01', amount: 9, sku: 'Z' }, // after `now`
    ];
    const result = readTransactions(rows, { now });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.length).to.equal(5);
    const byCode = Object.fromEntries(result.warnings.map((w) => [w.code, [w.count, w.examples]]));
    expect(byCode).to.deep.equal({ 'zero-amount': [1, [0]], 'future-date': [1, [4]], 'duplicate-row': [1, [2]] });
  });

  it('reads a type column; returns are negative whatever sign the export used', () => {
    const result = readTransactions(
      [
        { customer: 'a', date: '2024-01-01', amount: 10, kind: 'Purchase' },
        { customer: 'a', date: '2024-01-02', amount: 4, kind: ' refund ' },
        { customer: 'a', date: '2024-01-03', amount: -3, kind: 'return' },
        { customer: 'a', date: '2024-01-04', amount: -2 }, // no type: the sign decides
      ],
      { fields: { type: 'kind' }, now },
    );
    expect(result.ok && Array.from(result.value.kind)).to.deep.equal([0, 1, 1, 1]);
    expect(result.ok && Array.from(result.value.amount)).to.deep.equal([10, -4, -3, -2]);
    expect(result.ok && Array.from(result.value.quantity)).to.deep.equal([1, -1, -1, -1]);
  });

  it('rejects an unknown type, non-object records, a bad zone and unitPrice without quantity', () => {
    const badType = readTransactions([{ customer: 'a', date: '2024-01-01', amount: 1, kind: 'gift' }], { fields: { type: 'kind' } });
    expect(!badType.ok && badType.error.issues[0]).to.deep.include({ index: 0, field: 'kind', found: '"gift"' });
    const notObjects = readTransactions([42, null, ['a']]);
    expect(!notObjects.ok && notObjects.error.issues.map((i) => [i.index, i.field])).to.deep.equal([
      [0, '(record)'],
      [1, '(record)'],
      [2, '(record)'],
    ]);
    const zone = readTransactions([], { timeZone: 'Mars/Olympus' });
    expect(!zone.ok && zone.error.issues[0].field).to.equal('timeZone');
    const price = readTransactions([], { fields: { unitPrice: 'price' } });
    expect(!price.ok && price.error.issues[0].field).to.equal('fields.quantity');
  });

  it('lists the first five problems and counts the rest', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ customer: `c${i}`, date: 'soon', amount: 1 }));
    const result = readTransactions(rows);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.total).to.equal(12);
    expect(result.error.issues).to.have.length(5);
    expect(result.error.message).to.match(/^12 problems in the transactions: record 1, field "date": .*; and 7 more$/);
  });

  it('never treats rows without a customer as one customer', () => {
    const result = readTransactions([
      { customer: '', date: '2024-01-01', amount: 1 },
      { customer: '  ', date: '2024-01-02', amount: 1 },
      { customer: null, date: '2024-01-03', amount: 1 },
      { date: '2024-01-04', amount: 1 },
      { customer: 7, date: '2024-01-05', amount: 1 },
    ]);
    expect(result.ok && result.value.customerIds).to.deep.equal(['7']);
    expect(result.warnings[0]).to.deep.include({ code: 'missing-customer', count: 4, examples: [0, 1, 2, 3] });
  });

  it('gives each warning the data words a page needs to say it in its language (params)', () => {
    const result = readTransactions(
      [
        { customer: 'a', date: '2024-01-01', amount: 10, status: 'paid', currency: 'NOK' },
        { customer: 'b', date: '2024-01-02', amount: 5, status: 'failed', currency: 'NOK' },
        { customer: 'c', date: '2024-01-03', amount: 7, status: 'paid', currency: 'EUR' },
        { customer: 'd', date: '2024-01-04', amount: 8, status: 'paid', currency: 'NOK' },
      ],
      { fields: { type: 'status', currency: 'currency' }, reading: { typeMap: { paid: 'purchase', failed: 'ignore' } } },
    );
    expect(result.ok).to.equal(true);
    const params = Object.fromEntries(result.warnings.map((w) => [w.code, w.params]));
    expect(params['ignored-status']).to.deep.equal({ statuses: ['failed'] });
    expect(params['other-currency']).to.deep.equal({ currency: 'NOK', otherCurrencies: ['EUR'] });
    expect(result.warnings.every((w) => w.message.length > 0)).to.equal(true); // English, for the API's readers
  });
});
