import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { chartHeightAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles } from '../platform/theme.styles.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { columnAt, GAINS, LOSSES, movementGeometry, type MovementGeometry, type MovementKind } from './movement-geometry.ts';
import type { MovementBar, MovementInput, RevenueMovementsJobOptions, RevenueMovementsModel } from '../../engine/jobs/revenue-movements.ts';
import { revenueMovementsStyles } from './revenue-movements.styles.ts';
import './revenue-movements.translations.ts';

/** The job runs in the metrics engine (engine/jobs/revenue-movements.ts); the element only names it. */
const revenueMovementsJob = jobNamed<RevenueMovementsJobOptions, RevenueMovementsModel>('revenue-movements');

/** `movement-select`: a period was chosen by click or arrow key. */
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
 * as a line. NRR, GRR and the quick ratio of the selected period (click, or
 * arrow keys on the focused chart; default the last complete period).
 *
 * @summary Recurring revenue movements with NRR, GRR and quick ratio.
 *
 * @attr granularity - `day | week | month | quarter | year` (default `month`; follow the billing cycle).
 * @attr input - `auto` (default), `subscriptions` or `periods` (pre-aggregated `{ period, new, expansion, reactivation, contraction, churn, startMrr, complete? }`).
 * @attr from / to - First day shown and first day no longer shown (ISO dates).
 * @attr as-of - The day deciding which periods are complete (default today).
 * @attr currency - ISO 4217 code of the amounts (default USD).
 * @attr week-start - First day of week for `week` periods. @attr height - Chart height in px.
 * @prop selectedPeriod - Key of the selected period (settable); the last complete one by default.
 *
 * @fires movement-select - A period was chosen: `detail` is {@link MovementSelectDetail}.
 * @fires metric-change - The movements changed: `detail.value` is a {@link RevenueMovementsModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable chart. @csspart column - A period's bars (`selected`). @csspart segment - One movement.
 * @csspart net-line - The net change line. @csspart zero-line - Zero. @csspart axis - Axis labels. @csspart grid-line - Gridlines.
 * @csspart kpis - NRR, GRR and quick ratio. @csspart kpi - One of them. @csspart kpi-value - Its number.
 * @csspart legend - The legend. @csspart table - The hidden data table.
 *
 * @cssprop --rk-movement-new / --rk-movement-expansion / --rk-movement-reactivation / --rk-movement-contraction / --rk-movement-churn / --rk-movement-net - Colours.
 */
export class RevenueMovements extends RetentionElement<RevenueMovementsModel, RevenueMovementsJobOptions> {
  static override styles = [platformStyles, chartStyles, revenueMovementsStyles];

  @property({ reflect: true }) granularity: Granularity = 'month';
  @property() input: MovementInput = 'auto';
  @property() from?: string;
  @property() to?: string;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ converter: chartHeightAttribute }) height?: number;
  /** Key of the selected period; undefined = the last complete period. */
  @property({ attribute: 'selected-period' }) selectedPeriod?: string;

  @state() private focused = false;
  #geometry?: MovementGeometry;

  protected jobRequest(): JobRequest<RevenueMovementsJobOptions, RevenueMovementsModel> {
    return {
      job: revenueMovementsJob,
      options: {
        input: this.input,
        granularity: this.granularity,
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
    return html`${this.#renderKpis(model, model.periods[selected])}
      <div
        part="chart"
        class=${fixed ? 'chart fixed-height' : 'chart'}
        tabindex="0"
        role="group"
        aria-label=${f.term('movementsKeyboardHint')}
        style=${cssomStyle({ height: fixed ? `${this.height}px` : null })}
        @keydown=${this.#onKeydown}
        @focus=${() => (this.focused = true)}
        @blur=${() => (this.focused = false)}
        @click=${this.#onClick}
      >
        ${this.size.hasSize ? this.#renderDrawing(model, selected) : nothing}
      </div>
      ${this.#renderLegend()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.focused ? this.#describePeriod(model, model.periods[selected]) : ''}</div>
      ${this.#renderTable(model)}`;
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

  #renderDrawing(model: RevenueMovementsModel, selected: number): TemplateResult {
    const f = this.format;
    const width = this.size.width;
    const height = this.#chartHeight();
    const g = movementGeometry(model.periods, {
      width,
      height,
      formatY: (v) => f.currency(v, { notation: 'compact', maximumFractionDigits: 1 }),
      labelChars: model.periods.reduce((m, p) => Math.max(m, this.#label(model, p).length), 0),
    });
    this.#geometry = g;
    const { margin, plotWidth, plotHeight } = g;
    return html`<svg aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      <g transform="translate(${margin.left},${margin.top})">
        <g part="grid">${g.yTicks.map((t) => svg`<line part="grid-line" x1="0" x2=${plotWidth} y1=${t.at} y2=${t.at}></line>`)}</g>
        <g part="axis y-axis">${g.yTicks.map((t) => svg`<text x="-8" y=${t.at} dy="0.32em" text-anchor="end">${t.label}</text>`)}</g>
        <g part="axis x-axis">${g.xLabelIndexes.map((i) =>
          // The last label ends at its band's right edge, so it never runs off the chart.
          i === g.columns.length - 1
            ? svg`<text x=${g.columns[i].bandX + g.columns[i].bandWidth} y=${plotHeight + 16} text-anchor="end">${this.#label(model, model.periods[i])}</text>`
            : svg`<text x=${g.columns[i].centerX} y=${plotHeight + 16} text-anchor="middle">${this.#label(model, model.periods[i])}</text>`,
        )}</g>
        ${g.columns.map(
          (c) => svg`<g part="column" class=${[c.index === selected ? 'selected' : '', model.periods[c.index].complete ? '' : 'running'].join(' ').trim()} data-index=${c.index}>
            <rect class="band" x=${c.bandX} y="0" width=${c.bandWidth} height=${plotHeight}></rect>
            ${c.segments.map((s) => svg`<rect part="segment" data-kind=${s.kind} x=${s.x} y=${s.y} width=${s.width} height=${s.height}></rect>`)}
          </g>`,
        )}
        <line part="zero-line" x1="0" x2=${plotWidth} y1=${g.zeroY} y2=${g.zeroY}></line>
        <path part="net-line" d=${g.netPath}></path>
        ${g.columns.map((c) => svg`<circle part="net-point" cx=${c.centerX} cy=${c.netY} r=${c.index === selected ? 4 : 2.5}></circle>`)}
        ${this.focused ? svg`<rect part="selection" x=${g.columns[selected].bandX} y="-4" width=${g.columns[selected].bandWidth} height=${plotHeight + 8}></rect>` : nothing}
      </g>
    </svg>`;
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
    const model = this.value;
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

  #onKeydown = (event: KeyboardEvent) => {
    const model = this.value;
    if (!model || model.periods.length === 0) return;
    const current = this.#selectedIndex(model);
    const last = model.periods.length - 1;
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? Math.max(0, current - 1)
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? Math.min(last, current + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.#select(next);
  };

  #onClick = (event: MouseEvent) => {
    const g = this.#geometry;
    const svgElement = this.renderRoot.querySelector('.chart > svg');
    if (!g || !svgElement) return;
    this.#select(columnAt(g, event.clientX - svgElement.getBoundingClientRect().left - g.margin.left));
  };
}
