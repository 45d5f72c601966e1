import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import type { ReasonWeight } from '../../metrics/cancellations.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { renderDataTable, type TableColumn } from '../platform/data-table.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { numberAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import type { ChurnReasonsJobOptions, ChurnReasonsModel } from '../../engine/jobs/churn-reasons.ts';
import { churnReasonsStyles } from './churn-reasons.styles.ts';
import './churn-reasons.translations.ts';
import { OTHER_ROW_KEY, barFraction, barRows, sparkline, type BarRow } from './reasons-layout.ts';

/** The job runs in the metrics engine (engine/jobs/churn-reasons.ts); the element only names it. */
const churnReasonsJob = jobNamed<ChurnReasonsJobOptions, ChurnReasonsModel>('churn-reasons');

/** `reason-select`: a reason was clicked or chosen with Enter/Space. */
export interface ReasonSelectDetail {
  /** Grouping key of the reason (lower-cased answer); `other` for the "Other" group; '' for no reason. */
  key: string;
  /** The label as shown. */
  label: string;
  count: number;
  lostRevenue: number;
  /** Share in the chosen weight (fraction). */
  share: number;
}

/**
 * Cancellation survey reasons ranked by count or by lost revenue, each with
 * its share; rare free-text answers are grouped under "Other", whose members
 * are listed (nothing is dropped); small multiples show the top reasons per
 * period.
 *
 * @summary Cancellation reasons, by count or by lost revenue.
 *
 * @attr weight-by - `count` (default) or `revenue` (needs `lost-revenue-key` or a `lostRevenue` column).
 * @attr reason-key - Column of the reason (default `reason`). `customer-key` / `date-key` map the others.
 * @attr lost-revenue-key - Column of the recurring revenue lost with the cancellation (default `lostRevenue`).
 * @attr other-threshold - Answers given fewer times go to "Other" (default 2; 1 keeps every answer).
 * @attr max-reasons - At most this many named reasons (default 8).
 * @attr granularity - Period of the trend: `day | week | month | quarter | year` (default `month`).
 * @attr week-start - First day of week periods, 0 = Sunday … 6.
 * @attr trend-count - Reasons shown in the trend (default 4; 0 hides the trend).
 *
 * @fires reason-select - A reason was chosen: `detail` is {@link ReasonSelectDetail}.
 * @fires metric-change - The reasons changed: `detail.value` is a {@link ChurnReasonsModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart chart - The focusable bar chart. @csspart label - A reason's label. @csspart bar - A bar.
 * @csspart figures - Count and share of a bar. @csspart other - The expandable list of "Other".
 * @csspart trend - The small multiples. @csspart table - The visually hidden data tables.
 *
 * @cssprop --rk-reasons-bar - Bar colour (default the first series colour).
 * @cssprop --rk-reasons-other - Colour of the "Other" bar.
 */
export class ChurnReasons extends RetentionElement<ChurnReasonsModel, ChurnReasonsJobOptions> {
  static override styles = [platformStyles, churnReasonsStyles];

  @property({ attribute: 'weight-by', reflect: true }) weightBy: ReasonWeight = 'count';
  @property({ attribute: 'reason-key' }) reasonKey?: string;
  @property({ attribute: 'lost-revenue-key' }) lostRevenueKey?: string;
  @property({ attribute: 'other-threshold', converter: numberAttribute({ min: 1, max: 1_000_000, integer: true }) }) otherThreshold?: number;
  @property({ attribute: 'max-reasons', converter: numberAttribute({ min: 1, max: 50, integer: true }) }) maxReasons?: number;
  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;
  @property({ attribute: 'trend-count', converter: numberAttribute({ min: 0, max: 12, integer: true }) }) trendCount?: number;

  @state() private activeIndex: number | null = null;
  @state() private focused = false;
  @state() private otherOpen = false;

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
    const rows = barRows(model);
    if (rows.length === 0) return `${f.term('reasonsLabel')}: ${f.term('noData')}`;
    const parts = [`${f.term('reasonsLabel')} ${f.term(model.weightBy === 'revenue' ? 'reasonsByRevenue' : 'reasonsByCount')}:`];
    parts.push(f.term('reasonsSummary', model.total.count, this.#labelOf(rows[0]), f.percent(rows[0].share)));
    if (model.weightBy === 'revenue') parts.push(f.term('reasonsSummaryRevenue', this.#money(model.total.lostRevenue)));
    return parts.join(' ');
  }

  // ---- formatting ---------------------------------------------------------------------

  #labelOf(row: BarRow): string {
    if (row.kind === 'other') return this.format.term('reasonsOther');
    if (row.kind === 'no-reason') return this.format.term('reasonsNoReason');
    return row.label;
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

  #describe(model: ChurnReasonsModel, row: BarRow): string {
    const f = this.format;
    const parts = [`${this.#labelOf(row)}: ${f.term('reasonsCancellations', row.count)}, ${f.percent(row.countShare)}`];
    if (model.total.lostRevenue > 0) parts.push(`${f.term('reasonsLostRevenue')} ${this.#money(row.lostRevenue)}, ${f.percent(row.revenueShare)}`);
    if (row.kind === 'other' && model.other) parts.push(f.term('reasonsOtherSummary', model.other.distinct, model.other.count));
    if (row.spellings.length > 1) parts.push(f.term('reasonsSpellings', row.spellings.map((s) => `${s.text} (${f.number(s.count)})`).join(', ')));
    return parts.join('. ');
  }

  // ---- drawing ------------------------------------------------------------------------

  protected renderMetric(model: ChurnReasonsModel): TemplateResult {
    const f = this.format;
    const rows = barRows(model);
    if (rows.length === 0) return html`<div part="status" role="status">${f.term('noData')}</div>`;
    const largest = rows.reduce((max, r) => Math.max(max, r.share), 0);
    const active = this.activeIndex !== null && this.activeIndex < rows.length ? this.activeIndex : null;
    return html`
      <div
        part="chart"
        tabindex="0"
        role="group"
        aria-label=${f.term('reasonsKeyboardHint')}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
      >
        <div class="rows" aria-hidden="true">
          ${rows.map((row, index) => {
            const figures = this.#figures(model, row);
            const classes = ['row', row.kind === 'reason' ? '' : row.kind, index === active ? 'active' : ''].join(' ').trim();
            return html`<div class=${classes} data-index=${index} data-key=${row.kind === 'other' ? 'other' : row.key} @click=${() => this.#choose(index)}>
              <span part="label">${this.#labelOf(row)}</span>
              <span class="track"><span part="bar" style=${cssomStyle({ '--share': barFraction(row.share, largest).toFixed(4) })}></span></span>
              <span part="figures">${figures.main} <span class="muted">(${figures.share})</span>${figures.secondary ? html` <span class="muted">· ${figures.secondary}</span>` : nothing}</span>
            </div>`;
          })}
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.focused && active !== null ? this.#describe(model, rows[active]) : ''}</div>
      ${this.#renderOther(model)} ${this.#renderTrend(model)} ${this.#renderTables(model, rows)}
    `;
  }

  #renderOther(model: ChurnReasonsModel): TemplateResult | typeof nothing {
    const other = model.other;
    if (!other) return nothing;
    const f = this.format;
    return html`<details part="other" ?open=${this.otherOpen} @toggle=${this.#onToggle}>
      <summary>${f.term('reasonsOtherSummary', other.distinct, other.count)}</summary>
      <ul tabindex="0" aria-label=${f.term('reasonsOther')}>
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

  #trendSeries(model: ChurnReasonsModel) {
    const count = this.trendCount ?? 4;
    if (!(count > 0) || model.trend.periods.length < 2) return [];
    const named = model.trend.series.filter((s) => s.key !== '\u0000other').slice(0, count);
    const other = model.trend.series.find((s) => s.key === '\u0000other');
    return other ? [...named, other] : named;
  }

  #seriesLabel(key: string, label: string): string {
    if (key === '\u0000other') return this.format.term('reasonsOther');
    if (key === '') return this.format.term('reasonsNoReason');
    return label;
  }

  #renderTrend(model: ChurnReasonsModel): TemplateResult | typeof nothing {
    const series = this.#trendSeries(model);
    if (series.length === 0) return nothing;
    const f = this.format;
    const values = (s: (typeof series)[number]) => (model.weightBy === 'revenue' ? s.lostRevenue : s.counts);
    const max = Math.max(...series.flatMap((s) => values(s)));
    const periods = model.trend.periods;
    const label = (i: number) => periodLabel(periods[i].key, model.trend, f.locale);
    const width = 100;
    const height = 40;
    return html`<section part="trend" aria-hidden="true">
      <h3>${f.term('reasonsTrend')}</h3>
      <div class="multiples">
        ${series.map((s) => {
          const v = values(s);
          const line = sparkline(v, width, height, max);
          const last = line.points[line.points.length - 1];
          const latest = model.weightBy === 'revenue' ? this.#money(v[v.length - 1]) : f.number(v[v.length - 1]);
          return html`<div class=${s.key === '\u0000other' ? 'multiple other' : 'multiple'}>
            <span class="name">${this.#seriesLabel(s.key, s.label)}: ${latest}</span>
            <svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">
              ${svg`<path class="spark-area" d=${line.area}></path><path class="spark-line" d=${line.line} vector-effect="non-scaling-stroke"></path>`}
              ${last ? svg`<circle class="spark-dot" cx=${last.x} cy=${last.y} r="1.8"></circle>` : nothing}
            </svg>
            <span class="range"><span>${label(0)}</span><span>${label(periods.length - 1)}</span></span>
          </div>`;
        })}
      </div>
    </section>`;
  }

  #renderTables(model: ChurnReasonsModel, rows: BarRow[]): TemplateResult {
    const f = this.format;
    const columns: TableColumn[] = [
      { label: f.term('reasonsReason') },
      { label: f.term('reasonsCount'), numeric: true },
      { label: f.term('reasonsLostRevenue'), numeric: true },
      { label: f.term('reasonsShare'), numeric: true },
    ];
    const tableRows = rows.map((row) => [this.#labelOf(row), f.number(row.count), this.#money(row.lostRevenue), f.percent(row.share)]);
    const series = this.#trendSeries(model);
    const trend =
      series.length > 0
        ? renderDataTable(
            f.term('reasonsTrendTable'),
            [{ label: f.term('reasonsPeriod') }, ...series.map((s) => ({ label: this.#seriesLabel(s.key, s.label), numeric: true })), { label: f.term('reasonsTotal'), numeric: true }],
            model.trend.periods.map((p, i) => [
              periodLabel(p.key, model.trend, f.locale),
              ...series.map((s) => (model.weightBy === 'revenue' ? this.#money(s.lostRevenue[i]) : f.number(s.counts[i]))),
              f.number(model.trend.totals[i]),
            ]),
          )
        : nothing;
    return html`${renderDataTable(this.summarize(model), columns, tableRows)}${trend}`;
  }

  // ---- interaction --------------------------------------------------------------------

  #rowCount(): number {
    return this.value ? barRows(this.value).length : 0;
  }

  #choose(index: number): void {
    const model = this.value;
    if (!model) return;
    const row = barRows(model)[index];
    if (!row) return;
    this.activeIndex = index;
    if (row.kind === 'other') this.otherOpen = !this.otherOpen;
    emit<ReasonSelectDetail>(this, 'reason-select', {
      key: row.key === OTHER_ROW_KEY ? 'other' : row.key,
      label: this.#labelOf(row),
      count: row.count,
      lostRevenue: row.lostRevenue,
      share: row.share,
    });
  }

  #onToggle = (event: Event) => {
    this.otherOpen = (event.target as HTMLDetailsElement).open;
  };

  #onFocus = () => {
    this.focused = true;
    if (this.activeIndex === null && this.#rowCount() > 0) this.activeIndex = 0;
  };

  #onBlur = () => {
    this.focused = false;
  };

  #onKeydown = (event: KeyboardEvent) => {
    const count = this.#rowCount();
    if (count === 0) return;
    const current = this.activeIndex ?? 0;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = Math.min(count - 1, current + 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#choose(current);
        return;
      case 'Escape':
        this.activeIndex = null;
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activeIndex = next;
  };
}
