// What the nps-periods/1 tests take from the kit: the engine's survey reading, the shape, its SQL, and <nps-score>'s job.
export { readSurveyResponses, npsByPeriod } from '../../src/metrics/surveys.ts';
export { computeNps } from '../../src/engine/jobs/nps-score.ts';
export * from '../../src/sql/index.ts';
