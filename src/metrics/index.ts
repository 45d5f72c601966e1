/**
 * `retention-kit/metrics`: the pure computation of the kit. No DOM, no Lit, no
 * rendering; runs in the page, a Web Worker and Node alike. Readers validate
 * and normalise the user's records; metrics compute from what the readers
 * return. Every function returns a Result and never throws on bad input.
 */
export * from './issues.ts';
export { toFiniteNumber, toIdentifier } from './read/values.ts';
export { daysFromCivil, civilFromDays, isoDate, ZonedDayMapper, dayFromDateValue, type CivilDate } from './calendar/dates.ts';
export * from './calendar/calendar.ts';
export * from './calendar/timeframe.ts';

// Readers, one per input shape, and their Zod schemas.
export { readTransactions, planTransactionRead, TRANSACTION_KIND, type TransactionFields, type ReadTransactionsOptions, type TransactionTable, type TransactionReadPlan } from './read/transactions.ts';

// How exports are written: platform presets, date and number formats, per-column inference.
export { PRESETS, PRESET_NAMES, detectPreset, type ExportPreset, type PresetName, type RowRole } from './read/presets.ts';
export { parseDateFormat, inferDateFormat, describeDateFormat, AUTO_DATE_FORMAT, type DateFormat, type DateOrder, type DateInference } from './read/date-format.ts';
export { toAmount, inferDecimalMark, describeNumberFormat, type DecimalMark, type DecimalInference } from './read/number-format.ts';
export type { ReadingOptions } from './read/reading.ts';
export * from './read/schemas.ts';
export { readSubscriptions, mrrByCustomerPeriod, type Subscription, type SubscriptionField, type CustomerMrrTable } from './subscriptions.ts';
export { readCustomers, type CustomerProperties, type ReadCustomersOptions } from './read/customers.ts';
export { readSurveyResponses, npsByPeriod, type SurveyResponse, type NpsPeriod, type NpsByPeriodOptions } from './surveys.ts';
export { readInvoices, dsoFromInvoices, type Invoice, type InvoiceDso, type DsoFromInvoicesOptions } from './invoices.ts';

// Metrics.
export * from './rates.ts';
export { churnSeries, customerActivity, type ChurnSeries, type ChurnPeriod, type ChurnSeriesOptions, type CustomerActivity, type CustomerActivityOptions, type PeriodOptions } from './activity.ts';
export * from './cohorts.ts';
export {
  repeatPurchaseRate,
  loyalCustomerRate,
  productReturnRate,
  revenueSummary,
  historicLifetimeValue,
  DEFAULT_LOYALTY_THRESHOLD,
  type PurchaseMetricOptions,
  type RepeatPurchaseRate,
  type LoyalCustomerRate,
  type LoyalCustomerOptions,
  type ProductReturnRate,
  type RevenueSummary,
  type HistoricLifetimeValue,
} from './purchases.ts';
export * from './purchase-gaps.ts';
export * from './revenue-movements.ts';
export * from './cancellations.ts';
export * from './health.ts';
export * from './uncertainty.ts';
// Predictive lifetime value: BG/NBD, Gamma-Gamma, the RFM summaries they are fitted on, the forecast.
export * from './ltv/index.ts';
export * from './benchmarks.ts';
