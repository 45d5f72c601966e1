/**
 * The library build minifies Lit's css`…` literals (scripts/minify-css-literals.mjs).
 * Here every styles module's CSS is parsed by Chromium as written and as minified:
 * the style sheets must be the same, rule for rule.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error: a plain ES module of the scripts folder, without declarations.
import { minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

// Every src/components/*/*.styles.ts (a new element adds its own line).
const STYLE_MODULES = [
  '../../src/components/churn-reasons/churn-reasons.styles.ts',
  '../../src/components/churn-trend/churn-trend.styles.ts',
  '../../src/components/cohort-heatmap/cohort-heatmap.styles.ts',
  '../../src/components/customer-health/customer-health.styles.ts',
  '../../src/components/kpi-tile/kpi-tile.styles.ts',
  '../../src/components/ltv-forecast/ltv-forecast.styles.ts',
  '../../src/components/nps-score/nps-score.styles.ts',
  '../../src/components/platform/theme.styles.ts',
  '../../src/components/purchase-cycle/purchase-cycle.styles.ts',
  '../../src/components/retention-calculator/retention-calculator.styles.ts',
  '../../src/components/retention-curve/retention-curve.styles.ts',
  '../../src/components/retention-gauge/retention-gauge.styles.ts',
  '../../src/components/revenue-movements/revenue-movements.styles.ts',
];

/** The CSS of every css`…` literal, with `${…}` parts (other style sheets) left out. */
function literals(code: string): string[] {
  return [...code.matchAll(/\bcss`([^`]*)`/g)].map((match) => match[1].replace(/\$\{[^}]*\}/g, ''));
}

function parsed(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

describe('minified CSS literals', () => {
  it('parse to the same rules as the CSS as written, in every styles module', async () => {
    for (const module of STYLE_MODULES) {
      const source = await (await fetch(new URL(module, import.meta.url))).text();
      const written = literals(source);
      const minified = literals(minifyCssLiterals(source) as string);
      expect(minified.length, module).to.equal(written.length);
      expect(written.length, module).to.be.greaterThan(0);
      for (let i = 0; i < written.length; i++) {
        expect(minified[i].length, module).to.be.lessThan(written[i].length);
        expect(parsed(minified[i]), module).to.deep.equal(parsed(written[i]));
      }
    }
  });
});
