/** English terms of <nps-score> (built in). Other languages: src/translations/<lang>.ts, opt-in modules. */
import { registerTranslation } from '../platform/translations.ts';
import type { NpsGroupName } from './nps-layout.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    npsLabel: string;
    npsResponses: (count: number, formatted: string) => string;
    npsGroup: (group: NpsGroupName) => string;
    npsGroupScores: (group: NpsGroupName) => string;
    npsFewResponses: (count: string, min: string, swing: string) => string;
    npsTrend: string;
    npsSummary: (score: string, responses: string) => string;
    npsSummarySplit: (promoters: string, passives: string, detractors: string) => string;
    npsSummaryLatest: (period: string, score: string) => string;
    npsSplitTable: string;
    npsTrendTable: string;
    npsGroupColumn: string;
    npsCount: string;
    npsShare: string;
    npsScoreColumn: string;
    npsPeriod: string;
    npsNoScore: string;
    npsIntervalRange: (low: string, high: string) => string;
    npsIntervalLine: (range: string) => string;
    npsSummaryInterval: (range: string) => string;
    npsFewMark: string;
    npsFewPeriod: (responses: string) => string;
    npsKeyboardHint: string;
  }
}

const groupsEn: Record<NpsGroupName, string> = { promoters: 'Promoters', passives: 'Passives', detractors: 'Detractors' };

const scores: Record<NpsGroupName, string> = { promoters: '9–10', passives: '7–8', detractors: '0–6' };

registerTranslation('en', {
  npsLabel: 'Net Promoter Score',
  npsResponses: (count, n) => `${n} ${count === 1 ? 'response' : 'responses'}`,
  npsGroup: (g) => groupsEn[g],
  npsGroupScores: (g) => `${groupsEn[g]} (${scores[g]})`,
  npsFewResponses: (n, min, swing) =>
    `Only ${n} responses, fewer than ${min}: a single answer more can move the score by up to ${swing} points, so read it as a rough signal, not a result.`,
  npsTrend: 'Trend',
  npsSummary: (score, responses) => `Net Promoter Score ${score} from ${responses}.`,
  npsSummarySplit: (p, pa, d) => `Promoters ${p}, passives ${pa}, detractors ${d}.`,
  npsSummaryLatest: (period, score) => `Latest period ${period}: ${score}.`,
  npsSplitTable: 'Promoters, passives and detractors',
  npsTrendTable: 'Net Promoter Score by period',
  npsGroupColumn: 'Group',
  npsCount: 'Responses',
  npsShare: 'Share',
  npsScoreColumn: 'NPS',
  npsPeriod: 'Period',
  npsNoScore: 'no responses',
  npsIntervalRange: (low, high) => `${low} to ${high}`,
  npsIntervalLine: (range) => `95% interval ${range}`,
  npsSummaryInterval: (range) => `95% interval ${range}.`,
  npsFewMark: 'few responses',
  npsFewPeriod: (n) => `Only ${n} responses: the score could well be far from the true one.`,
  npsKeyboardHint: 'Net Promoter Score by period. Arrow keys move between periods.',
});
