import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { columnAt, GAINS, LOSSES, movementGeometry, type MovementGeometry, type MovementKind } from './movement-geometry.ts';
import type { MovementBar, MovementInput, RevenueMovementsJobOptions, RevenueMovementsModel } from '../../engine/jobs/revenue-movements.ts';
import { revenueMovementsStyles } from './revenue-movements.styles.ts';
import './revenue-movements.translations.ts';

/** The job runs in the metrics engine (engine/jobs/revenue-movements.ts); the element only names it. */
const revenueMovementsJob = jobNamed<RevenueMovementsJobOptions, RevenueMovementsModel>('revenue-movements');

/** `movement-select`: a period was chosen by click, Enter or Space. */
export interface MovementSelectDetail {
  /** Period key (`2024-03`). */
  period: string;
  label: string;
  index: number;
  netRevenueRetention: number | null;
  grossRevenueRetention: number | null;
  quickRatio: number | null;
  /** Change of recurring revenue over the period. */
  net: number;
  complete: boolean;
}

export type MovementSelectEvent = CustomEvent<MovementSelectDetail>;

const TERM_OF: Record<MovementKind, 'movementsNew' | 'movementsExpansion' | 'movementsReactivation' | 'movementsContraction' | 'movementsChurn'> = {
  newMrr: 'movementsNew',
  expansionMrr: 'movementsExpansion',
  reactivationMrr: 'movementsReactivation',
  contractionMrr: 'movementsContraction',
  churnedMrr: 'movementsChurn',
};

/**
 * Recurring revenue movements per period as diverging stacked bars: new,
 * expansion and reactivation up, contraction and churn down, the net change
 * as a line. Hovering a period, or moving to it with the arrow keys on the
 * focused chart (Home/End, PageUp/PageDown a tenth), shows its movements and
 * rates in a tooltip; a click, Enter or Space selects it, and the NRR, GRR and
 * quick ratio above the chart are the selected period's (default the last
 * complete one). When there are too many periods for bars at the chart's width
 * (under 2 px each) only the net change is drawn, and a note says which
 * coarser granularity shows the movements.
 *
 * @summary Recurring revenue movements with NRR, GRR and quick ratio.
 *
 * @attr granularity - `day | week | month | quarter | year` (default `month`; follow the billing cycle). A versioned document brings its own; set to another, it is an error.
 * @attr input - `auto` (default), `subscriptions` or `periods` (pre-aggregated `{ period, new, expansion, reactivation, contraction, churn, startMrr, complete? }`).
 *   A `revenue-movements/1` document (`{ "shape": "revenue-movements/1", … }`, what `retention-kit aggregate --metric revenue` writes) is read whole, with its own granularity and complete periods; another version is refused by name.
 * @attr from - First day shown (ISO date); earlier periods are left out.
 * @attr to - First day no longer shown (ISO date); later periods are left out.
 * @attr as-of - The day deciding which periods are complete (default today).
 * @attr currency - ISO 4217 code of the amounts (default USD).
 * @attr week-start - First day of week for `week` periods.
 * @attr height - Chart height in px.
 * @prop selectedPeriod - Key of the selected period (settable); the last complete one by default.
 *
 * @fires movement-select - A period was chosen: `detail` is {@link MovementSelectDetail}.
 * @fires metric-change - The movements changed: `detail.result` is a {@link RevenueMovementsModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable chart.
 * @csspart column - A period's bars (`selected`).
 * @csspart segment - One movement.
 * @csspart column-focus - The ring around the active period while the chart has keyboard focus.
 * @csspart tooltip - The tooltip.
 * @csspart net-line - The net change line.
 * @csspart zero-line - Zero.
 * @csspart axis - Axis labels.
 * @csspart grid-line - Gridlines.
 * @csspart kpis - NRR, GRR and quick ratio.
 * @csspart kpi - One of them.
 * @csspart kpi-value - Its number.
 * @csspart legend - The legend.
 * @csspart table - The hidden data table.
 *
 * @cssprop --rk-movement-new - Colour of new revenue.
 * @cssprop --rk-movement-expansion - Colour of expansion.
 * @cssprop --rk-movement-reactivation - Colour of reactivation.
 * @cssprop --rk-movement-contraction - Colour of contraction.
 * @cssprop --rk-movement-churn - Colour of churned revenue.
 * @cssprop --rk-movement-net - Colour of the net change line.
 */
export class RevenueMovements extends RetentionElement<RevenueMovementsModel, RevenueMovementsJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, revenueMovementsStyles];

  /** Unset: month, or a document's own periods (so the job can tell a page's `granularity` from the default). */
  @property({ reflect: true }) granularity?: Granularity;
  @property() input: MovementInput = 'auto';
  @property() from?: string;
  @property() to?: string;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ converter: chartHeightAttribute }) height?: number;
  /** Key of the selected period; undefined = the last complete period. */
  @property({ attribute: 'selected-period' }) selectedPeriod?: string;

  /** The active period (hovered, or reached with the keys): its tooltip; Enter or a click selects it. */
  #focus = new ChartFocusController<number>(this, {
    first: () => (this.result && this.result.periods.length > 0 ? this.#selectedIndex(this.result) : null),
    move: (index, event) => indexMove(index, event, this.result?.periods.length ?? 0),
    positionAt: (event) => this.#periodUnder(event),
    isValid: (index) => index < (this.result?.periods.length ?? 0),
    choose: (index) => this.#select(index),
    describe: (index) => (this.result ? this.#describePeriod(this.result, this.result.periods[index]) : ''),
  });
  #tooltip = new TooltipPlacement(this);
  /** The geometry of the last drawing and what it was computed for: a hover or a key reuses it. */
  #drawing?: { key: readonly unknown[]; geometry: MovementGeometry };

  protected jobRequest(): JobRequest<RevenueMovementsJobOptions, RevenueMovementsModel> {
    return {
      job: revenueMovementsJob,
      options: {
        input: this.input,
        granularity: this.granularity ?? 'month',
        givenGranularity: this.granularity,
        weekStart: this.weekStart as Weekday | undefined,
        from: this.from,
        to: this.to,
        asOf: this.asOf,
        timeZone: this.timeZone,
        subscriptionFields: this.subscriptionFields(),
      },
    };
  }

  protected label(): string {
    return this.format.term('movementsLabel');
  }

  /** The subtitle: "Monthly · Jan 2024 – Dec 2024 · recurring revenue (MRR)". */
  protected override scope(model: RevenueMovementsModel): string {
    const f = this.format;
    const { periods } = model;
    return scopeLine(granularityPart(f, model), periodSpan(f, model, periods[0]?.key, periods[periods.length - 1]?.key), f.term('movementsScopeMrr'));
  }

  /** Index of the selected period in `model.periods`. */
  #selectedIndex(model: RevenueMovementsModel): number {
    const chosen = this.selectedPeriod === undefined ? -1 : model.periods.findIndex((p) => p.key === this.selectedPeriod);
    return chosen >= 0 ? chosen : model.defaultIndex;
  }

  #ratio(value: number | null): string {
    return value === null ? '–' : this.format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  }

  #rate(value: number | null): string {
    return value === null ? '–' : this.format.percent(value);
  }

  #money(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: 0 });
  }

  /** A period in the element's language (the job returns its key). */
  #label(model: RevenueMovementsModel, p: MovementBar): string {
    return periodLabel(p.key, model, this.format.locale);
  }

  #periodText(model: RevenueMovementsModel, p: MovementBar): string {
    return p.complete ? this.#label(model, p) : `${this.#label(model, p)} (${this.format.term('movementsRunning')})`;
  }

  #describePeriod(model: RevenueMovementsModel, p: MovementBar): string {
    return this.format.term('movementsSummaryPeriod', this.#periodText(model, p), this.#rate(p.netRevenueRetention), this.#rate(p.grossRevenueRetention), this.#ratio(p.quickRatio));
  }

  /** A period's movements (those that happened), net change and retention; the quick ratio is the selected period's, above the chart (the tooltip is tall enough). */
  #tooltipContent(model: RevenueMovementsModel, index: number): TooltipContent {
    const f = this.format;
    const p = model.periods[index];
    const moved = [...GAINS, ...LOSSES].filter((kind) => p[kind] !== 0);
    return {
      title: this.#label(model, p),
      notes: p.complete ? [] : [f.term('movementsRunning')],
      rows: [
        ...moved.map((kind) => [f.term(TERM_OF[kind]), this.#signedMoney((LOSSES as readonly MovementKind[]).includes(kind) ? -p[kind] : p[kind])] as const),
        [f.term('movementsNet'), this.#signedMoney(p.net)],
        [f.term('movementsNrr'), this.#rate(p.netRevenueRetention)],
        [f.term('movementsGrr'), this.#rate(p.grossRevenueRetention)],
      ],
    };
  }

  protected summarize(model: RevenueMovementsModel): string {
    const f = this.format;
    if (model.periods.length === 0) return `${f.term('movementsLabel')}: ${f.term('noData')}`;
    const first = this.#label(model, model.periods[0]);
    const last = this.#label(model, model.periods[model.periods.length - 1]);
    return `${f.term('movementsSummary', first, last)} ${this.#describePeriod(model, model.periods[this.#selectedIndex(model)])}`;
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: RevenueMovementsModel): TemplateResult {
    const f = this.format;
    if (model.periods.length === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const selected = this.#selectedIndex(model);
    const fixed = this.height !== undefined && this.height > 0;
    const g = this.size.hasSize ? this.#geometryFor(model) : undefined;
    const active = this.#focus.active;
    return html`${this.#renderKpis(model, model.periods[selected])}
      <div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${f.term('movementsKeyboardHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @keydown=${this.#focus.onKeydown}
        @focus=${this.#focus.onFocus}
        @blur=${this.#focus.onBlur}
        @pointermove=${this.#focus.onPointerMove}
        @pointerleave=${this.#focus.onPointerLeave}
        @click=${this.#onClick}
      >
        ${g ? this.#renderDrawing(model, g, selected, active) : nothing}
        ${g && active !== null ? chartTooltip(this.#tooltipContent(model, active), this.#anchor(g, active)) : nothing} ${this.#focus.announcement()}
      </div>
      ${this.#renderLegend()}
      ${g && !g.barsFit ? html`<p part="note" class="note">${f.term('movementsBarsTooNarrow', f.number(model.periods.length), coarser(model.granularity))}</p>` : nothing}
      ${guard([model, f.wordsKey, f.currencyCode], () => this.#renderTable(model))}`;
  }
  #renderKpis(model: RevenueMovementsModel, p: MovementBar): TemplateResult {
    const f = this.format;
    const kpi = (name: string, value: string, key: string) =>
      html`<div part="kpi" data-kpi=${key}><span class="name">${name}</span><span part="kpi-value">${value}</span></div>`;
    return html`<div part="kpis">
      <span class="period" part="selected-period">${f.term('movementsSelected', this.#periodText(model, p))}</span>
      ${kpi(f.term('movementsNrr'), this.#rate(p.netRevenueRetention), 'nrr')} ${kpi(f.term('movementsGrr'), this.#rate(p.grossRevenueRetention), 'grr')}
      ${kpi(f.term('movementsQuickRatio'), this.#ratio(p.quickRatio), 'quick-ratio')} ${kpi(f.term('movementsNet'), this.#signedMoney(p.net), 'net')}
    </div>`;
  }

  #signedMoney(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  }

  #chartHeight(): number {
    if (this.height !== undefined && this.height > 0) return this.height;
    return Math.round(Math.min(340, Math.max(220, this.size.width * 0.5)));
  }

  /** Scales and bars, computed once per result, size, language and currency: never on a hover or a key. */
  #geometryFor(model: RevenueMovementsModel): MovementGeometry {
    const f = this.format;
    const key = [model, this.size.width, this.#chartHeight(), f.locale, f.currencyCode] as const;
    if (this.#drawing?.key.every((part, i) => part === key[i])) return this.#drawing.geometry;
    const geometry = movementGeometry(model.periods, {
      width: key[1],
      height: key[2],
      formatY: (v) => f.currency(v, { notation: 'compact', maximumFractionDigits: 1 }),
      labelChars: model.periods.reduce((m, p) => Math.max(m, this.#label(model, p).length), 0),
    });
    this.#drawing = { key, geometry };
    return geometry;
  }

  #renderDrawing(model: RevenueMovementsModel, g: MovementGeometry, selected: number, active: number | null): TemplateResult {
    const width = this.size.width;
    const height = this.#chartHeight();
    const { margin, plotHeight } = g;
    const band = (index: number, part: string) => {
      const c = g.columns[index];
      return svg`<rect part=${part} x=${c.bandX} y="-4" width=${c.bandWidth} height=${plotHeight + 8}></rect>`;
    };
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      <g transform="translate(${margin.left},${margin.top})">
        ${guard([g], () => this.#renderAxes(model, g))} ${active !== null && active !== selected ? band(active, 'column-hover') : nothing}
        ${guard([g, selected], () => this.#renderMarks(model, g, selected))}
        ${active !== null && this.#focus.focused ? band(active, 'column-focus') : nothing}
      </g>
    </svg>`;
  }

  #renderAxes(model: RevenueMovementsModel, g: MovementGeometry): SVGTemplateResult {
    const last = g.columns.length - 1;
    // The last label ends at its band's right edge, so it never runs off the chart.
    const ticks = g.xLabelIndexes.map((i) =>
      i === last
        ? { at: g.columns[i].bandX + g.columns[i].bandWidth, label: this.#label(model, model.periods[i]), anchor: 'end' as const }
        : { at: g.columns[i].centerX, label: this.#label(model, model.periods[i]) },
    );
    return svg`${valueAxis(g.yTicks, g.plotWidth)}${categoryAxis(ticks, g.plotHeight)}`;
  }

  /** Bars, zero line and net line: drawn again only when the result, the size or the selection changes. */
  #renderMarks(model: RevenueMovementsModel, g: MovementGeometry, selected: number): SVGTemplateResult {
    const { plotWidth, plotHeight } = g;
    const s = g.columns[selected];
    return svg`${
      g.barsFit
        ? g.columns.map(
            (c) => svg`<g part="column" class=${[c.index === selected ? 'selected' : '', model.periods[c.index].complete ? '' : 'running'].join(' ').trim()} data-index=${c.index}>
            ${c.index === selected ? svg`<rect class="band" x=${c.bandX} y="0" width=${c.bandWidth} height=${plotHeight}></rect>` : nothing}
            ${c.segments.map((seg) => svg`<rect part="segment" data-kind=${seg.kind} x=${seg.x} y=${seg.y} width=${seg.width} height=${seg.height}></rect>`)}
          </g>`,
          )
        : svg`<rect class="band" x=${s.centerX - 1} y="0" width="2" height=${plotHeight}></rect>`
    }
      <line part="zero-line" x1="0" x2=${plotWidth} y1=${g.zeroY} y2=${g.zeroY}></line>
      <path part="net-line" d=${g.netPath}></path>
      ${
        // A point per period only where they fit; the selected period's always.
        g.pointsFit ? g.columns.map((c) => svg`<circle part="net-point" cx=${c.centerX} cy=${c.netY} r=${c.index === selected ? 4 : 2.5}></circle>`) : svg`<circle part="net-point" cx=${s.centerX} cy=${s.netY} r="4"></circle>`
      }`;
  }

  /** The tooltip's anchor: above the period's highest mark (its gains, or the net point). */
  #anchor(g: MovementGeometry, index: number): { x: number; y: number } {
    const c = g.columns[index];
    const top = c.segments.reduce((y, seg) => Math.min(y, seg.y), c.netY);
    return { x: c.centerX + g.margin.left, y: top + g.margin.top };
  }

  #renderLegend(): TemplateResult {
    const f = this.format;
    return html`<ul part="legend">
      ${[...GAINS, ...LOSSES].map((kind) => html`<li><span class="swatch" data-kind=${kind}></span>${f.term(TERM_OF[kind])}</li>`)}
      <li><span class="swatch line" data-kind="net"></span>${f.term('movementsNet')}</li>
    </ul>`;
  }

  #renderTable(model: RevenueMovementsModel): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('movementsPeriod') },
      { label: f.term('movementsStart'), numeric: true },
      ...[...GAINS, ...LOSSES].map((kind) => ({ label: f.term(TERM_OF[kind]), numeric: true })),
      { label: f.term('movementsNet'), numeric: true },
      { label: f.term('movementsNrr'), numeric: true },
      { label: f.term('movementsGrr'), numeric: true },
      { label: f.term('movementsQuickRatio'), numeric: true },
    ];
    const rows = model.periods.map((p) => [
      this.#periodText(model, p),
      this.#money(p.startMrr),
      ...[...GAINS, ...LOSSES].map((kind) => this.#money(p[kind])),
      this.#signedMoney(p.net),
      this.#rate(p.netRevenueRetention),
      this.#rate(p.grossRevenueRetention),
      this.#ratio(p.quickRatio),
    ]);
    return renderDataTable(f.term('movementsLabel'), columns, rows);
  }

  // ---- interaction --------------------------------------------------------------------

  #select(index: number): void {
    const model = this.result;
    if (!model || index < 0 || index >= model.periods.length) return;
    const p = model.periods[index];
    if (index === this.#selectedIndex(model) && this.selectedPeriod === p.key) return;
    this.selectedPeriod = p.key;
    emit<MovementSelectDetail>(this, 'movement-select', {
      period: p.key,
      label: this.#label(model, p),
      index,
      netRevenueRetention: p.netRevenueRetention,
      grossRevenueRetention: p.grossRevenueRetention,
      quickRatio: p.quickRatio,
      net: p.net,
      complete: p.complete,
    });
  }

  #periodUnder(event: MouseEvent): number | null {
    const g = this.#drawing?.geometry;
    const box = this.renderRoot.querySelector('.chart > svg')?.getBoundingClientRect();
    if (!g || !box) return null;
    const index = columnAt(g, event.clientX - box.left - g.margin.left);
    return index < 0 ? null : index;
  }

  /** A click (or a tap, which has no hover before it) selects the period under it. */
  #onClick = (event: MouseEvent) => {
    const index = this.#periodUnder(event);
    if (index === null) return;
    this.#focus.set(index);
    this.#select(index);
  };
}

/** The granularity a chart with too many periods for bars should try next. */
function coarser(granularity: Granularity | null): Granularity {
  return granularity === 'day' ? 'week' : granularity === 'week' ? 'month' : granularity === 'month' ? 'quarter' : 'year';
}
