/**
 * Lifetime value by the SaaS formula from figures alone (ARPA × gross margin
 * ÷ churn): what <ltv-forecast> shows from plain attributes (the
 * `ltv-forecast-figures` job), and figures mixed with measured ones.
 */
import { ok, type Result } from '../../metrics/issues.ts';
import { saasLifetimeValue } from '../../metrics/rates.ts';
import type { SaasValue } from './ltv-forecast.ts';

/**
 * The SaaS formula from figures only (plain attributes, or figures mixed with
 * measured ones). Without a gross margin (null) the value is revenue, ARPA ÷
 * churn, and stays marked as such rather than as a margin of 100 %.
 */
export function saasFromFigures(arpa: number, grossMargin: number | null, churn: number, measured: SaasValue['measured']): Result<SaasValue> {
  const value = saasLifetimeValue({ arpa, grossMargin: grossMargin ?? 1, churnRate: churn });
  if (!value.ok) return value;
  return ok({ value: value.value, arpa, grossMargin, churn, source: measured ? 'data' : 'attributes', measured });
}
