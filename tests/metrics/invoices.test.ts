import { expect } from '@open-wc/testing';
import { dsoFromInvoices, readInvoices, type Invoice } from '../../src/metrics/invoices.ts';

describe('readInvoices', () => {
  it('reads mapped columns; id and paid date are optional', () => {
    const result = readInvoices([{ no: 'F-1', issued: '2024-01-10', total: '120.50', paid: '2024-02-01' }, { issued: '2024-01-11', total: 0 }], {
      fields: { id: 'no', issueDate: 'issued', amount: 'total', paidDate: 'paid' },
    });
    expect(result.ok && result.value).to.deep.equal([
      { id: 'F-1', issueDay: 19732, amount: 120.5, paidDay: 19754 },
      { id: undefined, issueDay: 19733, amount: 0, paidDay: undefined },
    ]);
  });

  it('rejects a payment before the invoice, bad amounts and dates, by record and field', () => {
    const result = readInvoices(
      [
        { issued: '2024-01-10', total: 1, paid: '2024-01-09' },
        { issued: 'soon', total: 1 },
        { issued: '2024-01-10', total: -5 },
        { issued: '2024-01-10', total: Infinity },
        { total: 1 },
      ],
      { fields: { issueDate: 'issued', amount: 'total', paidDate: 'paid' } },
    );
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => [i.index, i.field, i.found])).to.deep.equal([
      [0, 'paid', '"2024-01-09"'],
      [1, 'issued', '"soon"'],
      [2, 'total', '-5'],
      [3, 'total', 'Infinity'],
      [4, 'issued', 'nothing'],
    ]);
    expect(result.error.message).to.contain('record 1, field "paid": expected a paid date on or after the issue date');
  });
});

describe('dsoFromInvoices', () => {
  // Day numbers: 2024-01-01 = 19723, 2024-02-01 = 19754 (January has 31 days).
  const invoices: Invoice[] = [
    { issueDay: 19700, amount: 400 }, // December, never paid: receivable, not a January sale
    { issueDay: 19710, amount: 300, paidDay: 19725 }, // December, paid in January
    { issueDay: 19723, amount: 1000, paidDay: 19753 }, // 1 Jan, paid 31 Jan: paid by the end
    { issueDay: 19740, amount: 500, paidDay: 19754 }, // 18 Jan, paid 1 Feb: still receivable at the end
    { issueDay: 19753, amount: 600 }, // 31 Jan, unpaid
    { issueDay: 19754, amount: 9999 }, // 1 Feb: outside
  ];

  it('uses receivables at the period end, credit sales within it, days in it', () => {
    const result = dsoFromInvoices(invoices, { from: '2024-01-01', to: '2024-02-01' });
    // receivables 400 + 500 + 600 = 1500; credit sales 1000 + 500 + 600 = 2100; 31 days
    // DSO = 1500 / 2100 × 31 = 22.142857…
    expect(result.ok && result.value).to.deep.include({ receivables: 1500, creditSales: 2100, days: 31 });
    expect(result.ok && result.value.dso).to.be.closeTo(22.142857, 1e-6);
  });

  it('needs both ends and some credit sales', () => {
    const open = dsoFromInvoices(invoices, { from: '2024-01-01' } as never);
    expect(!open.ok && open.error.issues[0]).to.include({ field: 'to' });
    const empty = dsoFromInvoices(invoices, { from: '2025-01-01', to: '2025-02-01' });
    expect(!empty.ok && empty.error.issues[0]).to.include({ field: 'creditSales' });
  });
});
