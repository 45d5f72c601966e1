import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { movementRates, quickRatio } from '../../src/metrics/movement-rates.ts';

describe('movementRates', () => {
  it('NRR, GRR and quick ratio of one period (hand-computed)', () => {
    // Start 10,000; new 1,200, expansion 800, reactivation 200; contraction 300, churn 500.
    // NRR = (10,000 + 800 − 300 − 500) / 10,000 = 100 %; GRR = (10,000 − 800) / 10,000 = 92 %;
    // quick ratio = (1,200 + 800 + 200) / (300 + 500) = 2,200 / 800 = 2.75.
    const result = movementRates({ startMrr: 10_000, newMrr: 1200, expansionMrr: 800, reactivationMrr: 200, contractionMrr: 300, churnedMrr: 500 });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value).to.deep.equal({ netRevenueRetention: 1, grossRevenueRetention: 0.92, quickRatio: 2.75 });
  });

  it('has no retention without starting revenue and no quick ratio without losses', () => {
    const result = movementRates({ startMrr: 0, newMrr: 500, expansionMrr: 0, reactivationMrr: 0, contractionMrr: 0, churnedMrr: 0 });
    expect(result.ok && result.value).to.deep.equal({ netRevenueRetention: null, grossRevenueRetention: null, quickRatio: null });
  });

  it('fails when the base loses more than it had', () => {
    const result = movementRates({ startMrr: 100, newMrr: 0, expansionMrr: 0, reactivationMrr: 0, contractionMrr: 60, churnedMrr: 50 });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues[0].field).to.equal('churned');
  });

  it('GRR ≤ 1, GRR ≤ NRR, and the quick ratio is gained / lost (property)', () => {
    const amount = fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, amount, (start, a, b, c, d, e) => {
        const contraction = Math.min(d, start / 2);
        const churn = Math.min(e, start / 2);
        const amounts = { startMrr: start, newMrr: a, expansionMrr: b, reactivationMrr: c, contractionMrr: contraction, churnedMrr: churn };
        const result = movementRates(amounts);
        if (!result.ok) return false;
        const { netRevenueRetention: nrr, grossRevenueRetention: grr, quickRatio: ratio } = result.value;
        if (start > 0) {
          expect(grr!).to.be.at.most(1);
          expect(grr!).to.be.at.most(nrr!);
        }
        expect(ratio).to.equal(quickRatio(amounts));
        if (ratio !== null) expect(ratio * (contraction + churn)).to.be.closeTo(a + b + c, 1e-6);
        return true;
      }),
    );
  });
});
