import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { SeriesFrame } from '../../metrics/kpi-series.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { confidenceAttribute, numberAttribute, periodCountAttribute, weekStartAttribute, windowDaysAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { changeText, intervalText } from '../platform/trust.ts';
import { benchmarkFor, deltaTone, type Benchmark } from '../../metrics/benchmarks.ts';
import type { Interval } from '../../metrics/uncertainty.ts';
import type { KpiInput, KpiJobOptions, KpiMetric, KpiModel, KpiUnit } from '../../engine/jobs/kpi-tile.ts';
import { DEFAULT_KPI_PERIODS, pointInterval, type KpiNumbers, type KpiPoint } from '../../metrics/kpi-catalogue.ts';
import { kpiTileStyles } from './kpi-tile.styles.ts';
import './kpi-tile.translations.ts';
import { sparklineGeometry } from './sparkline-geometry.ts';

/** The job runs in the metrics engine (engine/jobs/kpi-tile.ts); the element only names it. */
const kpiTileJob = jobNamed<KpiJobOptions, KpiModel>('kpi-tile');
const kpiNumbersJob = jobNamed<KpiNumbers, KpiModel>('kpi-tile-numbers');

/** Height of the sparkline's drawing box; CSS stretches it to the row. */
const SPARKLINE_UNITS = 40;

/**
 * One scalar metric for a portal's grid of tiles: the value of the latest
 * complete period, the change from the period before (green when it moves
 * the way the metric wants: churn down is good), a sparkline of recent
 * periods and a benchmark hint where the source material gives one.
 *
 * Pre-aggregated data (#14): besides `{ period, value }` records, the tile takes a
 * versioned document as its data (`src`, `data`, an inline script): a
 * `period-counts/1` document for customer-churn, crr and active-customers (its
 * calendar and activity window with it); a `revenue-movements/1` document for
 * nrr, grr, revenue-churn, arpa, and customer-churn, crr and active-customers of
 * paying customers; an `nps-periods/1` document for nps; a `repeat-counts/1`
 * document for repeat-purchase-rate and loyal-customer-rate (at its loyalty
 * threshold: `loyalty-threshold` set to another is an error). A metric a document holds no figure of
 * is refused naming the metric and the shape; another version, by name. A
 * `cohort-matrix/1` document is for <cohort-heatmap> and <retention-curve>.
 *
 * @summary One metric with its change, a sparkline and a benchmark hint.
 *
 * @attr metric - repeat-purchase-rate | loyal-customer-rate | time-between-purchases | ltv | arpa | nrr | grr | revenue-churn | customer-churn | crr | return-rate | dso | nps | active-customers.
 * @attr input - auto (default: by metric), transactions, subscriptions, responses, invoices or periods (`{ period, value }` records).
 * @attr granularity - day | week | month (default) | quarter | year: the periods computed, and the length of typed figures' period (for the benchmark). A versioned document brings its own; set to another, it is an error.
 * @attr periods - Periods in the sparkline, the shown one included (default 12).
 * @attr value - The current figure, computed elsewhere (a rate as a fraction: 0.042 = 4.2 %); shown when no data is given.
 * @attr previous - The figure of the period before, in the unit of `value`; the change is shown against it.
 * @attr period - Label of the typed figures' period.
 * @attr benchmark - The metric's threshold for the tile's period, taken as given (customer churn: the churn alarm level; crr: the retention below which action is needed; NPS: the good bound) or a target for any metric; default the kit's benchmark table; `none` hides the hint.
 * @attr benchmark-high - NPS: the excellent bound (default 50).
 * @attr window-days - Activity window for customer-churn, crr and active-customers from transactions. A period-counts/1 document brings its own; set to another, it is an error.
 * @attr loyalty-threshold - Purchases that make a customer loyal (default 3).
 * @attr frame - period | cumulative: the time frame of each period's purchase metric.
 * @attr as-of - Last day of transactions used (ISO date).
 * @attr week-start - First weekday of week periods, 0 = Sunday … 6 (default 1, Monday).
 * @attr score-key - Survey score column.
 * @attr issue-date-key - Column of an invoice's issue date (`amount-key` maps the amount; default `issueDate`).
 * @attr paid-date-key - Column of the day an invoice was paid; blank = still open (default `paidDate`).
 * @attr period-key - Column of the period key in pre-aggregated periods (default `period`).
 * @attr value-key - Column of the figure in pre-aggregated periods (default `value`).
 * @attr confidence - `on` (default) shows the 95 % interval and whether the change is beyond noise; `off` hides them.
 *
 * @fires metric-change - The computed KpiModel changed.
 * @fires error - Input could not be read or computed (not bubbling).
 *
 * @csspart title - The metric name (or `heading`).
 * @csspart subtitle - The period shown.
 * @csspart value - The value.
 * @csspart delta - The change vs the previous period.
 * @csspart sparkline - The SVG sparkline.
 * @csspart benchmark - The benchmark hint: churn and retention tiles are judged on the period's churn (metrics/benchmarks.ts).
 * @csspart interval - The 95 % interval of the value (rates of customers, NPS).
 * @csspart caution - Why the value is uncertain (few customers) or has no verdict (not enough history).
 * @csspart table - The hidden data table.
 *
 * @cssprop --rk-kpi-padding - Padding.
 * @cssprop --rk-kpi-border - Border colour.
 * @cssprop --rk-kpi-value-size - Font size of the value.
 * @cssprop --rk-kpi-line - Sparkline colour.
 * @cssprop --rk-kpi-sparkline-height - Height of the sparkline row.
 */
export class KpiTile extends RetentionElement<KpiModel, KpiJobOptions> {
  static override styles = [platformStyles, kpiTileStyles];

  @property({ reflect: true }) metric: KpiMetric = 'customer-churn';
  @property() input: KpiInput = 'auto';
  /** Undefined: month, or a versioned document's own calendar (a page that sets it is held to it). */
  @property({ reflect: true }) granularity?: Granularity;
  @property({ converter: periodCountAttribute }) periods?: number;
  /** The typed figure, as a number or text (attribute and property `value`; the computed model is `result`). */
  @property() value?: number | string;
  @property() previous?: number | string;
  @property() period?: string;
  /** `benchmark="none"` switches the hint off; a number replaces the metric's threshold. */
  @property({ converter: numberAttribute({ min: -1_000_000, max: 1_000_000, allowNone: true }) }) benchmark?: number | null;
  @property({ attribute: 'benchmark-high', converter: numberAttribute({ min: -1_000_000, max: 1_000_000 }) }) benchmarkHigh?: number;
  @property({ attribute: 'window-days', converter: windowDaysAttribute }) windowDays?: number;
  @property({ attribute: 'loyalty-threshold', converter: numberAttribute({ min: 2, max: 1000, integer: true }) }) loyaltyThreshold?: number;
  @property() frame?: SeriesFrame;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ attribute: 'score-key' }) scoreKey?: string;
  @property({ attribute: 'issue-date-key' }) issueDateKey?: string;
  @property({ attribute: 'paid-date-key' }) paidDateKey?: string;
  @property({ attribute: 'period-key' }) periodKey?: string;
  @property({ attribute: 'value-key' }) valueKey?: string;
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  override connectedCallback(): void {
    super.connectedCallback();
    // A tile is read as one unit: focusable, its summary is its name.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
  }

  protected jobRequest(): JobRequest<KpiJobOptions, KpiModel> {
    return {
      job: kpiTileJob,
      options: {
        metric: this.metric,
        input: this.input,
        granularity: this.#periodLength,
        givenGranularity: this.granularity,
        weekStart: this.weekStart as Weekday | undefined,
        asOf: this.asOf,
        timeZone: this.timeZone,
        periods: this.periods ?? DEFAULT_KPI_PERIODS,
        windowDays: this.windowDays ?? null,
        loyaltyThreshold: this.loyaltyThreshold,
        frame: this.frame,
        transactionFields: this.transactionFields(),
        subscriptionFields: this.subscriptionFields(),
        responseFields: { customer: this.customerKey, date: this.dateKey, score: this.scoreKey },
        invoiceFields: { id: this.orderKey, issueDate: this.issueDateKey, amount: this.amountKey, paidDate: this.paidDateKey },
        periodFields: { period: this.periodKey, value: this.valueKey },
      },
    };
  }

  protected override plainRequest(): JobRequest<KpiNumbers, KpiModel> | undefined {
    const typed = [this.value, this.previous].some((v) => v !== undefined && v !== null && v !== '');
    if (!typed) return undefined;
    return { job: kpiNumbersJob, options: { metric: this.metric, value: this.value, previous: this.previous, period: this.period, granularity: this.#periodLength } };
  }

  /** The metric's name: the tile's title unless `heading` replaces it. */
  protected label(): string {
    return this.format.term('kpiMetric', this.metric) || this.format.term('kpiLabel');
  }

  /**
   * The tile's subtitle: the period its value is of ("Mar 2024", "Q1 2024 (running)"), whose label
   * says its length, so a narrow tile spends its one line on it; typed figures: their `period` as typed.
   */
  protected override scope(model: KpiModel): string {
    return this.#periodText(model);
  }

  /** The name the tile goes by: the page's heading, or the metric's. */
  #name(): string {
    return this.heading?.trim() || this.label();
  }

  /** The length of the tile's periods: the page's `granularity`, month by default. */
  get #periodLength(): Granularity {
    return this.granularity ?? 'month';
  }

  /** The benchmark the shown value is judged against, if any. */
  get activeBenchmark(): Benchmark | null {
    const model = this.result;
    // A period still warming up gets no verdict: its rate is no figure of the business yet; nor does a running
    // one: its churn so far is not a whole period's.
    if (!model || model.censored || !model.complete) return null;
    // Typed figures have no calendar: the tile's `granularity` says how long their period is.
    const granularity = model.granularity ?? (model.input === 'numbers' || model.input === 'periods' ? this.#periodLength : null);
    return benchmarkFor(model.metric, model.value, granularity, { threshold: this.benchmark, high: this.benchmarkHigh, churn: model.churn });
  }

  get #confident(): boolean {
    return this.confidence !== 'off';
  }

  /** A 95 % interval in the metric's unit ("4.1% – 9.8%", NPS "12 – 31"); empty without one. */
  #intervalText(interval: Interval | null, unit: KpiUnit): string {
    if (!interval) return '';
    if (unit === 'fraction') return intervalText(this.format, interval);
    return this.format.term('trustIntervalRange', this.formatValue(interval.low, unit), this.formatValue(interval.high, unit));
  }

  /** Why the shown figure is uncertain or has no verdict; empty when nothing to say. */
  #caution(model: KpiModel, long: boolean): string {
    const f = this.format;
    if (model.censored) {
      const reason = long && model.windowDays !== null ? f.term('trustWarmUp', model.windowDays) : f.term('trustNotEnoughHistory');
      return `${f.term('trustNoVerdict')}: ${reason}`;
    }
    if (!model.complete && model.value !== null && benchmarkFor(model.metric, model.value, model.granularity, { threshold: this.benchmark }) !== null) {
      return `${f.term('trustNoVerdict')}: ${f.term('trustRunning')}`;
    }
    if (this.#confident && model.smallSample) {
      const counted = model.points[model.points.length - 1];
      const count = counted?.counts?.trials ?? counted?.answers?.responses;
      if (count !== undefined) return f.term('kpiSmallSample', count);
    }
    return '';
  }

  /** A value in the metric's unit, for people. */
  formatValue(value: number | null, unit: KpiUnit): string {
    const f = this.format;
    if (value === null) return '—';
    switch (unit) {
      case 'fraction':
        return f.percent(value);
      case 'days':
        return f.term('kpiDays', f.number(value, { maximumFractionDigits: 1 }), value);
      case 'money':
        return f.currency(value);
      case 'score':
        // NPS is an integer by convention.
        return f.number(value, { maximumFractionDigits: 0 });
      case 'count':
        return f.number(value, { maximumFractionDigits: 0 });
    }
  }

  /** A change in the metric's unit, signed: points for rates. */
  formatDelta(delta: number, unit: KpiUnit): string {
    const f = this.format;
    const signed = { signDisplay: 'exceptZero' } as const;
    switch (unit) {
      case 'fraction':
        return f.points(delta);
      case 'days':
        return f.term('kpiDays', f.number(delta, { ...signed, maximumFractionDigits: 1 }), Math.abs(delta));
      case 'money':
        return f.currency(delta, signed);
      case 'score':
        return f.number(delta, { ...signed, maximumFractionDigits: 0 });
      case 'count':
        return f.number(delta, { ...signed, maximumFractionDigits: 0 });
    }
  }

  #benchmarkText(benchmark: Benchmark, unit: KpiUnit): string {
    const f = this.format;
    const threshold = this.formatValue(benchmark.threshold, unit);
    const monthly = benchmark.monthly !== undefined ? ` ${f.term('kpiMonthly', f.percent(benchmark.monthly))}` : '';
    switch (benchmark.kind) {
      case 'churn-action': {
        if (benchmark.saasRetention === undefined) return (benchmark.tone === 'bad' ? f.term('kpiChurnAction', threshold) : f.term('kpiChurnOk', threshold)) + monthly;
        // A retention tile is judged on the period's churn, and says so.
        const churnLevel = f.percent(benchmark.churn!.threshold);
        const verdict = benchmark.tone === 'bad' ? f.term('kpiRetentionChurnAction', churnLevel) : f.term('kpiRetentionChurnOk', churnLevel);
        return `${verdict}${monthly}`;
      }
      case 'nps':
        if (benchmark.excellent) return f.term('kpiNpsExcellent', this.formatValue(benchmark.high!, unit));
        return benchmark.tone === 'good' ? f.term('kpiNpsGood', threshold) : f.term('kpiNpsBad', threshold);
      case 'target':
        return benchmark.tone === 'good' ? f.term('kpiTargetMet', threshold) : f.term('kpiTargetMissed', threshold);
    }
  }

  /** A period key in the element's language; typed figures' `period` is free text, shown as typed. */
  #periodName(model: KpiModel, key: string): string {
    return model.input === 'numbers' ? key : periodLabel(key, model, this.format.locale);
  }

  #periodText(model: KpiModel): string {
    if (!model.period) return '';
    const name = this.#periodName(model, model.period);
    return model.complete ? name : `${name} (${this.format.term('kpiRunning')})`;
  }

  protected summarize(model: KpiModel): string {
    const f = this.format;
    const parts = [f.term('kpiSummary', this.label(), this.formatValue(model.value, model.unit), this.#periodText(model))];
    const interval = this.#confident ? this.#intervalText(model.interval, model.unit) : '';
    if (interval) parts.push(`${f.term('trustInterval')} ${interval}.`);
    if (model.delta !== null) parts.push(f.term('kpiSummaryDelta', this.#changeText(model)));
    const benchmark = this.activeBenchmark;
    if (benchmark) parts.push(`${this.#benchmarkText(benchmark, model.unit)}.`);
    // The looser SaaS reference is context for a retention figure, not a second verdict.
    if (benchmark?.saasRetention !== undefined) parts.push(`${f.term('kpiSaasNormal', f.percent(benchmark.saasRetention))}.`);
    const caution = this.#caution(model, true);
    if (caution) parts.push(`${caution}.`);
    return parts.join(' ');
  }

  /** The change with, for a rate of customers, whether it is beyond noise. */
  #changeText(model: KpiModel): string {
    const change = this.formatDelta(model.delta!, model.unit);
    if (model.unit !== 'fraction') return change;
    return changeText(this.format, model.delta!, model.change, this.#confident);
  }

  protected renderMetric(model: KpiModel): TemplateResult {
    const f = this.format;
    const benchmark = this.activeBenchmark;
    const change = model.delta !== null ? this.#changeText(model) : null;
    // A change too small to show (+0.015 days reads "0 days") is no change, nor is one within noise: no colour either.
    const noise = this.#confident && model.change !== null && !model.change.beyondNoise;
    const tone = change === null || noise || this.formatDelta(model.delta!, model.unit) === this.formatDelta(0, model.unit) ? '' : deltaTone(model.metric, model.delta);
    const interval = this.#confident ? this.#intervalText(model.interval, model.unit) : '';
    const caution = this.#caution(model, false);
    const confident = this.#confident;
    return html`<div class="tile">
        <div class="value-row">
          <span part="value">${this.formatValue(model.value, model.unit)}</span>
          ${interval ? html`<span part="interval" title=${f.term('trustInterval')}>${interval}</span>` : nothing}
        </div>
        <span part="delta" class=${tone || nothing}>
          ${change !== null
            ? html`<span class="change">${change}</span> <span class="context">${f.term('kpiVersus')}</span>`
            : html`<span class="context">${model.input === 'numbers' ? '' : f.term('kpiNoPrevious')}</span>`}
        </span>
        <div class="spark">${this.#renderSparkline(model, benchmark)}</div>
        <span part="benchmark" class=${benchmark?.tone ?? (model.censored ? 'none' : nothing)}
          >${benchmark ? this.#benchmarkText(benchmark, model.unit) : ''}${caution
            ? html`${benchmark ? ' · ' : ''}<span part="caution">${caution}</span>`
            : nothing}</span
        >
      </div>
      ${renderDataTable(f.term('kpiTable', this.#name()), this.#tableColumns(model, confident), this.#tableRows(model, confident))}`;
  }

  /** Period and value, and the 95 % interval when the values rest on counts. */
  #tableColumns(model: KpiModel, confident: boolean) {
    const f = this.format;
    const columns = [{ label: f.term('kpiPeriod') }, { label: f.term('kpiValue'), numeric: true }];
    if (confident && model.points.some((p) => p.counts || p.answers)) columns.push({ label: f.term('trustInterval'), numeric: true });
    return columns;
  }

  #tableRows(model: KpiModel, confident: boolean): string[][] {
    const f = this.format;
    if (model.input === 'numbers') {
      return [
        ...(model.previous !== null ? [[f.term('kpiPrevious'), this.formatValue(model.previous, model.unit)]] : []),
        [model.period || f.term('kpiValue'), this.formatValue(model.value, model.unit)],
      ];
    }
    const withInterval = confident && model.points.some((p) => p.counts || p.answers);
    return model.points.map((p: KpiPoint) => {
      const name = p.complete ? this.#periodName(model, p.key) : `${this.#periodName(model, p.key)} (${f.term('kpiRunning')})`;
      const value = p.censored ? f.term('trustNotEnoughHistory') : p.value === null ? f.term('kpiNoValue') : this.formatValue(p.value, model.unit);
      return withInterval ? [name, value, this.#intervalText(pointInterval(p), model.unit) || '–'] : [name, value];
    });
  }

  #renderSparkline(model: KpiModel, benchmark: Benchmark | null): TemplateResult | typeof nothing {
    if (!this.size.hasSize || model.input === 'numbers' || model.points.length < 2) return nothing;
    // Drawn in a box of the measured width and a fixed unit height, stretched to the row's height by CSS
    // (the row's height is the page's to theme); strokes and the dot keep their size (non-scaling-stroke).
    const height = SPARKLINE_UNITS;
    const reference = benchmark && benchmark.kind !== 'target' ? benchmark.threshold : model.metric === 'revenue-churn' ? 0 : null;
    const geometry = sparklineGeometry(
      model.points.map((p) => p.value),
      { width: this.size.width, height, reference },
    );
    if (!geometry) return nothing;
    return html`<svg part="sparkline" aria-hidden="true" focusable="false" viewBox="0 0 ${geometry.width} ${geometry.height}" preserveAspectRatio="none">
      ${geometry.referenceY !== null
        ? svg`<line class="spark-reference" vector-effect="non-scaling-stroke" x1="0" x2=${geometry.width} y1=${geometry.referenceY} y2=${geometry.referenceY}></line>`
        : nothing}
      <path class="spark-line" vector-effect="non-scaling-stroke" d=${geometry.path}></path>
      ${geometry.last
        ? svg`<line class="spark-dot" vector-effect="non-scaling-stroke" x1=${geometry.last.x} x2=${geometry.last.x} y1=${geometry.last.y} y2=${geometry.last.y}></line>`
        : nothing}
    </svg>`;
  }

}
