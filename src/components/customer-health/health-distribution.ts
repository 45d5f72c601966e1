/**
 * The score distribution of <customer-health>, pure: scores 0–100 in bands of
 * ten (d3-array's bin), each band counted by status, so the chart shows how
 * many customers sit where and how many of them are at risk or already lapsed.
 */
import { bin } from 'd3-array';
import type { HealthStatus } from '../../metrics/health.ts';
import type { HealthRow } from '../../engine/jobs/customer-health.ts';

export const BAND_WIDTH = 10;

export interface ScoreBand {
  /** Scores in [low, high); the last band also holds 100. */
  low: number;
  high: number;
  total: number;
  counts: Record<HealthStatus, number>;
}

/** Stacking order of a band's bar, bottom up: the ones that need a call nearest the axis. */
export const BAND_STATUSES: readonly HealthStatus[] = ['at-risk', 'lapsed', 'healthy'];

export function scoreBands(rows: readonly HealthRow[]): ScoreBand[] {
  const thresholds = Array.from({ length: 100 / BAND_WIDTH - 1 }, (_, i) => (i + 1) * BAND_WIDTH);
  const bins = bin<HealthRow, number>()
    .value((row) => row.score)
    .domain([0, 100])
    .thresholds(thresholds)(rows);
  return bins.map((members, i) => {
    const counts: Record<HealthStatus, number> = { healthy: 0, 'at-risk': 0, lapsed: 0 };
    for (const row of members) counts[row.status]++;
    return { low: i * BAND_WIDTH, high: (i + 1) * BAND_WIDTH, total: members.length, counts };
  });
}
