/**
 * The rates of one period of recurring-revenue movements given as amounts
 * (pre-aggregated in a warehouse rather than computed from subscriptions):
 * NRR and GRR through rates.ts, and the quick ratio.
 *
 * The quick ratio is also computed inside revenueMovements (a private
 * helper there); this is the same definition for amounts from elsewhere.
 */
import { ok, type Result } from './issues.ts';
import { grossRevenueRetention, netRevenueRetention } from './rates.ts';

export interface MovementAmounts {
  /** Recurring revenue at period start. */
  startMrr: number;
  newMrr: number;
  expansionMrr: number;
  reactivationMrr: number;
  /** Positive amounts: what was lost. */
  contractionMrr: number;
  churnedMrr: number;
}

export interface MovementRates {
  /** Null when the period starts without recurring revenue. */
  netRevenueRetention: number | null;
  grossRevenueRetention: number | null;
  quickRatio: number | null;
}

/**
 * Quick ratio = (new + expansion + reactivation) / (contraction + churn):
 * recurring revenue gained per unit lost; above 1 the business grows, 4 is
 * the usual mark of efficient growth. Null when nothing was lost (it would
 * be infinite, which says nothing a reader can compare), or so little that it overflows.
 */
export function quickRatio(amounts: Pick<MovementAmounts, 'newMrr' | 'expansionMrr' | 'reactivationMrr' | 'contractionMrr' | 'churnedMrr'>): number | null {
  const lost = amounts.contractionMrr + amounts.churnedMrr;
  const ratio = (amounts.newMrr + amounts.expansionMrr + amounts.reactivationMrr) / lost;
  // A loss so small (a denormal amount) that the ratio overflows says no more than no loss at all.
  return lost > 0 && Number.isFinite(ratio) ? ratio : null;
}

/** NRR, GRR (null without starting revenue) and the quick ratio; fails when the base loses more than it had. */
export function movementRates(amounts: MovementAmounts): Result<MovementRates> {
  const ratio = quickRatio(amounts);
  if (amounts.startMrr === 0) return ok({ netRevenueRetention: null, grossRevenueRetention: null, quickRatio: ratio });
  const inputs = { startRevenue: amounts.startMrr, expansion: amounts.expansionMrr, contraction: amounts.contractionMrr, churned: amounts.churnedMrr };
  const nrr = netRevenueRetention(inputs);
  if (!nrr.ok) return nrr;
  const grr = grossRevenueRetention(inputs);
  if (!grr.ok) return grr;
  return ok({ netRevenueRetention: nrr.value, grossRevenueRetention: grr.value, quickRatio: ratio });
}
