import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { RetentionMode } from '../../metrics/retention-curves.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, confidenceAttribute, numberAttribute, periodCountAttribute, weekStartAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { intervalText } from '../platform/trust.ts';
import { isSmallSample, SMALL_SAMPLE, wilsonInterval, type Interval } from '../../metrics/uncertainty.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { cohortsPart, labelSpan, scopeLine } from '../platform/scope.ts';
import { curveGeometry, intervalBand, nearestPoint, pointAt, type CurveGeometry, type CurvePosition } from './curve-geometry.ts';
import type { CurveCohort, CurveInput, RetentionCurveJobOptions, RetentionCurveModel } from '../../engine/jobs/retention-curve.ts';
import { retentionCurveStyles } from './retention-curve.styles.ts';
import './retention-curve.translations.ts';

/** The job runs in the metrics engine (engine/jobs/retention-curve.ts); the element only names it. */
const retentionCurveJob = jobNamed<RetentionCurveJobOptions, RetentionCurveModel>('retention-curve');

/** Markers on every curve up to this many periods; beyond, only on the highlighted curve (and only where they fit). */
const MARKERS_UP_TO = 24;

/** How sure each point of a curve is: its 95 % interval and whether it rests on few customers, per period k. */
interface SeriesCertainty {
  intervals: (Interval | null)[];
  /** Customers behind the point (the denominator); 0 where none. */
  reached: number[];
  few: boolean[];
}

/**
 * Retention curves: for each first-purchase cohort, the share of its
 * customers still active k periods later, with the customer-weighted average
 * of all cohorts. `mode="on"` counts customers active in period k;
 * `mode="on-or-after"` (unbounded retention) counts those active in period k
 * or any later one. A cohort's running period is dashed and left out of the
 * average. Unbounded retention looks ahead, so the last points of every
 * cohort understate it: near the end of the data "later" has hardly begun,
 * and those points are a floor that rises as time passes. Hover a curve or its
 * legend entry to highlight the cohort and read the point in a tooltip, with
 * its 95 % Wilson interval (the average's from the summed counts), drawn as a
 * band around the highlighted curve; points resting on fewer than 30
 * customers are hollow, and say so (`confidence="off"` hides both). On the
 * focused chart, ← → move along a curve (Home/End to its ends, PageUp/PageDown
 * a tenth), ↑ ↓ to the previous or next curve in legend order, Escape lets go.
 *
 * Pre-aggregated data (#14): a `cohort-matrix/1` document (the command line's
 * and retention-kit/sql's output) given as `src`, `data` or an inline script is
 * read whole: its calendar and week start (over `granularity`), each cohort's
 * running cell, and every cohort in the average, so the curves are those
 * computed from the orders. Its values are the `on` retention: `mode="on-or-after"`
 * and a revenue document are refused by name, and so is another version.
 *
 * @summary Retention curves per cohort plus the average.
 *
 * @attr mode - `on` (default) or `on-or-after`.
 * @attr granularity - `day | week | month | quarter | year` (default `month`). A versioned document brings its own; set to another, it is an error.
 * @attr max-periods - At most this many periods (columns).
 * @attr max-cohorts - Curves shown: the most recent N cohorts (default 12); the average is over all.
 * @attr input - `auto` (default), `transactions` or `matrix` (the <cohort-heatmap> matrix, plus optional `partialLastPeriod` and `mode`; or a `cohort-matrix/1` document).
 * @attr as-of - Last day of data used.
 * @attr week-start - First day of week for `week` periods.
 * @attr height - Chart height in px (default: half the width, 220–340 px).
 * @attr confidence - `on` (default): 95 % intervals, a band round the highlighted curve, hollow points for few customers; `off` hides them.
 *
 * @fires metric-change - The curves changed: `detail.result` is a {@link RetentionCurveModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable chart area.
 * @csspart curve - A cohort's curve (`curve-highlighted`).
 * @csspart average - The average curve.
 * @csspart axis - Axis labels.
 * @csspart grid-line - Gridlines.
 * @csspart legend - The legend.
 * @csspart legend-item - A legend entry (hover highlights its curve).
 * @csspart active-point - The ring on the active point.
 * @csspart tooltip - The tooltip.
 * @csspart table - The hidden data table.
 * @csspart interval-band - The 95 % interval band round the highlighted curve.
 * @csspart point-few - A hollow point: it rests on fewer than 30 customers.
 * @csspart few-note - The line under the chart that says what hollow points mean.
 *
 * @cssprop --rk-curve-average - Colour of the average curve (default the text colour).
 * @cssprop --rk-curve-dimmed-opacity - Opacity of the curves not highlighted (default 0.18).
 */
export class RetentionCurve extends RetentionElement<RetentionCurveModel, RetentionCurveJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, retentionCurveStyles];

  @property({ reflect: true }) mode: RetentionMode = 'on';
  /** Unset: month, or a document's own periods (so the job can tell a page's `granularity` from the default). */
  @property({ reflect: true }) granularity?: Granularity;
  @property({ attribute: 'max-periods', converter: periodCountAttribute }) maxPeriods?: number;
  @property({ attribute: 'max-cohorts', converter: numberAttribute({ min: 1, max: 60, integer: true }) }) maxCohorts?: number;
  @property() input: CurveInput = 'auto';
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ converter: chartHeightAttribute }) height?: number;
  /** `on`: intervals, the band and hollow points for few customers; `off`: bare curves. Drawing only: no recompute. */
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  /** The active point (series: cohorts 0 … n − 1, the average n); its series is the highlighted curve. */
  #focus = new ChartFocusController<CurvePosition>(this, {
    first: () => this.#firstPosition(),
    move: (at, event) => this.#move(at, event),
    positionAt: (event) => this.#positionUnder(event),
    isValid: (at) => {
      const value = this.result && at.k < this.result.periods ? this.#valuesOf(this.result, at.series)?.[at.k] : undefined;
      return value !== null && value !== undefined && Number.isFinite(value);
    },
    describe: (at) => (this.result ? this.#describe(this.result, at) : ''),
    equals: (a, b) => a.series === b.series && a.k === b.k,
  });
  #tooltip = new TooltipPlacement(this);
  /** The geometry of the last drawing and what it was computed for: a hover or a key reuses it. */
  #drawing?: { key: readonly unknown[]; geometry: CurveGeometry };
  /** Intervals and few-customer flags of every series (cohorts, then the average), once per result. */
  #certainty?: { model: RetentionCurveModel; series: SeriesCertainty[] };

  protected jobRequest(): JobRequest<RetentionCurveJobOptions, RetentionCurveModel> {
    return {
      job: retentionCurveJob,
      options: {
        mode: this.mode,
        input: this.input,
        granularity: this.granularity ?? 'month',
        givenGranularity: this.granularity,
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
      if (k > 0 && model.average[k] != null) parts.push(f.term('curveAverageAt', k, this.#withInterval(model.average[k]!, this.#pointCertainty(model, model.cohorts.length, k))));
    }
    return parts.join(' ');
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: RetentionCurveModel): TemplateResult {
    const f = this.format;
    if (model.cohorts.length === 0 || model.periods === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const fixed = this.height !== undefined && this.height > 0;
    const g = this.size.hasSize ? this.#geometryFor(model) : undefined;
    const active = this.#focus.active;
    const highlighted = active?.series ?? null;
    return html`<div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${f.term('curveChartHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @focus=${this.#focus.onFocus}
        @blur=${this.#focus.onBlur}
        @keydown=${this.#focus.onKeydown}
        @pointermove=${this.#focus.onPointerMove}
        @pointerleave=${this.#focus.onPointerLeave}
      >
        ${g ? this.#renderDrawing(model, g, active) : nothing}
        ${g && active ? this.#renderTooltip(model, g, active) : nothing} ${this.#focus.announcement()}
      </div>
      ${guard([model, f.wordsKey, highlighted, this.confidence], () => this.#renderLegend(model, highlighted))}
      ${model.cohorts.some((c) => c.partialPeriod >= 0) ? html`<p class="note">${f.term('curveAverageNote')}</p>` : nothing}
      ${this.confidence !== 'off' && this.#seriesCertainty(model).some((series) => series.few.some(Boolean))
        ? html`<p class="note" part="few-note">${f.term('curveFewNote', f.number(SMALL_SAMPLE))}</p>`
        : nothing}
      ${guard([model, f.wordsKey, this.confidence], () => this.#renderTable(model))}`;
  }

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(340, Math.max(220, this.size.width * 0.5)));
  }

  /** Scales, ticks and paths, computed once per result, size and language: never on a hover or a key. */
  #geometryFor(model: RetentionCurveModel): CurveGeometry {
    const f = this.format;
    const key = [model, this.size.width, this.#chartHeight(), f.locale, this.confidence] as const;
    if (this.#drawing?.key.every((part, i) => part === key[i])) return this.#drawing.geometry;
    const certainty = this.confidence === 'off' ? undefined : this.#seriesCertainty(model);
    const series = [...model.cohorts.map((c) => ({ values: c.values, partialPeriod: c.partialPeriod })), { values: model.average, partialPeriod: -1 }].map((s, i) => ({
      ...s,
      few: certainty?.[i].few,
    }));
    const geometry = curveGeometry(series, { width: key[1], height: key[2], periods: model.periods, formatY: (v) => f.percent(v, 0) });
    this.#drawing = { key, geometry };
    return geometry;
  }

  /**
   * Palette slot of a curve: the stylesheet maps it to its colour (`--c`), so no inline style is needed.
   * Cohorts cycle through the first seven colours: the eighth is a neutral grey too close to the
   * average line's colour in both themes.
   */
  #series(index: number, model: RetentionCurveModel): string {
    return index === model.cohorts.length ? 'average' : String((index % 7) + 1);
  }

  #renderDrawing(model: RetentionCurveModel, g: CurveGeometry, active: CurvePosition | null): TemplateResult {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const { margin, plotWidth, plotHeight } = g;
    const point = active ? pointAt(g, active.series, active.k) : undefined;
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      <g transform="translate(${margin.left},${margin.top})">
        ${guard([g], () =>
          svg`${valueAxis(g.yTicks, plotWidth)}${categoryAxis(
            g.xLabels.map((k) => ({ at: g.xOf(k), label: f.number(k) })),
            plotHeight,
            { text: f.term('curvePeriodsAxis'), plotWidth },
          )}`,
        )}
        ${guard([g, active?.series ?? null], () => this.#renderCurves(model, g, active?.series ?? null))}
        ${active && point
          ? svg`<circle part="active-point" data-series=${this.#series(active.series, model)} cx=${point.x} cy=${point.y} r="5.5"></circle>`
          : nothing}
      </g>
    </svg>`;
  }

  /** Every curve; drawn again only when the result, the size or the highlighted curve changes. */
  #renderCurves(model: RetentionCurveModel, g: CurveGeometry, highlighted: number | null): SVGTemplateResult {
    const averageIndex = model.cohorts.length;
    // The highlighted curve's 95 % band, under every curve: how far its points could be from the truth.
    const band =
      highlighted !== null && this.confidence !== 'off'
        ? svg`<path part="interval-band" data-series=${this.#series(highlighted, model)} d=${intervalBand(g, this.#seriesCertainty(model)[highlighted]?.intervals ?? [])}></path>`
        : nothing;
    // The highlighted curve is drawn last, on top; the average sits above the other cohorts.
    const order = [...model.cohorts.keys(), averageIndex].filter((i) => i !== highlighted);
    if (highlighted !== null) order.push(highlighted);
    const curve = (index: number) => {
      const paths = g.series[index];
      const isAverage = index === averageIndex;
      const isHighlighted = index === highlighted;
      const classes = [isHighlighted ? 'highlighted' : '', highlighted !== null && !isHighlighted ? 'dimmed' : ''].join(' ').trim();
      // Markers only where they fit: thousands of periods get a line, not a row of merged dots.
      const showMarkers = (g.markersFit && (isHighlighted || model.periods <= MARKERS_UP_TO)) || paths.points.length === 1;
      // Running and few-customer points are always marked (hollow): the mark is the message.
      const marked = showMarkers ? paths.points : paths.points.filter((p) => p.partial || (p.few && g.markersFit));
      const few = paths.points.length > 0 && paths.points.every((p) => p.few);
      return svg`<g part=${isAverage ? 'average' : isHighlighted ? 'curve curve-highlighted' : 'curve'} class=${[classes, few ? 'few' : ''].join(' ').trim()} data-index=${index} data-series=${this.#series(index, model)}>
        <path class="curve" d=${paths.solid}></path>
        <path class="curve partial" d=${paths.partial}></path>
        ${marked.map(
          (p) =>
            svg`<circle class=${['marker', p.partial ? 'partial' : '', p.few ? 'few' : ''].join(' ').trim()} part=${p.few ? 'point-few' : nothing} cx=${p.x} cy=${p.y} r=${isHighlighted ? 3.5 : isAverage ? 3 : 2.5}></circle>`,
        )}
      </g>`;
    };
    // Keyed: a new highlight moves the two curves concerned instead of rewriting every path.
    return svg`${band}${repeat(order, (index) => index, curve)}`;
  }

  #renderTooltip(model: RetentionCurveModel, g: CurveGeometry, at: CurvePosition): TemplateResult | typeof nothing {
    const point = pointAt(g, at.series, at.k);
    return point ? chartTooltip(this.#tooltipContent(model, at), { x: point.x + g.margin.left, y: point.y + g.margin.top }) : nothing;
  }

  /** Legend order: the average first, then the cohorts oldest to newest. */
  #legendOrder(model: RetentionCurveModel): number[] {
    return [model.cohorts.length, ...model.cohorts.keys()];
  }

  #renderLegend(model: RetentionCurveModel, highlighted: number | null): TemplateResult {
    const f = this.format;
    return html`<ul part="legend" @pointerover=${this.#onLegendPointer} @pointerleave=${this.#focus.onPointerLeave}>
      ${this.#legendOrder(model).map((index) => {
        const cohort: CurveCohort | undefined = model.cohorts[index];
        return html`<li
          part="legend-item"
          class=${[cohort ? '' : 'average', index === highlighted ? 'highlighted' : '', cohort && this.confidence !== 'off' && isSmallSample(cohort.size) ? 'few' : ''].join(' ').trim()}
          data-index=${index}
          data-series=${this.#series(index, model)}
        >
          <span class="swatch"></span>${cohort ? this.#cohortLabel(model, cohort) : f.term('curveAverage')}
        </li>`;
      })}
    </ul>`;
  }

  /** A cohort in the element's language: the matrix's own label, else its period key labelled here. */
  #cohortLabel(model: RetentionCurveModel, cohort: CurveCohort): string {
    return cohort.label ?? periodLabel(cohort.key, model, this.format.locale);
  }

  /** A table cell: the share, its interval, and the running period's word. */
  #formatValue(model: RetentionCurveModel, series: number, k: number, value: number | null): string {
    if (value === null) return '';
    const text = this.#withInterval(value, this.#pointCertainty(model, series, k));
    return k === model.cohorts[series]?.partialPeriod ? `${text} (${this.format.term('curveRunning')})` : text;
  }

  /** "41.7% (95% interval 19.3% – 68.0%)", or the bare share without an interval. */
  #withInterval(value: number, certainty: { interval: Interval | null } | null): string {
    const f = this.format;
    return certainty?.interval ? `${f.percent(value)} (${f.term('trustInterval')} ${intervalText(f, certainty.interval)})` : f.percent(value);
  }

  /**
   * Every series' intervals and few-customer flags, once per result: a cohort's point k is its counted
   * customers of those who reached k; the average's, the same summed over the cohorts it counts. Period 0
   * is 100 % by definition: no interval, but its customers still count for "few".
   */
  #seriesCertainty(model: RetentionCurveModel): SeriesCertainty[] {
    if (this.#certainty?.model === model) return this.#certainty.series;
    const of = (counts: readonly ({ active: number; reached: number } | null)[]): SeriesCertainty => ({
      intervals: counts.map((c, k) => (c && k > 0 ? wilsonInterval(c.active, c.reached) : null)),
      reached: counts.map((c) => c?.reached ?? 0),
      few: counts.map((c) => c !== null && isSmallSample(c.reached)),
    });
    const series = [
      ...model.cohorts.map((c) => of(c.values.map((v, k) => (v === null || c.counts[k] === null || !(c.reached[k] > 0) ? null : { active: c.counts[k]!, reached: c.reached[k] })))),
      of(model.averageCounts),
    ];
    this.#certainty = { model, series };
    return series;
  }

  /** One point's certainty; null while confidence is off. */
  #pointCertainty(model: RetentionCurveModel, series: number, k: number): { interval: Interval | null; reached: number; few: boolean } | null {
    if (this.confidence === 'off') return null;
    const s = this.#seriesCertainty(model)[series];
    return s ? { interval: s.intervals[k] ?? null, reached: s.reached[k] ?? 0, few: s.few[k] ?? false } : null;
  }

  /** The active point: its cohort (or the average), the value, and the average beside a cohort's value. */
  #tooltipContent(model: RetentionCurveModel, at: CurvePosition): TooltipContent {
    const f = this.format;
    const cohort: CurveCohort | undefined = model.cohorts[at.series];
    const value = (cohort ? cohort.values : model.average)[at.k];
    const shown = value === null || value === undefined ? '' : f.percent(value);
    const certainty = this.#pointCertainty(model, at.series, at.k);
    const interval = certainty?.interval ? [[f.term('trustInterval'), intervalText(f, certainty.interval)] as const] : [];
    const few = certainty?.few ? [f.term('trustFewCustomers', certainty.reached)] : [];
    if (!cohort) return { title: f.term('curveAverage'), notes: few, rows: [[f.term('curvePeriod', at.k), shown], ...interval] };
    const average = model.average[at.k];
    return {
      title: f.term('curveCohortLine', this.#cohortLabel(model, cohort), f.number(cohort.size)),
      notes: [...(at.k === cohort.partialPeriod ? [f.term('curveRunning')] : []), ...few],
      rows: [[f.term('curvePeriod', at.k), shown], ...interval, ...(average === null || average === undefined ? [] : [[f.term('curveAverage'), f.percent(average)] as const])],
    };
  }

  /** The tooltip in one sentence, for the live region. */
  #describe(model: RetentionCurveModel, at: CurvePosition): string {
    const { title, notes = [], rows } = this.#tooltipContent(model, at);
    return `${title}: ${[...rows.map(([name, value]) => `${name} ${value}`), ...notes].join(', ')}`;
  }

  #renderTable(model: RetentionCurveModel): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('curveCohort') },
      { label: f.term('curveCustomers'), numeric: true },
      ...Array.from({ length: model.periods }, (_, k) => ({ label: f.term('curvePeriod', k), numeric: true })),
    ];
    // Few customers are said once per cohort, in its size cell; the average's where its own count is small.
    const sizeCell = (size: number) => (this.confidence !== 'off' && isSmallSample(size) ? `${f.number(size)} (${f.term('trustFewCustomers', size)})` : f.number(size));
    const averageIndex = model.cohorts.length;
    const averageCell = (v: number | null, k: number) => {
      if (v === null) return '';
      const certainty = this.#pointCertainty(model, averageIndex, k);
      const text = this.#withInterval(v, certainty);
      return certainty?.few ? `${text}; ${f.term('trustFewCustomers', certainty.reached)}` : text;
    };
    const rows = [
      ...model.cohorts.map((c, i) => [this.#cohortLabel(model, c), sizeCell(c.size), ...c.values.map((v, k) => this.#formatValue(model, i, k, v))]),
      [f.term('curveAverage'), '', ...model.average.map(averageCell)],
    ];
    return renderDataTable(this.summarize(model), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #valuesOf(model: RetentionCurveModel, series: number): readonly (number | null)[] | undefined {
    return series === model.cohorts.length ? model.average : model.cohorts[series]?.values;
  }

  /** Periods at which a series has a drawn (finite) value, in order. */
  #drawnPeriods(model: RetentionCurveModel, series: number): number[] {
    return (this.#valuesOf(model, series) ?? []).flatMap((v, k) => (v !== null && Number.isFinite(v) && k < model.periods ? [k] : []));
  }

  /** Keyboard focus starts on the average's latest point (else the first curve that has one). */
  #firstPosition(): CurvePosition | null {
    const model = this.result;
    if (!model) return null;
    for (const series of this.#legendOrder(model)) {
      const periods = this.#drawnPeriods(model, series);
      if (periods.length > 0) return { series, k: periods[periods.length - 1] };
    }
    return null;
  }

  /** ← → along the curve (its drawn periods), ↑ ↓ to the previous or next curve in legend order, at the nearest period. */
  #move(at: CurvePosition, event: KeyboardEvent): CurvePosition | undefined {
    const model = this.result;
    if (!model) return undefined;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const order = this.#legendOrder(model);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      for (let i = order.indexOf(at.series) + step; i >= 0 && i < order.length; i += step) {
        const periods = this.#drawnPeriods(model, order[i]);
        if (periods.length === 0) continue;
        const k = periods.reduce((best, p) => (Math.abs(p - at.k) < Math.abs(best - at.k) ? p : best));
        return { series: order[i], k };
      }
      return at; // the first or last curve: the key is used, nothing moves
    }
    const periods = this.#drawnPeriods(model, at.series);
    const next = indexMove(periods.indexOf(at.k), event, periods.length);
    return next === undefined ? undefined : { series: at.series, k: periods[next] };
  }

  #positionUnder(event: PointerEvent): CurvePosition | null {
    const g = this.#drawing?.geometry;
    const box = this.renderRoot.querySelector('.chart > svg')?.getBoundingClientRect();
    return g && box ? nearestPoint(g, event.clientX - box.left - g.margin.left, event.clientY - box.top - g.margin.top) : null;
  }

  /** Hovering a legend entry highlights its curve at its latest point. */
  #onLegendPointer = (event: PointerEvent) => {
    const item = (event.target as Element).closest('[data-index]');
    const model = this.result;
    if (!item || !model) return;
    const series = Number(item.getAttribute('data-index'));
    const periods = this.#drawnPeriods(model, series);
    if (periods.length > 0) this.#focus.set({ series, k: periods[periods.length - 1] });
  };
}
