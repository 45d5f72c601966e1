import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { categoryAxis, valueAxis, type AxisTick } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { chartHeightAttribute, choiceAttribute, confidenceAttribute, numberAttribute, weekStartAttribute, windowDaysAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { intervalText, verdictText } from '../platform/trust.ts';
import { churnActionLevel, churnVerdict } from '../../metrics/benchmarks.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import type { ChurnInput, ChurnMetric, ChurnPoint, ChurnTrendJobOptions, ChurnTrendModel } from '../../engine/jobs/churn-trend.ts';
import { churnTrendStyles } from './churn-trend.styles.ts';
import './churn-trend.translations.ts';
import { nearestPointIndex, trendGeometry, type TrendGeometry, type TrendPoint } from './trend-geometry.ts';

/** The job runs in the metrics engine (engine/jobs/churn-trend.ts); the element only names it. */
const churnTrendJob = jobNamed<ChurnTrendJobOptions, ChurnTrendModel>('churn-trend');

/**
 * Customer or revenue churn per period as a line or area chart, with a
 * threshold line, a dashed running period, and a tooltip on hover and on
 * keyboard focus (arrow keys move between periods).
 *
 * Customer churn carries its 95 % interval (a band around the line) and marks
 * periods resting on few customers; the first periods of a transactions
 * trend, whose activity window reaches back before the data, are not drawn as
 * values but marked "not enough history". The threshold is the kit's churn
 * benchmark for the period's length (metrics/benchmarks.ts), the one
 * <retention-gauge> and <kpi-tile> judge by.
 *
 * @summary Churn per period, with a threshold line.
 *
 * @attr metric - `customer` (default) or `revenue` (net revenue churn, may be negative).
 * @attr variant - `line` (default) or `area`.
 * @attr granularity - `day | week | month | quarter | year` (default `month`). A versioned document brings its own; set to another, it is an error.
 * @attr window-days - Days a purchase keeps a customer active (transactions); default: 3 × the median days between purchases.
 * @attr threshold - Reference line as a fraction of the period, taken as given; default for customer churn the kit's benchmark for the granularity (7 % a month, 19.6 % a quarter …), none for revenue; `none` removes it.
 * @attr confidence - `on` (default) draws the 95 % interval and marks small samples; `off` hides both.
 * @attr input - `auto` (default), `transactions`, `subscriptions` or `periods` (pre-aggregated `{ period, start, lost, expansion?, complete? }`).
 * @attr period-key - Column of the period key in pre-aggregated periods.
 * @attr start-count-key - Column of the customers (or revenue) at period start in pre-aggregated periods.
 * @attr lost-key - Column of the customers (or revenue) lost in pre-aggregated periods.
 * @attr expansion-key - Column of the expansion revenue in pre-aggregated periods.
 * @attr as-of - Last day of data used (transactions).
 * @attr week-start - First day of week for `week` periods, 0 = Sunday … 6.
 * @attr height - Chart height in px (default: half the width, 200–320 px).
 *
 * @fires metric-change - The computed series changed: `detail.result` is a {@link ChurnTrendModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable chart area.
 * @csspart axis - Axis labels.
 * @csspart grid-line - Gridlines.
 * @csspart line - The churn line (`line-partial`: the running period).
 * @csspart area - The area (variant="area").
 * @csspart threshold - The threshold line.
 * @csspart zero-line - The zero line.
 * @csspart point - Period markers (`point-small`: few customers at the start, `point-partial`: the running period).
 * @csspart interval - The 95 % interval band of customer churn.
 * @csspart warm-up - The span of periods without enough history.
 * @csspart tooltip - The tooltip.
 * @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-churn-line - Line colour (default the first series colour).
 * @cssprop --rk-churn-threshold - Threshold colour (default the "bad" colour).
 * @cssprop --rk-churn-area-opacity - Area fill opacity.
 * @cssprop --rk-churn-interval-opacity - Fill opacity of the 95 % interval band.
 */
export class ChurnTrend extends RetentionElement<ChurnTrendModel, ChurnTrendJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, churnTrendStyles];

  @property({ reflect: true }) metric: ChurnMetric = 'customer';
  @property({ reflect: true, converter: choiceAttribute(['line', 'area'] as const, 'line') }) variant: 'line' | 'area' = 'line';
  /** Unset: month, or a document's own periods (so the job can tell a page's `granularity` from the default). */
  @property({ reflect: true }) granularity?: Granularity;
  @property({ attribute: 'window-days', converter: windowDaysAttribute }) windowDays?: number;
  /** `threshold="none"` (or empty) removes the line; a fraction sets it (revenue churn may be negative). */
  @property({ converter: numberAttribute({ min: -1, max: 1, allowNone: true }) }) threshold?: number | null;
  @property() input: ChurnInput = 'auto';
  @property({ attribute: 'period-key' }) periodKey?: string;
  @property({ attribute: 'start-count-key' }) startCountKey?: string;
  @property({ attribute: 'lost-key' }) lostKey?: string;
  @property({ attribute: 'expansion-key' }) expansionKey?: string;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ converter: chartHeightAttribute }) height?: number;
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  /** The period under the pointer or keyboard focus (an index into the points). */
  #focus = new ChartFocusController<number>(this, {
    // Start on the newest period: that is what people look at first.
    first: () => (this.#pointCount() > 0 ? this.#pointCount() - 1 : null),
    move: (index, event) => indexMove(index, event, this.#pointCount()),
    positionAt: (event) => this.#indexUnder(event),
    isValid: (index) => index < this.#pointCount(),
    describe: (index) => (this.result ? this.#describePoint(this.result, index) : ''),
  });
  #tooltip = new TooltipPlacement(this);
  /** The drawing of the last (model, size, threshold, language); a hover reuses it. */
  #drawing?: { model: ChurnTrendModel; key: string; drawing: Drawing };
  /** Period labels per (model, language): the axis, the tooltip, the table and the summary read them. */
  #labels?: { model: ChurnTrendModel; locale: string; labels: string[] };

  /** The threshold in force: the attribute, or for customer churn the kit's benchmark for the period's length. */
  get effectiveThreshold(): number | null {
    if (this.threshold !== undefined) return this.threshold;
    return this.metric === 'customer' ? churnActionLevel(this.result?.granularity ?? this.granularity ?? null) : null;
  }

  get #confident(): boolean {
    return this.confidence !== 'off';
  }

  /**
   * The verdict on one period's churn (the benchmark table's, as the gauge and the KPI tile give it); null
   * without a rate or a threshold, while warming up, and for a running period (churn so far is not a whole period's).
   */
  verdictOf(point: ChurnPoint): 'good' | 'bad' | null {
    const threshold = this.effectiveThreshold;
    if (point.rate === null || point.censored || !point.complete || threshold === null) return null;
    return churnVerdict(point.rate, this.result?.granularity ?? this.granularity ?? null, threshold)?.tone ?? null;
  }

  protected jobRequest(): JobRequest<ChurnTrendJobOptions, ChurnTrendModel> {
    return {
      job: churnTrendJob,
      options: {
        metric: this.metric,
        input: this.input,
        granularity: this.granularity ?? 'month',
        givenGranularity: this.granularity,
        windowDays: this.windowDays ?? null,
        weekStart: this.weekStart as Weekday | undefined,
        asOf: this.asOf,
        timeZone: this.timeZone,
        transactionFields: this.transactionFields(),
        subscriptionFields: this.subscriptionFields(),
        periodFields: { period: this.periodKey, start: this.startCountKey, lost: this.lostKey, expansion: this.expansionKey },
      },
    };
  }

  protected label(): string {
    return this.format.term(this.metric === 'revenue' ? 'churnTrendRevenue' : 'churnTrendCustomer');
  }

  /** The subtitle: "Monthly · Jan 2024 – Mar 2024 · 30-day activity window" (revenue: net of expansion). */
  protected override scope(model: ChurnTrendModel): string {
    const f = this.format;
    const points = model.points;
    const basis = model.windowDays !== null ? f.term('churnScopeWindow', model.windowDays) : model.metric === 'revenue' ? f.term('churnScopeNet') : '';
    return scopeLine(granularityPart(f, model), periodSpan(f, model, points[0]?.key, points[points.length - 1]?.key), basis);
  }

  protected summarize(model: ChurnTrendModel): string {
    const f = this.format;
    const what = f.term(model.metric === 'revenue' ? 'churnTrendRevenue' : 'churnTrendCustomer');
    const points = model.points;
    if (points.length === 0) return `${what}: ${f.term('noData')}`;
    const parts = [f.term('churnRange', what, this.#label(model, 0), this.#label(model, points.length - 1))];
    const latest = points.findLastIndex((p) => p.rate !== null);
    parts.push(latest >= 0 ? f.term('churnLatest', f.percent(points[latest].rate!), this.#label(model, latest)) : f.term('churnNoRate'));
    const threshold = this.effectiveThreshold;
    if (threshold !== null) {
      const rated = points.filter((p) => p.rate !== null);
      const above = rated.filter((p) => p.rate! > threshold).length;
      parts.push(f.term('churnAbove', above, rated.length, f.percent(threshold)));
    }
    const negative = points.filter((p) => p.rate !== null && p.rate < 0).length;
    if (negative > 0) parts.push(f.term('churnNegative', negative));
    const warmUp = points.filter((p) => p.censored).length;
    if (warmUp > 0) parts.push(f.term('churnWarmUpPeriods', warmUp));
    if (model.windowDays !== null) parts.push(f.term('churnWindow', model.windowDays));
    return parts.join(' ');
  }

  protected renderMetric(model: ChurnTrendModel): TemplateResult {
    const f = this.format;
    if (model.points.length === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    // The table changes with the result and the language only: a hover does not rebuild it.
    return html`${this.#renderChart(model)}${guard([model, f.wordsKey, f.currencyCode, this.confidence, this.effectiveThreshold], () => this.#renderTable(model))}`;
  }

  // ---- drawing ------------------------------------------------------------------------

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(320, Math.max(200, this.size.width * 0.5)));
  }

  #formatAmount(model: ChurnTrendModel, value: number): string {
    return model.metric === 'revenue' ? this.format.currency(value, { maximumFractionDigits: 0 }) : this.format.number(value);
  }

  /** The chart box is always there (its height is CSS); the SVG is drawn only once it has a width. */
  #renderChart(model: ChurnTrendModel): TemplateResult {
    const fixed = this.height !== undefined && this.height > 0;
    const focus = this.#focus;
    return html`<div
      part="chart"
      class=${fixed ? 'chart fixed-height' : 'chart'}
      tabindex="0"
      role="group"
      aria-label=${this.format.term('churnKeyboardHint')}
      style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
      @keydown=${focus.onKeydown}
      @focus=${focus.onFocus}
      @blur=${focus.onBlur}
      @pointermove=${focus.onPointerMove}
      @pointerleave=${focus.onPointerLeave}
    >
      ${this.size.hasSize ? this.#renderDrawing(model, this.#drawingFor(model)) : nothing} ${focus.announcement()}
    </div>`;
  }

  /**
   * Scales, paths and axis ticks for this result, size, threshold and language:
   * the same object while none of them changes, so a hover or a key costs no geometry.
   */
  #drawingFor(model: ChurnTrendModel): Drawing {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const threshold = this.effectiveThreshold;
    const confident = this.#confident;
    const key = `${width}|${height}|${threshold}|${f.locale}|${confident}`;
    if (this.#drawing?.model === model && this.#drawing.key === key) return this.#drawing.drawing;
    const labels = this.#labelsOf(model);
    const longestLabel = labels.reduce((longest, label) => Math.max(longest, label.length), 0);
    const geometry = trendGeometry(confident ? model.points : model.points.map((point) => ({ ...point, interval: null })), {
      width,
      height,
      threshold,
      formatY: (value, step) => f.percent(value, step > 0 && step < 0.01 - 1e-12 ? (step < 0.001 - 1e-12 ? 2 : 1) : 0),
      minLabelSpacing: longestLabel * 6.5 + 14,
    });
    const xTicks: AxisTick[] = geometry.xLabelIndexes.map((i) => ({ at: geometry.points[i].x, label: labels[i] }));
    const drawing: Drawing = { width, height, threshold, geometry, xTicks };
    this.#drawing = { model, key, drawing };
    return drawing;
  }

  #renderDrawing(model: ChurnTrendModel, drawing: Drawing): TemplateResult {
    const { width, height, geometry: g } = drawing;
    const active = this.#focus.active;
    const activePoint = active === null ? undefined : g.points[active];
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        <g transform="translate(${g.margin.left},${g.margin.top})">
          ${guard([drawing, this.variant], () => this.#renderMarks(model, drawing))}
          ${activePoint ? this.#renderFocusMark(activePoint, g.plotHeight) : nothing}
        </g>
      </svg>
      ${activePoint ? chartTooltip(this.#tooltipContent(model, activePoint.index), { x: activePoint.x + g.margin.left, y: (activePoint.y ?? g.zeroY) + g.margin.top }) : nothing}`;
  }

  /** Axes, threshold, line and markers: drawn once per drawing and variant, never on a hover. */
  #renderMarks(model: ChurnTrendModel, { geometry: g, threshold, xTicks }: Drawing): SVGTemplateResult {
    const f = this.format;
    const { plotWidth, plotHeight, points } = g;
    return svg`${valueAxis(g.yTicks, plotWidth)}${categoryAxis(xTicks, plotHeight)}
      ${g.warmUp ? this.#renderWarmUp(g.warmUp, plotHeight) : nothing}
      ${g.intervalPath ? svg`<path part="interval" d=${g.intervalPath}></path>` : nothing}
      ${this.variant === 'area' ? svg`<path part="area" d=${g.areaPath}></path><path part="area area-partial" d=${g.partialAreaPath}></path>` : nothing}
      <line part="zero-line" x1="0" x2=${plotWidth} y1=${g.zeroY} y2=${g.zeroY}></line>
      ${g.thresholdY !== null && threshold !== null
        ? svg`<line part="threshold" x1="0" x2=${plotWidth} y1=${g.thresholdY} y2=${g.thresholdY}></line>
            <text part="threshold-label" x=${plotWidth} y=${g.thresholdY - 5} text-anchor="end">${f.term('churnThreshold', f.percent(threshold))}</text>`
        : nothing}
      <path part="line" d=${g.linePath}></path>
      <path part="line line-partial" d=${g.partialLinePath}></path>
      ${g.markers
        ? points.map((p) => {
            if (p.y === null) return nothing;
            const { complete, smallSample } = model.points[p.index];
            const small = smallSample && this.#confident;
            const part = `point${complete ? '' : ' point-partial'}${small ? ' point-small' : ''}`;
            return svg`<circle part=${part} data-index=${p.index} cx=${p.x} cy=${p.y} r=${small ? 4 : 3}></circle>`;
          })
        : nothing}`;
  }

  /** The periods without enough history: a shaded span with its words, across it or (a narrow span) along it, where they fit. */
  #renderWarmUp(span: { from: number; to: number }, plotHeight: number): SVGTemplateResult {
    const label = this.format.term('trustNotEnoughHistory');
    const length = label.length * 6 + 8; // about 6 px a character at 11 px
    const width = span.to - span.from;
    const across = width >= length;
    const along = !across && width >= 16 && plotHeight >= length;
    return svg`<rect part="warm-up" x=${span.from} y="0" width=${width} height=${plotHeight}></rect>
      ${across ? svg`<text part="warm-up-label" x=${(span.from + span.to) / 2} y="14" text-anchor="middle">${label}</text>` : nothing}
      ${along
        ? svg`<text part="warm-up-label" x=${span.from + 14} y="6" text-anchor="end" transform="rotate(-90 ${span.from + 14} 6)">${label}</text>`
        : nothing}`;
  }

  /** The rule, the point and (keyboard only) the ring of the active period. */
  #renderFocusMark(point: TrendPoint, plotHeight: number): SVGTemplateResult {
    return svg`<line part="focus-rule" x1=${point.x} x2=${point.x} y1="0" y2=${plotHeight}></line>
      ${point.y === null
        ? nothing
        : svg`<circle part="focus-point" cx=${point.x} cy=${point.y} r="5"></circle>
            ${this.#focus.focused ? svg`<circle part="focus-ring" cx=${point.x} cy=${point.y} r="9"></circle>` : nothing}`}`;
  }

  #rows(model: ChurnTrendModel, point: ChurnPoint): [string, string][] {
    const f = this.format;
    const revenue = model.metric === 'revenue';
    const rows: [string, string][] = [
      [f.term(revenue ? 'churnStartRevenue' : 'churnStartCustomers'), this.#formatAmount(model, point.start)],
      [f.term(revenue ? 'churnLostRevenue' : 'churnLostCustomers'), this.#formatAmount(model, point.lost)],
    ];
    if (revenue) rows.push([f.term('churnExpansion'), this.#formatAmount(model, point.expansion)]);
    const rate = point.censored ? f.term('trustNotEnoughHistory') : point.rate === null ? '–' : f.percent(point.rate);
    rows.push([f.term(revenue ? 'churnNetRate' : 'churnRate'), rate]);
    // Every period has the same rows: they are the hidden table's columns too.
    if (!revenue && this.#confident) rows.push([f.term('trustInterval'), intervalText(f, point.interval) || '–']);
    if (this.effectiveThreshold !== null) {
      const verdict = this.verdictOf(point);
      rows.push([f.term('churnVerdict'), point.censored || !point.complete ? f.term('trustNoVerdict') : verdict ? verdictText(f, verdict) : '–']);
    }
    return rows;
  }

  #notes(model: ChurnTrendModel, point: ChurnPoint): string[] {
    const f = this.format;
    const notes: string[] = [];
    if (!point.complete) notes.push(f.term('churnIncomplete'));
    if (point.censored) notes.push(model.windowDays !== null ? f.term('trustWarmUp', model.windowDays) : f.term('trustNotEnoughHistory'));
    if (point.smallSample && this.#confident) notes.push(f.term('trustFewCustomers', point.start));
    return notes;
  }

  /** Every period in the element's language (the job returns keys), made once per result and language. */
  #labelsOf(model: ChurnTrendModel): string[] {
    const locale = this.format.locale;
    if (this.#labels?.model !== model || this.#labels.locale !== locale) {
      this.#labels = { model, locale, labels: model.points.map((point) => periodLabel(point.key, model, locale)) };
    }
    return this.#labels.labels;
  }

  #label(model: ChurnTrendModel, index: number): string {
    return this.#labelsOf(model)[index];
  }

  #periodText(model: ChurnTrendModel, index: number): string {
    const notes = this.#notes(model, model.points[index]);
    const label = this.#label(model, index);
    return notes.length ? `${label} (${notes.join('; ')})` : label;
  }

  #tooltipContent(model: ChurnTrendModel, index: number): TooltipContent {
    const point = model.points[index];
    return { title: this.#label(model, index), notes: this.#notes(model, point), rows: this.#rows(model, point) };
  }

  /** The tooltip as one sentence, for the live region. */
  #describePoint(model: ChurnTrendModel, index: number): string {
    return `${this.#periodText(model, index)}: ${this.#rows(model, model.points[index])
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`;
  }

  #renderTable(model: ChurnTrendModel): TemplateResult {
    const f = this.format;
    const revenue = model.metric === 'revenue';
    const columns: TableColumn[] = [{ label: f.term('churnPeriod') }, ...this.#rows(model, model.points[0]).map(([label]) => ({ label, numeric: true }))];
    const rows = model.points.map((point, index) => [this.#periodText(model, index), ...this.#rows(model, point).map(([, value]) => value)]);
    return renderDataTable(f.term(revenue ? 'churnTrendRevenue' : 'churnTrendCustomer'), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #pointCount(): number {
    return this.result?.points.length ?? 0;
  }

  /** The period nearest the pointer, along x only: a chart read by its columns. */
  #indexUnder(event: PointerEvent): number | null {
    const g = this.#drawing?.drawing.geometry;
    const drawing = this.renderRoot.querySelector('.chart > svg');
    if (!g || !drawing) return null;
    const index = nearestPointIndex(g.points, event.clientX - drawing.getBoundingClientRect().left - g.margin.left);
    return index >= 0 ? index : null;
  }
}

/** What one (model, size, threshold, language) draws. */
interface Drawing {
  width: number;
  height: number;
  threshold: number | null;
  geometry: TrendGeometry;
  xTicks: AxisTick[];
}
