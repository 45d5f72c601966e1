import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { CohortValue } from '../../metrics/cohorts.ts';
import { ChartFocusController } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { emit } from '../platform/events.ts';
import type { Formatter } from '../platform/locale.ts';
import { jobNamed } from '../platform/jobs.ts';
import { cohortsPart, labelSpan, scopeLine } from '../platform/scope.ts';
import { confidenceAttribute, periodCountAttribute, weekStartAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { intervalText } from '../platform/trust.ts';
import { isSmallSample, SMALL_SAMPLE, wilsonInterval, type Interval } from '../../metrics/uncertainty.ts';
import type { CohortCounts } from '../../metrics/cohorts.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import type { CohortHeatmapJobOptions, HeatmapCohort, HeatmapInput, HeatmapModel } from '../../engine/jobs/cohort-heatmap.ts';
import { cohortHeatmapStyles } from './cohort-heatmap.styles.ts';
import './cohort-heatmap.translations.ts';
import { heatmapColorDomain, type ColorDomain } from './color-domain.ts';
import { DARK_RAMP, LIGHT_RAMP, colorRamp, colorScale, inkFor, rampFromCss, rampSamples } from './color-ramp.ts';
import { cellOrigin, cellWidthAt, heatmapHeight, heatmapLayout, moveCell, type CellMove, type HeatmapLayout } from './heatmap-layout.ts';

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

/** How sure a cell is: the customers its share rests on, their 95 % interval, and whether they are few. */
interface CellCertainty {
  counts: CohortCounts;
  /** The share's Wilson interval; null for period 0 (100 % by definition) and for revenue, which is no share. */
  interval: Interval | null;
  /** Fewer than SMALL_SAMPLE customers: marked in the drawing, said in the tooltip and the table. */
  few: boolean;
}

/** What one drawing of the grid was made from: it is redrawn only when one of these changes, never on a hover. */
interface Drawing {
  layout: HeatmapLayout;
  domain: ColorDomain | null;
  /** Light and dark fill of a value (period ≥ 1); the stylesheet picks by the element's color-scheme. */
  fills: (v: number) => { light: string; dark: string };
  legendSamples: { light: string; dark: string }[];
}

/**
 * The cohort triangle: customers grouped by their first period (or by a
 * customer property), and how many were active k periods later, as a heatmap
 * with cohort sizes, a weighted average row and a legend.
 *
 * Colours span periods ≥ 1 up to a high quantile of the values (see
 * color-domain.ts); period 0, the whole cohort, is drawn apart in a neutral
 * colour. On a narrow screen the values shrink to 10–11 px and the grid
 * scrolls sideways beside the cohort labels; where even that would not fit,
 * the values show on hover or focus and the legend says so. Revenue cells
 * print compact amounts without the currency sign where room is short
 * ("1.2K"; the legend's title names the currency).
 *
 * Every share states its uncertainty: the tooltip and the hidden table give
 * its 95 % Wilson interval (active customers of those who reached the period;
 * the average row's from the summed counts), and cells resting on fewer than
 * 30 customers are hatched, with the reason in the tooltip, the table and,
 * once, the legend. `confidence="off"` hides both.
 *
 * @summary Cohort retention heatmap.
 *
 * @attr value - `percent` (default), `count` or `revenue` (property: `measure`).
 * @attr granularity - `day | week | month | quarter | year` (default `month`). A versioned document brings its own; set to another, it is an error.
 * @attr max-periods - At most this many columns (default 60, saying so when there are more; 1–120).
 * @attr max-cohorts - At most this many cohorts, the latest (default 36; 1–120); the average row counts them all.
 * @attr cohort-by - A customer property to group by (needs `customers` or `customers-src`).
 * @attr customers-src - URL of customer records (JSON or CSV) with the id column (`customer-key`) and properties.
 * @attr input - `auto` (default), `transactions` or `matrix` (pre-aggregated `{ measure, cohorts: [{ key, label?, size, values }] }`).
 * @attr as-of - Last day of data used.
 * @attr week-start - First day of week for `week` periods.
 * @attr confidence - `on` (default): 95 % intervals and hatched small cohorts; `off` hides them.
 * @prop customers - Customer records (array of objects) for `cohort-by`.
 *
 * @fires cohort-select - A cell was chosen: `detail` is {@link CohortSelectDetail}.
 * @fires metric-change - The matrix changed: `detail.result` is a {@link HeatmapModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable heatmap.
 * @csspart cell - A cell.
 * @csspart cell-start - A period-0 cell (also `cell`), drawn neutral.
 * @csspart cell-running - A cell whose period is still running (also `cell`).
 * @csspart cell-text - A cell's value.
 * @csspart axis - Column and row labels.
 * @csspart legend - The colour legend.
 * @csspart tooltip - The tooltip.
 * @csspart cell-focus - The ring around the active cell.
 * @csspart cell-few - The hatching over a cell that rests on fewer than 30 customers.
 * @csspart few-swatch - The legend key of that hatching.
 * @csspart table - The visually hidden data table.
 *
 * @cssprop --rk-heatmap-ramp - Light-theme colours, low to high, comma-separated.
 * @cssprop --rk-heatmap-ramp-dark - Dark-theme colours, low to high.
 */
export class CohortHeatmap extends RetentionElement<HeatmapModel, CohortHeatmapJobOptions> {
  static override styles = [platformStyles, tooltipStyles, cohortHeatmapStyles];

  /** What the cells show: `percent` of the cohort, customer `count`, or `revenue` (attribute and property `value`; the computed matrix is `result`). */
  @property({ reflect: true }) value: CohortValue = 'percent';
  /** Unset: month, or a document's own periods (so the job can tell a page's `granularity` from the default). */
  @property({ reflect: true }) granularity?: Granularity;
  @property({ attribute: 'max-periods', converter: periodCountAttribute }) maxPeriods?: number;
  @property({ attribute: 'max-cohorts', converter: periodCountAttribute }) maxCohorts?: number;
  @property({ attribute: 'cohort-by' }) cohortBy?: string;
  @property({ attribute: 'customers-src' }) customersSrc?: string;
  @property({ attribute: false }) customers?: unknown;
  @property() input: HeatmapInput = 'auto';
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  /** `on`: intervals in the tooltip and table, small cohorts hatched; `off`: bare figures. Drawing only: no recompute. */
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  #focus = new ChartFocusController<Cell>(this, {
    first: () => (this.result ? moveCell(this.#rowLengths(this.result), { row: 0, column: 0 }, 'first') : null),
    move: (current, event) => {
      const move = KEY_MOVES[event.key];
      const jump = event.key === 'Home' || event.key === 'End' ? (event.ctrlKey || event.metaKey ? (event.key === 'Home' ? 'first' : 'last') : undefined) : undefined;
      if (!this.result || !move) return undefined;
      return moveCell(this.#rowLengths(this.result), current, jump ?? move);
    },
    positionAt: (event) => this.#cellAt(event),
    isValid: (cell) => this.#isReached(cell),
    choose: (cell) => this.#select(cell),
    describe: (cell) => (this.result ? this.#describeCell(this.result, cell) : ''),
    equals: (a, b) => a.row === b.row && a.column === b.column,
  });
  #tooltip = new TooltipPlacement(this);
  #drawing?: { model: HeatmapModel; key: string; drawing: Drawing };
  #labels?: { model: HeatmapModel; locale: string; labels: string[] };
  #cellTextCache?: { model: HeatmapModel; key: string; texts: { short: string; full: string }[][] };

  // ---- what to compute ------------------------------------------------------------------

  protected jobRequest(): JobRequest<CohortHeatmapJobOptions, HeatmapModel> | undefined {
    // A customer list to download goes to the engine with the records: it is fetched and parsed there, once.
    const customersFile = this.cohortBy && this.customers === undefined && this.customersSrc ? this.customersSrc : undefined;
    return {
      job: cohortHeatmapJob,
      options: {
        value: this.value,
        input: this.input,
        granularity: this.granularity ?? 'month',
        givenGranularity: this.granularity,
        maxPeriods: this.maxPeriods,
        maxCohorts: this.maxCohorts,
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
    return this.#title(this.value);
  }

  #title(measure: CohortValue): string {
    return this.format.term(measure === 'count' ? 'heatmapCount' : measure === 'revenue' ? 'heatmapRevenue' : 'heatmapPercent');
  }

  /** The subtitle: "Monthly cohorts · Jan 2024 – Mar 2024 · 2,140 customers" (property cohorts: "Cohorts by plan · …"). */
  protected override scope(model: HeatmapModel): string {
    const f = this.format;
    const labels = this.#cohortLabels(model);
    const customers = model.cohorts.reduce((sum, cohort) => sum + cohort.size, 0);
    return scopeLine(
      model.cohortBy ? f.term('scopeCohortsBy', model.cohortBy) : cohortsPart(f, model),
      !model.cohortBy && labels.length > 0 && labelSpan(f, labels[0], labels[labels.length - 1]),
      f.term('scopeCustomers', customers, f.number(customers)),
    );
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
      if (k > 0 && k < model.average.length && model.average[k] !== null) {
        parts.push(f.term('heatmapAverageAt', k, this.#withInterval(model.value, model.average[k]!, this.#certainty(model, { row: model.cohorts.length, column: k }))));
      }
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

  /**
   * A value as printed in a cell: few digits. Percent is whole numbers, with
   * the unit only where cells are wide ("23%"), bare in narrow ones ("23": the
   * legend's title says %), and "<1" rather than a misleading "0" for a few
   * customers out of hundreds.
   */
  #formatCell(f: Formatter, measure: CohortValue, value: number): { short: string; full: string } {
    if (measure === 'percent') {
      if (value > 0 && value < 0.005) return { short: `<${f.number(1)}`, full: `<${f.percent(0.01, 0)}` };
      return { short: f.number(Math.round(value * 100)), full: f.percent(value, 0) };
    }
    // Whole numbers below a thousand ("16", not the average's "15.6"), compact above ("1.2K"): the tooltip has the rest.
    // Money keeps two digits ("16K", not "15.6K"): a cell shows its magnitude, and the first period's large amounts fit a phone.
    const compact: Intl.NumberFormatOptions =
      Math.abs(value) < 1000 ? { maximumFractionDigits: 0 } : measure === 'revenue' ? { notation: 'compact', maximumSignificantDigits: 2 } : { notation: 'compact', maximumFractionDigits: 1 };
    const bare = f.number(value, compact);
    // Narrow revenue cells drop the currency sign ("1.2K"; the legend's title names the currency), as PostHog's and Amplitude's tables do.
    return { short: bare, full: measure === 'revenue' ? f.currency(value, compact) : bare };
  }

  /** Every cell's texts, per result and language: made once, read by the layout and the drawing. */
  #cellTexts(model: HeatmapModel, f: Formatter): { short: string; full: string }[][] {
    const key = `${f.locale}|${f.currencyCode}`;
    if (this.#cellTextCache?.key !== key || this.#cellTextCache.model !== model) {
      const rows = [...model.cohorts.map((c) => c.cells), model.average];
      this.#cellTextCache = { model, key, texts: rows.map((row) => row.map((v) => (v === null || !Number.isFinite(v) ? { short: '', full: '' } : this.#formatCell(f, model.value, v)))) };
    }
    return this.#cellTextCache.texts;
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: HeatmapModel): TemplateResult {
    const f = this.format;
    if (model.cohorts.length === 0 || model.periods === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const styles = getComputedStyle(this);
    const lightCss = styles.getPropertyValue('--rk-heatmap-ramp').trim();
    const darkCss = styles.getPropertyValue('--rk-heatmap-ramp-dark').trim();
    const drawing = this.size.hasSize ? this.#drawingFor(model, f, lightCss, darkCss) : undefined;
    const active = this.#focus.active;
    // The box has its final height before anything is measured (see heatmapHeight).
    return html`<div
        part="chart"
        class="chart"
        tabindex="0"
        role="group"
        aria-label=${f.term('heatmapKeyboardHint')}
        @keydown=${this.#focus.onKeydown}
        @focus=${this.#focus.onFocus}
        @blur=${this.#focus.onBlur}
        @pointermove=${this.#focus.onPointerMove}
        @pointerleave=${this.#focus.onPointerLeave}
        @click=${this.#onClick}
      >
        <div class="scroller" style=${cssomStyle({ height: `${heatmapHeight(model.cohorts.length)}px` })} @scroll=${this.#onScroll}>
          ${drawing
            ? html`${guard([drawing, f.wordsKey], () => this.#renderLabels(model, drawing.layout, f))}
                <svg class="grid" aria-hidden="true" width=${drawing.layout.gridWidth} height=${drawing.layout.height}>
                  ${guard([drawing, f.wordsKey, f.currencyCode, this.confidence], () => this.#renderGrid(model, drawing, f))}
                  ${active ? this.#renderFocusRing(model, drawing.layout, active) : nothing}
                </svg>`
            : nothing}
        </div>
        ${drawing && active ? chartTooltip(this.#tooltipContent(model, active), this.#tooltipAnchor(model, drawing.layout, active)) : nothing}
        ${this.#focus.announcement()}
      </div>
      ${drawing ? guard([drawing, f.wordsKey, f.currencyCode, this.confidence], () => this.#renderLegend(model, drawing, f)) : nothing}
      ${guard([model, f.wordsKey, f.currencyCode, this.confidence], () => this.#renderTable(model))}`;
  }

  /** The layout and colours for this result, width, language and ramps; the same object while none of them changes. */
  #drawingFor(model: HeatmapModel, f: Formatter, lightCss: string, darkCss: string): Drawing {
    const key = `${this.size.width}|${f.locale}|${f.currencyCode}|${lightCss}|${darkCss}`;
    if (this.#drawing?.key === key && this.#drawing.model === model) return this.#drawing.drawing;
    const labels = this.#cohortLabels(model);
    const texts = this.#cellTexts(model, f);
    // Period 0 of percent and count says what the row already says (100 %, the cohort's size): it is printed
    // where it fits and does not widen the cells; revenue's period 0 is information and counts.
    const startSaysNothingNew = model.value !== 'revenue';
    const longest = (pick: 'short' | 'full') =>
      texts.reduce((most, row) => row.reduce((m, text, k) => (k === 0 && startSaysNothingNew ? m : Math.max(m, text[pick].length)), most), 0);
    const layout = heatmapLayout({
      width: this.size.width,
      cohortCount: model.cohorts.length,
      periodCount: model.periods,
      rowLabelChars: Math.max(f.term('heatmapAverage').length, ...labels.map((label) => label.length)),
      // The size column's header may reach over the row labels' column (which has none): numbers set its width.
      sizeLabelChars: Math.max(...model.cohorts.map((c) => f.number(c.size).length)),
      cellLabelChars: longest('short'),
      fullCellLabelChars: longest('full'),
      startLabelChars: startSaysNothingNew ? Math.max(...texts.map((row) => row[0]?.short.length ?? 0)) : 0,
      fullStartLabelChars: startSaysNothingNew ? Math.max(...texts.map((row) => row[0]?.full.length ?? 0)) : 0,
    });
    const domain = heatmapColorDomain(model);
    const light = colorRamp(rampFromCss(lightCss) ?? LIGHT_RAMP);
    const dark = colorRamp(rampFromCss(darkCss) ?? DARK_RAMP);
    const lightScale = domain ? colorScale(light, domain) : undefined;
    const darkScale = domain ? colorScale(dark, domain) : undefined;
    const darkSamples = rampSamples(dark, 24);
    const drawing: Drawing = {
      layout,
      domain,
      fills: (v) => ({ light: lightScale?.(v) ?? light(0), dark: darkScale?.(v) ?? dark(0) }),
      legendSamples: rampSamples(light, 24).map((color, i) => ({ light: color, dark: darkSamples[i] })),
    };
    this.#drawing = { model, key, drawing };
    return drawing;
  }

  /** The cohort names and sizes: a column of its own that stays in view while the grid scrolls. */
  #renderLabels(model: HeatmapModel, layout: HeatmapLayout, f: Formatter): TemplateResult {
    const labels = this.#cohortLabels(model);
    const { cellHeight: ch } = layout;
    return html`<svg class="labels" aria-hidden="true" width=${layout.labelsWidth} height=${layout.height}>
      <g part="axis row-labels">
        <text x=${layout.sizeRight} y=${layout.gridTop - 8} text-anchor="end">${f.term('heatmapSize')}</text>
        ${model.cohorts.map((cohort, row) =>
          row % layout.rowLabelEvery === 0
            ? svg`<text part="row-label" x=${layout.rowLabelRight} y=${layout.gridTop + row * ch + ch / 2} dy="0.35em" text-anchor="end">${labels[row]}</text>
                <text x=${layout.sizeRight} y=${layout.gridTop + row * ch + ch / 2} dy="0.35em" text-anchor="end">${f.number(cohort.size)}</text>`
            : nothing,
        )}
        ${layout.averageTop !== null
          ? svg`<text part="average-label" x=${layout.rowLabelRight} y=${layout.averageTop + ch / 2} dy="0.35em" text-anchor="end">${f.term('heatmapAverage')}</text>`
          : nothing}
      </g>
    </svg>`;
  }

  /** Column labels and every cell: drawn once per result, size, language and ramp (guarded), never on a hover. */
  #renderGrid(model: HeatmapModel, drawing: Drawing, f: Formatter): TemplateResult {
    const { layout, fills } = drawing;
    const { cellWidth: cw, cellHeight: ch } = layout;
    const gap = cw > 8 ? 1 : 0;
    const texts = this.#cellTexts(model, f);
    const averageRow = model.cohorts.length;
    const confident = this.confidence !== 'off';
    let hatched = false;
    const cellMarks = (values: readonly (number | null)[], row: number, running = -1) =>
      values.map((v, column) => {
        if (v === null || !Number.isFinite(v)) return nothing; // not reached yet: blank, never a zero-coloured cell
        const { x, y } = cellOrigin(layout, { row: row === averageRow ? -1 : row, column });
        const printed = column === 0 ? layout.showStartText : layout.showCellText;
        const text = printed ? (layout.fullCellText ? texts[row][column].full : texts[row][column].short) : '';
        const width = cellWidthAt(layout, column) - gap;
        const label = text
          ? svg`<text part="cell-text" x=${x + width / 2} y=${y + (ch - gap) / 2} dy="0.35em" text-anchor="middle">${text}</text>`
          : nothing;
        const parts = ['cell', column === 0 ? 'cell-start' : '', column === running ? 'cell-running' : ''].filter(Boolean).join(' ');
        // Few customers: hatched over the colour (which stays readable), period 0 too, so the whole row reads as shaky.
        const few = confident && this.#certainty(model, { row, column })?.few;
        hatched ||= !!few;
        const hatch = few ? svg`<rect part="cell-few" x=${x} y=${y} width=${width} height=${ch - gap} mask="url(#few-customers)"></rect>` : nothing;
        if (column === 0) {
          // Period 0 is the whole cohort by definition: neutral, so the colours are left to the periods that vary.
          return svg`<g><rect part=${parts} data-row=${row} data-column=${column} x=${x} y=${y} width=${width} height=${ch - gap}></rect>${hatch}${label}</g>`;
        }
        const fill = fills(v);
        // Both themes' colours ride along; the stylesheet picks by the element's color-scheme (light-dark()).
        const colours = cssomStyle({ '--l': fill.light, '--d': fill.dark, '--li': inkFor(fill.light), '--di': inkFor(fill.dark) });
        return svg`<g style=${colours}><rect part=${parts} data-row=${row} data-column=${column} x=${x} y=${y} width=${width} height=${ch - gap}></rect>${hatch}${label}</g>`;
      });
    const cohortCells = model.cohorts.map((cohort, row) => cellMarks(cohort.cells, row, cohort.running));
    const averageCells = cellMarks(model.average, averageRow);
    return svg`${hatched ? fewCustomersMask('few-customers', drawing.layout.gridWidth, drawing.layout.height) : nothing}<g part="axis column-labels">
        ${Array.from({ length: model.periods }, (_, k) =>
          k % layout.columnLabelEvery === 0
            ? svg`<text x=${cellOrigin(layout, { row: 0, column: k }).x + cellWidthAt(layout, k) / 2} y=${layout.gridTop - 8} text-anchor="middle">${f.number(k)}</text>`
            : nothing,
        )}
      </g>
      <g part="cells" class=${layout.showCellText ? `text-${layout.fontSize}` : ''}>${cohortCells}</g>
      <g part="average" class=${layout.showCellText ? `text-${layout.fontSize}` : ''}>${averageCells}</g>`;
  }

  /** The active cell's ring: the only thing a hover or a key changes in the drawing. */
  #renderFocusRing(model: HeatmapModel, layout: HeatmapLayout, cell: Cell): TemplateResult {
    const { x, y } = cellOrigin(layout, { row: cell.row === model.cohorts.length ? -1 : cell.row, column: cell.column });
    const w = cellWidthAt(layout, cell.column) + 1;
    const h = layout.cellHeight + 1;
    return svg`<rect part="cell-focus-halo" x=${x - 1} y=${y - 1} width=${w} height=${h}></rect>
      <rect part="cell-focus" x=${x - 1} y=${y - 1} width=${w} height=${h}></rect>`;
  }

  #renderLegend(model: HeatmapModel, drawing: Drawing, f: Formatter): TemplateResult {
    const { domain, legendSamples, layout } = drawing;
    const running = model.cohorts.some((c) => c.running >= 0);
    const swatch = (part: string) => html`<svg class="swatch" width="10" height="10" aria-hidden="true"><rect part=${part} x="0.5" y="0.5" width="9" height="9"></rect></svg>`;
    const fewKey =
      this.confidence !== 'off' && this.#hasFewCustomers(model)
        ? html`<span class="key"
            ><svg class="swatch" width="10" height="10" aria-hidden="true">
              ${fewCustomersMask('few-customers-key', 10, 10)}
              <rect part="few-swatch" x="0.5" y="0.5" width="9" height="9"></rect>
              <rect part="cell-few" x="0.5" y="0.5" width="9" height="9" mask="url(#few-customers-key)"></rect></svg
            >${f.term('heatmapFewKey', f.number(SMALL_SAMPLE))}</span
          >`
        : nothing;
    // Revenue cells too narrow for the currency sign print bare amounts: the title names the currency once.
    const scaleTitle =
      model.value === 'revenue' && layout.showCellText && !layout.fullCellText
        ? f.term('heatmapScaleIn', f.term('heatmapScale', model.value), this.#currencySign())
        : f.term('heatmapScale', model.value);
    const step = 5;
    const scale = domain
      ? html`<span class="scale">
          <span class="scale-title">${scaleTitle}</span>
          <span class="range">
            <span class="scale-low">${domain.clampedBelow ? f.term('heatmapAtMost', this.#formatLegend(model.value, domain.low)) : this.#formatLegend(model.value, domain.low)}</span>
            <svg class="bar" width=${legendSamples.length * step} height="10" aria-hidden="true"><title>${f.term('heatmapLegend')}</title>
              ${legendSamples.map((c, i) => svg`<rect x=${i * step} y="0" width=${step + 0.5} height="10" style=${cssomStyle({ '--l': c.light, '--d': c.dark })}></rect>`)}
            </svg>
            <span class="scale-high">${domain.clampedAbove ? f.term('heatmapAtLeast', this.#formatLegend(model.value, domain.high)) : this.#formatLegend(model.value, domain.high)}</span>
          </span>
        </span>`
      : nothing;
    return html`<div part="legend" class="legend" aria-hidden="true">
      ${scale}
      <span class="key">${swatch('start-swatch')}${f.term('heatmapStartKey')}</span>
      <span class="key">${swatch('not-reached-swatch')}${f.term('heatmapNotReached')}</span>
      ${running ? html`<span class="key">${swatch('running-swatch')}${f.term('heatmapRunning')}</span>` : nothing} ${fewKey}
      ${layout.showCellText ? nothing : html`<span class="key hint">${f.term('heatmapValuesOnHover')}</span>`}
    </div>`;
  }

  /** A legend end: round numbers need no decimals ("20%", not "20.0%"). */
  #formatLegend(measure: CohortValue, value: number): string {
    const f = this.format;
    if (measure === 'percent') return f.percent(value, Number.isInteger(Math.round(value * 1e6) / 1e4) ? 0 : 1);
    if (measure === 'revenue') return f.currency(value, { notation: 'compact', maximumFractionDigits: 1 });
    return f.number(value, { notation: 'compact', maximumFractionDigits: 1 });
  }

  /** The currency's sign as the cells' amounts would carry it ("$", "kr"); the code where Intl knows no sign. */
  #currencySign(): string {
    const f = this.format;
    try {
      return new Intl.NumberFormat(f.locale, { style: 'currency', currency: f.currencyCode }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? f.currencyCode;
    } catch {
      return f.currencyCode;
    }
  }

  /**
   * The customers a cell rests on and how sure its share is: a cohort cell's active customers of
   * those who reached the period, the average row's summed over the cohorts it counts. Null where
   * the input gives no counts (a revenue matrix) and while confidence is off.
   */
  #certainty(model: HeatmapModel, cell: Cell): CellCertainty | null {
    if (this.confidence === 'off') return null;
    let counts: CohortCounts | null = null;
    if (cell.row === model.cohorts.length) counts = model.averageCounts[cell.column] ?? null;
    else {
      const cohort = model.cohorts[cell.row];
      const active = cohort?.counts[cell.column];
      const reached = cohort?.reached[cell.column] ?? 0;
      if (active !== null && active !== undefined && reached > 0) counts = { active, reached };
    }
    if (!counts) return null;
    // Period 0 is 100 % by definition, and revenue is no share: neither has an interval.
    const share = model.value !== 'revenue' && cell.column > 0;
    return { counts, interval: share ? wilsonInterval(counts.active, counts.reached) : null, few: isSmallSample(counts.reached) };
  }

  #hasFewCustomers(model: HeatmapModel): boolean {
    return model.cohorts.some((c) => c.reached.some((n) => n > 0 && isSmallSample(n))) || model.averageCounts.some((counts) => counts !== null && isSmallSample(counts.reached));
  }

  /** A value with its interval, for the table and the summary: "45.0% (95% interval 36.4% – 53.9%)"; counts say their share too. */
  #withInterval(measure: CohortValue, value: number, certainty: CellCertainty | null): string {
    const f = this.format;
    const shown = this.#formatFull(measure, value);
    const interval = certainty?.interval;
    if (!interval || !certainty) return shown;
    const range = `${f.term('trustInterval')} ${intervalText(f, interval)}`;
    return measure === 'count' ? `${shown} (${f.percent(certainty.counts.active / certainty.counts.reached)}; ${range})` : `${shown} (${range})`;
  }

  #cellValue(model: HeatmapModel, cell: Cell): number | null {
    const row = cell.row === model.cohorts.length ? model.average : model.cohorts[cell.row]?.cells;
    return row?.[cell.column] ?? null;
  }

  #tooltipContent(model: HeatmapModel, cell: Cell): TooltipContent {
    const f = this.format;
    const value = this.#cellValue(model, cell);
    const period = f.term('heatmapPeriod', cell.column);
    const shown = value === null ? f.term('heatmapNotReached') : this.#formatFull(model.value, value);
    const certainty = value === null ? null : this.#certainty(model, cell);
    // The share and its interval: a count shows its share first, so the interval has something to belong to.
    const trust: (readonly [string, string])[] = [];
    if (certainty?.interval) {
      if (model.value === 'count') trust.push([f.term('heatmapScale', 'percent'), f.percent(certainty.counts.active / certainty.counts.reached)]);
      trust.push([f.term('trustInterval'), intervalText(f, certainty.interval)]);
    }
    const few = certainty?.few ? [f.term('trustFewCustomers', certainty.counts.reached)] : [];
    if (cell.row === model.cohorts.length) return { title: f.term('heatmapAverage'), notes: few, rows: [[period, shown], ...trust] };
    const cohort: HeatmapCohort = model.cohorts[cell.row];
    const notes: string[] = [];
    const count = cohort.counts[cell.column];
    const reached = cohort.reached[cell.column] || cohort.size;
    if (model.value !== 'count' && count !== null && count !== undefined) notes.push(f.term('heatmapActiveOf', f.number(count, { maximumFractionDigits: 1 }), f.number(reached)));
    if (cell.column === cohort.running) notes.push(f.term('heatmapRunning'));
    return {
      title: `${f.term('heatmapCohort')} ${this.#cohortLabels(model)[cell.row]}`,
      notes: [...notes, ...few],
      rows: [[f.term('heatmapSize'), f.number(cohort.size)], [period, shown], ...trust],
    };
  }

  #describeCell(model: HeatmapModel, cell: Cell): string {
    const { title, notes = [], rows } = this.#tooltipContent(model, cell);
    return `${title}. ${[...rows.map(([name, value]) => `${name}: ${value}`), ...notes].join('. ')}.`;
  }

  /** The active cell's right edge, middle, in the chart box's pixels (the grid may be scrolled). */
  #tooltipAnchor(model: HeatmapModel, layout: HeatmapLayout, cell: Cell): { x: number; y: number } {
    const { x, y } = cellOrigin(layout, { row: cell.row === model.cohorts.length ? -1 : cell.row, column: cell.column });
    const scrolled = this.renderRoot.querySelector('.scroller')?.scrollLeft ?? 0;
    return { x: layout.labelsWidth + x + cellWidthAt(layout, cell.column) - scrolled, y: y + layout.cellHeight / 2 };
  }

  #renderTable(model: HeatmapModel): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('heatmapCohort') },
      { label: f.term('heatmapSize'), numeric: true },
      ...Array.from({ length: model.periods }, (_, k) => ({ label: f.term('heatmapPeriod', k), numeric: true })),
    ];
    // Not reached yet stays an empty cell, exactly as drawn: blank is not 0. Few customers are said once where
    // their number is: in the size cell of a small cohort, or in a cell whose period fewer have reached.
    const averageRow = model.cohorts.length;
    const cells = (values: readonly (number | null)[], row: number, size: number | null) =>
      values.map((v, column) => {
        if (v === null) return '';
        const certainty = this.#certainty(model, { row, column });
        const text = this.#withInterval(model.value, v, certainty);
        const fewHere = certainty?.few && (size === null || !isSmallSample(size));
        return fewHere ? `${text}; ${f.term('trustFewCustomers', certainty.counts.reached)}` : text;
      });
    const sizeCell = (size: number) => (this.confidence !== 'off' && isSmallSample(size) ? `${f.number(size)} (${f.term('trustFewCustomers', size)})` : f.number(size));
    const labels = this.#cohortLabels(model);
    const rows = [
      ...model.cohorts.map((c, i) => [labels[i], sizeCell(c.size), ...cells(c.cells, i, c.size)]),
      [f.term('heatmapAverage'), '', ...cells(model.average, averageRow, null)],
    ];
    return renderDataTable(this.summarize(model), columns, rows);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#keepActiveInView();
  }

  /** A keyboard move to a cell scrolled out of sight scrolls the grid to it, beside the fixed labels. */
  #keepActiveInView(): void {
    const model = this.result;
    const active = this.#focus.active;
    const layout = this.#drawing?.drawing.layout;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!model || !active || !layout?.scrolls || !scroller || !this.#focus.focused) return;
    const { x } = cellOrigin(layout, { row: active.row === model.cohorts.length ? -1 : active.row, column: active.column });
    const visible = scroller.clientWidth - layout.labelsWidth;
    let left = scroller.scrollLeft;
    if (x < left) left = x;
    else if (x + cellWidthAt(layout, active.column) > left + visible) left = x + cellWidthAt(layout, active.column) - visible;
    if (left !== scroller.scrollLeft) scroller.scrollLeft = left;
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

  #isReached(cell: Cell): boolean {
    const model = this.result;
    if (!model) return false;
    const lengths = this.#rowLengths(model);
    return cell.row < lengths.length && cell.column < lengths[cell.row];
  }

  #select(cell: Cell): void {
    const model = this.result;
    if (!model || cell.row >= model.cohorts.length) return; // the average row is no cohort
    const cohort = model.cohorts[cell.row];
    emit<CohortSelectDetail>(this, 'cohort-select', { cohort: cohort.key, label: this.#cohortLabels(model)[cell.row], period: cell.column, value: this.#cellValue(model, cell) });
  }

  #cellAt(event: Event): Cell | null {
    const target = event.composedPath()[0];
    if (!this.result || !(target instanceof SVGElement) || !target.matches('[part~="cell"]')) return null;
    return { row: Number(target.dataset.row), column: Number(target.dataset.column) };
  }

  #onClick = (event: MouseEvent) => {
    const cell = this.#cellAt(event);
    if (!cell) return;
    this.#focus.set(cell);
    this.#select(cell);
  };

  /** The tooltip follows its cell while the grid scrolls sideways. */
  #onScroll = () => {
    if (this.#focus.active) this.requestUpdate();
  };
}

/** Arrow keys and Home/End on the triangle (Ctrl/Cmd+Home/End: first and last cell, handled in `move`). */
const KEY_MOVES: Record<string, CellMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'row-start',
  End: 'row-end',
};

/**
 * Diagonal hatching for cells resting on few customers, as a mask of stripes: the hatched rect is
 * filled with the cell's own text colour (chosen for contrast with its fill, cohort-heatmap.styles.ts),
 * so the stripes show on pale and deep cells in both themes without hiding the colour. Ids are
 * scoped to the element's shadow root.
 */
function fewCustomersMask(id: string, width: number, height: number) {
  return svg`<defs>
    <pattern id=${`${id}-stripes`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line class="few-stripe" x1="0" y1="0" x2="0" y2="5"></line>
    </pattern>
    <mask id=${id} maskUnits="userSpaceOnUse" x="0" y="0" width=${width} height=${height}>
      <rect x="0" y="0" width=${width} height=${height} fill=${`url(#${id}-stripes)`}></rect>
    </mask>
  </defs>`;
}
