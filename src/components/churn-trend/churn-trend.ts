import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, numberAttribute, weekStartAttribute, windowDaysAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import type { ChurnInput, ChurnMetric, ChurnPoint, ChurnTrendJobOptions, ChurnTrendModel } from '../../engine/jobs/churn-trend.ts';
import { churnTrendStyles } from './churn-trend.styles.ts';
import './churn-trend.translations.ts';
import { nearestPointIndex, trendGeometry, type TrendGeometry } from './trend-geometry.ts';

/** The job runs in the metrics engine (engine/jobs/churn-trend.ts); the element only names it. */
const churnTrendJob = jobNamed<ChurnTrendJobOptions, ChurnTrendModel>('churn-trend');

/** Customer churn above 7 % a month calls for action (DESIGN.md); revenue churn has no default line. */
export const DEFAULT_CUSTOMER_THRESHOLD = 0.07;


/**
 * Customer or revenue churn per period as a line or area chart, with a
 * threshold line, a dashed running period, and a tooltip on hover and on
 * keyboard focus (arrow keys move between periods).
 *
 * @summary Churn per period, with a threshold line.
 *
 * @attr metric - `customer` (default) or `revenue` (net revenue churn, may be negative).
 * @attr variant - `line` (default) or `area`.
 * @attr granularity - `day | week | month | quarter | year` (default `month`).
 * @attr window-days - Days a purchase keeps a customer active (transactions); default: 3 × the median days between purchases.
 * @attr threshold - Reference line as a fraction (default 0.07 for customer churn, none for revenue); `none` removes it.
 * @attr input - `auto` (default), `transactions`, `subscriptions` or `periods` (pre-aggregated `{ period, start, lost, expansion?, complete? }`).
 * @attr period-key - Column of the period key in pre-aggregated periods.
 * @attr start-count-key - Column of the customers (or revenue) at period start in pre-aggregated periods.
 * @attr lost-key - Column of the customers (or revenue) lost in pre-aggregated periods.
 * @attr expansion-key - Column of the expansion revenue in pre-aggregated periods.
 * @attr as-of - Last day of data used (transactions).
 * @attr week-start - First day of week for `week` periods, 0 = Sunday … 6.
 * @attr height - Chart height in px (default: half the width, 200–320 px).
 *
 * @fires metric-change - The computed series changed: `detail.value` is a {@link ChurnTrendModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable chart area. @csspart axis - Axis labels. @csspart grid-line - Gridlines.
 * @csspart line - The churn line (`line-partial`: the running period). @csspart area - The area (variant="area").
 * @csspart threshold - The threshold line. @csspart zero-line - The zero line. @csspart point - Period markers.
 * @csspart tooltip - The tooltip. @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-churn-line - Line colour (default the first series colour).
 * @cssprop --rk-churn-threshold - Threshold colour (default the "bad" colour).
 * @cssprop --rk-churn-area-opacity - Area fill opacity.
 */
export class ChurnTrend extends RetentionElement<ChurnTrendModel, ChurnTrendJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, churnTrendStyles];

  @property({ reflect: true }) metric: ChurnMetric = 'customer';
  @property({ reflect: true }) variant: 'line' | 'area' = 'line';
  @property({ reflect: true }) granularity: Granularity = 'month';
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

  /** Index of the period under the pointer or keyboard focus; null when none. */
  @state() private activeIndex: number | null = null;
  @state() private focused = false;
  #geometry?: TrendGeometry;

  /** The threshold in force: the attribute, or the default of the metric. */
  get effectiveThreshold(): number | null {
    if (this.threshold !== undefined) return this.threshold;
    return this.metric === 'customer' ? DEFAULT_CUSTOMER_THRESHOLD : null;
  }

  protected jobRequest(): JobRequest<ChurnTrendJobOptions, ChurnTrendModel> {
    return {
      job: churnTrendJob,
      options: {
        metric: this.metric,
        input: this.input,
        granularity: this.granularity,
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
    const parts = [f.term('churnRange', what, this.#label(model, points[0]), this.#label(model, points[points.length - 1]))];
    const latest = [...points].reverse().find((p) => p.rate !== null);
    parts.push(latest ? f.term('churnLatest', f.percent(latest.rate!), this.#label(model, latest)) : f.term('churnNoRate'));
    const threshold = this.effectiveThreshold;
    if (threshold !== null) {
      const rated = points.filter((p) => p.rate !== null);
      const above = rated.filter((p) => p.rate! > threshold).length;
      parts.push(f.term('churnAbove', above, rated.length, f.percent(threshold)));
    }
    const negative = points.filter((p) => p.rate !== null && p.rate < 0).length;
    if (negative > 0) parts.push(f.term('churnNegative', negative));
    if (model.windowDays !== null) parts.push(f.term('churnWindow', model.windowDays));
    return parts.join(' ');
  }

  protected renderMetric(model: ChurnTrendModel): TemplateResult {
    const f = this.format;
    if (model.points.length === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    return html`${this.#renderChart(model)}${this.#renderTable(model)}`;
  }

  // ---- drawing ------------------------------------------------------------------------

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(320, Math.max(200, this.size.width * 0.5)));
  }

  #formatRate = (fraction: number) => this.format.percent(fraction);

  #formatAmount(model: ChurnTrendModel, value: number): string {
    return model.metric === 'revenue' ? this.format.currency(value, { maximumFractionDigits: 0 }) : this.format.number(value);
  }

  /** The chart box is always there (its height is CSS); the SVG is drawn only once it has a width. */
  #renderChart(model: ChurnTrendModel): TemplateResult {
    const fixed = this.height !== undefined && this.height > 0;
    const box = (content: unknown) =>
      html`<div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${this.format.term('churnKeyboardHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
      >
        ${content}
      </div>`;
    return box(this.size.hasSize ? this.#renderDrawing(model) : nothing);
  }

  #renderDrawing(model: ChurnTrendModel): TemplateResult {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const longestLabel = model.points.reduce((longest, p) => Math.max(longest, this.#label(model, p).length), 0);
    const g = trendGeometry(model.points, {
      width,
      height,
      threshold: this.effectiveThreshold,
      formatY: (value, step) => f.percent(value, step > 0 && step < 0.01 - 1e-12 ? (step < 0.001 - 1e-12 ? 2 : 1) : 0),
      minLabelSpacing: longestLabel * 6.5 + 14,
    });
    this.#geometry = g;
    const { margin, plotWidth, plotHeight, points } = g;
    const active = this.activeIndex !== null && this.activeIndex < points.length ? this.activeIndex : null;
    const activePoint = active === null ? undefined : points[active];
    const threshold = this.effectiveThreshold;

    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        <g transform="translate(${margin.left},${margin.top})">
          <g part="grid">
            ${g.yTicks.map((t) => svg`<line part="grid-line" x1="0" x2=${plotWidth} y1=${t.at} y2=${t.at}></line>`)}
          </g>
          <g part="axis y-axis">
            ${g.yTicks.map((t) => svg`<text x="-8" y=${t.at} dy="0.32em" text-anchor="end">${t.label}</text>`)}
          </g>
          <g part="axis x-axis">
            ${g.xLabelIndexes.map((i) => svg`<text x=${points[i].x} y=${plotHeight + 18} text-anchor="middle">${this.#label(model, model.points[i])}</text>`)}
          </g>
          ${this.variant === 'area'
            ? svg`<path part="area" d=${g.areaPath}></path><path part="area area-partial" d=${g.partialAreaPath}></path>`
            : nothing}
          <line part="zero-line" x1="0" x2=${plotWidth} y1=${g.zeroY} y2=${g.zeroY}></line>
          ${g.thresholdY !== null && threshold !== null
            ? svg`<line part="threshold" x1="0" x2=${plotWidth} y1=${g.thresholdY} y2=${g.thresholdY}></line>
                <text part="threshold-label" x=${plotWidth} y=${g.thresholdY - 5} text-anchor="end">${f.term('churnThreshold', f.percent(threshold))}</text>`
            : nothing}
          <path part="line" d=${g.linePath}></path>
          <path part="line line-partial" d=${g.partialLinePath}></path>
          ${points.map((p) =>
            p.y === null || points.length > 90
              ? nothing
              : svg`<circle
                  part=${['point', model.points[p.index].complete ? '' : 'point-partial', model.points[p.index].censored ? 'point-censored' : ''].join(' ').trim()}
                  data-index=${p.index}
                  cx=${p.x}
                  cy=${p.y}
                  r="3"
                ></circle>`,
          )}
          ${activePoint
            ? svg`<line part="focus-rule" x1=${activePoint.x} x2=${activePoint.x} y1="0" y2=${plotHeight}></line>
                ${activePoint.y === null
                  ? nothing
                  : svg`<circle part="focus-point" cx=${activePoint.x} cy=${activePoint.y} r="5"></circle>
                      ${this.focused ? svg`<circle part="focus-ring" cx=${activePoint.x} cy=${activePoint.y} r="9"></circle>` : nothing}`}`
            : nothing}
        </g>
      </svg>
      ${activePoint ? this.#renderTooltip(model, model.points[activePoint.index], activePoint.x + margin.left, (activePoint.y ?? g.zeroY) + margin.top, width) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.focused && active !== null ? this.#describePoint(model, model.points[active]) : ''}</div>`;
  }

  #rows(model: ChurnTrendModel, point: ChurnPoint): [string, string][] {
    const f = this.format;
    const revenue = model.metric === 'revenue';
    const rows: [string, string][] = [
      [f.term(revenue ? 'churnStartRevenue' : 'churnStartCustomers'), this.#formatAmount(model, point.start)],
      [f.term(revenue ? 'churnLostRevenue' : 'churnLostCustomers'), this.#formatAmount(model, point.lost)],
    ];
    if (revenue) rows.push([f.term('churnExpansion'), this.#formatAmount(model, point.expansion)]);
    rows.push([f.term(revenue ? 'churnNetRate' : 'churnRate'), point.rate === null ? '–' : this.#formatRate(point.rate)]);
    return rows;
  }

  #notes(point: ChurnPoint): string[] {
    const notes: string[] = [];
    if (!point.complete) notes.push(this.format.term('churnIncomplete'));
    if (point.censored) notes.push(this.format.term('churnCensored'));
    return notes;
  }

  /** The period in the element's language (the job returns its key). */
  #label(model: ChurnTrendModel, point: ChurnPoint): string {
    return periodLabel(point.key, model, this.format.locale);
  }

  #periodText(model: ChurnTrendModel, point: ChurnPoint): string {
    const notes = this.#notes(point);
    const label = this.#label(model, point);
    return notes.length ? `${label} (${notes.join('; ')})` : label;
  }

  /** The tooltip as one sentence, for the live region. */
  #describePoint(model: ChurnTrendModel, point: ChurnPoint): string {
    return `${this.#periodText(model, point)}: ${this.#rows(model, point)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`;
  }

  #renderTooltip(model: ChurnTrendModel, point: ChurnPoint, x: number, y: number, width: number): TemplateResult {
    // Keep the tooltip inside the chart: to the left of the point on the right half.
    const left = x > width / 2;
    const top = `${Math.max(0, y - 12)}px`;
    const position = left ? { right: `${Math.max(0, width - x + 12)}px`, top } : { left: `${x + 12}px`, top };
    return html`<div part="tooltip" aria-hidden="true" style=${cssomStyle(position)}>
      <strong>${this.#label(model, point)}</strong>
      ${this.#notes(point).map((note) => html`<span class="note">${note}</span>`)}
      <dl>
        ${this.#rows(model, point).map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
      </dl>
    </div>`;
  }

  #renderTable(model: ChurnTrendModel): TemplateResult {
    const f = this.format;
    const revenue = model.metric === 'revenue';
    const columns: TableColumn[] = [{ label: f.term('churnPeriod') }, ...this.#rows(model, model.points[0]).map(([label]) => ({ label, numeric: true }))];
    const rows = model.points.map((point) => [this.#periodText(model, point), ...this.#rows(model, point).map(([, value]) => value)]);
    return renderDataTable(f.term(revenue ? 'churnTrendRevenue' : 'churnTrendCustomer'), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #pointCount(): number {
    return this.value?.points.length ?? 0;
  }

  #onFocus = () => {
    this.focused = true;
    const count = this.#pointCount();
    // Start on the newest period: that is what people look at first.
    if (this.activeIndex === null && count > 0) this.activeIndex = count - 1;
  };

  #onBlur = () => {
    this.focused = false;
    this.activeIndex = null;
  };

  #onKeydown = (event: KeyboardEvent) => {
    const count = this.#pointCount();
    if (count === 0) return;
    const current = this.activeIndex ?? count - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        next = Math.max(0, current - 1);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        next = Math.min(count - 1, current + 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Escape':
        this.activeIndex = null;
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activeIndex = next;
  };

  #onPointerMove = (event: PointerEvent) => {
    const g = this.#geometry;
    const svgElement = this.renderRoot.querySelector('svg');
    if (!g || !svgElement) return;
    const box = svgElement.getBoundingClientRect();
    const index = nearestPointIndex(g.points, event.clientX - box.left - g.margin.left);
    if (index >= 0 && index !== this.activeIndex) this.activeIndex = index;
  };

  #onPointerLeave = () => {
    if (!this.focused) this.activeIndex = null;
  };
}
