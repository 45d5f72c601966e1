/**
 * Seeded, deterministic sample data for the demo gallery, the tests and the
 * benchmark: one seed gives the same records on every engine and every run.
 * Pure TypeScript (no DOM), so it runs in a page, a Worker or Node.
 */
export { Random } from './random.ts';
export { generateTransactions, type TransactionOptions, type TransactionRecord } from './transactions.ts';
export { PLANS, generateSubscriptions, type PlanName, type SubscriptionOptions, type SubscriptionRecord } from './subscriptions.ts';
export {
  CANCELLATION_REASONS,
  generateCancellations,
  generateSurveyResponses,
  type CancellationOptions,
  type CancellationRecord,
  type SurveyOptions,
  type SurveyResponseRecord,
} from './feedback.ts';
export { generateActivityEvents, type ActivityEventRecord, type ActivityOptions, type ActivityType } from './activity.ts';
