import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Granularity } from '../../metrics/calendar.ts';
import type { TimeUnit } from '../../metrics/ltv/index.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { RetentionElement, type JobRequest, type Outcome } from '../platform/retention-element.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { histogramLayout } from './ltv-geometry.ts';
import type { LtvForecastJobOptions, LtvForecastModel, PredictiveValue, SaasValue, LtvFigures } from './ltv-forecast.job.ts';
import { ltvForecastStyles } from './ltv-forecast.styles.ts';
import './ltv-forecast.translations.ts';

/** The job runs in the metrics engine (ltv-forecast.job.ts); the element only names it. */
const ltvForecastJob = jobNamed<LtvForecastJobOptions, LtvForecastModel>('ltv-forecast');
const ltvFiguresJob = jobNamed<LtvFigures, LtvForecastModel>('ltv-forecast-figures');

const numberOrUndefined = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null || value.trim() === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : Number.NaN;
  },
};

/** `days`, `weeks` or a number of days (never a hard-coded month: a month is `30.4375` if you want one). */
const timeUnitConverter = {
  fromAttribute(value: string | null): TimeUnit {
    const text = (value ?? '').trim().toLowerCase();
    if (text === '' || text === 'weeks' || text === 'week') return 'weeks';
    if (text === 'days' || text === 'day') return 'days';
    return Number(text);
  },
};

/**
 * Customer lifetime value three ways: historic (average net revenue per
 * customer, per first-purchase cohort), the simple SaaS formula (ARPA × gross
 * margin ÷ churn), and predictive (BG/NBD purchases × Gamma-Gamma spend over a
 * horizon), with the distribution over customers, the top customers and the
 * fitted parameters. Fitting runs in the metrics worker, with progress.
 *
 * @summary Historic and predictive customer lifetime value.
 *
 * @attr time-unit - `weeks` (default), `days`, or a number of days per unit.
 * @attr horizon - Forecast length in time units (default one year: 52 weeks, 365 days).
 * @attr calibration-end - Last day the models learn from (default the last day of data).
 * @attr discount-rate - Per time unit, as a fraction (default 0).
 * @attr margin - Share of revenue kept, 0–1 (default 1); also the SaaS gross margin unless `gross-margin` is set.
 * @attr arpa / gross-margin / churn - Figures of the SaaS formula; without a data route they are all it shows.
 * @attr granularity - Cohort period of the historic values and billing period of the measured SaaS inputs (default `month`).
 * @attr top-count - Customers in the top table (default 10). @attr bins - Histogram bins (default 20).
 *
 * @fires metric-change - The values changed: `detail.value` is a {@link LtvForecastModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart figures - The headline figures. @csspart figure - One figure. @csspart histogram - The distribution.
 * @csspart cohorts - Historic value per cohort. @csspart top - The top-customer table.
 * @csspart details - The model parameters. @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-ltv-bar - Bar colour.
 */
export class LtvForecast extends RetentionElement<LtvForecastModel, LtvForecastJobOptions> {
  static override styles = [platformStyles, ltvForecastStyles];

  @property({ attribute: 'time-unit', converter: timeUnitConverter }) timeUnit: TimeUnit = 'weeks';
  @property({ converter: numberOrUndefined }) horizon?: number;
  @property({ attribute: 'calibration-end' }) calibrationEnd?: string;
  @property({ attribute: 'discount-rate', converter: numberOrUndefined }) discountRate?: number;
  @property({ converter: numberOrUndefined }) margin?: number;
  @property({ converter: numberOrUndefined }) arpa?: number;
  @property({ attribute: 'gross-margin', converter: numberOrUndefined }) grossMargin?: number;
  @property({ converter: numberOrUndefined }) churn?: number;
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'top-count', converter: numberOrUndefined }) topCount?: number;
  @property({ converter: numberOrUndefined }) bins?: number;

  @state() private activeBin: number | null = null;
  @state() private focused = false;

  protected jobRequest(): JobRequest<LtvForecastJobOptions, LtvForecastModel> {
    return {
      job: ltvForecastJob,
      options: {
        fields: this.transactionFields(),
        timeZone: this.timeZone,
        timeUnit: this.timeUnit,
        horizon: this.horizon,
        calibrationEnd: this.calibrationEnd || undefined,
        discountRate: this.discountRate ?? 0,
        margin: this.margin ?? 1,
        topCount: this.topCount ?? 10,
        histogramBins: this.bins ?? 20,
        granularity: this.granularity,
        saas: { arpa: this.arpa, grossMargin: this.grossMargin, churn: this.churn },
        locale: this.format.locale,
      },
    };
  }

  /** Typed figures alone: the SaaS formula. */
  protected override plainRequest(): JobRequest<LtvFigures, LtvForecastModel> | undefined {
    if (this.arpa === undefined && this.churn === undefined) return undefined;
    return { job: ltvFiguresJob, options: { arpa: this.arpa, grossMargin: this.grossMargin, churn: this.churn, margin: this.margin } };
  }

  protected label(): string {
    return this.format.term('ltvLabel');
  }

  protected summarize(model: LtvForecastModel): string {
    const f = this.format;
    const parts = [`${f.term('ltvLabel')}:`];
    const p = this.#predictive(model);
    if (p) parts.push(f.term('ltvSummary', this.#horizonText(model), this.#money(p.mean), p.customers));
    if (model.historic?.overall.value != null) parts.push(f.term('ltvSummaryHistoric', this.#money(model.historic.overall.value)));
    const saas = this.#saas(model);
    if (saas) parts.push(f.term('ltvSummarySaas', this.#money(saas.value)));
    return parts.join(' ');
  }

  // ---- formatting ---------------------------------------------------------------------

  #predictive(model: LtvForecastModel): PredictiveValue | undefined {
    return model.predictive && !('error' in model.predictive) ? model.predictive : undefined;
  }

  #saas(model: LtvForecastModel): SaasValue | undefined {
    return model.saas && !('error' in model.saas) ? model.saas : undefined;
  }

  #money(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: 2 });
  }

  #parameter(value: number): string {
    return this.format.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  }

  #horizonText(model: LtvForecastModel): string {
    return this.format.term('ltvHorizon', model.horizon, model.timeUnitDays);
  }

  #binText(bin: { from: number; to: number }): string {
    const f = this.format;
    return f.term('ltvBin', f.currency(bin.from, { maximumFractionDigits: 0 }), f.currency(bin.to, { maximumFractionDigits: 0 }));
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: LtvForecastModel): TemplateResult {
    const p = this.#predictive(model);
    return html`${this.#renderFigures(model)} ${p ? this.#renderHistogram(p) : nothing} ${p ? this.#renderTop(p) : nothing} ${this.#renderCohorts(model)}
    ${p ? this.#renderDetails(model, p) : nothing} ${this.#renderTable(model)}`;
  }

  #renderFigures(model: LtvForecastModel): TemplateResult {
    const f = this.format;
    const p = this.#predictive(model);
    const saas = this.#saas(model);
    const unavailable = (value: { error: string } | null | undefined) =>
      value && 'error' in value ? html`<span class="note unavailable">${f.term('ltvNotAvailable', value.error)}</span>` : nothing;
    const predictiveError = model.predictive && 'error' in model.predictive ? model.predictive : null;
    const saasError = model.saas && 'error' in model.saas ? model.saas : null;
    return html`<dl part="figures">
      ${p
        ? html`<div part="figure predicted">
              <dt>${f.term('ltvPredicted', this.#horizonText(model))}</dt>
              <dd>${this.#money(p.mean)}</dd>
            </div>
            <div part="figure">
              <dt>${f.term('ltvExpectedPurchases')}</dt>
              <dd>${f.number(p.meanExpectedPurchases, { maximumFractionDigits: 2 })}</dd>
            </div>
            <div part="figure">
              <dt>${f.term('ltvProbabilityAlive')}</dt>
              <dd>${f.percent(p.meanProbabilityAlive)}</dd>
            </div>`
        : predictiveError
          ? html`<div part="figure predicted">
              <dt>${f.term('ltvPredicted', this.#horizonText(model))}</dt>
              <dd>–${unavailable(predictiveError)}</dd>
            </div>`
          : nothing}
      ${model.historic && model.historic.overall.value !== null
        ? html`<div part="figure historic">
            <dt>${f.term('ltvHistoric')}</dt>
            <dd>${this.#money(model.historic.overall.value)}</dd>
          </div>`
        : nothing}
      ${saas
        ? html`<div part="figure saas">
            <dt>${f.term('ltvSaas')}</dt>
            <dd>
              ${this.#money(saas.value)}
              <span class="note">${f.term('ltvSaasFormula', this.#money(saas.arpa), f.percent(saas.grossMargin), f.percent(saas.churn))}</span>
              ${saas.source === 'data' ? html`<span class="note">${f.term('ltvSaasFromData')}</span>` : nothing}
            </dd>
          </div>`
        : saasError
          ? html`<div part="figure saas">
              <dt>${f.term('ltvSaas')}</dt>
              <dd>–${unavailable(saasError)}</dd>
            </div>`
          : nothing}
    </dl>`;
  }

  #renderHistogram(p: PredictiveValue): TemplateResult {
    const f = this.format;
    const height = 180;
    const active = this.activeBin !== null && this.activeBin < p.histogram.length ? this.activeBin : null;
    const drawing = () => {
      const g = histogramLayout(p.histogram, this.size.width, height);
      const first = p.histogram[0];
      const last = p.histogram[p.histogram.length - 1];
      return html`<svg aria-hidden="true" width=${this.size.width} height=${height}>
        <g transform="translate(${g.margin.left},${g.margin.top})">
          ${g.yTicks.map((t) => svg`<line class="grid-line" x1="0" x2=${g.plotWidth} y1=${t.y} y2=${t.y}></line>
            <text class="axis" x="-6" y=${t.y} dy="0.32em" text-anchor="end">${f.number(t.value)}</text>`)}
          ${g.bars.map(
            (b, i) => svg`<rect class="bin" data-index=${i} x=${b.x} y=${b.y} width=${b.width} height=${b.height} opacity=${active === null || active === i ? 1 : 0.45}></rect>`,
          )}
          <g class="axis">
            <text x="0" y=${g.plotHeight + 16}>${f.currency(first.from, { maximumFractionDigits: 0 })}</text>
            <text x=${g.plotWidth} y=${g.plotHeight + 16} text-anchor="end">${f.currency(last.to, { maximumFractionDigits: 0 })}</text>
          </g>
        </g>
      </svg>`;
    };
    return html`<h3>${f.term('ltvDistribution')}</h3>
      <div
        part="histogram"
        class="histogram"
        tabindex="0"
        role="group"
        aria-label=${f.term('ltvDistribution')}
        @keydown=${this.#onKeydown}
        @focus=${() => {
          this.focused = true;
          this.activeBin ??= 0;
        }}
        @blur=${() => {
          this.focused = false;
          this.activeBin = null;
        }}
      >
        ${this.size.hasSize ? drawing() : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.focused && active !== null ? `${this.#binText(p.histogram[active])}: ${f.number(p.histogram[active].count)} ${f.term('ltvCustomersAxis')}` : ''}
      </div>`;
  }

  #renderTop(p: PredictiveValue): TemplateResult {
    const f = this.format;
    return html`<h3>${f.term('ltvTop')}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${f.term('ltvTop')}>
        <table part="top" class="visible">
          <thead>
            <tr>
              <th scope="col">${f.term('ltvCustomer')}</th>
              <th scope="col" class="numeric">${f.term('ltvValue')}</th>
              <th scope="col" class="numeric">${f.term('ltvExpectedPurchases')}</th>
              <th scope="col" class="numeric">${f.term('ltvExpectedSpend')}</th>
              <th scope="col" class="numeric">${f.term('ltvProbabilityAlive')}</th>
            </tr>
          </thead>
          <tbody>
            ${p.top.map(
              (c) => html`<tr>
                <th scope="row">${c.customerId}</th>
                <td class="numeric">${this.#money(c.value)}</td>
                <td class="numeric">${f.number(c.expectedPurchases, { maximumFractionDigits: 2 })}</td>
                <td class="numeric">${this.#money(c.expectedSpend)}</td>
                <td class="numeric">${f.percent(c.probabilityAlive)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  #renderCohorts(model: LtvForecastModel): TemplateResult | typeof nothing {
    const cohorts = model.historic?.cohorts ?? [];
    if (cohorts.length === 0) return nothing;
    const f = this.format;
    const largest = cohorts.reduce((m, c) => Math.max(m, c.value), 0);
    return html`<h3>${f.term('ltvCohorts')}</h3>
      <div part="cohorts" class="cohorts" aria-hidden="true">
        ${cohorts.map(
          (c) => html`<span>${c.label}</span>
            <span class="track"><span style=${cssomStyle({ '--share': largest > 0 ? (Math.max(0, c.value) / largest).toFixed(4) : 0 })}></span></span>
            <span class="figures">${this.#money(c.value)} · ${f.number(c.customers)} ${f.term('ltvCustomersAxis')}</span>`,
        )}
      </div>`;
  }

  #parameterRows(model: LtvForecastModel, p: PredictiveValue): string[][] {
    const f = this.format;
    const { r, alpha, a, b } = p.purchaseModel.parameters;
    const { p: shape, q, gamma } = p.spendModel.parameters;
    const purchase = f.term('ltvPurchaseModel');
    const spend = f.term('ltvSpendModel');
    return [
      [`${purchase} r`, this.#parameter(r)],
      [`${purchase} α`, this.#parameter(alpha)],
      [`${purchase} a`, this.#parameter(a)],
      [`${purchase} b`, this.#parameter(b)],
      [`${purchase} ${f.term('ltvLogLikelihood')}`, f.number(p.purchaseModel.logLikelihood, { minimumFractionDigits: 1, maximumFractionDigits: 1 })],
      [`${purchase} ${f.term('ltvConverged')}`, f.term(p.purchaseModel.converged ? 'ltvYes' : 'ltvNo')],
      [`${spend} p`, this.#parameter(shape)],
      [`${spend} q`, this.#parameter(q)],
      [`${spend} γ`, this.#parameter(gamma)],
      [`${spend} ${f.term('ltvLogLikelihood')}`, f.number(p.spendModel.logLikelihood, { minimumFractionDigits: 1, maximumFractionDigits: 1 })],
      [`${spend} ${f.term('ltvConverged')}`, f.term(p.spendModel.converged ? 'ltvYes' : 'ltvNo')],
      [f.term('ltvTimeUnit'), f.term('ltvHorizon', 1, model.timeUnitDays)],
      [f.term('ltvCalibrationEnd'), model.calibrationEndDay === null ? '–' : f.day(model.calibrationEndDay)],
      [f.term('ltvDiscountRate'), f.percent(model.discountRate, 2)],
      [f.term('ltvMargin'), f.percent(model.margin)],
    ];
  }

  #renderDetails(model: LtvForecastModel, p: PredictiveValue): TemplateResult {
    const f = this.format;
    return html`<details part="details">
      <summary>${f.term('ltvDetails')}</summary>
      <div class="scroll" tabindex="0" role="region" aria-label=${f.term('ltvDetails')}>
        <table class="visible">
          <thead>
            <tr>
              <th scope="col">${f.term('ltvParameter')}</th>
              <th scope="col" class="numeric">${f.term('ltvValue')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.#parameterRows(model, p).map(([name, value]) => html`<tr><th scope="row">${name}</th><td class="numeric">${value}</td></tr>`)}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  #renderTable(model: LtvForecastModel): TemplateResult {
    const f = this.format;
    const rows: string[][] = [];
    const p = this.#predictive(model);
    if (p) {
      rows.push(
        [f.term('ltvPredicted', this.#horizonText(model)), this.#money(p.mean)],
        [f.term('ltvExpectedPurchases'), f.number(p.meanExpectedPurchases, { maximumFractionDigits: 2 })],
        [f.term('ltvProbabilityAlive'), f.percent(p.meanProbabilityAlive)],
      );
    }
    if (model.historic?.overall.value != null) rows.push([f.term('ltvHistoric'), this.#money(model.historic.overall.value)]);
    const saas = this.#saas(model);
    if (saas) rows.push([f.term('ltvSaas'), `${this.#money(saas.value)} = ${f.term('ltvSaasFormula', this.#money(saas.arpa), f.percent(saas.grossMargin), f.percent(saas.churn))}`]);
    for (const c of model.historic?.cohorts ?? []) rows.push([`${f.term('ltvCohort')} ${c.label}`, `${this.#money(c.value)} (${f.number(c.customers)} ${f.term('ltvCustomersAxis')})`]);
    if (p) {
      for (const bin of p.histogram) rows.push([`${f.term('ltvDistribution')}: ${this.#binText(bin)}`, `${f.number(bin.count)} ${f.term('ltvCustomersAxis')}`]);
      rows.push(...this.#parameterRows(model, p));
    }
    return renderDataTable(f.term('ltvTable'), [{ label: f.term('ltvMeasure') }, { label: f.term('ltvValue'), numeric: true }], rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #onKeydown = (event: KeyboardEvent) => {
    const p = this.value && this.#predictive(this.value);
    if (!p) return;
    const count = p.histogram.length;
    const current = this.activeBin ?? 0;
    const next = { ArrowRight: current + 1, ArrowUp: current + 1, ArrowLeft: current - 1, ArrowDown: current - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.activeBin = Math.max(0, Math.min(count - 1, next));
  };
}

