import { expect } from '@open-wc/testing';
import { chooseLtvHeadline, MIN_REPEAT_CUSTOMERS, type LtvHeadlineFacts } from '../../../src/metrics/ltv/headline.ts';
import { recurringBilling } from '../../../src/metrics/ltv/billing.ts';
import { readTransactions, type TransactionTable } from '../../../src/metrics/read/transactions.ts';

const NOW = Date.UTC(2100, 0, 1);
function table(rows: object[]): TransactionTable {
  const result = readTransactions(rows, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);

const shop: LtvHeadlineFacts = {
  asked: 'auto',
  available: { predicted: true, historic: true, saas: true },
  repeatCustomers: MIN_REPEAT_CUSTOMERS,
  fitsConverged: true,
  figuresGiven: false,
  recurring: false,
};

describe('chooseLtvHeadline', () => {
  it('orders with enough repeat buyers and converged fits → predicted', () => {
    expect(chooseLtvHeadline(shop)).to.deep.equal({ method: 'predicted', reason: 'enough-repeat-customers' });
  });

  it('one repeat buyer too few → historic, saying so; a fit that did not converge → historic too', () => {
    expect(chooseLtvHeadline({ ...shop, repeatCustomers: MIN_REPEAT_CUSTOMERS - 1 })).to.deep.equal({ method: 'historic', reason: 'few-repeat-customers' });
    expect(chooseLtvHeadline({ ...shop, fitsConverged: false })).to.deep.equal({ method: 'historic', reason: 'fit-failed' });
    expect(chooseLtvHeadline({ ...shop, available: { predicted: false, historic: true, saas: false } })).to.deep.equal({ method: 'historic', reason: 'fit-failed' });
  });

  it('subscriptions → the SaaS formula: figures given, or billing-like payments; figures alone', () => {
    expect(chooseLtvHeadline({ ...shop, figuresGiven: true })).to.deep.equal({ method: 'saas', reason: 'figures-given' });
    expect(chooseLtvHeadline({ ...shop, recurring: true })).to.deep.equal({ method: 'saas', reason: 'recurring-billing' });
    // Billing-like payments whose churn cannot be measured: the rule goes on.
    expect(chooseLtvHeadline({ ...shop, recurring: true, available: { predicted: true, historic: true, saas: false } })).to.deep.equal({ method: 'predicted', reason: 'enough-repeat-customers' });
    expect(chooseLtvHeadline({ ...shop, repeatCustomers: null, available: { predicted: false, historic: false, saas: true } })).to.deep.equal({ method: 'saas', reason: 'figures-only' });
  });

  it('a method asked for leads when it has a value; otherwise the rule picks and names the one asked for', () => {
    expect(chooseLtvHeadline({ ...shop, asked: 'historic' })).to.deep.equal({ method: 'historic', reason: 'asked' });
    expect(chooseLtvHeadline({ ...shop, asked: 'saas', available: { predicted: true, historic: true, saas: false } })).to.deep.equal({
      method: 'predicted',
      reason: 'enough-repeat-customers',
      unavailable: 'saas',
    });
    expect(chooseLtvHeadline({ ...shop, available: { predicted: false, historic: false, saas: false } })).to.equal(null);
  });
});

describe('recurringBilling', () => {
  it('monthly payments on the same day of the month are billing; a shop is not', () => {
    // 10 customers paying on the 5th of six consecutive months: gaps of 28–31 days, median 31 (Jan–Jun 2024: 31, 29, 31, 30, 31).
    const billing = [];
    for (let c = 0; c < 10; c++) for (let m = 0; m < 6; m++) billing.push({ customer: `s${c}`, date: new Date(Date.UTC(2024, m, 5)).toISOString().slice(0, 10), amount: 29 });
    const b = recurringBilling(table(billing));
    expect(b.ok && b.value).to.deep.include({ recurring: true, medianDays: 31, regularShare: 1, gaps: 50 });
    // Gaps of 3, 10, 30, 60, 90 days for 10 customers: median 30, only the 30-day fifth within ±15 %.
    const shopRows = [];
    for (let c = 0; c < 10; c++) {
      let d = c;
      shopRows.push({ customer: `o${c}`, date: day(d), amount: 20 });
      for (const gap of [3, 10, 30, 60, 90]) shopRows.push({ customer: `o${c}`, date: day((d += gap)), amount: 20 });
    }
    const s = recurringBilling(table(shopRows));
    expect(s.ok && s.value).to.deep.include({ recurring: false, medianDays: 30, gaps: 50 });
    expect(s.ok && s.value.regularShare).to.be.closeTo(0.2, 1e-12);
  });

  it('too few gaps to judge, or a daily habit, are not billing', () => {
    const few = [];
    for (let c = 0; c < 3; c++) for (let m = 0; m < 4; m++) few.push({ customer: `s${c}`, date: new Date(Date.UTC(2024, m, 5)).toISOString().slice(0, 10), amount: 29 });
    const f = recurringBilling(table(few));
    expect(f.ok && f.value).to.deep.include({ recurring: false, gaps: 9 });
    const daily = [];
    for (let c = 0; c < 5; c++) for (let d = 0; d < 10; d++) daily.push({ customer: `d${c}`, date: day(d), amount: 3 });
    const h = recurringBilling(table(daily));
    expect(h.ok && h.value).to.deep.include({ recurring: false, medianDays: 1, regularShare: 1 });
    const one = recurringBilling(table([{ customer: 'a', date: day(0), amount: 5 }]));
    expect(one.ok && one.value).to.deep.equal({ recurring: false, medianDays: null, regularShare: 0, gaps: 0 });
  });
});
