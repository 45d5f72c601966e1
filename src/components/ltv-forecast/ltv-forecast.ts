import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { bisector } from 'd3-array';
import { periodLabel, type Granularity } from '../../metrics/calendar/calendar.ts';
import type { TimeUnit } from '../../metrics/ltv/index.ts';
import { LTV_METHODS, MIN_REPEAT_CUSTOMERS, BILLING_TOLERANCE, type LtvMethod } from '../../metrics/ltv/headline.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { choiceAttribute, fractionAttribute, marginAttribute, numberAttribute, windowDaysAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest, type Outcome } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { cohortsPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { histogramLayout, type HistogramLayout } from './ltv-geometry.ts';
import { groupPeriods, sumByGroup, type PeriodGroups } from '../platform/period-groups.ts';
import type { LtvForecastJobOptions, LtvForecastModel, PredictiveValue, SaasValue, SaasUnavailable, LtvFigures, MarginOption } from '../../engine/jobs/ltv-forecast.ts';
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
 * Customer lifetime value, led by ONE figure chosen from the data
 * (metrics/ltv/headline.ts): subscriptions → the SaaS formula (ARPA × gross
 * margin ÷ churn); orders with at least 30 repeat buyers → predicted (BG/NBD
 * purchases × Gamma-Gamma spend over a horizon); fewer → historic (net revenue
 * per customer so far), saying why. The other values wait behind a disclosure,
 * each with its basis. Without a gross margin every value is revenue and says
 * so. With the predicted value: the distribution over customers and the top
 * customers; always: the historic value per cohort and, behind a disclosure,
 * the fitted parameters. Fitting runs in the metrics worker, with progress.
 *
 * @summary Historic and predictive customer lifetime value.
 *
 * @attr time-unit - `weeks` (default), `days`, or a number of days per unit.
 * @attr horizon - Forecast length in time units (default one year: 52 weeks, 365 days).
 * @attr calibration-end - Last day the models learn from (default the last day of data).
 * @attr discount-rate - Per time unit, as a fraction (default 0).
 * @attr method - The value to lead with: `auto` (default: chosen from the data), `predicted`, `historic` or `saas`.
 * @attr gross-margin - Share of revenue kept, applied to every value: `0.78`, `78 %`, `78%`, or `78` (above 1: a percent, said in the text). Without it every value is revenue, and says so.
 * @attr margin - Deprecated name of `gross-margin`: read the same way, with a warning.
 * @attr arpa - Average revenue per account per period, for the SaaS formula (ARPA × gross margin ÷ churn); given, it marks a subscription business (the formula leads); without a data route the formula is all it shows.
 * @attr churn - Churn per period as a fraction (0.03 = 3 %) for the SaaS formula; given, it marks a subscription business; without it, churn is measured from the data.
 * @attr granularity - Cohort period of the historic values, and the period the measured ARPA and churn are per (default `month`).
 * @attr window-days - Days a purchase keeps a customer active, for the measured churn (as in churn-trend); default 3 × the median days between purchases.
 * @attr top-count - Customers in the top table (default 10).
 * @attr bins - Histogram bins (default 20).
 *
 * @fires metric-change - The values changed: `detail.result` is a {@link LtvForecastModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart headline - The one value the element leads with.
 * @csspart headline-label - What the headline value is.
 * @csspart headline-value - The headline figure.
 * @csspart headline-basis - What the headline value is computed from, and its margin.
 * @csspart headline-reason - Why this value leads.
 * @csspart alternatives - The disclosure holding the other values.
 * @csspart figures - A list of figures.
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
  /** The gross margin as written (`0.78`, `78 %`, `78`); read by metrics/margin.ts in the job. */
  @property({ attribute: 'gross-margin', converter: marginAttribute }) grossMargin?: string | number;
  /** @deprecated Use `grossMargin` (`gross-margin`); read the same way, with a warning. */
  @property({ converter: marginAttribute }) margin?: string | number;
  @property({ converter: numberAttribute({ min: 0, max: 1e15 }) }) arpa?: number;
  @property({ converter: choiceAttribute(['auto', ...LTV_METHODS] as const, 'auto') }) method: LtvMethod | 'auto' = 'auto';
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
        topCount: this.topCount ?? 10,
        histogramBins: this.bins ?? 20,
        granularity: this.granularity,
        windowDays: this.windowDays,
        saas: { arpa: this.arpa, churn: this.churn },
        method: this.method,
        ...this.#marginOption(),
      },
    };
  }

  /** Typed figures alone: the SaaS formula. */
  protected override plainRequest(): JobRequest<LtvFigures, LtvForecastModel> | undefined {
    if (this.arpa === undefined && this.churn === undefined) return undefined;
    return { job: ltvFiguresJob, options: { arpa: this.arpa, churn: this.churn, method: this.method, ...this.#marginOption() } };
  }

  /** `gross-margin`, and the deprecated `margin` (used when `gross-margin` is not set; the job warns whenever it is). */
  #marginOption(): MarginOption {
    return { grossMargin: this.grossMargin, deprecatedMargin: this.margin };
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
      p && model.headline.method === 'predicted' && f.term('ltvScopeHorizon', this.#horizonText(model)),
    );
  }

  /** The headline, its margin and why it leads: the figure a reader takes away. */
  protected summarize(model: LtvForecastModel): string {
    const f = this.format;
    const method = model.headline.method;
    const value = this.#value(model, method);
    return [`${f.term('ltvLabel')}: ${this.#methodLabel(model, method)}: ${value === null ? '–' : this.#money(value)}.`, this.#marginText(model), this.#reasonText(model)]
      .filter(Boolean)
      .join(' ');
  }

  // ---- formatting ---------------------------------------------------------------------

  #predictive(model: LtvForecastModel): PredictiveValue | undefined {
    return model.predictive && !('error' in model.predictive) ? model.predictive : undefined;
  }

  #saas(model: LtvForecastModel): SaasValue | undefined {
    return model.saas && !('error' in model.saas) ? model.saas : undefined;
  }

  /** Money in the currency's own decimals, the same for every figure of the element. */
  #money(value: number): string {
    return this.format.currency(value);
  }

  /** Counts with fractions (expected purchases): always two decimals, so columns line up. */
  #decimal(value: number): string {
    return this.format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  /** A method's value, or null where it has none for this data. */
  #value(model: LtvForecastModel, method: LtvMethod): number | null {
    if (method === 'predicted') return this.#predictive(model)?.mean ?? null;
    if (method === 'historic') return model.historic?.overall.value ?? null;
    return this.#saas(model)?.value ?? null;
  }

  /** What a method's value is ("Predicted value per customer, next 52 weeks"); revenue-only values say so. */
  #methodLabel(model: LtvForecastModel, method: LtvMethod): string {
    const f = this.format;
    const horizon = this.#horizonText(model);
    if (!model.margin) return f.term('ltvRevenueLabel', method, horizon);
    return method === 'predicted' ? f.term('ltvPredicted', horizon) : method === 'historic' ? f.term('ltvHistoric') : f.term('ltvSaas');
  }

  /** What the value rests on: the models' data, the customers, or the formula's figures. */
  #basisText(model: LtvForecastModel, method: LtvMethod): string {
    const f = this.format;
    if (method === 'predicted') {
      const p = this.#predictive(model);
      return p ? f.term('ltvBasisPredicted', p.customers, f.number(p.customers), model.repeatCustomers ?? 0, f.number(model.repeatCustomers ?? 0)) : '';
    }
    if (method === 'historic') {
      const customers = model.historic?.overall.customers ?? 0;
      return f.term('ltvBasisHistoric', customers, f.number(customers));
    }
    const saas = this.#saas(model);
    if (!saas) return '';
    const formula =
      saas.grossMargin === null
        ? f.term('ltvSaasFormulaRevenue', this.#money(saas.arpa), f.percent(saas.churn))
        : f.term('ltvSaasFormula', this.#money(saas.arpa), f.percent(saas.grossMargin), f.percent(saas.churn));
    return `${formula}. ${this.#saasBasis(saas)}`;
  }

  /** The margin every value is after, or that none was given; how a bare number was read. */
  #marginText(model: LtvForecastModel): string {
    const f = this.format;
    const m = model.margin;
    if (!m) return f.term('ltvNoMargin');
    const percent = f.percent(m.fraction);
    return m.notation === 'bare-percent' ? f.term('ltvMarginReadAsPercent', percent, m.attribute, m.written) : f.term('ltvMarginApplied', percent);
  }

  /** The margin sentence under the headline; the SaaS formula already names a margin that was written as a fraction or with its sign. */
  #headlineMarginText(model: LtvForecastModel): string {
    const m = model.margin;
    return model.headline.method === 'saas' && m && m.notation !== 'bare-percent' ? '' : this.#marginText(model);
  }

  /** Why the headline leads (and, if the page asked for another, why that one is not shown). */
  #reasonText(model: LtvForecastModel): string {
    const f = this.format;
    const { reason, unavailable } = model.headline;
    const repeat = model.repeatCustomers ?? 0;
    const billing = model.billing;
    const why =
      reason === 'enough-repeat-customers'
        ? f.term('ltvWhyEnoughRepeat', repeat, f.number(repeat), f.number(MIN_REPEAT_CUSTOMERS))
        : reason === 'few-repeat-customers'
          ? f.term('ltvWhyFewRepeat', repeat, f.number(repeat), f.number(MIN_REPEAT_CUSTOMERS))
          : reason === 'fit-failed'
            ? f.term('ltvWhyFitFailed')
            : reason === 'figures-given'
              ? f.term('ltvWhyFiguresGiven')
              : reason === 'recurring-billing' && billing?.medianDays != null
                ? f.term('ltvWhyRecurring', f.percent(billing.regularShare, 0), f.percent(BILLING_TOLERANCE, 0), f.number(billing.medianDays))
                : reason === 'asked'
                  ? f.term('ltvWhyAsked', model.headline.method)
                  : '';
    return unavailable ? `${f.term('ltvAskedUnavailable', unavailable)} ${why}`.trim() : why;
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
    // The distribution and the top customers are the predicted value's: shown when it leads, not beside a value the data trusts more.
    const drawn = model.headline.method === 'predicted' ? p : undefined;
    // Everything but the histogram's highlight depends on the result and the language only: a hover leaves it alone.
    const once = (draw: () => unknown) => guard([model, f.wordsKey, f.currencyCode], draw);
    return html`${once(() => this.#renderHeadline(model))} ${once(() => this.#renderAlternatives(model))} ${drawn ? this.#renderHistogram() : nothing}
    ${drawn ? once(() => this.#renderTop(drawn)) : nothing} ${once(() => this.#renderCohorts(model))} ${p ? once(() => this.#renderDetails(model, p)) : nothing}
    ${once(() => this.#renderTable(model))}`;
  }

  #renderHeadline(model: LtvForecastModel): TemplateResult {
    const method = model.headline.method;
    const value = this.#value(model, method);
    const p = method === 'predicted' ? this.#predictive(model) : undefined;
    const f = this.format;
    const reason = this.#reasonText(model);
    return html`<section part="headline" data-method=${method}>
      <div part="headline-label">${this.#methodLabel(model, method)}</div>
      <div part="value headline-value">${value === null ? '–' : this.#money(value)}</div>
      ${p
        ? html`<dl part="figures" class="inline">
            <div part="figure"><dt>${f.term('ltvExpectedPurchases')}</dt><dd>${this.#decimal(p.meanExpectedPurchases)}</dd></div>
            <div part="figure"><dt>${f.term('ltvProbabilityAlive')}</dt><dd>${f.percent(p.meanProbabilityAlive)}</dd></div>
          </dl>`
        : nothing}
      <p part="headline-basis">${[this.#basisText(model, method), this.#headlineMarginText(model)].filter(Boolean).join(' ')}</p>
      ${reason ? html`<p part="headline-reason">${reason}</p>` : nothing}
    </section>`;
  }

  /** The values that do not lead, each with what it is and its basis, behind a disclosure (a native <details>: keyboard and screen readers for free). */
  #renderAlternatives(model: LtvForecastModel): TemplateResult | typeof nothing {
    const f = this.format;
    const others = LTV_METHODS.filter((method) => method !== model.headline.method && this.#shown(model, method));
    if (others.length === 0) return nothing;
    return html`<details part="alternatives">
      <summary>${f.term('ltvOthers', others.length)}</summary>
      <dl part="figures">
        ${others.map((method) => {
          const value = this.#value(model, method);
          return html`<div part="figure ${method}">
            <dt>${this.#methodLabel(model, method)}</dt>
            <dd>${value === null ? html`–${this.#unavailable(model, method)}` : html`${this.#money(value)}<span class="note">${this.#basisText(model, method)}</span>`}</dd>
          </div>`;
        })}
      </dl>
    </details>`;
  }

  /** A method is listed when it has a value or a reason it has none (a model that could not be fitted, churn not measurable). */
  #shown(model: LtvForecastModel, method: LtvMethod): boolean {
    if (method === 'predicted') return model.predictive !== null;
    if (method === 'historic') return model.historic !== null && model.historic.overall.value !== null;
    return model.saas !== null;
  }

  #unavailable(model: LtvForecastModel, method: LtvMethod): TemplateResult | typeof nothing {
    const f = this.format;
    const value = method === 'predicted' ? model.predictive : method === 'saas' ? model.saas : null;
    if (!value || !('error' in value)) return nothing;
    const reason = (value as SaasUnavailable).reason;
    const text = reason === 'churn' ? f.term('ltvSaasNoChurn') : reason === 'data' ? f.term('ltvSaasNoData', model.historic!.granularity) : f.term('ltvNotAvailable', value.error);
    return html`<span class="note">${text}</span>`;
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
    return p.top.map((c) => [c.customerId, this.#money(c.value), this.#decimal(c.expectedPurchases), this.#money(c.expectedSpend), f.percent(c.probabilityAlive)]);
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
    // Summed as revenue per customer × the margin the cohort values are after (value ÷ revenue per customer of any cohort).
    const kept = (c: (typeof cohorts)[number]) => (c.netRevenue !== 0 ? (c.value * c.customers) / c.netRevenue : 1);
    const revenue = sumByGroup(
      cohorts.map((c) => c.netRevenue * kept(c)),
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
      [f.term('ltvMargin'), model.margin ? f.percent(model.margin.fraction) : f.term('ltvMarginNone')],
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
    // The headline first, with its basis and why it leads; then the other values with theirs.
    const lead = model.headline.method;
    for (const method of [lead, ...LTV_METHODS.filter((m) => m !== lead)]) {
      const value = this.#value(model, method);
      if (value === null) continue;
      const basis = [this.#basisText(model, method), method === lead ? this.#reasonText(model) : ''].filter(Boolean).join(' ');
      rows.push([this.#methodLabel(model, method), `${this.#money(value)}. ${basis}`.trim()]);
    }
    // The margin's own row: the model's parameter rows carry it when there is a predicted value.
    if (!p) rows.push([f.term('ltvMargin'), this.#marginText(model)]);
    if (p) rows.push([f.term('ltvExpectedPurchases'), this.#decimal(p.meanExpectedPurchases)], [f.term('ltvProbabilityAlive'), f.percent(p.meanProbabilityAlive)]);
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
