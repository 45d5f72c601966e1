/**
 * The whole predictive lifetime-value pipeline in one call, for an element
 * that holds a transaction table: per-customer summaries up to the calibration
 * end, both models fitted on them, and each customer's value over the horizon.
 */
import type { InputWarning, Result } from '../issues.ts';
import { fail, ok } from '../issues.ts';
import type { TransactionTable } from '../read/transactions.ts';
import { fitBgNbd, type BgNbdFit } from './bg-nbd.ts';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma.ts';
import { predictLifetimeValue, type LifetimeValueOptions, type PredictedLifetimeValue } from './lifetime-value.ts';
import type { MinimizeOptions } from './optimize.ts';
import { rfmSummary, type RfmOptions, type RfmSummary } from './rfm.ts';

export interface LifetimeValueForecastOptions extends RfmOptions, LifetimeValueOptions {
  /** Tolerances and budget of both fits. */
  fit?: MinimizeOptions;
}

export interface LifetimeValueForecast {
  histories: RfmSummary;
  purchaseModel: BgNbdFit;
  spendModel: GammaGammaFit;
  lifetimeValue: PredictedLifetimeValue;
}

/**
 * Summarises, fits and predicts. Fails with the first step's error: no
 * purchases before the calibration end, no repeat customer for either model,
 * a spend model whose q ≤ 1 (no finite mean spend), or a bad option.
 */
export function forecastLifetimeValue(table: TransactionTable, options: LifetimeValueForecastOptions): Result<LifetimeValueForecast> {
  const warnings: InputWarning[] = [];
  const step = <T>(result: Result<T>): result is Extract<Result<T>, { ok: true }> => {
    warnings.push(...result.warnings);
    return result.ok;
  };
  const histories = rfmSummary(table, options);
  if (!step(histories)) return fail(histories.error, warnings);
  const purchaseModel = fitBgNbd(histories.value, options.fit);
  if (!step(purchaseModel)) return fail(purchaseModel.error, warnings);
  const spendModel = fitGammaGamma(histories.value, options.fit);
  if (!step(spendModel)) return fail(spendModel.error, warnings);
  const lifetimeValue = predictLifetimeValue(histories.value, purchaseModel.value.parameters, spendModel.value.parameters, options);
  if (!step(lifetimeValue)) return fail(lifetimeValue.error, warnings);
  return ok(
    { histories: histories.value, purchaseModel: purchaseModel.value, spendModel: spendModel.value, lifetimeValue: lifetimeValue.value },
    warnings,
  );
}
