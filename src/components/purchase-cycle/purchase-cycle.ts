import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, numberAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles } from '../platform/theme.styles.ts';
import { histogramGeometry, type HistogramGeometry } from './cycle-geometry.ts';
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
 *   cycle.addEventListener('metric-change', (e) => gauge.setAttribute('window-days', e.detail.value.suggestedWindowDays));
 *
 * @summary Days between purchases, median and suggested retention window.
 *
 * @attr bin-width - Days per bar (default 7).
 * @attr max-days - Longest gap with a bar of its own; longer gaps share the last bar (default: the 95th percentile).
 * @attr from - First purchase day counted (ISO date). @attr to - First day no longer counted.
 * @attr height - Chart height in px (default: half the width, 200–300 px).
 * @prop suggestedWindowDays - Read-only: 3 × the median days between purchases, rounded up; null before a result.
 *
 * @fires metric-change - The distribution changed: `detail.value` is a {@link PurchaseCycleModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable histogram. @csspart bar - A bar (`bar-active`: under pointer or focus; `bar-overflow`: the last, wider bar).
 * @csspart axis - Axis labels. @csspart grid-line - Gridlines. @csspart median-line / mean-line / window-line - The marks.
 * @csspart legend - Median, mean and window in words. @csspart tooltip - The tooltip. @csspart table - The hidden data table.
 *
 * @cssprop --rk-cycle-bar - Bar colour (default the first series colour).
 * @cssprop --rk-cycle-median - Median line. @cssprop --rk-cycle-mean - Mean line. @cssprop --rk-cycle-window - Window line.
 */
export class PurchaseCycle extends RetentionElement<PurchaseCycleModel, PurchaseCycleJobOptions> {
  static override styles = [platformStyles, chartStyles, purchaseCycleStyles];

  @property({ attribute: 'bin-width', converter: numberAttribute({ min: 1, max: 365, integer: true }) }) binWidth?: number;
  @property({ attribute: 'max-days', converter: numberAttribute({ min: 1, max: 3650, integer: true }) }) maxDays?: number;
  @property() from?: string;
  @property() to?: string;
  @property({ converter: chartHeightAttribute }) height?: number;

  @state() private activeIndex: number | null = null;
  @state() private focused = false;
  #geometry?: HistogramGeometry;

  /** 3 × the median days between purchases (rounded up): a retention window covering three purchase cycles. */
  get suggestedWindowDays(): number | null {
    return this.status === 'ready' ? (this.value?.suggestedWindowDays ?? null) : null;
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
    return f.term('cycleSummary', this.#days(model.median), this.#days(model.mean!), this.#days(model.suggestedWindowDays!), f.number(model.gapCount), f.number(model.customersWithRepeat));
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
    return html`<div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${f.term('cycleKeyboardHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
      >
        ${this.size.hasSize ? this.#renderDrawing(model) : nothing}
      </div>
      ${this.#renderLegend(model)} ${this.#renderTable(model)}`;
  }

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(300, Math.max(200, this.size.width * 0.5)));
  }

  #renderDrawing(model: PurchaseCycleModel): TemplateResult {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const labels = model.histogram.map((bin) => this.#range(bin));
    const g = histogramGeometry(model.histogram, {
      width,
      height,
      formatY: (v) => f.number(v, { notation: 'compact' }),
      labelChars: labels.reduce((m, l) => Math.max(m, l.length), 0),
    });
    this.#geometry = g;
    const { margin, plotWidth, plotHeight } = g;
    const active = this.activeIndex !== null && this.activeIndex < g.bars.length ? this.activeIndex : null;
    const overflow = model.max !== null && model.histogram[model.histogram.length - 1].toDays - model.histogram[model.histogram.length - 1].fromDays > model.binWidth;
    const mark = (days: number | null, part: string) => {
      if (days === null) return nothing;
      const { x } = g.xOfDay(days);
      return svg`<line part=${part} x1=${x} x2=${x} y1="0" y2=${plotHeight}></line>`;
    };
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        <g transform="translate(${margin.left},${margin.top})">
          <g part="grid">${g.yTicks.map((t) => svg`<line part="grid-line" x1="0" x2=${plotWidth} y1=${t.at} y2=${t.at}></line>`)}</g>
          <g part="axis y-axis">${g.yTicks.map((t) => svg`<text x="-8" y=${t.at} dy="0.32em" text-anchor="end">${t.label}</text>`)}</g>
          <g part="axis x-axis">
            ${g.labelIndexes.map((i) => svg`<text x=${g.bars[i].x + g.bars[i].width / 2} y=${plotHeight + 14} text-anchor="middle">${labels[i]}</text>`)}
            <text x=${plotWidth} y=${plotHeight + 27} text-anchor="end">${f.term('cycleAxis')}</text>
          </g>
          <g part="bars">
            ${g.bars.map(
              (bar) =>
                svg`<rect part=${['bar', overflow && bar.index === g.bars.length - 1 ? 'bar-overflow' : '', bar.index === active ? 'bar-active' : ''].join(' ').trim()}
                  data-index=${bar.index} x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>`,
            )}
          </g>
          <line part="baseline" x1="0" x2=${plotWidth} y1=${plotHeight} y2=${plotHeight}></line>
          ${mark(model.suggestedWindowDays, 'window-line')} ${mark(model.mean, 'mean-line')} ${mark(model.median, 'median-line')}
        </g>
      </svg>
      ${active !== null ? this.#renderTooltip(model, active, g) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.focused && active !== null ? this.#describeBin(model, active) : ''}</div>`;
  }

  #renderLegend(model: PurchaseCycleModel): TemplateResult | typeof nothing {
    if (model.median === null) return nothing;
    const f = this.format;
    const beyond = (days: number) => (this.#geometry?.xOfDay(days).beyond ? html` <span class="note">(${f.term('cycleBeyond')})</span>` : nothing);
    const swatch = (part: string) => html`<svg aria-hidden="true" width="18" height="10"><line part=${part} x1="0" x2="18" y1="5" y2="5"></line></svg>`;
    return html`<ul part="legend">
      <li>${swatch('median-line')}<span>${f.term('cycleMedian')}</span> <span class="value" part="median">${this.#days(model.median)}</span>${beyond(model.median)}</li>
      <li>${swatch('mean-line')}<span>${f.term('cycleMean')}</span> <span class="value" part="mean">${this.#days(model.mean!)}</span>${beyond(model.mean!)}</li>
      <li>
        ${swatch('window-line')}<span>${f.term('cycleWindow')}</span> <span class="value" part="window">${this.#days(model.suggestedWindowDays!)}</span>
        <span class="note">(${f.term('cycleWindowNote', model.windowCycles, this.#days(model.median))})</span>${beyond(model.suggestedWindowDays!)}
      </li>
    </ul>`;
  }

  #binLines(model: PurchaseCycleModel, index: number): { title: string; lines: string[] } {
    const f = this.format;
    const bin = model.histogram[index];
    return {
      title: f.term('cycleDays', this.#range(bin)),
      lines: [`${f.term('cycleGaps')}: ${f.number(bin.count)}`, `${f.term('cycleShare')}: ${f.percent(bin.count / model.gapCount)}`],
    };
  }

  #describeBin(model: PurchaseCycleModel, index: number): string {
    const { title, lines } = this.#binLines(model, index);
    return `${title}: ${lines.join(', ')}`;
  }

  #renderTooltip(model: PurchaseCycleModel, index: number, g: HistogramGeometry): TemplateResult {
    const { title, lines } = this.#binLines(model, index);
    const bar = g.bars[index];
    const x = g.margin.left + bar.x + bar.width / 2;
    const y = g.margin.top + Math.min(bar.y, g.plotHeight - 40);
    const width = this.size.width;
    const top = `${Math.max(0, y - 12)}px`;
    const position = x > width / 2 ? { right: `${Math.max(0, width - x + 8)}px`, top } : { left: `${x + 8}px`, top };
    return html`<div part="tooltip" aria-hidden="true" style=${cssomStyle(position)}>
      <strong>${title}</strong>
      ${lines.map((line) => html`<div>${line}</div>`)}
    </div>`;
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

  #barCount(): number {
    return this.value?.histogram.length ?? 0;
  }

  #onFocus = () => {
    this.focused = true;
    if (this.activeIndex === null && this.#barCount() > 0) this.activeIndex = 0;
  };

  #onBlur = () => {
    this.focused = false;
    this.activeIndex = null;
  };

  #onKeydown = (event: KeyboardEvent) => {
    const count = this.#barCount();
    if (count === 0) return;
    const current = this.activeIndex ?? 0;
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? Math.max(0, current - 1)
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? Math.min(count - 1, current + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : undefined;
    if (event.key === 'Escape') {
      this.activeIndex = null;
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    this.activeIndex = next;
  };

  #onPointerMove = (event: PointerEvent) => {
    const g = this.#geometry;
    const svgElement = this.renderRoot.querySelector('.chart > svg');
    if (!g || !svgElement || g.bars.length === 0) return;
    const x = event.clientX - svgElement.getBoundingClientRect().left - g.margin.left;
    const index = Math.min(g.bars.length - 1, Math.max(0, Math.floor(x / (g.plotWidth / g.bars.length))));
    if (index !== this.activeIndex) this.activeIndex = index;
  };

  #onPointerLeave = () => {
    if (!this.focused) this.activeIndex = null;
  };
}
