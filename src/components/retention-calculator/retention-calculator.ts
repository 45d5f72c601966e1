import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { marginAttribute } from '../platform/attribute-rules.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { RESULT_INPUTS, blankCalculatorModel, type CalculatorField, type CalculatorFigures, type CalculatorModel } from '../../metrics/calculator-fields.ts';
import { calculatorStyles } from './retention-calculator.styles.ts';
import './retention-calculator.translations.ts';

/** The results are computed in the metrics engine (engine/jobs/retention-calculator.ts). */
const retentionCalculatorJob = jobNamed<CalculatorFigures, CalculatorModel>('retention-calculator');

type ResultKey = keyof typeof RESULT_INPUTS;

const GROUPS: { legend: 'calcCustomers' | 'calcRevenue' | 'calcValue'; fields: CalculatorField[] }[] = [
  { legend: 'calcCustomers', fields: ['start', 'end', 'new'] },
  { legend: 'calcRevenue', fields: ['startRevenue', 'lostRevenue', 'contraction', 'expansion'] },
  { legend: 'calcValue', fields: ['arpa', 'grossMargin'] },
];

/** Attribute of each field (presets), kebab-case like every kit attribute. */
const ATTRIBUTES: Record<CalculatorField, string> = {
  start: 'start',
  end: 'end',
  new: 'new',
  startRevenue: 'start-revenue',
  lostRevenue: 'lost-revenue',
  contraction: 'contraction',
  expansion: 'expansion',
  arpa: 'arpa',
  grossMargin: 'gross-margin',
};

/**
 * The customer-retention calculator content sites embed: a small form whose
 * results (CRR, customer churn, net revenue churn, NRR, SaaS lifetime value)
 * follow every keystroke, each with its formula in words. A figure the
 * metrics refuse is explained next to its field. Empty fields are fine: a
 * result waits until its figures are there.
 *
 * It has no data routes: the figures are the input. Presets come from
 * attributes, and what a person types is readable from the same properties.
 *
 * @summary Customer retention, churn, revenue churn, NRR and LTV from a few typed figures.
 * @noattr data src source - No data routes: the typed figures are the input (the manifest leaves them out).
 *
 * @attr start - Customers at period start (S).
 * @attr end - Customers at period end (E).
 * @attr new - New customers in the period (N); empty = 0.
 * @attr start-revenue - Recurring revenue at period start.
 * @attr lost-revenue - Recurring revenue lost to cancellations (churned).
 * @attr contraction - Recurring revenue lost to downgrades; empty = 0.
 * @attr expansion - Recurring revenue gained from upgrades; empty = 0.
 * @attr arpa - Average revenue per customer per period (same period as churn).
 * @attr gross-margin - Gross margin: `0.78`, `78 %`, `78%` or `78` (above 1: a percent); the form says how it read it. The same reading as <ltv-forecast>'s.
 * @attr currency - ISO 4217 code for money (default USD).
 *
 * @fires metric-change - The results changed: `detail.result` is a CalculatorModel (figures, problems, every result).
 *
 * @csspart form - The form.
 * @csspart field - One label + input + message.
 * @csspart input - An input.
 * @csspart field-error - Why a figure is refused.
 * @csspart field-note - How a figure was read (the gross margin as a percent).
 * @csspart results - The result list.
 * @csspart result - One result.
 * @csspart value - A result's figure.
 * @csspart formula - Its formula in words.
 * @csspart result-note - A note on a result (net negative churn, missing figures).
 * @csspart table - The hidden table.
 *
 * @cssprop --rk-calculator-padding - Padding of the host.
 * @cssprop --rk-calculator-value-size - Font size of the result figures.
 * @cssprop --rk-calculator-input-border - Border colour of the inputs.
 */
export class RetentionCalculator extends RetentionElement<CalculatorModel, never> {
  static override styles = [platformStyles, calculatorStyles];

  // No data routes: the figures are the input. The platform waits for records on
  // `data`, `src` or `source` and then for a job, which the calculator does not
  // have, so a page template that gives every widget `source="…"` would leave it
  // `loading` for ever (and `src` would download for nothing). These three read as
  // unset here, whatever is assigned, so the result always comes from the figures.
  static {
    for (const route of ['data', 'src', 'source']) {
      Object.defineProperty(this.prototype, route, { configurable: true, get: () => undefined, set: () => {} });
    }
  }

  @property() start?: string | number;
  @property() end?: string | number;
  @property() new?: string | number;
  @property({ attribute: 'start-revenue' }) startRevenue?: string | number;
  @property({ attribute: 'lost-revenue' }) lostRevenue?: string | number;
  @property() contraction?: string | number;
  @property() expansion?: string | number;
  @property() arpa?: string | number;
  /** As typed or preset (`0.78`, `78 %`, `78`); a preset no margin reads as is refused with a warning (attribute-rules.ts). */
  @property({ attribute: 'gross-margin', converter: marginAttribute }) grossMargin?: string | number;

  /** The figures as they stand (typed or preset). */
  get figures(): CalculatorFigures {
    return {
      start: this.start,
      end: this.end,
      new: this.new,
      startRevenue: this.startRevenue,
      lostRevenue: this.lostRevenue,
      contraction: this.contraction,
      expansion: this.expansion,
      arpa: this.arpa,
      grossMargin: this.grossMargin,
    };
  }

  protected jobRequest(): JobRequest<never, CalculatorModel> | undefined {
    return undefined;
  }

  protected override plainRequest(): JobRequest<CalculatorFigures, CalculatorModel> {
    return { job: retentionCalculatorJob, options: this.figures };
  }

  protected label(): string {
    return this.format.term('calcLabel');
  }

  protected summarize(model: CalculatorModel): string {
    const rows = this.#resultRows(model).filter(([, value]) => value !== null);
    if (rows.length === 0) return this.format.term('calcSummaryEmpty');
    return `${this.format.term('calcLabel')}: ${rows.map(([name, value]) => `${name} ${value}`).join(', ')}.`;
  }

  /** The form is the element: drawn whatever the data routes say (it has none). */
  override render(): TemplateResult {
    // Until the first result arrives (a few milliseconds; the engine loads once), the form shows with empty results.
    // Warnings too: a preset attribute the form refused (gross-margin="150") is said here, as every element says it.
    return html`<div part="base" class="base">${this.renderHeader()} ${this.renderMetric(this.result ?? blankCalculatorModel())} ${this.renderWarnings()}</div>`;
  }

  protected renderMetric(model: CalculatorModel): TemplateResult {
    const f = this.format;
    return html`<div class="layout">
        <form part="form" novalidate @submit=${(event: Event) => event.preventDefault()}>
          ${GROUPS.map(
            (group) => html`<fieldset>
              <legend>${f.term(group.legend)}</legend>
              ${group.fields.map((field) => this.#renderField(field, model))}
            </fieldset>`,
          )}
        </form>
        <section aria-labelledby="results-heading">
          <h3 id="results-heading">${f.term('calcResults')}</h3>
          <ul part="results">
            ${this.#renderResult('retention', model)} ${this.#renderResult('customerChurn', model)} ${this.#renderResult('revenueChurn', model)}
            ${this.#renderResult('netRevenueRetention', model)} ${this.#renderResult('lifetimeValue', model)}
          </ul>
        </section>
      </div>
      ${renderDataTable(
        f.term('calcTable'),
        [{ label: f.term('calcMeasure') }, { label: f.term('calcResultValue'), numeric: true }],
        this.#resultRows(model).map(([name, value]) => [name, value ?? '—']),
      )}`;
  }

  #renderField(field: CalculatorField, model: CalculatorModel): TemplateResult {
    const f = this.format;
    const problem = model.problems[field];
    const id = `field-${ATTRIBUTES[field]}`;
    const typed = this.figures[field];
    const read = field === 'grossMargin' ? model.figures.grossMargin : null;
    return html`<div part="field" class="field">
      <label for=${id}>${f.term('calcField', field)}</label>
      <input
        part="input"
        id=${id}
        name=${ATTRIBUTES[field]}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(typed === undefined || typed === null ? '' : String(typed))}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-error` : read !== null ? `${id}-note` : nothing}
        @input=${(event: Event) => this.#typed(field, (event.target as HTMLInputElement).value)}
      />
      ${problem ? html`<span part="field-error" id="${id}-error">${f.term('calcProblem', problem)}</span>` : nothing}
      ${read !== null ? html`<span part="field-note" id="${id}-note">${f.term('calcMarginRead', f.percent(read))}</span>` : nothing}
    </div>`;
  }

  #typed(field: CalculatorField, value: string): void {
    (this as unknown as Record<CalculatorField, string>)[field] = value;
  }

  #formatted(key: ResultKey, model: CalculatorModel): string | null {
    const f = this.format;
    const value = model[key];
    if (value === null) return null;
    return key === 'lifetimeValue' ? f.currency(value) : f.percent(value);
  }

  #resultRows(model: CalculatorModel): [string, string | null][] {
    const f = this.format;
    return [
      [f.term('calcRetention'), this.#formatted('retention', model)],
      [f.term('calcCustomerChurn'), this.#formatted('customerChurn', model)],
      [f.term('calcRevenueChurn'), this.#formatted('revenueChurn', model)],
      [f.term('calcNrr'), this.#formatted('netRevenueRetention', model)],
      [f.term('calcLtv'), this.#formatted('lifetimeValue', model)],
    ];
  }

  #renderResult(key: ResultKey, model: CalculatorModel): TemplateResult {
    const f = this.format;
    const names: Record<ResultKey, [string, string]> = {
      retention: [f.term('calcRetention'), f.term('calcRetentionFormula')],
      customerChurn: [f.term('calcCustomerChurn'), f.term('calcChurnFormula')],
      revenueChurn: [f.term('calcRevenueChurn'), f.term('calcRevenueChurnFormula')],
      netRevenueRetention: [f.term('calcNrr'), f.term('calcNrrFormula')],
      lifetimeValue: [f.term('calcLtv'), f.term('calcLtvFormula')],
    };
    const [name, formula] = names[key];
    const text = this.#formatted(key, model);
    const note = this.#note(key, model);
    const good = key === 'revenueChurn' && model.revenueChurn !== null && model.revenueChurn < 0;
    return html`<li part="result" data-result=${key}>
      <span class="result-name">${name}</span>
      <output part="value" class=${text === null ? 'empty' : good ? 'good' : nothing}>${text ?? '—'}</output>
      <span part="formula">${formula}</span>
      ${note ? html`<span part="result-note">${note}</span>` : nothing}
    </li>`;
  }

  #note(key: ResultKey, model: CalculatorModel): string | null {
    const f = this.format;
    if (key === 'revenueChurn' && model.revenueChurn !== null && model.revenueChurn < 0) return f.term('calcNetNegative');
    if (key === 'customerChurn' && model.reactivated !== null) return f.term('calcReactivated', model.reactivated);
    if (key === 'customerChurn' && model.lostCustomers !== null) return f.term('calcLost', model.lostCustomers);
    if (key === 'lifetimeValue' && model.lifetimeValueNote === 'no-churn') return f.term('calcNoChurn');
    if (model[key] !== null) return null;
    const missing = RESULT_INPUTS[key].filter((field) => model.figures[field] === null && !model.problems[field]);
    return missing.length > 0 ? f.term('calcNeeds', missing.map((field) => f.term('calcField', field)).join(', ')) : null;
  }
}
