/**
 * `retention-kit`: the whole kit. Importing it registers every element of the
 * kit (each `src/components/<tag>/define.ts`, found by pattern at build time,
 * so a new element is part of the kit as soon as its folder exists) and
 * exports what a page needs around them. One element alone:
 * `import 'retention-kit/cohort-heatmap'`.
 */
import.meta.glob('./components/*/define.ts', { eager: true });

export { KIT_VERSION, defineElement } from './components/platform/define.ts';
export { registerTranslation, type Terms, type TermKey } from './components/platform/translations.ts';
export { computeStats, WORKER_THRESHOLD, type ComputeMode } from './components/platform/compute.ts';
export type { MetricChangeDetail, MetricChangeEvent, RetentionErrorEvent, ErrorDetail, SourceChangeDetail } from './components/platform/events.ts';
export type { ElementError, LoadError, ComputeError } from './components/platform/errors.ts';
export { ExportError, type ExportFormat, type ExportFailure } from './components/platform/export-menu.ts';
export type { CsvOptions, PngOptions } from './components/platform/chart-export.ts';

// The element classes and what their events carry, for typed refs and handlers
// (`useRef<CohortHeatmap>`, `(event: MetricChangeEvent<HeatmapModel>) => …`). Types
// only: nothing here adds code to the page.
export type { SourceChangeEvent } from './components/platform/events.ts';
export type { ChurnReasons, ReasonSelectDetail } from './components/churn-reasons/churn-reasons.ts';
export type { ChurnTrend } from './components/churn-trend/churn-trend.ts';
export type { CohortHeatmap, CohortSelectDetail, CohortSelectEvent } from './components/cohort-heatmap/cohort-heatmap.ts';
export type { CustomerHealth, CustomerSelectDetail } from './components/customer-health/customer-health.ts';
export type { KpiTile } from './components/kpi-tile/kpi-tile.ts';
export type { LtvForecast } from './components/ltv-forecast/ltv-forecast.ts';
export type { NpsScore } from './components/nps-score/nps-score.ts';
export type { PurchaseCycle } from './components/purchase-cycle/purchase-cycle.ts';
export type { RetentionCalculator } from './components/retention-calculator/retention-calculator.ts';
export type { RetentionCurve } from './components/retention-curve/retention-curve.ts';
export type { RetentionGauge } from './components/retention-gauge/retention-gauge.ts';
export type { RetentionSource } from './components/retention-source/retention-source.ts';
export type { RevenueMovements, MovementSelectDetail, MovementSelectEvent } from './components/revenue-movements/revenue-movements.ts';

// The computed result of each element: its `result` property and `metric-change`'s `detail.result`.
export type { ChurnReasonsModel } from './engine/jobs/churn-reasons.ts';
export type { ChurnTrendModel } from './engine/jobs/churn-trend.ts';
export type { HeatmapModel } from './engine/jobs/cohort-heatmap.ts';
export type { CustomerHealthModel } from './engine/jobs/customer-health.ts';
export type { KpiModel } from './metrics/kpi-catalogue.ts';
export type { LtvForecastModel } from './engine/jobs/ltv-forecast.ts';
export type { NpsModel } from './engine/jobs/nps-score.ts';
export type { PurchaseCycleModel } from './engine/jobs/purchase-cycle.ts';
export type { CalculatorModel } from './metrics/calculator-fields.ts';
export type { RetentionCurveModel } from './engine/jobs/retention-curve.ts';
export type { GaugeModel } from './engine/jobs/gauge-model.ts';
export type { RevenueMovementsModel } from './engine/jobs/revenue-movements.ts';
