import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { RetentionMode } from '../../metrics/retention-curves.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, numberAttribute, periodCountAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles } from '../platform/theme.styles.ts';
import { cohortsPart, labelSpan, scopeLine } from '../platform/scope.ts';
import { curveGeometry, nearestSeries, type CurveGeometry } from './curve-geometry.ts';
import type { CurveCohort, CurveInput, RetentionCurveJobOptions, RetentionCurveModel } from '../../engine/jobs/retention-curve.ts';
import { retentionCurveStyles } from './retention-curve.styles.ts';
import './retention-curve.translations.ts';

/** The job runs in the metrics engine (engine/jobs/retention-curve.ts); the element only names it. */
const retentionCurveJob = jobNamed<RetentionCurveJobOptions, RetentionCurveModel>('retention-curve');

/** Markers on every point up to this many periods; beyond, only on the highlighted curve. */
const MARKERS_UP_TO = 24;

/**
 * Retention curves: for each first-purchase cohort, the share of its
 * customers still active k periods later, with the customer-weighted average
 * of all cohorts. `mode="on"` counts customers active in period k;
 * `mode="on-or-after"` (unbounded retention) counts those active in period k
 * or any later one. A cohort's running period is dashed and left out of the
 * average. Unbounded retention looks ahead, so the last points of every
 * cohort understate it: near the end of the data "later" has hardly begun,
 * and those points are a floor that rises as time passes. Hover a curve, or move through the legend with the arrow keys, to
 * highlight one cohort.
 *
 * @summary Retention curves per cohort plus the average.
 *
 * @attr mode - `on` (default) or `on-or-after`.
 * @attr granularity - `day | week | month | quarter | year` (default `month`).
 * @attr max-periods - At most this many periods (columns).
 * @attr max-cohorts - Curves shown: the most recent N cohorts (default 12); the average is over all.
 * @attr input - `auto` (default), `transactions` or `matrix` (the <cohort-heatmap> matrix, plus optional `partialLastPeriod` and `mode`).
 * @attr as-of - Last day of data used. @attr week-start - First day of week for `week` periods.
 * @attr height - Chart height in px (default: half the width, 220–340 px).
 *
 * @fires metric-change - The curves changed: `detail.value` is a {@link RetentionCurveModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The chart area. @csspart curve - A cohort's curve (`curve-highlighted`). @csspart average - The average curve.
 * @csspart axis - Axis labels. @csspart grid-line - Gridlines. @csspart legend - The legend. @csspart legend-item - A legend button.
 * @csspart detail - The line describing the highlighted cohort. @csspart table - The hidden data table.
 *
 * @cssprop --rk-curve-average - Colour of the average curve (default the text colour).
 * @cssprop --rk-curve-dimmed-opacity - Opacity of the curves not highlighted (default 0.18).
 */
export class RetentionCurve extends RetentionElement<RetentionCurveModel, RetentionCurveJobOptions> {
  static override styles = [platformStyles, chartStyles, retentionCurveStyles];

  @property({ reflect: true }) mode: RetentionMode = 'on';
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'max-periods', converter: periodCountAttribute }) maxPeriods?: number;
  @property({ attribute: 'max-cohorts', converter: numberAttribute({ min: 1, max: 60, integer: true }) }) maxCohorts?: number;
  @property() input: CurveInput = 'auto';
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ converter: chartHeightAttribute }) height?: number;

  /** Series index (cohorts 0 … n − 1, the average n) under the pointer or keyboard focus; null when none. */
  @state() private highlighted: number | null = null;
  /** The legend item that takes Tab (roving tabindex), as a series index; null = the average. */
  @state() private tabStop: number | null = null;
  @state() private legendFocused = false;
  #geometry?: CurveGeometry;

  protected jobRequest(): JobRequest<RetentionCurveJobOptions, RetentionCurveModel> {
    return {
      job: retentionCurveJob,
      options: {
        mode: this.mode,
        input: this.input,
        granularity: this.granularity,
        maxPeriods: this.maxPeriods,
        maxCohorts: this.maxCohorts,
        weekStart: this.weekStart as Weekday | undefined,
        asOf: this.asOf,
        timeZone: this.timeZone,
        transactionFields: this.transactionFields(),
      },
    };
  }

  protected label(): string {
    return this.format.term(this.mode === 'on-or-after' ? 'curveLabelOnOrAfter' : 'curveLabelOn');
  }

  /**
   * The subtitle: "Monthly cohorts · Jan 2024 – Mar 2024 · 2,140 customers", and
   * "latest 8 of 20 cohorts" when not every cohort of the average is drawn.
   */
  protected override scope(model: RetentionCurveModel): string {
    const f = this.format;
    const { cohorts } = model;
    if (cohorts.length === 0) return cohortsPart(f, model);
    const customers = cohorts.reduce((sum, cohort) => sum + cohort.size, 0);
    return scopeLine(
      cohortsPart(f, model),
      labelSpan(f, this.#cohortLabel(model, cohorts[0]), this.#cohortLabel(model, cohorts[cohorts.length - 1])),
      f.term('scopeCustomers', customers, f.number(customers)),
      cohorts.length < model.cohortCount && f.term('curveScopeShown', cohorts.length, model.cohortCount),
    );
  }

  protected summarize(model: RetentionCurveModel): string {
    const f = this.format;
    const what = f.term(model.mode === 'on-or-after' ? 'curveLabelOnOrAfter' : 'curveLabelOn');
    if (model.cohorts.length === 0) return `${what}: ${f.term('noData')}`;
    const parts = [f.term('curveSummary', what, model.cohorts.length, model.cohortCount, this.#cohortLabel(model, model.cohorts[0]), this.#cohortLabel(model, model.cohorts[model.cohorts.length - 1]))];
    const lastAverage = model.average.reduce<number>((last, v, k) => (v === null ? last : k), -1);
    for (const k of new Set([1, lastAverage])) {
      if (k > 0 && model.average[k] != null) parts.push(f.term('curveAverageAt', k, f.percent(model.average[k]!)));
    }
    return parts.join(' ');
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: RetentionCurveModel): TemplateResult {
    const f = this.format;
    if (model.cohorts.length === 0 || model.periods === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const fixed = this.height !== undefined && this.height > 0;
    const highlighted = this.#validIndex(model, this.highlighted);
    return html`<div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
      >
        ${this.size.hasSize ? this.#renderDrawing(model, highlighted) : nothing}
      </div>
      ${this.#renderLegend(model, highlighted)}
      <p part="detail" role="status" aria-live="polite">${highlighted === null ? '' : this.#describe(model, highlighted)}</p>
      ${model.cohorts.some((c) => c.partialPeriod >= 0) ? html`<p class="note">${f.term('curveAverageNote')}</p>` : nothing} ${this.#renderTable(model)}`;
  }

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(340, Math.max(220, this.size.width * 0.5)));
  }

  /**
   * Palette slot of a curve: the stylesheet maps it to its colour (`--c`), so no inline style is needed.
   * Cohorts cycle through the first seven colours: the eighth is a neutral grey too close to the
   * average line's colour in both themes.
   */
  #series(index: number, model: RetentionCurveModel): string {
    return index === model.cohorts.length ? 'average' : String((index % 7) + 1);
  }

  #renderDrawing(model: RetentionCurveModel, highlighted: number | null): TemplateResult {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const series = [...model.cohorts.map((c) => ({ values: c.values, partialPeriod: c.partialPeriod })), { values: model.average, partialPeriod: -1 }];
    const g = curveGeometry(series, { width, height, periods: model.periods, formatY: (v) => f.percent(v, 0) });
    this.#geometry = g;
    const { margin, plotWidth, plotHeight } = g;
    const averageIndex = model.cohorts.length;
    // The highlighted curve is drawn last, on top; the average sits above the other cohorts.
    const order = [...model.cohorts.keys(), averageIndex].filter((i) => i !== highlighted);
    if (highlighted !== null) order.push(highlighted);
    const curve = (index: number) => {
      const paths = g.series[index];
      const isAverage = index === averageIndex;
      const isHighlighted = index === highlighted;
      const classes = [isHighlighted ? 'highlighted' : '', highlighted !== null && !isHighlighted ? 'dimmed' : ''].join(' ').trim();
      const showMarkers = isHighlighted || model.periods <= MARKERS_UP_TO || paths.points.length === 1;
      return svg`<g part=${isAverage ? 'average' : isHighlighted ? 'curve curve-highlighted' : 'curve'} class=${classes} data-index=${index} data-series=${this.#series(index, model)}>
        <path class="curve" d=${paths.solid}></path>
        <path class="curve partial" d=${paths.partial}></path>
        ${paths.points.map((p) =>
          p.partial || showMarkers ? svg`<circle class=${p.partial ? 'marker partial' : 'marker'} cx=${p.x} cy=${p.y} r=${isHighlighted ? 3.5 : isAverage ? 3 : 2.5}></circle>` : nothing,
        )}
      </g>`;
    };
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      <g transform="translate(${margin.left},${margin.top})">
        <g part="grid">${g.yTicks.map((t) => svg`<line part="grid-line" x1="0" x2=${plotWidth} y1=${t.at} y2=${t.at}></line>`)}</g>
        <g part="axis y-axis">${g.yTicks.map((t) => svg`<text x="-8" y=${t.at} dy="0.32em" text-anchor="end">${t.label}</text>`)}</g>
        <g part="axis x-axis">
          ${g.xLabels.map((k) => svg`<text x=${g.xOf(k)} y=${plotHeight + 15} text-anchor="middle">${f.number(k)}</text>`)}
          <text x=${plotWidth} y=${plotHeight + 29} text-anchor="end">${f.term('curvePeriodsAxis')}</text>
        </g>
        ${order.map(curve)}
      </g>
    </svg>`;
  }

  /** Legend order: the average first, then the cohorts oldest to newest. */
  #legendOrder(model: RetentionCurveModel): number[] {
    return [model.cohorts.length, ...model.cohorts.keys()];
  }

  #renderLegend(model: RetentionCurveModel, highlighted: number | null): TemplateResult {
    const f = this.format;
    const averageIndex = model.cohorts.length;
    const tabStop = this.#validIndex(model, this.tabStop) ?? averageIndex;
    return html`<ul part="legend" aria-label=${f.term('curveLegendHint')} @keydown=${this.#onLegendKeydown}>
      ${this.#legendOrder(model).map((index) => {
        const cohort: CurveCohort | undefined = model.cohorts[index];
        const name = cohort ? this.#cohortLabel(model, cohort) : f.term('curveAverage');
        return html`<li>
          <button
            type="button"
            part="legend-item"
            class=${cohort ? '' : 'average'}
            data-index=${index}
            tabindex=${index === tabStop ? 0 : -1}
            aria-pressed=${index === highlighted ? 'true' : 'false'}
            data-series=${this.#series(index, model)}
            @focus=${() => this.#onLegendFocus(index)}
            @blur=${this.#onLegendBlur}
            @pointerenter=${() => (this.highlighted = index)}
            @pointerleave=${this.#onPointerLeave}
            @click=${() => this.#onLegendFocus(index)}
          >
            <span class="swatch"></span>${name}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  /** A cohort in the element's language: the matrix's own label, else its period key labelled here. */
  #cohortLabel(model: RetentionCurveModel, cohort: CurveCohort): string {
    return cohort.label ?? periodLabel(cohort.key, model, this.format.locale);
  }

  #formatValue(cohort: { partialPeriod: number }, k: number, value: number | null): string {
    if (value === null) return '';
    const text = this.format.percent(value);
    return k === cohort.partialPeriod ? `${text} (${this.format.term('curveRunning')})` : text;
  }

  #describe(model: RetentionCurveModel, index: number): string {
    const f = this.format;
    const cohort = model.cohorts[index];
    const title = cohort ? f.term('curveCohortLine', this.#cohortLabel(model, cohort), f.number(cohort.size)) : f.term('curveAverage');
    const values = cohort ? cohort.values : model.average;
    const partial = cohort ?? { partialPeriod: -1 };
    const points = values.flatMap((v, k) => (v === null ? [] : [`${f.term('curvePeriod', k)} ${this.#formatValue(partial, k, v)}`]));
    return `${title}: ${points.join(', ')}`;
  }

  #renderTable(model: RetentionCurveModel): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('curveCohort') },
      { label: f.term('curveCustomers'), numeric: true },
      ...Array.from({ length: model.periods }, (_, k) => ({ label: f.term('curvePeriod', k), numeric: true })),
    ];
    const rows = [
      ...model.cohorts.map((c) => [this.#cohortLabel(model, c), f.number(c.size), ...c.values.map((v, k) => this.#formatValue(c, k, v))]),
      [f.term('curveAverage'), '', ...model.average.map((v) => (v === null ? '' : f.percent(v)))],
    ];
    return renderDataTable(this.summarize(model), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #validIndex(model: RetentionCurveModel, index: number | null): number | null {
    return index !== null && index >= 0 && index <= model.cohorts.length ? index : null;
  }

  #onLegendFocus(index: number): void {
    this.legendFocused = true;
    this.tabStop = index;
    this.highlighted = index;
  }

  #onLegendBlur = () => {
    this.legendFocused = false;
    // Focus may be moving to the next legend item: only clear once it has really left.
    queueMicrotask(() => {
      if (!this.legendFocused) this.highlighted = null;
    });
  };

  #onLegendKeydown = (event: KeyboardEvent) => {
    const model = this.value;
    if (!model) return;
    const order = this.#legendOrder(model);
    const current = order.indexOf(this.#validIndex(model, this.tabStop) ?? model.cohorts.length);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(order.length - 1, current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = order.length - 1;
        break;
      case 'Escape':
        this.highlighted = null;
        return;
      default:
        return;
    }
    event.preventDefault();
    this.tabStop = order[next];
    this.highlighted = order[next];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[part~="legend-item"][data-index="${order[next]}"]`)?.focus());
  };

  #onPointerMove = (event: PointerEvent) => {
    const g = this.#geometry;
    const svgElement = this.renderRoot.querySelector('.chart > svg');
    if (!g || !svgElement) return;
    const box = svgElement.getBoundingClientRect();
    const index = nearestSeries(g, event.clientX - box.left - g.margin.left, event.clientY - box.top - g.margin.top);
    if (index >= 0 && index !== this.highlighted) this.highlighted = index;
  };

  #onPointerLeave = () => {
    if (!this.legendFocused) this.highlighted = null;
  };
}
