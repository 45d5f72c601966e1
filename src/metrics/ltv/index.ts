/**
 * Predictive customer lifetime value: the BG/NBD purchase model, the
 * Gamma-Gamma spend model, the per-customer summaries they are fitted on, and
 * the value forecast that combines them.
 */
export { rfmSummary, timeUnitDays, TIME_UNIT_EXPECTATION, type RfmOptions, type RfmSummary, type TimeUnit } from './rfm.ts';
export type { PurchaseHistories, PurchaseHistory } from './histories.ts';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdParameters,
} from './bg-nbd.ts';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type GammaGammaParameters,
  type SpendHistories,
  type SpendHistory,
} from './gamma-gamma.ts';
export {
  predictLifetimeValue,
  type CustomerHistories,
  type CustomerLifetimeValues,
  type HistogramBin,
  type LifetimeValueOptions,
  type LifetimeValueSummary,
  type PredictedLifetimeValue,
  type TopCustomer,
} from './lifetime-value.ts';
export { forecastLifetimeValue, type LifetimeValueForecast, type LifetimeValueForecastOptions } from './forecast.ts';
export type { MinimizeOptions } from './optimize.ts';
export { chooseLtvHeadline, LTV_METHODS, MIN_REPEAT_CUSTOMERS, type LtvHeadline, type LtvHeadlineFacts, type LtvHeadlineReason, type LtvMethod } from './headline.ts';
export { recurringBilling, type RecurringBilling } from './billing.ts';
