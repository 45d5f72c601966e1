/**
 * The retention-calculator job: every result the typed figures allow, and why
 * any figure is refused (calculator-model.ts). It runs in the metrics engine
 * like every job, so the form's page never carries the metrics and their schemas.
 */
import { ok } from '../../metrics/issues.ts';
import { engineJob } from '../job.ts';
import { calculatorModel, type CalculatorFigures, type CalculatorModel } from './calculator-model.ts';

export const retentionCalculatorJob = engineJob<CalculatorFigures, CalculatorModel>('retention-calculator', (_records, figures) => ok(calculatorModel(figures)));
