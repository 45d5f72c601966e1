/**
 * `retention-kit/sql`: the kit's metrics as SQL, for data that lives in a
 * database or a warehouse. Each function writes one readable, commented query
 * from the user's table and column names, with the engine's definitions, for
 * DuckDB, PostgreSQL, BigQuery, Snowflake or ClickHouse; each `…FromRows`
 * turns the query's rows into the versioned JSON shape the elements take.
 */
export { DIALECTS, dialects, dialectOf, type Dialect, type DialectName } from './dialects.ts';
export { rowCountsSql, PURCHASE_WORDS, RETURN_WORDS, type SqlFields, type SqlOptions } from './source.ts';
export { cohortMatrixSql, cohortMatrixFromRows, type CohortMatrixRow, type CohortMeasure } from './cohort-matrix.ts';
export { periodCountsSql, periodCountsFromRows, type PeriodCountsRow, type PeriodCountsSqlOptions } from './period-counts.ts';
export { npsPeriodsSql, npsPeriodsFromRows, type NpsPeriodsRow } from './nps-periods.ts';
export { surveyRowCountsSql, invalidScoresSql, type SurveySqlFields, type SurveySqlOptions } from './survey-source.ts';
export * from '../metrics/shapes/index.ts';
export { sqlFieldsOfPreset, type PresetSql } from './presets.ts';
export { purchaseGapsSql, windowDaysFromGaps, purchaseGapsShapeSql, purchaseGapsFromRows, type PurchaseGapsRow, type PurchaseGapsSqlOptions, type GapFrame } from './purchase-gaps.ts';
export { revenueMovementsSql, revenueMovementsFromRows, type RevenueMovementsRow, type RevenueMovementsFromRowsOptions } from './revenue-movements.ts';
export { subscriptionRowCountsSql, subscriptionFieldsOfPreset, type SubscriptionSqlFields, type SubscriptionSqlOptions } from './subscription-source.ts';
export { orderConflictsSql, statusCountsSql, currencyCountsSql, type SqlRowRole } from './orders.ts';
export { repeatCountsSql, repeatCountsFromRows, type RepeatCountsRow, type RepeatCountsSqlOptions } from './repeat-counts.ts';
