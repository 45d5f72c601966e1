/**
 * NPS from three typed counts (the `promoters`, `passives`, `detractors`
 * attributes): the `nps-score-counts` job.
 */
import { ok, type Result } from '../../metrics/issues.ts';
import { netPromoterScore, type NpsCounts } from '../../metrics/rates.ts';
import { npsInterval } from '../../metrics/uncertainty.ts';
import type { NpsModel } from './nps-score.ts';

/** NPS from counts typed as attributes. */
export function npsFromNumbers(counts: NpsCounts): Result<NpsModel> {
  const nps = netPromoterScore(counts);
  if (!nps.ok) return nps;
  const { promoters, detractors, responses } = nps.value;
  return ok({ input: 'numbers', nps: nps.value, interval: npsInterval(promoters, detractors, responses), granularity: null, trend: [] });
}
