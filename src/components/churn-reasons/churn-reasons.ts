import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { max } from 'd3-array';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { ReasonWeight } from '../../metrics/cancellations.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { numberAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipAnchor, type TooltipContent } from '../platform/chart-tooltip.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import type { ChurnReasonsJobOptions, ChurnReasonsModel } from '../../engine/jobs/churn-reasons.ts';
import { churnReasonsStyles } from './churn-reasons.styles.ts';
import './churn-reasons.translations.ts';
import { OTHER_ROW_KEY, barFraction, barRows, sparkline, type BarRow } from './reasons-layout.ts';
import { groupPeriods, sumByGroup, type PeriodGroups } from '../platform/period-groups.ts';

/** Members of the folded bucket its tooltip names; the rest are counted ("and 9 more") and listed under the chart. */
const FOLDED_LISTED = 5;

/** Periods the trend shows one by one; more are summed by a coarser period (a sparkline is about 150 px wide). */
const TREND_PERIODS = 120;

/** The trend as drawn: labels per shown period and one series of values per reason. */
interface TrendView {
  labels: string[];
  series: { key: string; label: string; values: number[] }[];
  totals: number[];
  /** Set when the periods were summed by a coarser one. */
  grouped: PeriodGroups | null;
}

/** The job runs in the metrics engine (engine/jobs/churn-reasons.ts); the element only names it. */
const churnReasonsJob = jobNamed<ChurnReasonsJobOptions, ChurnReasonsModel>('churn-reasons');

/** `reason-select`: a reason was clicked or chosen with Enter/Space. */
export interface ReasonSelectDetail {
  /**
   * Grouping key of the reason (lower-cased answer, so a literal "Other" answer is `other`); '' for no
   * reason; null for the folded rarer reasons, which are not one answer.
   */
  key: string | null;
  /** True for the bucket of rarer reasons folded together. */
  folded: boolean;
  /** The label as shown. */
  label: string;
  count: number;
  lostRevenue: number;
  /** Share in the chosen weight (fraction). */
  share: number;
}

/**
 * Cancellation survey reasons ranked by count or by lost revenue, each with
 * its share; rare free-text answers are folded into one bucket, named by what
 * it is ("12 rarer reasons") so it is never read as a literal "Other" answer,
 * whose members are listed (nothing is dropped); small multiples show the top reasons per
 * period.
 *
 * @summary Cancellation reasons, by count or by lost revenue.
 *
 * @attr weight-by - `count` (default) or `revenue` (needs `lost-revenue-key` or a `lostRevenue` column).
 * @attr reason-key - Column of the reason (default `reason`). `customer-key` / `date-key` map the others.
 * @attr lost-revenue-key - Column of the recurring revenue lost with the cancellation (default `lostRevenue`).
 * @attr other-threshold - Answers given fewer times are folded into the rarer reasons (default 2; 1 keeps every answer).
 * @attr max-reasons - At most this many named reasons (default 8).
 * @attr granularity - Period of the trend: `day | week | month | quarter | year` (default `month`).
 * @attr week-start - First day of week periods, 0 = Sunday … 6.
 * @attr trend-count - Reasons shown in the trend (default 4; 0 hides the trend).
 *
 * @fires reason-select - A reason was chosen: `detail` is {@link ReasonSelectDetail}.
 * @fires metric-change - The reasons changed: `detail.result` is a {@link ChurnReasonsModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable bar chart.
 * @csspart label - A reason's label.
 * @csspart bar - A bar.
 * @csspart figures - Count and share of a bar.
 * @csspart other - The expandable list of the rarer reasons.
 * @csspart trend - The small multiples.
 * @csspart table - The visually hidden data tables.
 *
 * @cssprop --rk-reasons-bar - Bar colour (default the first series colour).
 * @cssprop --rk-reasons-other - Colour of the rarer reasons' bar.
 */
export class ChurnReasons extends RetentionElement<ChurnReasonsModel, ChurnReasonsJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, churnReasonsStyles];

  @property({ attribute: 'weight-by', reflect: true }) weightBy: ReasonWeight = 'count';
  @property({ attribute: 'reason-key' }) reasonKey?: string;
  @property({ attribute: 'lost-revenue-key' }) lostRevenueKey?: string;
  @property({ attribute: 'other-threshold', converter: numberAttribute({ min: 1, max: 1_000_000, integer: true }) }) otherThreshold?: number;
  @property({ attribute: 'max-reasons', converter: numberAttribute({ min: 1, max: 50, integer: true }) }) maxReasons?: number;
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ attribute: 'trend-count', converter: numberAttribute({ min: 0, max: 12, integer: true }) }) trendCount?: number;

  @state() private otherOpen = false;

  /** The bar rows of the current result, computed once per result. */
  #rows: BarRow[] = [];
  #rowsOf?: ChurnReasonsModel;
  #focus = new ChartFocusController<number>(this, {
    first: () => (this.#rows.length > 0 ? 0 : null),
    move: (index, event) => indexMove(index, event, this.#rows.length, 'y'),
    positionAt: (event) => this.#rowAt(event),
    isValid: (index) => index < this.#rows.length,
    choose: (index) => this.#choose(index),
    describe: (index) => {
      // The tooltip, read out: "Too expensive. Cancellations: 3 (37.5%). Answers grouped here: …".
      const { title, notes = [], rows } = this.#tooltipContent(this.result!, this.#rows[index]);
      return [title, ...rows.map(([name, value]) => `${name}: ${value}`), ...notes].join('. ');
    },
  });
  #tooltip = new TooltipPlacement(this);

  protected jobRequest(): JobRequest<ChurnReasonsJobOptions, ChurnReasonsModel> {
    const fields: ChurnReasonsJobOptions['fields'] = {};
    if (this.customerKey) fields.customer = this.customerKey;
    if (this.dateKey) fields.date = this.dateKey;
    if (this.reasonKey) fields.reason = this.reasonKey;
    if (this.lostRevenueKey) fields.lostRevenue = this.lostRevenueKey;
    return {
      job: churnReasonsJob,
      options: {
        fields,
        timeZone: this.timeZone,
        weightBy: this.weightBy,
        otherThreshold: this.otherThreshold ?? 2,
        maxReasons: this.maxReasons ?? 8,
        granularity: this.granularity,
        weekStart: this.weekStart as Weekday | undefined,
      },
    };
  }

  protected label(): string {
    return this.format.term('reasonsLabel');
  }

  /** The subtitle: "By lost revenue · Monthly · Jan 2024 – Mar 2024 · $5,615 · 115 cancellations". */
  protected override scope(model: ChurnReasonsModel): string {
    const f = this.format;
    const { periods } = model.trend;
    const revenue = model.weightBy === 'revenue';
    return scopeLine(
      f.term(revenue ? 'reasonsScopeByRevenue' : 'reasonsScopeByCount'),
      periods.length > 0 && granularityPart(f, model.trend),
      periodSpan(f, model.trend, periods[0]?.key, periods[periods.length - 1]?.key),
      revenue && this.#money(model.total.lostRevenue),
      f.term('reasonsCancellations', model.total.count),
    );
  }

  protected summarize(model: ChurnReasonsModel): string {
    const f = this.format;
    const rows = model === this.#rowsOf ? this.#rows : barRows(model);
    if (rows.length === 0) return `${f.term('reasonsLabel')}: ${f.term('noData')}`;
    const parts = [`${f.term('reasonsLabel')} ${f.term(model.weightBy === 'revenue' ? 'reasonsByRevenue' : 'reasonsByCount')}:`];
    parts.push(f.term('reasonsSummary', model.total.count, this.#labelOf(rows[0]), f.percent(rows[0].share)));
    if (model.weightBy === 'revenue') parts.push(f.term('reasonsSummaryRevenue', this.#money(model.total.lostRevenue)));
    return parts.join(' ');
  }

  // ---- formatting ---------------------------------------------------------------------

  #labelOf(row: BarRow): string {
    if (row.kind === 'other') return this.#foldedLabel();
    if (row.kind === 'no-reason') return this.format.term('reasonsNoReason');
    return row.label;
  }

  /** "12 rarer reasons": the folded bucket, named so no one reads it as the survey's own "Other" answer. */
  #foldedLabel(): string {
    return this.format.term('reasonsFolded', this.result?.other?.distinct ?? 0);
  }

  /** The reasons the folded bucket holds, largest first, as the tooltip lists them (a few, then "and N more"). */
  #foldedMembers(model: ChurnReasonsModel): string {
    const f = this.format;
    const members = model.other?.members ?? [];
    const listed = members.slice(0, FOLDED_LISTED).map((m) => {
      const weight = model.weightBy === 'revenue' ? this.#money(m.lostRevenue) : f.number(m.count);
      return `${m.answered ? m.label : f.term('reasonsNoReason')} (${weight})`;
    });
    return f.term('reasonsFoldedHolds', listed.join(', '), members.length - listed.length);
  }

  #money(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: 0 });
  }

  /** The figures next to a bar: the weight first, then the share. */
  #figures(model: ChurnReasonsModel, row: BarRow): { main: string; share: string; secondary: string } {
    const f = this.format;
    if (model.weightBy === 'revenue') return { main: this.#money(row.lostRevenue), share: f.percent(row.share), secondary: f.term('reasonsCancellations', row.count) };
    return { main: f.number(row.count), share: f.percent(row.share), secondary: '' };
  }

  // ---- drawing ------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.result !== this.#rowsOf) {
      this.#rowsOf = this.result;
      this.#rows = this.result ? barRows(this.result) : [];
    }
  }

  protected renderMetric(model: ChurnReasonsModel): TemplateResult {
    const f = this.format;
    const rows = this.#rows;
    if (rows.length === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const largest = rows.reduce((most, r) => Math.max(most, r.share), 0);
    const active = this.#focus.active;
    const once = (draw: () => unknown) => guard([model, f.wordsKey, f.currencyCode, this.trendCount], draw);
    return html`
      <div
        part="chart"
        class="chart"
        tabindex="0"
        role="group"
        aria-label=${f.term('reasonsKeyboardHint')}
        @keydown=${this.#focus.onKeydown}
        @focus=${this.#focus.onFocus}
        @blur=${this.#focus.onBlur}
        @pointermove=${this.#focus.onPointerMove}
        @pointerleave=${this.#focus.onPointerLeave}
        @click=${this.#onClick}
      >
        <div class="rows" aria-hidden="true">
          ${rows.map((row, index) => {
            const figures = this.#figures(model, row);
            const classes = ['row', row.kind === 'reason' ? '' : row.kind, index === active ? 'active' : ''].join(' ').trim();
            return html`<div class=${classes} data-index=${index} data-key=${row.kind === 'other' ? 'other' : row.key}>
              <span part="label">${this.#labelOf(row)}</span>
              <span class="track"><span part="bar" style=${cssomStyle({ '--share': barFraction(row.share, largest).toFixed(4) })}></span></span>
              <span part="figures">${figures.main} <span class="muted">(${figures.share})</span>${figures.secondary ? html` <span class="muted">· ${figures.secondary}</span>` : nothing}</span>
            </div>`;
          })}
        </div>
        ${active !== null ? chartTooltip(this.#tooltipContent(model, rows[active]), this.#anchor(active)) : nothing} ${this.#focus.announcement()}
      </div>
      ${guard([model, f.wordsKey, f.currencyCode, this.otherOpen], () => this.#renderOther(model))} ${once(() => {
        const trend = this.#trend(model);
        return html`${this.#renderTrend(model, trend)} ${this.#renderTables(model, rows, trend)}`;
      })}
    `;
  }

  #tooltipContent(model: ChurnReasonsModel, row: BarRow): TooltipContent {
    const f = this.format;
    const notes = row.spellings.length > 1 ? [f.term('reasonsSpellings', row.spellings.map((s) => `${s.text} (${f.number(s.count)})`).join(', '))] : [];
    if (row.kind === 'other' && model.other) notes.push(this.#foldedMembers(model));
    const rows: [string, string][] = [[f.term('reasonsCount'), `${f.number(row.count)} (${f.percent(row.countShare)})`]];
    if (model.total.lostRevenue > 0) rows.push([f.term('reasonsLostRevenue'), `${this.#money(row.lostRevenue)} (${f.percent(row.revenueShare)})`]);
    return { title: this.#labelOf(row), notes, rows };
  }

  /**
   * The end of the active row's bar, in the chart box's pixels. The rows are
   * HTML laid out by the browser, so this is read from the layout (the rows
   * are already drawn when a row becomes active: they do not change with it).
   */
  #anchor(index: number): TooltipAnchor {
    const chart = this.renderRoot.querySelector('[part~="chart"]');
    const bar = chart?.querySelector(`[data-index="${index}"] [part~="bar"]`);
    if (!chart || !bar) return { x: NaN, y: NaN };
    const box = chart.getBoundingClientRect();
    const end = bar.getBoundingClientRect();
    return { x: end.right - box.left, y: end.top + end.height / 2 - box.top };
  }

  #renderOther(model: ChurnReasonsModel): TemplateResult | typeof nothing {
    const other = model.other;
    if (!other) return nothing;
    const f = this.format;
    return html`<details part="other" ?open=${this.otherOpen} @toggle=${this.#onToggle}>
      <summary>${f.term('reasonsFoldedSummary', other.distinct, other.count)}</summary>
      <ul tabindex="0" aria-label=${this.#foldedLabel()}>
        ${other.members.map((member) => {
          const why = member.foldedBecause === 'rare' ? f.term('reasonsRare', model.otherThreshold) : f.term('reasonsTail', model.maxReasons);
          const weight = model.weightBy === 'revenue' ? `${this.#money(member.lostRevenue)}, ` : '';
          return html`<li>
            <span>${member.answered ? member.label : f.term('reasonsNoReason')}</span>: ${weight}${f.term('reasonsCancellations', member.count)}
            (${f.percent(member.share)}) <span class="why">— ${why}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  /**
   * The top reasons per period, as drawn and tabled. Past {@link TREND_PERIODS}
   * periods (5,000 days) they are summed by the first coarser period that fits:
   * a sparkline has about 150 px and a table of thousands of rows would freeze
   * the page; the trend says so.
   */
  #trend(model: ChurnReasonsModel): TrendView | null {
    const count = this.trendCount ?? 4;
    const { periods, series: all, totals } = model.trend;
    if (!(count > 0) || periods.length < 2) return null;
    const named = all.filter((s) => s.key !== OTHER_ROW_KEY).slice(0, count);
    const other = all.find((s) => s.key === OTHER_ROW_KEY);
    const revenue = model.weightBy === 'revenue';
    const grouped = groupPeriods(
      periods.map((p) => p.key),
      model.trend,
      TREND_PERIODS,
    );
    const keys = grouped ? grouped.groups.map((g) => g.key) : periods.map((p) => p.key);
    const sum = (values: number[]) => (grouped ? sumByGroup(values, grouped.groups) : values);
    return {
      grouped,
      labels: keys.map((key) => periodLabel(key, grouped ? grouped.keys : model.trend, this.format.locale)),
      series: (other ? [...named, other] : named).map((s) => ({ key: s.key, label: this.#seriesLabel(s.key, s.label), values: sum(revenue ? s.lostRevenue : s.counts) })),
      totals: sum(totals),
    };
  }

  #seriesLabel(key: string, label: string): string {
    if (key === OTHER_ROW_KEY) return this.#foldedLabel();
    if (key === '') return this.format.term('reasonsNoReason');
    return label;
  }

  #renderTrend(model: ChurnReasonsModel, trend: TrendView | null): TemplateResult | typeof nothing {
    if (!trend) return nothing;
    const f = this.format;
    const top = max(trend.series, (s) => max(s.values, (v) => (Number.isFinite(v) ? v : undefined))) ?? 0;
    const { labels } = trend;
    const width = 100;
    const height = 40;
    const shown = (v: number) => (model.weightBy === 'revenue' ? this.#money(v) : f.number(v));
    return html`<section part="trend" aria-hidden="true">
      <h3>${f.term('reasonsTrend')}</h3>
      ${trend.grouped ? html`<p class="note">${f.term('periodsGrouped', model.trend.periods.length, trend.grouped.keys.granularity)}</p>` : nothing}
      <div class="multiples">
        ${trend.series.map((s) => {
          const line = sparkline(s.values, width, height, top);
          const last = line.points[line.points.length - 1];
          return html`<div class=${s.key === OTHER_ROW_KEY ? 'multiple other' : 'multiple'}>
            <span class="name">${s.label}: ${shown(s.values[s.values.length - 1])}</span>
            <svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">
              ${svg`<path class="spark-area" d=${line.area}></path><path class="spark-line" d=${line.line} vector-effect="non-scaling-stroke"></path>`}
              ${last && Number.isFinite(last.y) ? svg`<circle class="spark-dot" cx=${last.x} cy=${last.y} r="1.8"></circle>` : nothing}
            </svg>
            <span class="range"><span>${labels[0]}</span><span>${labels[labels.length - 1]}</span></span>
          </div>`;
        })}
      </div>
    </section>`;
  }

  #renderTables(model: ChurnReasonsModel, rows: BarRow[], trend: TrendView | null): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('reasonsReason') },
      { label: f.term('reasonsCount'), numeric: true },
      { label: f.term('reasonsLostRevenue'), numeric: true },
      { label: f.term('reasonsShare'), numeric: true },
    ];
    const tableRows = rows.map((row) => [this.#labelOf(row), f.number(row.count), this.#money(row.lostRevenue), f.percent(row.share)]);
    const table =
      trend &&
      renderDataTable(
        trend.grouped ? `${f.term('reasonsTrendTable')}. ${f.term('periodsGrouped', model.trend.periods.length, trend.grouped.keys.granularity)}` : f.term('reasonsTrendTable'),
        [{ label: f.term('reasonsPeriod') }, ...trend.series.map((s) => ({ label: s.label, numeric: true })), { label: f.term('reasonsTotal'), numeric: true }],
        trend.labels.map((label, i) => [
          label,
          ...trend.series.map((s) => (model.weightBy === 'revenue' ? this.#money(s.values[i]) : f.number(s.values[i]))),
          f.number(trend.totals[i]),
        ]),
      );
    return html`${renderDataTable(this.summarize(model), columns, tableRows)}${table ?? nothing}`;
  }

  // ---- interaction --------------------------------------------------------------------

  /** The row under the pointer (rows are `display: contents`: its cells are what the pointer meets). */
  #rowAt(event: Event): number | null {
    const row = (event.composedPath()[0] as Element | undefined)?.closest?.('[data-index]');
    return row ? Number((row as HTMLElement).dataset.index) : null;
  }

  #onClick = (event: MouseEvent) => {
    const index = this.#rowAt(event);
    if (index === null) return;
    this.#focus.set(index);
    this.#choose(index);
  };

  #choose(index: number): void {
    const row = this.#rows[index];
    if (!row) return;
    if (row.kind === 'other') this.otherOpen = !this.otherOpen;
    emit<ReasonSelectDetail>(this, 'reason-select', {
      key: row.kind === 'other' ? null : row.key,
      folded: row.kind === 'other',
      label: this.#labelOf(row),
      count: row.count,
      lostRevenue: row.lostRevenue,
      share: row.share,
    });
  }

  #onToggle = (event: Event) => {
    this.otherOpen = (event.target as HTMLDetailsElement).open;
  };
}
