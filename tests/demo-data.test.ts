import { expect } from '@open-wc/testing';
import {
  CANCELLATION_REASONS,
  Random,
  generateActivityEvents,
  generateCancellations,
  generateSubscriptions,
  generateSurveyResponses,
  generateTransactions,
} from '../demo/data/generate.ts';
import { readTransactions } from '../src/metrics/read/transactions.ts';

describe('demo data generators', () => {
  describe('Random', () => {
    it('repeats its sequence for a seed and differs between seeds', () => {
      const draw = (seed: number) => {
        const random = new Random(seed);
        return Array.from({ length: 5 }, () => random.uint32());
      };
      expect(draw(42)).to.deep.equal(draw(42));
      expect(draw(42)).not.to.deep.equal(draw(43));
    });

    it('draws gamma variates with the right mean', () => {
      const random = new Random(9);
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += random.gamma(0.6, 2);
      // E[Gamma(k, θ)] = kθ = 0.6 × 2 = 1.2
      expect(sum / 20_000).to.be.closeTo(1.2, 0.05);
    });
  });

  describe('generateTransactions', () => {
    const rows = generateTransactions({ seed: 11, transactions: 20_000 });

    it('is deterministic for a seed and differs between seeds', () => {
      expect(generateTransactions({ seed: 11, transactions: 20_000 })).to.deep.equal(rows);
      const other = generateTransactions({ seed: 12, transactions: 20_000 });
      expect(other).not.to.deep.equal(rows);
    });

    it('makes exactly the number of records asked for, sorted by date, inside the window', () => {
      expect(rows).to.have.length(20_000);
      expect(generateTransactions({ seed: 1, transactions: 0 })).to.deep.equal([]);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].date <= rows[i].date).to.equal(true);
      expect(rows[0].date >= '2023-01-01 00:00:00').to.equal(true);
      expect(rows[rows.length - 1].date < '2025-01-01').to.equal(true);
      expect(rows[0].date).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });

    it('passes readTransactions without errors, and without a duplicate row to warn about', () => {
      const result = readTransactions(rows, { fields: { type: 'type', order: 'order', quantity: 'quantity' }, now: Date.UTC(2026, 0, 1) });
      expect(result.ok, result.ok ? '' : result.error.message).to.equal(true);
      if (result.ok) expect(result.warnings.map((w) => w.code)).not.to.include('duplicate-row');
      // Lines of one order name different products.
      const productsByOrder = new Map<string, string[]>();
      for (const row of rows) if (row.type === 'purchase') productsByOrder.set(row.order, [...(productsByOrder.get(row.order) ?? []), row.product]);
      for (const products of productsByOrder.values()) expect(new Set(products).size).to.equal(products.length);
      const plain = readTransactions(rows, { now: Date.UTC(2026, 0, 1) });
      expect(plain.ok).to.equal(true);
      if (result.ok) expect(result.value.length).to.equal(rows.length);
    });

    it('looks like a shop: some repeat buyers, December peaks, a few returns', () => {
      const ordersByCustomer = new Map<string, Set<string>>();
      const linesByMonth = new Map<string, number>();
      let returns = 0;
      for (const row of rows) {
        if (row.type === 'return') {
          expect(row.amount).to.be.below(0);
          expect(row.quantity).to.be.below(0);
          returns++;
          continue;
        }
        expect(row.amount).to.be.above(0);
        const orders = ordersByCustomer.get(row.customer) ?? new Set<string>();
        orders.add(row.order);
        ordersByCustomer.set(row.customer, orders);
        const month = row.date.slice(0, 7);
        linesByMonth.set(month, (linesByMonth.get(month) ?? 0) + 1);
      }
      let repeat = 0;
      for (const orders of ordersByCustomer.values()) if (orders.size >= 2) repeat++;
      const repeatShare = repeat / ordersByCustomer.size;
      expect(repeatShare).to.be.within(0.2, 0.8);
      // December beats the months around it that are not peaks, in both years.
      expect(linesByMonth.get('2023-12')!).to.be.above(linesByMonth.get('2023-09')! * 1.3);
      expect(linesByMonth.get('2024-12')!).to.be.above(linesByMonth.get('2024-09')! * 1.3);
      expect(returns / rows.length).to.be.within(0.01, 0.06);
    });
  });

  describe('generateSubscriptions', () => {
    const rows = generateSubscriptions({ seed: 5, customers: 1500 });

    it('is deterministic for a seed and differs between seeds', () => {
      expect(generateSubscriptions({ seed: 5, customers: 1500 })).to.deep.equal(rows);
      expect(generateSubscriptions({ seed: 6, customers: 1500 })).not.to.deep.equal(rows);
    });

    it('chains plan changes, churns a few percent a month and brings some back', () => {
      const byCustomer = new Map<string, typeof rows>();
      for (const row of rows) byCustomer.set(row.customer, [...(byCustomer.get(row.customer) ?? []), row]);
      expect(byCustomer.size).to.equal(1500);
      let planChanges = 0;
      let cancellations = 0;
      let reactivations = 0;
      let customerMonths = 0;
      for (const list of byCustomer.values()) {
        for (let i = 0; i < list.length; i++) {
          const row = list[i];
          const next = list[i + 1];
          if (row.end !== undefined) expect(row.end > row.start).to.equal(true);
          else expect(next).to.equal(undefined);
          if (next && next.start === row.end) {
            planChanges++;
            expect(next.plan).not.to.equal(row.plan);
          } else if (row.end !== undefined) {
            cancellations++;
            if (next) reactivations++;
          }
          const until = row.end ?? '2025-01-01';
          customerMonths += (Date.parse(until) - Date.parse(row.start)) / (30.44 * 86_400_000);
        }
      }
      expect(planChanges).to.be.above(0);
      expect(reactivations).to.be.above(0);
      expect(cancellations / customerMonths).to.be.within(0.03, 0.06);
    });
  });

  describe('survey, cancellation and activity generators', () => {
    it('are deterministic and realistic in shape', () => {
      const survey = generateSurveyResponses({ seed: 2, responses: 800 });
      expect(generateSurveyResponses({ seed: 2, responses: 800 })).to.deep.equal(survey);
      expect(survey).to.have.length(800);
      const promoters = survey.filter((r) => r.score >= 9).length;
      const detractors = survey.filter((r) => r.score <= 6).length;
      expect((promoters - detractors) / survey.length).to.be.within(0.05, 0.5);

      const cancellations = generateCancellations({ seed: 2, cancellations: 400 });
      expect(generateCancellations({ seed: 2, cancellations: 400 })).to.deep.equal(cancellations);
      const canonical = new Set(CANCELLATION_REASONS.map((r) => r.reason));
      const variants = cancellations.filter((r) => !canonical.has(r.reason));
      expect(variants.length).to.be.within(40, 200);

      const events = generateActivityEvents({ seed: 2, customers: 40 });
      expect(generateActivityEvents({ seed: 3, customers: 40 })).not.to.deep.equal(events);
      const types = new Set(events.map((e) => e.type));
      expect([...types].sort()).to.include.members(['login', 'renewal', 'ticket', 'usage', 'expiry']);
    });
  });
});
