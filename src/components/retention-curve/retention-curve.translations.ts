/** English terms of <retention-curve> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    curveScopeShown: (shown: number, total: number) => string;
    curveLabelOn: string;
    curveLabelOnOrAfter: string;
    curveCohort: string;
    curveCustomers: string;
    curveAverage: string;
    curvePeriod: (k: number) => string;
    curvePeriodsAxis: string;
    curveRunning: string;
    curveCohortLine: (label: string, size: string) => string;
    curveSummary: (what: string, shown: number, total: number, first: string, last: string) => string;
    curveAverageAt: (k: number, value: string) => string;
    curveChartHint: string;
    curveAverageNote: string;
    /** Under the chart when some points rest on few customers (the threshold already formatted). */
    curveFewNote: (threshold: string) => string;
  }
}

registerTranslation('en', {
  curveScopeShown: (shown, total) => `latest ${shown} of ${total} cohorts`,
  curveLabelOn: 'Retention curves (active in period)',
  curveLabelOnOrAfter: 'Retention curves (active in or after period)',
  curveCohort: 'Cohort',
  curveCustomers: 'Customers',
  curveAverage: 'Average',
  curvePeriod: (k) => `Period ${k}`,
  curvePeriodsAxis: 'periods since first purchase',
  curveRunning: 'period still running',
  curveCohortLine: (label, size) => `${label}, ${size} customers`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: ${shown} ${shown === 1 ? 'cohort' : 'cohorts'} shown (${first} to ${last})${total > shown ? ` of ${total}` : ''}, and the average of all cohorts.`,
  curveAverageAt: (k, value) => `Average in period ${k}: ${value}.`,
  curveChartHint: 'Retention curves: left and right arrow keys move along a curve, up and down between cohorts.',
  curveAverageNote: 'Dashed: a period still running, left out of the average.',
  curveFewNote: (threshold) => `Hollow points: fewer than ${threshold} customers, few to judge by.`,
});
