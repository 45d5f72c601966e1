/** English terms of <ltv-forecast> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    ltvScopeHorizon: (horizon: string) => string;
    ltvLabel: string;
    ltvSummary: (horizon: string, mean: string, customers: number) => string;
    ltvSummaryHistoric: (value: string) => string;
    ltvSummarySaas: (value: string) => string;
    ltvHorizon: (count: number, unitDays: number) => string;
    ltvPredicted: (horizon: string) => string;
    ltvExpectedPurchases: string;
    ltvProbabilityAlive: string;
    ltvHistoric: string;
    ltvSaas: string;
    ltvSaasFormula: (arpa: string, margin: string, churn: string) => string;
    /** ARPA and churn measured from the data: per which period, over how many, with which activity window. */
    ltvSaasFromData: (period: Granularity, periods: number, windowDays: number) => string;
    /** ARPA and churn given as attributes. */
    ltvSaasGiven: string;
    /** The measured churn is 0: the formula has no finite value. */
    ltvSaasNoChurn: string;
    /** No complete period to measure churn per `period` in. */
    ltvSaasNoData: (period: Granularity) => string;
    ltvDistribution: string;
    ltvCustomersAxis: string;
    ltvTop: string;
    ltvCustomer: string;
    ltvValue: string;
    ltvExpectedSpend: string;
    ltvCohorts: string;
    ltvCohort: string;
    ltvCustomers: string;
    ltvDetails: string;
    ltvParameter: string;
    ltvLogLikelihood: string;
    ltvConverged: string;
    ltvYes: string;
    ltvNo: string;
    ltvPurchaseModel: string;
    ltvSpendModel: string;
    ltvTimeUnit: string;
    ltvCalibrationEnd: string;
    ltvDiscountRate: string;
    ltvMargin: string;
    ltvMeasure: string;
    ltvTable: string;
    ltvNotAvailable: (reason: string) => string;
    ltvBin: (from: string, to: string) => string;
    /** The histogram's overflow bin: every value from `from` up. */
    ltvBinOverflow: (from: string) => string;
    /** A histogram bin's share of all customers (tooltip). */
    ltvShareOfCustomers: string;
  }
}

const enUnit = (count: number, unitDays: number) =>
  unitDays === 1 ? `${count} ${count === 1 ? 'day' : 'days'}` : unitDays === 7 ? `${count} ${count === 1 ? 'week' : 'weeks'}` : `${count} × ${unitDays} days`;

registerTranslation('en', {
  ltvScopeHorizon: (horizon) => `forecast for the next ${horizon}`,
  ltvLabel: 'Customer lifetime value',
  ltvSummary: (horizon, mean, customers) => `Predicted value per customer over the next ${horizon}: ${mean} (${customers} customers).`,
  ltvSummaryHistoric: (value) => `Historic value per customer so far: ${value}.`,
  ltvSummarySaas: (value) => `SaaS formula: ${value}.`,
  ltvHorizon: enUnit,
  ltvPredicted: (horizon) => `Predicted value, next ${horizon}`,
  ltvExpectedPurchases: 'Expected purchases',
  ltvProbabilityAlive: 'Probability still a customer',
  ltvHistoric: 'Historic value so far',
  ltvSaas: 'SaaS formula',
  ltvSaasFormula: (arpa, margin, churn) => `ARPA ${arpa} × margin ${margin} ÷ churn ${churn}`,
  ltvSaasFromData: (period, n, days) => `ARPA and churn per ${period}, over ${n} complete ${period}${n > 1 ? 's' : ''}; active: a purchase in the last ${days} days.`,
  ltvSaasGiven: 'ARPA and churn as given, per the same period.',
  ltvSaasNoChurn: 'Nobody churned: no finite value.',
  ltvSaasNoData: (period) => `No complete ${period} to measure churn in.`,
  ltvDistribution: 'Predicted value per customer',
  ltvCustomersAxis: 'customers',
  ltvTop: 'Most valuable customers',
  ltvCustomer: 'Customer',
  ltvValue: 'Value',
  ltvExpectedSpend: 'Value per purchase',
  ltvCohorts: 'Historic value by first purchase',
  ltvCohort: 'Cohort',
  ltvCustomers: 'Customers',
  ltvDetails: 'Model details',
  ltvParameter: 'Parameter',
  ltvLogLikelihood: 'Log-likelihood',
  ltvConverged: 'Converged',
  ltvYes: 'yes',
  ltvNo: 'no',
  ltvPurchaseModel: 'Purchases (BG/NBD)',
  ltvSpendModel: 'Spend (Gamma-Gamma)',
  ltvTimeUnit: 'Time unit',
  ltvCalibrationEnd: 'Calibration end',
  ltvDiscountRate: 'Discount rate per time unit',
  ltvMargin: 'Margin',
  ltvMeasure: 'Measure',
  ltvTable: 'Lifetime value figures',
  ltvNotAvailable: (reason) => `Not available: ${reason}`,
  ltvBin: (from, to) => `${from} to ${to}`,
  ltvBinOverflow: (from) => `${from} or more`,
  ltvShareOfCustomers: 'Share of customers',
});
