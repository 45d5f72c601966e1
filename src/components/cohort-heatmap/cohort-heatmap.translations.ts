/** English terms of <cohort-heatmap> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    heatmapPercent: string;
    heatmapCount: string;
    heatmapRevenue: string;
    heatmapCohort: string;
    heatmapSize: string;
    heatmapAverage: string;
    heatmapPeriod: (k: number) => string;
    heatmapNotReached: string;
    heatmapActiveOf: (count: string, size: string) => string;
    heatmapKeyboardHint: string;
    heatmapSummary: (what: string, cohorts: number, first: string, last: string, periods: number) => string;
    heatmapAverageAt: (k: number, value: string) => string;
    heatmapPartial: string;
    heatmapPartialAverage: string;
    heatmapRunning: string;
    heatmapCohortBy: (property: string) => string;
    heatmapLegend: string;
    /** What the colours measure, the legend's title. */
    heatmapScale: (measure: 'percent' | 'count' | 'revenue') => string;
    /** The legend's top label when higher values share the top colour. */
    heatmapAtLeast: (value: string) => string;
    /** The legend's bottom label when lower values share the bottom colour. */
    heatmapAtMost: (value: string) => string;
    /** Key of the neutral period-0 column. */
    heatmapStartKey: string;
    /** Said by the legend when the cells are too small for their values. */
    heatmapValuesOnHover: string;
    /** The property cohort of customers without a value for the property. */
    heatmapNoValue: string;
    /** The legend's key of the hatched cells (the threshold already formatted). */
    heatmapFewKey: (threshold: string) => string;
    /** The legend's title with the unit the cells leave out: "Revenue ($)". */
    heatmapScaleIn: (what: string, unit: string) => string;
  }
}

registerTranslation('en', {
  heatmapPercent: 'Cohort retention',
  heatmapCount: 'Active customers by cohort',
  heatmapRevenue: 'Revenue by cohort',
  heatmapCohort: 'Cohort',
  heatmapSize: 'Customers',
  heatmapAverage: 'Average',
  heatmapPeriod: (k) => `Period ${k}`,
  heatmapNotReached: 'not reached yet',
  heatmapActiveOf: (count, size) => `${count} of ${size} active`,
  heatmapKeyboardHint: 'Cohort table: arrow keys move between cells, Home and End to the row ends, Enter selects the cohort.',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}: ${cohorts} ${cohorts === 1 ? 'cohort' : 'cohorts'} (${first} to ${last}) over ${periods} ${periods === 1 ? 'period' : 'periods'}.`,
  heatmapAverageAt: (k, value) => `Average in period ${k}: ${value}.`,
  heatmapPartial: 'The newest period is still running.',
  heatmapPartialAverage: 'The newest period of each cohort is still running: its cell is outlined and left out of the average.',
  heatmapRunning: 'still running',
  heatmapCohortBy: (property) => `Cohorts by ${property}.`,
  heatmapLegend: 'Colour scale',
  heatmapScale: (measure) => (measure === 'percent' ? '% of cohort active' : measure === 'count' ? 'Active customers' : 'Revenue'),
  heatmapAtLeast: (value) => `≥ ${value}`,
  heatmapAtMost: (value) => `≤ ${value}`,
  heatmapStartKey: 'period 0: the whole cohort',
  heatmapValuesOnHover: 'values on hover or focus',
  heatmapNoValue: '(none)',
  heatmapFewKey: (threshold) => `fewer than ${threshold} customers: few to judge by`,
  heatmapScaleIn: (what, unit) => `${what} (${unit})`,
});
