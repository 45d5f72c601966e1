/** English terms of <retention-gauge> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    gaugeLabel: string;
    gaugeRetention: string;
    gaugeChurn: (churn: string) => string;
    gaugeDelta: (points: string) => string;
    gaugeBandWarn: string;
    /** The benchmark behind the verdict: the period's churn alarm level, and the monthly level it was converted from ('' when none). */
    gaugeBenchmark: (churn: string, monthly: string) => string;
    gaugeCaution: string;
    gaugeKept: string;
    gaugeWindowAttribute: (days: number) => string;
    gaugeWindowSuggested: (days: number) => string;
    gaugeWindowDefault: (days: number) => string;
    gaugeWindowDocument: (days: number) => string;
    gaugeRunning: string;
    gaugeSummary: (period: string, retention: string, churn: string) => string;
    gaugeSummaryDelta: (points: string) => string;
    gaugeTable: string;
    gaugeMeasure: string;
    gaugeValue: string;
    gaugePeriod: string;
    gaugeStart: string;
    gaugeEnd: string;
    gaugeNew: string;
    gaugeLost: string;
    gaugeReactivated: string;
    gaugeReactivatedNote: (count: number) => string;
    gaugeRetentionRate: string;
    gaugeChurnRate: string;
    gaugePrevious: string;
    gaugeChange: string;
    gaugeBand: string;
    gaugeWindow: string;
    gaugeThisPeriod: string;
  }
}

const enDays = (days: number) => (days === 1 ? '1 day' : `${days} days`);

registerTranslation('en', {
  gaugeLabel: 'Customer retention',
  gaugeRetention: 'retained',
  gaugeChurn: (churn) => `Churn ${churn}`,
  gaugeDelta: (points) => `${points} vs previous period`,
  gaugeBandWarn: 'Watch',
  gaugeBenchmark: (churn, monthly) => `churn above ${churn}${monthly ? ` (${monthly} a month)` : ''} needs action`,
  gaugeCaution: 'Caution',
  gaugeKept: 'Starting customers kept (1 − churn, what the benchmark judges)',
  gaugeWindowAttribute: (days) => `Active = bought within the last ${enDays(days)}.`,
  gaugeWindowSuggested: (days) => `Active = bought within the last ${enDays(days)} (suggested from the data: 3 × the median time between purchases).`,
  gaugeWindowDefault: (days) => `Active = bought within the last ${enDays(days)} (default: too few repeat purchases to suggest a window).`,
  gaugeWindowDocument: (days) => `Active = bought within the last ${enDays(days)} (the window the period counts were made with).`,
  gaugeRunning: 'period still running',
  gaugeSummary: (period, retention, churn) => `Customer retention ${period}: ${retention}, churn ${churn}.`,
  gaugeSummaryDelta: (points) => `Change: ${points} vs previous period.`,
  gaugeTable: 'Customer retention figures',
  gaugeMeasure: 'Measure',
  gaugeValue: 'Value',
  gaugePeriod: 'Period',
  gaugeStart: 'Customers at period start (S)',
  gaugeEnd: 'Customers at period end (E)',
  gaugeNew: 'New customers (N)',
  gaugeLost: 'Customers lost',
  gaugeReactivated: 'Customers back after a gap',
  gaugeReactivatedNote: (count) => `${count === 1 ? '1 customer' : `${count} customers`} came back after a gap and count as retained, so retention and churn need not add up to 100 %.`,
  gaugeRetentionRate: 'Retention rate (E − N) / S',
  gaugeChurnRate: 'Churn rate',
  gaugePrevious: 'Retention rate, previous period',
  gaugeChange: 'Change',
  gaugeBand: 'Benchmark',
  gaugeWindow: 'Activity window',
  gaugeThisPeriod: 'this period',
});
