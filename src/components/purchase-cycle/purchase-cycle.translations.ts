/** English terms of <purchase-cycle> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    cycleScope: (gaps: number, gapsShown: string, customers: number, customersShown: string) => string;
    cycleLabel: string;
    cycleDays: (range: string) => string;
    cycleGaps: string;
    cycleShare: string;
    cycleMedian: string;
    cycleMean: string;
    cycleWindow: string;
    cycleDaysValue: (days: string) => string;
    cycleWindowNote: (cycles: number, median: string) => string;
    cycleBeyond: string;
    cycleNoGaps: string;
    cycleSummary: (median: string, mean: string, windowDays: string, gaps: string, customers: string) => string;
    cycleKeyboardHint: string;
    cycleAxis: string;
    cycleJoined: (joinedDays: string, binDays: number, binDaysShown: string) => string;
    /** The share of the frame's customers who bought again on another day, as the legend names it. */
    cycleBoughtAgain: string;
    /** That share (with its interval) and its counts: "43.7% (…), 180 of 412 customers". */
    cycleRepeatOf: (rate: string, repeatCustomers: string, customers: string) => string;
    /** The median rests on few customers who bought again. */
    cycleFewRepeaters: (count: number) => string;
  }
}

registerTranslation('en', {
  cycleScope: (gaps, gapsShown, customers, customersShown) =>
    `${gapsShown} ${gaps === 1 ? 'repeat purchase' : 'repeat purchases'} by ${customersShown} ${customers === 1 ? 'customer' : 'customers'}`,
  cycleLabel: 'Days between purchases',
  cycleDays: (range) => `${range} days`,
  cycleGaps: 'Repeat purchases',
  cycleShare: 'Share',
  cycleMedian: 'Median',
  cycleMean: 'Mean',
  cycleWindow: 'Suggested retention window',
  cycleDaysValue: (days) => `${days} days`,
  cycleWindowNote: (cycles, median) => `${cycles} × the median of ${median}`,
  cycleBeyond: 'beyond the chart',
  cycleNoGaps: 'No customer bought on two different days, so there is no time between purchases yet.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Days between purchases: median ${median}, mean ${mean}, over ${gaps} repeat purchases of ${customers} customers. Suggested retention window: ${windowDays}.`,
  cycleKeyboardHint: 'Histogram of days between purchases: arrow keys move between bars.',
  cycleAxis: 'days between purchases',
  cycleJoined: (joined, bin, binShown) =>
    `Each bar covers ${joined} days: bars of ${binShown} ${bin === 1 ? 'day' : 'days'} would be under 2 px wide at this width. A coarser bin-width, such as ${joined}, avoids this.`,
  cycleBoughtAgain: 'Bought again on another day',
  cycleRepeatOf: (rate, repeat, customers) => `${rate}, ${repeat} of ${customers} customers`,
  cycleFewRepeaters: (count) => `Only ${count} ${count === 1 ? 'customer' : 'customers'} bought again: few to judge the median by.`,
});
