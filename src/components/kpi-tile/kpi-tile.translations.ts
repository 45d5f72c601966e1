/** English terms of <kpi-tile> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';
import type { KpiMetric } from '../../engine/jobs/kpi-tile.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    kpiMetric: (metric: KpiMetric) => string;
    kpiLabel: string;
    kpiDays: (days: string, count: number) => string;
    kpiDelta: (change: string) => string;
    kpiNoPrevious: string;
    kpiVersus: string;
    kpiRunning: string;
    kpiChurnAction: (threshold: string) => string;
    kpiChurnOk: (threshold: string) => string;
    kpiMonthly: (monthly: string) => string;
    /** A retention tile's verdict, judged on the period's churn against its alarm level. */
    kpiRetentionChurnAction: (churnLevel: string) => string;
    kpiRetentionChurnOk: (churnLevel: string) => string;
    /** The SaaS retention reference for the period (35 % a year, converted). */
    kpiSaasNormal: (level: string) => string;
    kpiSmallSample: (count: number) => string;
    kpiNpsExcellent: (high: string) => string;
    kpiNpsGood: (threshold: string) => string;
    kpiNpsBad: (threshold: string) => string;
    kpiTargetMet: (target: string) => string;
    kpiTargetMissed: (target: string) => string;
    kpiSummary: (metric: string, value: string, period: string) => string;
    kpiSummaryDelta: (change: string) => string;
    kpiTable: (metric: string) => string;
    kpiPeriod: string;
    kpiValue: string;
    kpiNoValue: string;
    kpiPrevious: string;
  }
}

const en: Record<KpiMetric, string> = {
  'repeat-purchase-rate': 'Repeat purchase rate',
  'loyal-customer-rate': 'Loyal customer rate',
  'time-between-purchases': 'Time between purchases',
  ltv: 'Customer lifetime value',
  arpa: 'Average revenue per account',
  nrr: 'Net revenue retention',
  grr: 'Gross revenue retention',
  'revenue-churn': 'Net revenue churn',
  'customer-churn': 'Customer churn',
  crr: 'Customer retention rate',
  'return-rate': 'Product return rate',
  dso: 'Days sales outstanding',
  nps: 'Net Promoter Score',
  'active-customers': 'Active customers',
};

registerTranslation('en', {
  kpiMetric: (metric) => en[metric],
  kpiLabel: 'Key figure',
  kpiDays: (days, count) => `${days} ${count === 1 ? 'day' : 'days'}`,
  kpiDelta: (change) => `${change} vs previous period`,
  kpiNoPrevious: 'No previous period to compare',
  kpiVersus: 'vs previous period',
  kpiRunning: 'so far',
  kpiChurnAction: (t) => `Needs action: above ${t}`,
  kpiChurnOk: (t) => `Below the ${t} alarm level`,
  kpiMonthly: (m) => `(${m} a month)`,
  kpiRetentionChurnAction: (c) => `Needs action: churn above ${c}`,
  kpiRetentionChurnOk: (c) => `Churn below the ${c} alarm level`,
  kpiSaasNormal: (level) => `For SaaS, ${level} or more retained is usual`,
  kpiSmallSample: (count) => `only ${count} ${count === 1 ? 'customer' : 'customers'}: uncertain`,
  kpiNpsExcellent: (h) => `Excellent (above ${h})`,
  kpiNpsGood: (t) => `Good (above ${t})`,
  kpiNpsBad: (t) => `Needs work (${t} or below)`,
  kpiTargetMet: (t) => `Target ${t} met`,
  kpiTargetMissed: (t) => `Target ${t} missed`,
  kpiSummary: (metric, value, period) => `${metric}: ${value}${period ? ` in ${period}` : ''}.`,
  kpiSummaryDelta: (change) => `Change: ${change} vs previous period.`,
  kpiTable: (metric) => `${metric} by period`,
  kpiPeriod: 'Period',
  kpiValue: 'Value',
  kpiNoValue: 'no value',
  kpiPrevious: 'Previous period',
});
