/**
 * NPS from three typed counts (the `promoters`, `passives`, `detractors`
 * attributes): the `nps-score-counts` job.
 */
import { ok, type Result } from '../../metrics/issues.ts';
import { netPromoterScore, type NpsCounts } from '../../metrics/rates.ts';
import type { NpsModel } from './nps-score.ts';

/** NPS from counts typed as attributes. */
export function npsFromNumbers(counts: NpsCounts): Result<NpsModel> {
  const nps = netPromoterScore(counts);
  return nps.ok ? ok({ input: 'numbers', nps: nps.value, granularity: null, trend: [] }) : nps;
}
