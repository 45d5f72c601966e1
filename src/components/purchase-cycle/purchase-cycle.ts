import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { categoryAxis, valueAxis, type AxisTick } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, confidenceAttribute, numberAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { intervalText } from '../platform/trust.ts';
import { isSmallSample, wilsonInterval } from '../../metrics/uncertainty.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { binsPerBar, histogramGeometry, joinBins, type HistogramBin, type HistogramGeometry } from './cycle-geometry.ts';
import type { PurchaseCycleJobOptions, PurchaseCycleModel } from '../../engine/jobs/purchase-cycle.ts';
import { purchaseCycleStyles } from './purchase-cycle.styles.ts';
import './purchase-cycle.translations.ts';

/** The job runs in the metrics engine (engine/jobs/purchase-cycle.ts); the element only names it. */
const purchaseCycleJob = jobNamed<PurchaseCycleJobOptions, PurchaseCycleModel>('purchase-cycle');

/** Default days per bar: weeks. */
export const DEFAULT_BIN_WIDTH = 7;

/**
 * The distribution of days between a customer's consecutive purchase days, as
 * a histogram with the median, the mean and the suggested retention window
 * (three typical purchase cycles: 3 × the median) marked. The window is
 * exposed as `suggestedWindowDays` (and in the `metric-change` detail), so a
 * page can hand it to another element:
 *
 *   cycle.addEventListener('metric-change', (e) => gauge.setAttribute('window-days', e.detail.result.suggestedWindowDays));
 *
 * The legend also says how many of the customers who bought in the frame
 * bought again on another day (the customers the gaps rest on) with the
 * share's 95 % Wilson interval, and says when the median rests on fewer than
 * 30 of them. It counts purchase days, as the gaps do, so an order export read
 * line by line (no `order-key`) does not count one basket as two purchases;
 * it is not the repeat purchase rate of <kpi-tile>, which counts orders.
 * A bar's share is a share of gaps, not of customers: one customer's gaps are
 * not independent draws, so it gets no interval. `confidence="off"` hides the
 * interval and the few-customers note.
 *
 * Besides transactions, it takes a `purchase-gaps/1` document (the command
 * line's `--metric gaps`, retention-kit/sql's purchaseGapsShapeSql): the gaps
 * counted per length, from which it draws the same bars, median, mean, window
 * and share for any `bin-width` and `max-days`. A document counted over a
 * frame is refused when `from` or `to` asks for another; another version of
 * the shape is refused by name.
 *
 * @summary Days between purchases, median and suggested retention window.
 *
 * @attr bin-width - Days per bar (default 7).
 * @attr max-days - Longest gap with a bar of its own; longer gaps share the last bar (default: the 95th percentile).
 * @attr from - First purchase day counted (ISO date).
 * @attr to - First day no longer counted.
 * @attr height - Chart height in px (default: half the width, 200–300 px).
 * @attr confidence - `on` (default): the 95 % interval of the share who bought again and a note when few did; `off` hides them.
 * @prop suggestedWindowDays - Read-only: 3 × the median days between purchases, rounded up; null before a result.
 *
 * @fires metric-change - The distribution changed: `detail.result` is a {@link PurchaseCycleModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable histogram.
 * @csspart bar - A bar (`bar-overflow`: the last, wider bar).
 * @csspart bar-active - The outline of the bar under pointer or focus.
 * @csspart axis - Axis labels.
 * @csspart grid-line - Gridlines.
 * @csspart median-line - The median mark.
 * @csspart mean-line - The mean mark.
 * @csspart window-line - The suggested retention window mark.
 * @csspart legend - Median, mean and window in words.
 * @csspart tooltip - The tooltip.
 * @csspart table - The hidden data table.
 * @csspart repeat-rate - The legend's share of customers who bought again on another day, with its interval.
 * @csspart few-note - Says when the median rests on fewer than 30 customers who bought again.
 * @csspart bar-note - Says when bins too narrow to draw are joined into wider bars, and which `bin-width` avoids it.
 *
 * @cssprop --rk-cycle-bar - Bar colour (default the first series colour).
 * @cssprop --rk-cycle-median - Median line.
 * @cssprop --rk-cycle-mean - Mean line.
 * @cssprop --rk-cycle-window - Window line.
 */
export class PurchaseCycle extends RetentionElement<PurchaseCycleModel, PurchaseCycleJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, purchaseCycleStyles];

  @property({ attribute: 'bin-width', converter: numberAttribute({ min: 1, max: 365, integer: true }) }) binWidth?: number;
  @property({ attribute: 'max-days', converter: numberAttribute({ min: 1, max: 3650, integer: true }) }) maxDays?: number;
  @property() from?: string;
  @property() to?: string;
  @property({ converter: chartHeightAttribute }) height?: number;
  /** `on`: the interval of the share who bought again and the few-customers note; `off`: bare figures. Drawing only: no recompute. */
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  /** The bar under the pointer or keyboard focus (an index into the drawn bars). */
  #focus = new ChartFocusController<number>(this, {
    first: () => (this.#barCount() > 0 ? 0 : null),
    move: (index, event) => indexMove(index, event, this.#barCount()),
    positionAt: (event) => this.#indexUnder(event),
    isValid: (index) => index < this.#barCount(),
    describe: (index) => this.#describeBar(index),
  });
  #tooltip = new TooltipPlacement(this);
  /** The drawing of the last (model, size, language); a hover reuses it. */
  #drawing?: { model: PurchaseCycleModel; key: string; drawing: Drawing };

  /** 3 × the median days between purchases (rounded up): a retention window covering three purchase cycles. */
  get suggestedWindowDays(): number | null {
    return this.status === 'ready' ? (this.result?.suggestedWindowDays ?? null) : null;
  }

  protected jobRequest(): JobRequest<PurchaseCycleJobOptions, PurchaseCycleModel> {
    return {
      job: purchaseCycleJob,
      options: {
        binWidth: this.binWidth ?? DEFAULT_BIN_WIDTH,
        maxDays: this.maxDays,
        from: this.from || undefined,
        to: this.to || undefined,
        timeZone: this.timeZone,
        transactionFields: this.transactionFields(),
      },
    };
  }

  protected label(): string {
    return this.format.term('cycleLabel');
  }

  /** The subtitle: what the gaps are counted over ("412 repeat purchases by 180 customers"). */
  protected override scope(model: PurchaseCycleModel): string {
    const f = this.format;
    return f.term('cycleScope', model.gapCount, f.number(model.gapCount), model.customersWithRepeat, f.number(model.customersWithRepeat));
  }

  protected summarize(model: PurchaseCycleModel): string {
    const f = this.format;
    if (model.median === null) return `${f.term('cycleLabel')}: ${f.term('cycleNoGaps')}`;
    const summary = f.term('cycleSummary', this.#days(model.median), this.#days(model.mean!), this.#days(model.suggestedWindowDays!), f.number(model.gapCount), f.number(model.customersWithRepeat));
    const repeat = this.#repeatText(model);
    return [summary, repeat && `${f.term('cycleBoughtAgain')}: ${repeat}.`, this.#fewRepeaters(model)].filter(Boolean).join(' ');
  }

  /** "43.7% (95% interval 39.2% – 48.3%), 180 of 412 customers" bought again; empty when nobody bought in the frame. */
  #repeatText(model: PurchaseCycleModel): string {
    const f = this.format;
    const { customersWithRepeat: again, customersWithPurchase: customers } = model;
    if (!(customers > 0)) return '';
    const interval = this.confidence === 'off' ? null : wilsonInterval(again, customers);
    const share = f.percent(again / customers);
    const shown = interval ? `${share} (${f.term('trustInterval')} ${intervalText(f, interval)})` : share;
    return f.term('cycleRepeatOf', shown, f.number(again), f.number(customers));
  }

  /** The median rests on few customers who bought again: said, unless confidence is off. */
  #fewRepeaters(model: PurchaseCycleModel): string {
    return this.confidence !== 'off' && model.median !== null && isSmallSample(model.customersWithRepeat) ? this.format.term('cycleFewRepeaters', model.customersWithRepeat) : '';
  }

  #days(value: number): string {
    return this.format.term('cycleDaysValue', this.format.number(value, { maximumFractionDigits: 1 }));
  }

  #range(bin: { fromDays: number; toDays: number }): string {
    const last = bin.toDays - 1;
    return last > bin.fromDays ? `${this.format.number(bin.fromDays)}–${this.format.number(last)}` : this.format.number(bin.fromDays);
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: PurchaseCycleModel): TemplateResult {
    const f = this.format;
    if (model.histogram.length === 0) return html`<div part="status" role="status">${f.term('cycleNoGaps')}</div>`;
    const fixed = this.height !== undefined && this.height > 0;
    const drawing = this.size.hasSize ? this.#drawingFor(model) : undefined;
    const focus = this.#focus;
    return html`<div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${f.term('cycleKeyboardHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @keydown=${focus.onKeydown}
        @focus=${focus.onFocus}
        @blur=${focus.onBlur}
        @pointermove=${focus.onPointerMove}
        @pointerleave=${focus.onPointerLeave}
      >
        ${drawing ? this.#renderDrawing(model, drawing) : nothing} ${focus.announcement()}
      </div>
      ${guard([drawing, model, f.wordsKey, this.confidence], () => this.#renderLegend(model, drawing))}
      ${guard([model, f.wordsKey, this.confidence], () => this.#renderTable(model))}`;
  }

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(300, Math.max(200, this.size.width * 0.5)));
  }

  /**
   * The bars, their labels and the day marks for this result, size and
   * language: the same object while none of them changes, so a hover or a key
   * costs no geometry. Bins too narrow to see at this width (1-day bins over
   * years) are joined into bars of at least MIN_BAR_STEP px.
   */
  #drawingFor(model: PurchaseCycleModel): Drawing {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const key = `${width}|${height}|${f.locale}`;
    if (this.#drawing?.model === model && this.#drawing.key === key) return this.#drawing.drawing;
    const bins = model.histogram;
    const last = bins[bins.length - 1];
    const overflow = model.max !== null && last.toDays - last.fromDays > model.binWidth;
    // Days only grow along the axis, so the last bar has the longest label: one label to space them all,
    // and labels are made only for the bars that show one (never thousands of Intl calls).
    const layout = (shown: readonly HistogramBin[]) =>
      histogramGeometry(shown, { width, height, formatY: (v) => f.number(v, { notation: 'compact' }), labelChars: this.#range(shown[shown.length - 1]).length });
    let bars: HistogramBin[] = bins;
    let geometry = layout(bins);
    const per = binsPerBar(bins.length, geometry.plotWidth);
    if (per > 1) {
      bars = joinBins(bins, per, overflow);
      geometry = layout(bars);
    }
    const xTicks: AxisTick[] = geometry.labelIndexes.map((i) => ({ at: geometry.bars[i].x + geometry.bars[i].width / 2, label: this.#range(bars[i]) }));
    const drawing: Drawing = { width, height, bins: bars, per, overflow, geometry, xTicks };
    this.#drawing = { model, key, drawing };
    return drawing;
  }

  #renderDrawing(model: PurchaseCycleModel, drawing: Drawing): TemplateResult {
    const { width, height, geometry: g } = drawing;
    const active = this.#focus.active;
    const bar = active === null ? undefined : g.bars[active];
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        <g transform="translate(${g.margin.left},${g.margin.top})">
          ${guard([drawing], () => this.#renderMarks(model, drawing))}
          ${bar ? svg`<rect part="bar-active" x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>` : nothing}
        </g>
      </svg>
      ${bar
        ? chartTooltip(this.#tooltipContent(model, drawing.bins[bar.index]), {
            x: g.margin.left + bar.x + bar.width / 2,
            // Tall bars: beside their upper part, not above the plot; empty bars: just above the baseline.
            y: g.margin.top + Math.min(Math.max(bar.y, 0), g.plotHeight - 12),
          })
        : nothing}`;
  }

  /** Axes, bars and day marks: drawn once per drawing, never on a hover. */
  #renderMarks(model: PurchaseCycleModel, { geometry: g, xTicks, overflow }: Drawing): SVGTemplateResult {
    const { plotWidth, plotHeight, bars } = g;
    const lastBar = bars.length - 1;
    const mark = (days: number | null, part: string) => {
      if (days === null) return nothing;
      const { x } = g.xOfDay(days);
      return svg`<line part=${part} x1=${x} x2=${x} y1="0" y2=${plotHeight}></line>`;
    };
    return svg`${valueAxis(g.yTicks, plotWidth)}${categoryAxis(xTicks, plotHeight, { text: this.format.term('cycleAxis'), plotWidth })}
      <g part="bars">
        ${bars.map(
          (bar) => svg`<rect part=${overflow && bar.index === lastBar ? 'bar bar-overflow' : 'bar'} data-index=${bar.index} x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>`,
        )}
      </g>
      <line part="baseline" x1="0" x2=${plotWidth} y1=${plotHeight} y2=${plotHeight}></line>
      ${mark(model.suggestedWindowDays, 'window-line')} ${mark(model.mean, 'mean-line')} ${mark(model.median, 'median-line')}`;
  }

  #renderLegend(model: PurchaseCycleModel, drawing: Drawing | undefined): TemplateResult | typeof nothing {
    const f = this.format;
    const joined =
      drawing && drawing.per > 1
        ? html`<p part="bar-note">${f.term('cycleJoined', f.number(drawing.per * model.binWidth), model.binWidth, f.number(model.binWidth))}</p>`
        : nothing;
    if (model.median === null) return joined;
    const repeat = this.#repeatText(model);
    const few = this.#fewRepeaters(model);
    const beyond = (days: number) => (drawing?.geometry.xOfDay(days).beyond ? html` <span class="note">(${f.term('cycleBeyond')})</span>` : nothing);
    const swatch = (part: string) => html`<svg aria-hidden="true" width="18" height="10"><line part=${part} x1="0" x2="18" y1="5" y2="5"></line></svg>`;
    return html`<ul part="legend">
        <li>${swatch('median-line')}<span>${f.term('cycleMedian')}</span> <span class="value" part="median">${this.#days(model.median)}</span>${beyond(model.median)}</li>
        <li>${swatch('mean-line')}<span>${f.term('cycleMean')}</span> <span class="value" part="mean">${this.#days(model.mean!)}</span>${beyond(model.mean!)}</li>
        <li>
          ${swatch('window-line')}<span>${f.term('cycleWindow')}</span> <span class="value" part="window">${this.#days(model.suggestedWindowDays!)}</span>
          <span class="note">(${f.term('cycleWindowNote', model.windowCycles, this.#days(model.median))})</span>${beyond(model.suggestedWindowDays!)}
        </li>
        ${repeat ? html`<li part="repeat-rate"><span>${f.term('cycleBoughtAgain')}</span> <span class="detail">${repeat}</span></li>` : nothing}
      </ul>
      ${few ? html`<p part="few-note" class="few-note">${few}</p>` : nothing} ${joined}`;
  }

  #tooltipContent(model: PurchaseCycleModel, bin: HistogramBin): TooltipContent {
    const f = this.format;
    return {
      title: f.term('cycleDays', this.#range(bin)),
      rows: [
        [f.term('cycleGaps'), f.number(bin.count)],
        [f.term('cycleShare'), f.percent(bin.count / model.gapCount)],
      ],
    };
  }

  /** The tooltip as one sentence, for the live region. */
  #describeBar(index: number): string {
    const bin = this.#drawing?.drawing.bins[index];
    if (!this.result || !bin) return '';
    const { title, rows } = this.#tooltipContent(this.result, bin);
    return `${title}: ${rows.map(([name, value]) => `${name}: ${value}`).join(', ')}`;
  }

  #renderTable(model: PurchaseCycleModel): TemplateResult {
    const f = this.format;
    return renderDataTable(
      this.summarize(model),
      [{ label: f.term('cycleLabel') }, { label: f.term('cycleGaps'), numeric: true }, { label: f.term('cycleShare'), numeric: true }],
      model.histogram.map((bin) => [this.#range(bin), f.number(bin.count), f.percent(bin.count / model.gapCount)]),
    );
  }

  // ---- interaction --------------------------------------------------------------------

  /** Bars drawn now (bins, or joined bins on a narrow chart); none before the chart has a size. */
  #barCount(): number {
    return this.result && this.#drawing?.model === this.result ? this.#drawing.drawing.bins.length : 0;
  }

  /** The bar whose column the pointer is in. */
  #indexUnder(event: PointerEvent): number | null {
    const g = this.#drawing?.drawing.geometry;
    const drawing = this.renderRoot.querySelector('.chart > svg');
    if (!g || !drawing || g.bars.length === 0) return null;
    const x = event.clientX - drawing.getBoundingClientRect().left - g.margin.left;
    return Math.min(g.bars.length - 1, Math.max(0, Math.floor(x / (g.plotWidth / g.bars.length))));
  }
}

/** What one (model, size, language) draws. */
interface Drawing {
  width: number;
  height: number;
  /** The bins drawn: the model's, or `per` of them joined per bar. */
  bins: HistogramBin[];
  per: number;
  /** Whether the last bar is the wider bar of the longest gaps. */
  overflow: boolean;
  geometry: HistogramGeometry;
  xTicks: AxisTick[];
}
