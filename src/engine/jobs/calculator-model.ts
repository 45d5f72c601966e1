/**
 * What the retention calculator shows for the figures a person typed: every
 * result the figures allow, and for every field that holds something the
 * metrics refuse, why. Pure, no DOM: the rates themselves come from
 * src/metrics/rates.ts (one definition each); this module only decides which
 * of them can run yet and names the field each refusal belongs to.
 *
 * Empty fields are not errors: a result whose figures are not all filled in
 * is simply not shown yet (`null`), so the calculator is usable from an empty
 * form. `new`, `contraction` and `expansion` count as 0 when empty.
 */
import type { InputError } from '../../metrics/issues.ts';
import { customerChurnRate, customerRetentionRate, netRevenueRetention, revenueChurnRate, saasLifetimeValue } from '../../metrics/rates.ts';
import { numberValue } from '../../metrics/read/records.ts';
import { toFiniteNumber } from '../../metrics/read/values.ts';
import { readMargin, type MarginProblem } from '../../metrics/margin.ts';
import { CALCULATOR_FIELDS, blankCalculatorModel, type CalculatorField, type CalculatorFigures, type CalculatorModel, type FieldProblem } from '../../metrics/calculator-fields.ts';

export * from '../../metrics/calculator-fields.ts';

/** Counted fields are whole numbers; the others are amounts (money, a percentage). */
const COUNT_FIELDS: readonly CalculatorField[] = ['start', 'end', 'new'];
const customerCount = numberValue({ min: 0, integer: true });
const amount = numberValue({ min: 0 });

const isEmpty = (value: string | number | null | undefined) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Why a margin is refused, as the calculator words it. */
const MARGIN_PROBLEMS: Record<MarginProblem, FieldProblem> = { 'not-a-number': 'margin-not-a-number', negative: 'negative', 'above-100': 'margin-above-100' };

/** Figures of one field alone: empty, refused (and why) or read. */
function readField(field: CalculatorField, value: string | number | null | undefined): { value: number | null; problem?: FieldProblem } {
  if (isEmpty(value)) return { value: null };
  if (field === 'grossMargin') {
    // 0.78, 78 %, 78% and 78 all mean 78 %: the kit's one reading of a margin (the form says how it read it).
    const margin = readMargin(value!);
    return margin.ok ? { value: margin.fraction } : { value: null, problem: MARGIN_PROBLEMS[margin.problem] };
  }
  const schema = COUNT_FIELDS.includes(field) ? customerCount : amount;
  const parsed = schema.safeParse(typeof value === 'string' ? value.trim() : value);
  if (parsed.success) return { value: parsed.data };
  const number = toFiniteNumber(typeof value === 'string' ? value.trim() : value);
  if (number !== number) return { value: null, problem: 'not-a-number' };
  if (number < 0) return { value: null, problem: 'negative' };
  return { value: null, problem: 'not-whole' };
}

/** The problem behind a consistency rule of rates.ts, by the field it was reported on. */
const RULE_PROBLEMS: Record<string, [CalculatorField, FieldProblem]> = {
  new: ['new', 'new-above-end'],
  start: ['start', 'start-zero'],
  startRevenue: ['startRevenue', 'revenue-start-zero'],
  churned: ['lostRevenue', 'losses-above-start'],
  grossMargin: ['grossMargin', 'margin-above-100'],
};

export function calculatorModel(typed: CalculatorFigures): CalculatorModel {
  const figures = {} as Record<CalculatorField, number | null>;
  const problems: Partial<Record<CalculatorField, FieldProblem>> = {};
  for (const field of CALCULATOR_FIELDS) {
    const read = readField(field, typed[field]);
    figures[field] = read.value;
    if (read.problem) problems[field] = read.problem;
  }
  const usable = (...fields: CalculatorField[]) => fields.every((field) => figures[field] !== null);
  const orZero = (field: CalculatorField) => (isEmpty(typed[field]) ? 0 : figures[field]);
  const refuse = (error: InputError) => {
    for (const issue of error.issues) {
      const rule = RULE_PROBLEMS[issue.field];
      if (rule) {
        problems[rule[0]] ??= rule[1];
        figures[rule[0]] = null;
      }
    }
  };

  const model: CalculatorModel = { ...blankCalculatorModel(), figures, problems };

  const acquired = orZero('new');
  if (usable('start', 'end') && acquired !== null) {
    const start = figures.start!;
    const retained = figures.end! - acquired;
    const retention = customerRetentionRate({ start, end: figures.end!, new: acquired });
    if (retention.ok) {
      model.retention = retention.value;
      // Without a count of lost customers, everyone of S not in E − N is lost; more in E − N than S came back.
      const lost = Math.max(0, start - retained);
      const churn = customerChurnRate({ start, lost });
      if (churn.ok) {
        model.lostCustomers = lost;
        model.customerChurn = churn.value;
        model.reactivated = retained > start ? retained - start : null;
      }
    } else {
      refuse(retention.error);
    }
  }

  const contraction = orZero('contraction');
  const expansion = orZero('expansion');
  if (usable('startRevenue', 'lostRevenue') && contraction !== null && expansion !== null) {
    const amounts = { startRevenue: figures.startRevenue!, churned: figures.lostRevenue!, contraction, expansion };
    const churn = revenueChurnRate(amounts);
    const nrr = netRevenueRetention(amounts);
    if (churn.ok && nrr.ok) {
      model.revenueChurn = churn.value.netRevenueChurn;
      model.grossRevenueChurn = churn.value.grossRevenueChurn;
      model.netRevenueRetention = nrr.value;
    } else if (!churn.ok) {
      refuse(churn.error);
    }
  }

  if (figures.grossMargin !== null) {
    const grossMargin = figures.grossMargin;
    if (figures.arpa !== null && model.customerChurn !== null) {
      const ltv = saasLifetimeValue({ arpa: figures.arpa, grossMargin, churnRate: model.customerChurn });
      if (ltv.ok) model.lifetimeValue = ltv.value;
      else if (ltv.error.issues.some((issue) => issue.field === 'churnRate')) model.lifetimeValueNote = 'no-churn';
      refuseMargin(ltv.ok ? undefined : ltv.error);
    } else {
      // The margin is checked on its own (neutral ARPA and churn), so a wrong margin shows before the rest is typed.
      const check = saasLifetimeValue({ arpa: 0, grossMargin, churnRate: 1 });
      refuseMargin(check.ok ? undefined : check.error);
    }
  }
  return model;

  function refuseMargin(error: InputError | undefined) {
    if (!error) return;
    if (error.issues.some((issue) => issue.field === 'grossMargin')) {
      refuse(error);
      model.lifetimeValue = null;
    }
  }
}
