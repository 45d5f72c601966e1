import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { CohortValue } from '../../metrics/cohorts.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { RetentionElement, numberAttributeConverter, type JobRequest } from '../platform/retention-element.ts';
import { platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import type { CohortHeatmapJobOptions, HeatmapCohort, HeatmapInput, HeatmapModel } from '../../engine/jobs/cohort-heatmap.ts';
import { cohortHeatmapStyles } from './cohort-heatmap.styles.ts';
import './cohort-heatmap.translations.ts';
import { DARK_RAMP, LIGHT_RAMP, colorRamp, inkFor, rampFromCss, rampSamples, type ColorRamp } from './color-ramp.ts';
import { cellOrigin, heatmapHeight, heatmapLayout, moveCell, type CellMove, type HeatmapLayout } from './heatmap-layout.ts';

/** The job runs in the metrics engine (engine/jobs/cohort-heatmap.ts); the element only names it. */
const cohortHeatmapJob = jobNamed<CohortHeatmapJobOptions, HeatmapModel>('cohort-heatmap');

/** `cohort-select`: a cohort's cell was clicked or chosen with Enter/Space. */
export interface CohortSelectDetail {
  /** Cohort key (`2024-03`, or the property value for property cohorts). */
  cohort: string;
  /** The cohort's label as shown. */
  label: string;
  /** Periods after the cohort's start (0 = its first period). */
  period: number;
  /** The cell's value (fraction for percent); null when not reached yet. */
  value: number | null;
}

export type CohortSelectEvent = CustomEvent<CohortSelectDetail>;

interface Cell {
  /** Cohort index, or `cohorts.length` for the average row. */
  row: number;
  column: number;
}

/**
 * The cohort triangle: customers grouped by their first period (or by a
 * customer property), and how many were active k periods later, as a heatmap
 * with cohort sizes, a weighted average row and a legend.
 *
 * @summary Cohort retention heatmap.
 *
 * @attr value - `percent` (default), `count` or `revenue` (property: `measure`).
 * @attr granularity - `day | week | month | quarter | year` (default `month`).
 * @attr max-periods - At most this many columns.
 * @attr cohort-by - A customer property to group by (needs `customers` or `customers-src`).
 * @attr customers-src - URL of customer records (JSON or CSV) with the id column (`customer-key`) and properties.
 * @attr input - `auto` (default), `transactions` or `matrix` (pre-aggregated `{ measure, cohorts: [{ key, label?, size, values }] }`).
 * @attr as-of - Last day of data used. @attr week-start - First day of week for `week` periods.
 * @prop customers - Customer records (array of objects) for `cohort-by`.
 *
 * @fires cohort-select - A cell was chosen: `detail` is {@link CohortSelectDetail}.
 * @fires metric-change - The matrix changed: `detail.value` is a {@link HeatmapModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable heatmap. @csspart cell - A cell. @csspart cell-running - A cell whose period is still running (also `cell`). @csspart cell-text - A cell's value.
 * @csspart axis - Column and row labels. @csspart legend - The colour legend. @csspart tooltip - The tooltip.
 * @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-heatmap-ramp - Light-theme colours, low to high, comma-separated.
 * @cssprop --rk-heatmap-ramp-dark - Dark-theme colours, low to high.
 */
export class CohortHeatmap extends RetentionElement<HeatmapModel, CohortHeatmapJobOptions> {
  static override styles = [platformStyles, tooltipStyles, cohortHeatmapStyles];

  /** What the cells show; the attribute is `value` (the `value` property is the computed matrix). */
  @property({ attribute: 'value', reflect: true }) measure: CohortValue = 'percent';
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'max-periods', converter: numberAttributeConverter }) maxPeriods?: number;
  @property({ attribute: 'cohort-by' }) cohortBy?: string;
  @property({ attribute: 'customers-src' }) customersSrc?: string;
  @property({ attribute: false }) customers?: unknown;
  @property() input: HeatmapInput = 'auto';
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: numberAttributeConverter }) weekStart?: number;

  @state() private active: Cell | null = null;
  @state() private focused = false;
  #layout?: HeatmapLayout;
  #ramps = new Map<string, ColorRamp>();
  #labels?: { model: HeatmapModel; locale: string; labels: string[] };

  // ---- what to compute ------------------------------------------------------------------

  protected jobRequest(): JobRequest<CohortHeatmapJobOptions, HeatmapModel> | undefined {
    // A customer list to download goes to the engine with the records: it is fetched and parsed there, once.
    const customersFile = this.cohortBy && this.customers === undefined && this.customersSrc ? this.customersSrc : undefined;
    return {
      job: cohortHeatmapJob,
      options: {
        value: this.measure,
        input: this.input,
        granularity: this.granularity,
        maxPeriods: this.maxPeriods,
        weekStart: this.weekStart as Weekday | undefined,
        asOf: this.asOf,
        timeZone: this.timeZone,
        transactionFields: this.transactionFields(),
        cohortBy: this.cohortBy || undefined,
        customers: customersFile ? undefined : this.cohortBy ? this.customers : undefined,
      },
      attachments: customersFile ? { customers: { input: { kind: 'url', url: new URL(customersFile, document.baseURI).href, origin: customersFile }, attribute: 'customers-src' } } : undefined,
    };
  }

  protected label(): string {
    return this.#title(this.measure);
  }

  #title(measure: CohortValue): string {
    return this.format.term(measure === 'count' ? 'heatmapCount' : measure === 'revenue' ? 'heatmapRevenue' : 'heatmapPercent');
  }

  protected summarize(model: HeatmapModel): string {
    const f = this.format;
    const what = this.#title(model.value);
    if (model.cohorts.length === 0) return `${what}: ${f.term('noData')}`;
    const labels = this.#cohortLabels(model);
    const parts = [f.term('heatmapSummary', what, model.cohorts.length, labels[0], labels[labels.length - 1], model.periods)];
    if (model.cohortBy) parts.push(f.term('heatmapCohortBy', model.cohortBy));
    // Period 1 says how many come back at all; the last period with an average says how many stay.
    const lastAverage = model.average.reduce<number>((last, v, k) => (v === null ? last : k), -1);
    for (const k of new Set([1, lastAverage])) {
      if (k > 0 && k < model.average.length && model.average[k] !== null) parts.push(f.term('heatmapAverageAt', k, this.#formatFull(model.value, model.average[k]!)));
    }
    if (model.partialLastPeriod) parts.push(f.term(model.cohorts.some((c) => c.running >= 0) ? 'heatmapPartialAverage' : 'heatmapPartial'));
    return parts.join(' ');
  }

  // ---- formatting ---------------------------------------------------------------------

  /**
   * The cohorts' labels in the element's language, made once per result and
   * language: the rows, the tooltip, the table and the summary all read them.
   */
  #cohortLabels(model: HeatmapModel): string[] {
    const locale = this.format.locale;
    if (this.#labels?.model !== model || this.#labels.locale !== locale) {
      const none = this.format.term('heatmapNoValue');
      const labels = model.cohorts.map((c) => c.label ?? (model.cohortBy && c.key === '' ? none : periodLabel(c.key, model, locale)));
      this.#labels = { model, locale, labels };
    }
    return this.#labels.labels;
  }

  /** Full precision, for the table, the tooltip and the summary. */
  #formatFull(measure: CohortValue, value: number): string {
    const f = this.format;
    if (measure === 'percent') return f.percent(value);
    if (measure === 'revenue') return f.currency(value, { maximumFractionDigits: 0 });
    return f.number(value, { maximumFractionDigits: 1 });
  }

  /** Short, for inside a cell. */
  #formatShort(measure: CohortValue, value: number): string {
    const f = this.format;
    if (measure === 'percent') return f.percent(value, 0);
    if (measure === 'revenue') return f.currency(value, { notation: 'compact', maximumFractionDigits: 1 });
    return f.number(value, { notation: 'compact', maximumFractionDigits: 1 });
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: HeatmapModel): TemplateResult {
    const f = this.format;
    if (model.cohorts.length === 0 || model.periods === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    // The box has its final height before anything is measured (see heatmapHeight).
    return html`<div
        part="chart"
        class="chart"
        tabindex="0"
        role="group"
        aria-label=${f.term('heatmapKeyboardHint')}
        style=${cssomStyle({ height: `${heatmapHeight(model.cohorts.length)}px` })}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
        @click=${this.#onClick}
      >
        ${this.size.hasSize ? this.#renderDrawing(model) : nothing}
      </div>
      ${this.#renderTable(model)}`;
  }

  #ramp(css: string, fallback: readonly string[]): ColorRamp {
    const key = css || fallback.join(',');
    let ramp = this.#ramps.get(key);
    if (!ramp) {
      ramp = colorRamp(rampFromCss(css) ?? fallback);
      this.#ramps.set(key, ramp);
    }
    return ramp;
  }

  #renderDrawing(model: HeatmapModel): TemplateResult {
    const styles = getComputedStyle(this);
    const light = this.#ramp(styles.getPropertyValue('--rk-heatmap-ramp').trim(), LIGHT_RAMP);
    const dark = this.#ramp(styles.getPropertyValue('--rk-heatmap-ramp-dark').trim(), DARK_RAMP);
    const measure = model.value;
    const rows = [...model.cohorts.map((c) => c.cells), model.average];
    let lo = 0;
    let hi = measure === 'percent' ? 1 : 0;
    for (const row of rows) for (const v of row) if (v !== null) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    const span = hi - lo || 1;
    const t = (v: number) => (v - lo) / span;

    const labels = this.#cohortLabels(model);
    const shortTexts = rows.flatMap((row) => row.map((v) => (v === null ? '' : this.#formatShort(measure, v))));
    const layout = heatmapLayout({
      width: this.size.width,
      cohortCount: model.cohorts.length,
      periodCount: model.periods,
      rowLabelChars: Math.max(this.format.term('heatmapAverage').length, ...labels.map((label) => label.length)),
      sizeLabelChars: Math.max(...model.cohorts.map((c) => this.format.number(c.size).length)),
      cellLabelChars: shortTexts.reduce((longest, text) => Math.max(longest, text.length), 0),
    });
    this.#layout = layout;
    const { cellWidth: cw, cellHeight: ch } = layout;
    const gap = cw > 8 ? 1 : 0;

    const cellMarks = (values: readonly (number | null)[], row: number, running = -1) =>
      values.map((v, column) => {
        if (v === null) return nothing; // not reached yet: blank, never a zero-coloured cell
        const { x, y } = cellOrigin(layout, { row: row === model.cohorts.length ? -1 : row, column });
        const fillLight = light(t(v));
        const fillDark = dark(t(v));
        // Both themes' colours ride along as custom properties; the stylesheet picks the active pair.
        const fill = cssomStyle({ '--l': fillLight, '--d': fillDark });
        const ink = cssomStyle({ '--li': inkFor(fillLight), '--di': inkFor(fillDark) });
        return svg`<rect part=${column === running ? 'cell cell-running' : 'cell'} data-row=${row} data-column=${column} x=${x} y=${y} width=${cw - gap} height=${ch - gap} style=${fill}></rect>
          ${layout.showCellText ? svg`<text part="cell-text" x=${x + (cw - gap) / 2} y=${y + (ch - gap) / 2} dy="0.35em" text-anchor="middle" style=${ink}>${this.#formatShort(measure, v)}</text>` : nothing}`;
      });

    const active = this.#validActive(model);
    const activeOrigin = active ? cellOrigin(layout, { row: active.row === model.cohorts.length ? -1 : active.row, column: active.column }) : undefined;
    const averageRow = model.cohorts.length;

    return html`<svg aria-hidden="true" width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}">
        <g part="axis column-labels">
          <text x=${layout.sizeRight} y=${layout.gridTop - 8} text-anchor="end">${this.format.term('heatmapSize')}</text>
          ${Array.from({ length: model.periods }, (_, k) =>
            k % layout.columnLabelEvery === 0 ? svg`<text x=${layout.gridLeft + k * cw + cw / 2} y=${layout.gridTop - 8} text-anchor="middle">${this.format.number(k)}</text>` : nothing,
          )}
        </g>
        <g part="axis row-labels">
          ${model.cohorts.map((cohort, row) =>
            row % layout.rowLabelEvery === 0
              ? svg`<text part="row-label" x=${layout.rowLabelRight} y=${layout.gridTop + row * ch + ch / 2} dy="0.35em" text-anchor="end">${labels[row]}</text>
                  <text x=${layout.sizeRight} y=${layout.gridTop + row * ch + ch / 2} dy="0.35em" text-anchor="end">${this.format.number(cohort.size)}</text>`
              : nothing,
          )}
          ${layout.averageTop !== null
            ? svg`<text part="average-label" x=${layout.rowLabelRight} y=${layout.averageTop + ch / 2} dy="0.35em" text-anchor="end">${this.format.term('heatmapAverage')}</text>`
            : nothing}
        </g>
        <g part="cells">${model.cohorts.map((cohort, row) => cellMarks(cohort.cells, row, cohort.running))}</g>
        <g part="average">${cellMarks(model.average, averageRow)}</g>
        ${this.#renderLegend(layout, light, dark, lo, hi, measure, model.cohorts.some((c) => c.running >= 0))}
        ${activeOrigin
          ? svg`<rect part="cell-focus-halo" x=${activeOrigin.x - 1} y=${activeOrigin.y - 1} width=${cw + 1} height=${ch + 1}></rect>
              <rect part="cell-focus" x=${activeOrigin.x - 1} y=${activeOrigin.y - 1} width=${cw + 1} height=${ch + 1}></rect>`
          : nothing}
      </svg>
      ${active && activeOrigin ? this.#renderTooltip(model, active, activeOrigin.x + cw, activeOrigin.y, layout.width) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.focused && active ? this.#describeCell(model, active) : ''}</div>`;
  }

  #renderLegend(layout: HeatmapLayout, light: ColorRamp, dark: ColorRamp, lo: number, hi: number, measure: CohortValue, running: boolean): TemplateResult {
    const samples = 24;
    const step = layout.legendWidth / samples;
    const swatches = (ramp: ColorRamp) =>
      rampSamples(ramp, samples).map((color, i) => svg`<rect x=${layout.gridLeft + i * step} y=${layout.legendTop} width=${step + 0.5} height=${layout.legendHeight} fill=${color}></rect>`);
    const labelY = layout.legendTop + layout.legendHeight + 13;
    const notReachedX = layout.gridLeft + layout.legendWidth + 16;
    const runningX = notReachedX + 120;
    // The key to the cells' outlines, where it fits (the summary says it too).
    const key = (x: number, part: string, term: 'heatmapNotReached' | 'heatmapRunning') =>
      svg`<rect part=${part} x=${x} y=${layout.legendTop} width=${layout.legendHeight} height=${layout.legendHeight}></rect>
        <text x=${x + layout.legendHeight + 4} y=${layout.legendTop + layout.legendHeight - 1}>${this.format.term(term)}</text>`;
    return svg`<g part="legend">
      <g class="legend-light">${swatches(light)}</g>
      <g class="legend-dark">${swatches(dark)}</g>
      <text x=${layout.gridLeft} y=${labelY} text-anchor="start">${this.#formatFull(measure, lo)}</text>
      <text x=${layout.gridLeft + layout.legendWidth} y=${labelY} text-anchor="end">${this.#formatFull(measure, hi)}</text>
      <text x=${layout.gridLeft - 6} y=${layout.legendTop + layout.legendHeight - 1} text-anchor="end">${this.format.term('heatmapLegend')}</text>
      ${notReachedX + 120 < layout.width ? key(notReachedX, 'not-reached-swatch', 'heatmapNotReached') : nothing}
      ${running && runningX + 110 < layout.width ? key(runningX, 'running-swatch', 'heatmapRunning') : nothing}
    </g>`;
  }

  #cellValue(model: HeatmapModel, cell: Cell): number | null {
    const row = cell.row === model.cohorts.length ? model.average : model.cohorts[cell.row]?.cells;
    return row?.[cell.column] ?? null;
  }

  #cellLines(model: HeatmapModel, cell: Cell): { title: string; lines: string[] } {
    const f = this.format;
    const value = this.#cellValue(model, cell);
    const period = f.term('heatmapPeriod', cell.column);
    const shown = value === null ? f.term('heatmapNotReached') : this.#formatFull(model.value, value);
    if (cell.row === model.cohorts.length) return { title: f.term('heatmapAverage'), lines: [`${period}: ${shown}`] };
    const cohort: HeatmapCohort = model.cohorts[cell.row];
    const lines = [`${f.term('heatmapSize')}: ${f.number(cohort.size)}`, `${period}: ${shown}`];
    const count = cohort.counts[cell.column];
    if (model.value !== 'count' && count !== null && count !== undefined) {
      lines.push(f.term('heatmapActiveOf', f.number(count, { maximumFractionDigits: 1 }), f.number(cohort.size)));
    }
    return { title: `${f.term('heatmapCohort')} ${this.#cohortLabels(model)[cell.row]}`, lines };
  }

  #describeCell(model: HeatmapModel, cell: Cell): string {
    const { title, lines } = this.#cellLines(model, cell);
    return `${title}. ${lines.join('. ')}.`;
  }

  #renderTooltip(model: HeatmapModel, cell: Cell, x: number, y: number, width: number): TemplateResult {
    const { title, lines } = this.#cellLines(model, cell);
    const left = x > width * 0.6;
    const cw = this.#layout?.cellWidth ?? 0;
    const position = left ? { right: `${Math.max(0, width - x + cw + 6)}px`, top: `${y}px` } : { left: `${x + 6}px`, top: `${y}px` };
    return html`<div part="tooltip" aria-hidden="true" style=${cssomStyle(position)}>
      <strong>${title}</strong>
      ${lines.map((line) => html`<div>${line}</div>`)}
    </div>`;
  }

  #renderTable(model: HeatmapModel): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('heatmapCohort') },
      { label: f.term('heatmapSize'), numeric: true },
      ...Array.from({ length: model.periods }, (_, k) => ({ label: f.term('heatmapPeriod', k), numeric: true })),
    ];
    // Not reached yet stays an empty cell, exactly as drawn: blank is not 0.
    const cells = (values: readonly (number | null)[]) => values.map((v) => (v === null ? '' : this.#formatFull(model.value, v)));
    const labels = this.#cohortLabels(model);
    const rows = [
      ...model.cohorts.map((c, i) => [labels[i], f.number(c.size), ...cells(c.cells)]),
      [f.term('heatmapAverage'), '', ...cells(model.average)],
    ];
    return renderDataTable(this.summarize(model), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  /** Cells reached per row (cohorts, then the average row): the triangle's shape for keyboard moves. */
  #rowLengths(model: HeatmapModel): number[] {
    const reached = (values: readonly (number | null)[]) => {
      for (let k = values.length - 1; k >= 0; k--) if (values[k] !== null) return k + 1;
      return 0;
    };
    return [...model.cohorts.map((c) => reached(c.cells)), reached(model.average)];
  }

  #validActive(model: HeatmapModel): Cell | null {
    const active = this.active;
    if (!active) return null;
    const lengths = this.#rowLengths(model);
    return active.row < lengths.length && active.column < lengths[active.row] ? active : null;
  }

  #onFocus = () => {
    this.focused = true;
    const model = this.value;
    if (!model || (this.active && this.#validActive(model))) return;
    const first = moveCell(this.#rowLengths(model), { row: 0, column: 0 }, 'first');
    this.active = first;
  };

  #onBlur = () => {
    this.focused = false;
    this.active = null;
  };

  #select(cell: Cell): void {
    const model = this.value;
    if (!model || cell.row >= model.cohorts.length) return; // the average row is no cohort
    const cohort = model.cohorts[cell.row];
    emit<CohortSelectDetail>(this, 'cohort-select', { cohort: cohort.key, label: this.#cohortLabels(model)[cell.row], period: cell.column, value: this.#cellValue(model, cell) });
  }

  #onKeydown = (event: KeyboardEvent) => {
    const model = this.value;
    if (!model) return;
    const current = this.#validActive(model) ?? { row: 0, column: 0 };
    const moves: Record<string, CellMove> = {
      ArrowLeft: 'left',
      ArrowRight: 'right',
      ArrowUp: 'up',
      ArrowDown: 'down',
      Home: event.ctrlKey || event.metaKey ? 'first' : 'row-start',
      End: event.ctrlKey || event.metaKey ? 'last' : 'row-end',
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.active = current;
      this.#select(current);
      return;
    }
    if (event.key === 'Escape') {
      this.active = null;
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.active = moveCell(this.#rowLengths(model), current, move);
  };

  #cellAt(event: MouseEvent): Cell | null {
    const target = event.composedPath()[0];
    if (!this.value || !(target instanceof SVGElement) || !target.matches('[part~="cell"]')) return null;
    return { row: Number(target.dataset.row), column: Number(target.dataset.column) };
  }

  #onPointerMove = (event: PointerEvent) => {
    const cell = this.#cellAt(event);
    if (cell && (cell.row !== this.active?.row || cell.column !== this.active?.column)) this.active = cell;
  };

  #onPointerLeave = () => {
    if (!this.focused) this.active = null;
  };

  #onClick = (event: MouseEvent) => {
    const cell = this.#cellAt(event);
    if (!cell) return;
    this.active = cell;
    this.#select(cell);
  };
}
