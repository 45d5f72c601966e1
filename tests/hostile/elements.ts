/**
 * The element specs of specs.ts, with every element of the kit registered (each define.ts),
 * so each file of the corpus can be run on its own.
 */
import '../../src/components/churn-reasons/define.ts';
import '../../src/components/churn-trend/define.ts';
import '../../src/components/cohort-heatmap/define.ts';
import '../../src/components/customer-health/define.ts';
import '../../src/components/kpi-tile/define.ts';
import '../../src/components/ltv-forecast/define.ts';
import '../../src/components/nps-score/define.ts';
import '../../src/components/purchase-cycle/define.ts';
import '../../src/components/retention-calculator/define.ts';
import '../../src/components/retention-curve/define.ts';
import '../../src/components/retention-gauge/define.ts';
import '../../src/components/retention-source/define.ts';
import '../../src/components/revenue-movements/define.ts';

export * from './specs.ts';
