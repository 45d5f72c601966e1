/** English terms of <ltv-forecast> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import type { LtvMethod } from '../../metrics/ltv/headline.ts';
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    ltvScopeHorizon: (horizon: string) => string;
    ltvLabel: string;
    ltvHorizon: (count: number, unitDays: number) => string;
    ltvPredicted: (horizon: string) => string;
    ltvExpectedPurchases: string;
    ltvProbabilityAlive: string;
    ltvHistoric: string;
    ltvSaas: string;
    ltvSaasFormula: (arpa: string, margin: string, churn: string) => string;
    /** The formula without a margin: revenue, ARPA ÷ churn. */
    ltvSaasFormulaRevenue: (arpa: string, churn: string) => string;
    /** A value's name when no margin was given: revenue, not profit (`horizon` for the predicted one). */
    ltvRevenueLabel: (method: LtvMethod, horizon: string) => string;
    /** What the predicted value is fitted on: customers, and how many of them bought again. */
    ltvBasisPredicted: (customers: number, shown: string, repeat: number, repeatShown: string) => string;
    ltvBasisHistoric: (customers: number, shown: string) => string;
    ltvNoMargin: string;
    ltvMarginApplied: (percent: string) => string;
    /** A bare number above 1 (`gross-margin="78"`) was read as a percent. */
    ltvMarginReadAsPercent: (percent: string, attribute: string, written: string) => string;
    /** The margin row of the model details when none was given. */
    ltvMarginNone: string;
    /** Why the headline leads (metrics/ltv/headline.ts). */
    ltvWhyEnoughRepeat: (repeat: number, shown: string, minimum: string) => string;
    ltvWhyFewRepeat: (repeat: number, shown: string, minimum: string) => string;
    ltvWhyFitFailed: string;
    ltvWhyFiguresGiven: string;
    ltvWhyRecurring: (share: string, tolerance: string, days: string) => string;
    ltvWhyAsked: (method: LtvMethod) => string;
    /** The page asked for a value the data does not give. */
    ltvAskedUnavailable: (method: LtvMethod) => string;
    /** The disclosure with the values that do not lead. */
    ltvOthers: (count: number) => string;
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
  ltvHorizon: enUnit,
  ltvPredicted: (horizon) => `Predicted value per customer, next ${horizon}`,
  ltvExpectedPurchases: 'Expected purchases',
  ltvProbabilityAlive: 'Probability still a customer',
  ltvHistoric: 'Historic value per customer so far',
  ltvSaas: 'Lifetime value, SaaS formula',
  ltvSaasFormula: (arpa, margin, churn) => `ARPA ${arpa} × margin ${margin} ÷ churn ${churn}`,
  ltvSaasFormulaRevenue: (arpa, churn) => `ARPA ${arpa} ÷ churn ${churn}`,
  ltvRevenueLabel: (method, horizon) =>
    ({ predicted: `Predicted revenue per customer, next ${horizon}`, historic: 'Historic revenue per customer so far', saas: 'Revenue lifetime value, SaaS formula' })[method],
  ltvBasisPredicted: (_n, shown, repeat, repeatShown) =>
    `BG/NBD purchases × Gamma-Gamma spend, fitted on ${shown} customers, ${repeatShown} of whom ${repeat === 1 ? 'has' : 'have'} bought again.`,
  ltvBasisHistoric: (n, shown) => `Net revenue per customer to date, over ${shown} ${n === 1 ? 'customer' : 'customers'}.`,
  ltvNoMargin: 'No gross margin given (gross-margin): the values are revenue, not profit.',
  ltvMarginApplied: (percent) => `After a gross margin of ${percent}.`,
  ltvMarginReadAsPercent: (percent, attribute, written) => `After a gross margin of ${percent} (${attribute}="${written}" read as a percent).`,
  ltvMarginNone: 'none given (revenue)',
  ltvWhyEnoughRepeat: (_n, shown, minimum) => `Leads because ${shown} customers bought again: enough to fit the purchase and spend models (${minimum} or more).`,
  ltvWhyFewRepeat: (n, shown, minimum) =>
    `Historic, not predicted: only ${shown} ${n === 1 ? 'customer' : 'customers'} bought again, and the purchase and spend models need ${minimum} or more to be trusted.`,
  ltvWhyFitFailed: 'Historic, not predicted: the purchase or spend model could not be fitted to this data, or did not converge.',
  ltvWhyFiguresGiven: 'Leads because ARPA or churn is given: a subscription business.',
  ltvWhyRecurring: (share, tolerance, days) => `Leads because the payments recur like billing: ${share} of the gaps between a customer's payments are within ${tolerance} of ${days} days.`,
  ltvWhyAsked: (method) => `Shown as asked (method="${method}").`,
  ltvAskedUnavailable: (method) => `method="${method}" has no value for this data.`,
  ltvOthers: (count) => `Other lifetime ${count === 1 ? 'value' : 'values'} (${count})`,
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
