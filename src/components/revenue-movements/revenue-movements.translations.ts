/** English terms of <revenue-movements> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';
import type { Granularity } from '../../metrics/calendar/calendar.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    movementsScopeMrr: string;
    movementsLabel: string;
    movementsPeriod: string;
    movementsStart: string;
    movementsNew: string;
    movementsExpansion: string;
    movementsReactivation: string;
    movementsContraction: string;
    movementsChurn: string;
    movementsNet: string;
    movementsNrr: string;
    movementsGrr: string;
    movementsQuickRatio: string;
    movementsRunning: string;
    movementsSelected: (period: string) => string;
    movementsSummary: (from: string, to: string) => string;
    movementsSummaryPeriod: (period: string, nrr: string, grr: string, quick: string) => string;
    movementsKeyboardHint: string;
    movementsBarsTooNarrow: (periods: string, coarser: Granularity) => string;
  }
}

registerTranslation('en', {
  movementsScopeMrr: 'recurring revenue (MRR)',
  movementsLabel: 'Recurring revenue movements',
  movementsPeriod: 'Period',
  movementsStart: 'Recurring revenue at start',
  movementsNew: 'New',
  movementsExpansion: 'Expansion',
  movementsReactivation: 'Reactivation',
  movementsContraction: 'Contraction',
  movementsChurn: 'Churn',
  movementsNet: 'Net change',
  movementsNrr: 'Net revenue retention',
  movementsGrr: 'Gross revenue retention',
  movementsQuickRatio: 'Quick ratio',
  movementsRunning: 'period not over yet',
  movementsSelected: (period) => `Selected: ${period}`,
  movementsSummary: (from, to) => `Recurring revenue movements from ${from} to ${to}.`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}: net revenue retention ${nrr}, gross revenue retention ${grr}, quick ratio ${quick}.`,
  movementsKeyboardHint: 'Revenue movements: arrow keys move between periods, Enter selects one.',
  movementsBarsTooNarrow: (periods, coarser) =>
    `${periods} periods are too many for bars at this width, so only the net change is drawn. ${{ day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' }[coarser]} or longer periods (granularity="${coarser}") show each movement.`,
});
