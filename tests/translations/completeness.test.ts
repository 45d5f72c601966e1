/**
 * Every opt-in language should translate every term English has. A missing
 * term is not a bug users see (it falls back to English), but we want to know:
 * the type checks below fail `tsc` naming the missing keys, the runtime check
 * lists them per language.
 */
import { expect } from '@open-wc/testing';
import { registeredTerms, type TermKey } from '../../src/components/platform/translations.ts';
import type { TranslatedKeys as Nb } from '../../src/translations/nb.ts';
import type { TranslatedKeys as Da } from '../../src/translations/da.ts';
import type { TranslatedKeys as Zh } from '../../src/translations/zh.ts';
import type { TranslatedKeys as Ru } from '../../src/translations/ru.ts';
// English: the platform's terms and every element's (each element registers its own).
import '../../src/components/platform/translations/index.ts';
import '../../src/components/platform/trust.translations.ts';
import '../../src/components/churn-reasons/churn-reasons.translations.ts';
import '../../src/components/churn-trend/churn-trend.translations.ts';
import '../../src/components/cohort-heatmap/cohort-heatmap.translations.ts';
import '../../src/components/customer-health/customer-health.translations.ts';
import '../../src/components/kpi-tile/kpi-tile.translations.ts';
import '../../src/components/ltv-forecast/ltv-forecast.translations.ts';
import '../../src/components/nps-score/nps-score.translations.ts';
import '../../src/components/purchase-cycle/purchase-cycle.translations.ts';
import '../../src/components/retention-calculator/retention-calculator.translations.ts';
import '../../src/components/retention-curve/retention-curve.translations.ts';
import '../../src/components/retention-gauge/retention-gauge.translations.ts';
import '../../src/components/revenue-movements/revenue-movements.translations.ts';
import '../../src/translations/nb.ts';
import '../../src/translations/da.ts';
import '../../src/translations/zh.ts';
import '../../src/translations/ru.ts';

/** `true` when the language has every key of Terms; otherwise the union of the missing keys (a type error below). */
type Complete<Keys extends string> = [Exclude<TermKey, Keys>] extends [never] ? true : Exclude<TermKey, Keys>;
const typeChecks: [Complete<Nb>, Complete<Da>, Complete<Zh>, Complete<Ru>] = [true, true, true, true];
// The check itself bites: a language with one term only is incomplete.
// @ts-expect-error the missing keys are not `true`
const incomplete: Complete<'loading'> = true;

describe('opt-in languages are complete', () => {
  const english = Object.keys(registeredTerms('en') ?? {});

  it('English has the terms of the platform and of every element', () => {
    expect(english).to.include.members(['loading', 'dataTable', 'gaugeLabel', 'churnPeriod', 'calcLabel', 'npsLabel', 'kpiLabel']);
    expect(typeChecks).to.deep.equal([true, true, true, true]);
    expect(incomplete).to.equal(true);
  });

  for (const lang of ['nb', 'da', 'zh', 'ru']) {
    it(`${lang} translates every English term`, () => {
      const terms = registeredTerms(lang) ?? {};
      const missing = english.filter((key) => !(key in terms));
      const extra = Object.keys(terms).filter((key) => !english.includes(key));
      expect(missing, `${lang} lacks (English shows instead): ${missing.join(', ')}`).to.deep.equal([]);
      expect(extra, `${lang} has terms English does not: ${extra.join(', ')}`).to.deep.equal([]);
    });
  }
});
