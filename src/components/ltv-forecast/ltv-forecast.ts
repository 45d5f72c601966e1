import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { bisector } from 'd3-array';
import { periodLabel, type Granularity } from '../../metrics/calendar/calendar.ts';
import type { TimeUnit } from '../../metrics/ltv/index.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { fractionAttribute, numberAttribute, windowDaysAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest, type Outcome } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { cohortsPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { histogramLayout, type HistogramLayout } from './ltv-geometry.ts';
import { groupPeriods, sumByGroup, type PeriodGroups } from '../platform/period-groups.ts';
import type { LtvForecastJobOptions, LtvForecastModel, PredictiveValue, SaasValue, SaasUnavailable, LtvFigures } from '../../engine/jobs/ltv-forecast.ts';
import type { ValueBin } from '../../engine/jobs/value-bins.ts';
import { ltvForecastStyles } from './ltv-forecast.styles.ts';
import './ltv-forecast.translations.ts';

/** The job runs in the metrics engine (engine/jobs/ltv-forecast.ts); the element only names it. */
const ltvForecastJob = jobNamed<LtvForecastJobOptions, LtvForecastModel>('ltv-forecast');
const ltvFiguresJob = jobNamed<LtvFigures, LtvForecastModel>('ltv-forecast-figures');

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
 * @attr arpa - Average revenue per account per period, for the SaaS formula (ARPA × gross margin / churn); without a data route the formula is all it shows.
 * @attr gross-margin - Gross margin in percent (80 = 80 %) for the SaaS formula (default: `margin`).
 * @attr churn - Churn per period as a fraction (0.03 = 3 %) for the SaaS formula; without it, churn is measured from the data.
 * @attr granularity - Cohort period of the historic values, and the period the measured ARPA and churn are per (default `month`).
 * @attr window-days - Days a purchase keeps a customer active, for the measured churn (as in churn-trend); default 3 × the median days between purchases.
 * @attr top-count - Customers in the top table (default 10).
 * @attr bins - Histogram bins (default 20).
 *
 * @fires metric-change - The values changed: `detail.result` is a {@link LtvForecastModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart figures - The headline figures.
 * @csspart figure - One figure.
 * @csspart histogram - The distribution.
 * @csspart cohorts - Historic value per cohort.
 * @csspart top - The top-customer table.
 * @csspart details - The model parameters.
 * @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-ltv-bar - Bar colour.
 */
export class LtvForecast extends RetentionElement<LtvForecastModel, LtvForecastJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, ltvForecastStyles];

  @property({ attribute: 'time-unit', converter: timeUnitConverter }) timeUnit: TimeUnit = 'weeks';
  @property({ converter: numberAttribute({ min: 1, max: 3650 }) }) horizon?: number;
  @property({ attribute: 'calibration-end' }) calibrationEnd?: string;
  @property({ attribute: 'discount-rate', converter: fractionAttribute }) discountRate?: number;
  @property({ converter: fractionAttribute }) margin?: number;
  @property({ converter: numberAttribute({ min: 0, max: 1e15 }) }) arpa?: number;
  @property({ attribute: 'gross-margin', converter: numberAttribute({ min: 0, max: 100 }) }) grossMargin?: number;
  @property({ converter: numberAttribute({ min: 0.0001, max: 1 }) }) churn?: number;
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'window-days', converter: windowDaysAttribute }) windowDays?: number;
  @property({ attribute: 'top-count', converter: numberAttribute({ min: 1, max: 100, integer: true }) }) topCount?: number;
  @property({ converter: numberAttribute({ min: 2, max: 200, integer: true }) }) bins?: number;

  /** The histogram's active bin (keyboard or pointer), its tooltip and its live region. */
  #bins = new ChartFocusController<number>(this, {
    first: () => (this.#histogram ? 0 : null),
    move: (index, event) => indexMove(index, event, this.#binCount()),
    positionAt: (event) => this.#binAt(event),
    isValid: (index) => index < this.#binCount(),
    describe: (index) => this.#binSentence(this.#histogram!.bins[index]),
  });
  #tooltip = new TooltipPlacement(this);
  /** The histogram's layout, computed once per (bins, width): a hover or a key press only moves the highlight. */
  #histogram?: { bins: readonly ValueBin[]; width: number; layout: HistogramLayout };

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
        windowDays: this.windowDays,
        saas: { arpa: this.arpa, grossMargin: this.grossMargin, churn: this.churn },
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

  /**
   * The subtitle: the first-purchase periods and customers the values are of,
   * and the forecast's horizon ("Monthly · Jan 2024 – Mar 2024 · 2,140 customers · next 52 weeks").
   */
  protected override scope(model: LtvForecastModel): string {
    const f = this.format;
    const historic = model.historic;
    const cohorts = historic?.cohorts ?? [];
    const p = this.#predictive(model);
    const customers = historic?.overall.customers ?? p?.customers;
    return scopeLine(
      historic && cohorts.length > 0 && cohortsPart(f, historic),
      historic && periodSpan(f, historic, cohorts[0]?.key, cohorts[cohorts.length - 1]?.key),
      customers !== undefined && f.term('scopeCustomers', customers, f.number(customers)),
      p && f.term('ltvScopeHorizon', this.#horizonText(model)),
    );
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

  #saasBasis(saas: SaasValue): string {
    const m = saas.measured;
    return m ? this.format.term('ltvSaasFromData', m.granularity, m.periods, m.windowDays) : this.format.term('ltvSaasGiven');
  }

  #horizonText(model: LtvForecastModel): string {
    return this.format.term('ltvHorizon', model.horizon, model.timeUnitDays);
  }

  /** A bin edge: whole currency units unless the bins are narrower than one. */
  #edge(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 });
  }

  #binText(bin: ValueBin): string {
    const f = this.format;
    return bin.overflow ? f.term('ltvBinOverflow', this.#edge(bin.from)) : f.term('ltvBin', this.#edge(bin.from), this.#edge(bin.to));
  }

  // ---- drawing ------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const bins = this.result && this.#predictive(this.result)?.histogram;
    const width = this.size.width;
    if (!bins || !width) this.#histogram = undefined;
    else if (this.#histogram?.bins !== bins || this.#histogram.width !== width) this.#histogram = { bins, width, layout: histogramLayout(bins, width, HISTOGRAM_HEIGHT) };
  }

  protected renderMetric(model: LtvForecastModel): TemplateResult {
    const f = this.format;
    const p = this.#predictive(model);
    // Everything but the histogram's highlight depends on the result and the language only: a hover leaves it alone.
    const once = (draw: () => unknown) => guard([model, f.wordsKey, f.currencyCode], draw);
    return html`${once(() => this.#renderFigures(model))} ${p ? this.#renderHistogram() : nothing} ${p ? once(() => this.#renderTop(p)) : nothing}
    ${once(() => this.#renderCohorts(model))} ${p ? once(() => this.#renderDetails(model, p)) : nothing} ${once(() => this.#renderTable(model))}`;
  }

  #renderFigures(model: LtvForecastModel): TemplateResult {
    const f = this.format;
    const p = this.#predictive(model);
    const saas = this.#saas(model);
    const unavailable = (value: SaasUnavailable | null | undefined) =>
      value && 'error' in value
        ? html`<span class="note"
            >${value.reason === 'churn' ? f.term('ltvSaasNoChurn') : value.reason ? f.term('ltvSaasNoData', model.historic!.granularity) : f.term('ltvNotAvailable', value.error)}</span
          >`
        : nothing;
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
            </dd>
          </div>`
        : saasError
          ? html`<div part="figure saas">
              <dt>${f.term('ltvSaas')}</dt>
              <dd>–${unavailable(saasError)}</dd>
            </div>`
          : nothing}
    </dl>
    ${saas ? html`<p class="basis">${f.term('ltvSaas')}: ${this.#saasBasis(saas)}</p>` : nothing}`;
  }

  #renderHistogram(): TemplateResult {
    const f = this.format;
    const h = this.#histogram;
    const active = this.#bins.active;
    const bar = h && active !== null ? h.layout.bars[active] : undefined;
    return html`<h3>${f.term('ltvDistribution')}</h3>
      <div
        part="histogram"
        class="histogram chart"
        tabindex="0"
        role="group"
        aria-label=${f.term('ltvDistribution')}
        @keydown=${this.#bins.onKeydown}
        @focus=${this.#bins.onFocus}
        @blur=${this.#bins.onBlur}
        @pointermove=${this.#bins.onPointerMove}
        @pointerleave=${this.#bins.onPointerLeave}
      >
        ${h
          ? html`<svg aria-hidden="true" width=${h.width} height=${HISTOGRAM_HEIGHT} class=${bar ? 'dim' : ''}>
                <g transform="translate(${h.layout.margin.left},${h.layout.margin.top})">
                  ${guard([h, f.wordsKey, f.currencyCode], () => this.#renderBins(h.layout))}
                  ${bar ? svg`<rect part="bar-active" class=${bar.bin.overflow ? 'active-overflow' : ''} x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>` : nothing}
                </g>
              </svg>
              ${bar ? chartTooltip(this.#binTip(bar.bin), { x: h.layout.margin.left + bar.x + bar.width / 2, y: h.layout.margin.top + bar.y }) : nothing}`
          : nothing}
        ${this.#bins.announcement()}
      </div>`;
  }

  /** Axes and bars: drawn once per layout and language, never on a hover. */
  #renderBins(g: HistogramLayout) {
    const f = this.format;
    const xLabel = (t: HistogramLayout['xTicks'][number]) => (t.overflow ? f.term('ltvBinOverflow', this.#edge(t.value)) : this.#edge(t.value));
    return svg`${valueAxis(
      g.yTicks.map((t) => ({ at: t.y, label: f.number(t.value) })),
      g.plotWidth,
    )}
      <g part="bars">
        ${g.bars.map(
          (b, i) => svg`<rect class="bin ${b.bin.overflow ? 'overflow' : ''}" data-index=${i} x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>
            ${b.bin.overflow ? svg`<text class="count" x=${b.x + b.width} y=${b.y - 4} text-anchor="end">${f.number(b.bin.count)}</text>` : nothing}`,
        )}
      </g>
      ${categoryAxis(
        g.xTicks.map((t) => ({ at: t.x, label: xLabel(t), anchor: t.anchor })),
        g.plotHeight,
      )}`;
  }

  #renderTop(p: PredictiveValue): TemplateResult {
    const f = this.format;
    // Narrow containers drop the middle columns (styles); the hidden table keeps them all for screen readers.
    return html`<h3>${f.term('ltvTop')}</h3>
      <table part="top" class="visible" aria-hidden="true">
        <thead>
          <tr>
            ${this.#topColumns().map((c) => html`<th class=${c.numeric ? 'numeric' : ''}>${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.#topRows(p).map(([id, ...cells]) => html`<tr><th title=${id}>${id}</th>${cells.map((cell) => html`<td class="numeric">${cell}</td>`)}</tr>`)}
        </tbody>
      </table>`;
  }

  #topColumns(): TableColumn[] {
    const f = this.format;
    return [
      { label: f.term('ltvCustomer') },
      ...(['ltvValue', 'ltvExpectedPurchases', 'ltvExpectedSpend', 'ltvProbabilityAlive'] as const).map((key) => ({ label: f.term(key), numeric: true })),
    ];
  }

  #topRows(p: PredictiveValue): string[][] {
    const f = this.format;
    return p.top.map((c) => [c.customerId, this.#money(c.value), f.number(c.expectedPurchases, { maximumFractionDigits: 2 }), this.#money(c.expectedSpend), f.percent(c.probabilityAlive)]);
  }

  /**
   * The cohorts as shown: one row each, or, past {@link COHORT_ROWS} (5,000 daily
   * cohorts), summed by the first coarser period that fits (value = their net
   * revenue over their customers, exactly the coarser cohort's value).
   */
  #cohortRows(historic: NonNullable<LtvForecastModel['historic']>): { rows: { label: string; value: number; customers: number }[]; grouped: PeriodGroups | null } {
    const f = this.format;
    const cohorts = historic.cohorts;
    const grouped = groupPeriods(
      cohorts.map((c) => c.key),
      historic,
      COHORT_ROWS,
    );
    if (!grouped) return { rows: cohorts.map((c) => ({ label: periodLabel(c.key, historic, f.locale), value: c.value, customers: c.customers })), grouped };
    const customers = sumByGroup(
      cohorts.map((c) => c.customers),
      grouped.groups,
    );
    const revenue = sumByGroup(
      cohorts.map((c) => c.netRevenue),
      grouped.groups,
    );
    return {
      grouped,
      rows: grouped.groups.map((g, i) => ({ label: periodLabel(g.key, grouped.keys, f.locale), value: customers[i] > 0 ? revenue[i] / customers[i] : 0, customers: customers[i] })),
    };
  }

  #renderCohorts(model: LtvForecastModel): TemplateResult | typeof nothing {
    const historic = model.historic;
    if (!historic || historic.cohorts.length === 0) return nothing;
    const f = this.format;
    const { rows, grouped } = this.#cohortRows(historic);
    const largest = rows.reduce((m, c) => Math.max(m, c.value), 0);
    return html`<h3>${f.term('ltvCohorts')}</h3>
      ${grouped ? html`<p class="basis">${f.term('periodsGrouped', historic.cohorts.length, grouped.keys.granularity)}</p>` : nothing}
      <div part="cohorts" class="cohorts" aria-hidden="true">
        ${rows.map(
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
    if (saas) rows.push([f.term('ltvSaas'), `${this.#money(saas.value)} = ${f.term('ltvSaasFormula', this.#money(saas.arpa), f.percent(saas.grossMargin), f.percent(saas.churn))}. ${this.#saasBasis(saas)}`]);
    if (model.historic) for (const c of this.#cohortRows(model.historic).rows) rows.push([`${f.term('ltvCohort')} ${c.label}`, `${this.#money(c.value)} (${f.number(c.customers)} ${f.term('ltvCustomersAxis')})`]);
    if (p) {
      for (const bin of p.histogram) rows.push([`${f.term('ltvDistribution')}: ${this.#binText(bin)}`, `${f.number(bin.count)} ${f.term('ltvCustomersAxis')}`]);
      rows.push(...this.#parameterRows(model, p));
    }
    return html`${renderDataTable(f.term('ltvTable'), [{ label: f.term('ltvMeasure') }, { label: f.term('ltvValue'), numeric: true }], rows)}
    ${p ? renderDataTable(f.term('ltvTop'), this.#topColumns(), this.#topRows(p)) : nothing}`;
  }

  // ---- interaction --------------------------------------------------------------------

  #binCount(): number {
    return this.#histogram?.bins.length ?? 0;
  }

  /** The bin under the pointer: the last bar starting left of it (the overflow bar's gap belongs to the bar before). */
  #binAt(event: PointerEvent): number | null {
    const h = this.#histogram;
    const drawing = this.renderRoot.querySelector('.histogram svg');
    if (!h || !drawing) return null;
    const x = event.clientX - drawing.getBoundingClientRect().left - h.layout.margin.left;
    if (x < 0 || x > h.layout.plotWidth) return null;
    return Math.max(0, barStart.right(h.layout.bars, x) - 1);
  }

  #binSentence(bin: ValueBin): string {
    return `${this.#binText(bin)}: ${this.format.number(bin.count)} ${this.format.term('ltvCustomersAxis')}`;
  }

  #binTip(bin: ValueBin): TooltipContent {
    const f = this.format;
    const total = this.#histogram!.bins.reduce((n, b) => n + b.count, 0);
    return { title: this.#binText(bin), rows: [[f.term('ltvCustomers'), f.number(bin.count)], [f.term('ltvShareOfCustomers'), f.percent(total > 0 ? bin.count / total : 0)]] };
  }
}

const HISTOGRAM_HEIGHT = 180;
/** Cohort rows shown one by one; more are summed by a coarser period (see period-groups.ts). */
const COHORT_ROWS = 60;
const barStart = bisector((bar: HistogramLayout['bars'][number]) => bar.x);
