import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { numberAttribute, weekStartAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest, type Outcome } from '../platform/retention-element.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import { sparklineGeometry } from '../kpi-tile/sparkline-geometry.ts';
import { SPLIT_ORDER, splitSegments, swingOfOneResponse, type NpsGroupName } from './nps-layout.ts';
import type { NpsJobOptions, NpsModel } from '../../engine/jobs/nps-score.ts';
import type { NpsCounts } from '../../metrics/rates.ts';
import { npsScoreStyles } from './nps-score.styles.ts';
import './nps-score.translations.ts';

/** The job runs in the metrics engine (engine/jobs/nps-score.ts); the element only names it. */
const npsScoreJob = jobNamed<NpsJobOptions, NpsModel>('nps-score');
const npsCountsJob = jobNamed<NpsCounts, NpsModel>('nps-score-counts');

/** Responses below which a score is flagged as too few to trust. */
export const DEFAULT_MIN_RESPONSES = 30;
const SPLIT_HEIGHT = 16;
const TREND_UNITS = 48;

/**
 * Net Promoter Score (% promoters − % detractors on 0–10 answers) with the
 * promoter / passive / detractor split as a stacked bar, the response count,
 * the score per period as a small line, and a plain-words notice when there
 * are too few responses to trust the score.
 *
 * @summary NPS with its split, trend and a small-sample notice.
 *
 * @attr granularity - Periods of the trend: day | week | month (default) | quarter | year.
 * @attr min-responses - Fewer responses than this get the notice (default 30).
 * @attr promoters - Number of promoters (scores 9–10), typed by hand; used when no data is given.
 * @attr passives - Number of passives (scores 7–8), typed by hand; used when no data is given.
 * @attr detractors - Number of detractors (scores 0–6), typed by hand; used when no data is given.
 * @attr score-key - Column of the 0–10 score (default `score`); `date-key` and `customer-key` map the others.
 * @attr period-key - Column of the period in per-period counts (default `period`).
 * @attr promoters-key - Column of the promoter count in per-period counts (default `promoters`).
 * @attr passives-key - Column of the passive count in per-period counts (default `passives`).
 * @attr detractors-key - Column of the detractor count in per-period counts (default `detractors`).
 * @attr week-start - First weekday of week periods, 0 = Sunday … 6.
 *
 * @fires metric-change - The computed NpsModel changed.
 * @fires error - Input could not be read (not bubbling).
 *
 * @csspart title - The title.
 * @csspart subtitle - The periods the responses cover.
 * @csspart score - The NPS.
 * @csspart responses - The response count.
 * @csspart split - The stacked bar (SVG).
 * @csspart segment - A bar segment (also `promoters`, `passives`, `detractors`).
 * @csspart legend - Counts and shares as text.
 * @csspart low-sample - The too-few-responses notice.
 * @csspart trend - The trend line (SVG).
 * @csspart table - The hidden data tables.
 *
 * @cssprop --rk-nps-promoters - Colour of the promoters.
 * @cssprop --rk-nps-passives - Colour of the passives.
 * @cssprop --rk-nps-detractors - Colour of the detractors.
 * @cssprop --rk-nps-line - Trend colour.
 * @cssprop --rk-nps-score-size - Font size of the score.
 * @cssprop --rk-nps-trend-height - Height of the trend line.
 * @cssprop --rk-nps-padding - Padding.
 */
export class NpsScore extends RetentionElement<NpsModel, NpsJobOptions> {
  static override styles = [platformStyles, npsScoreStyles];

  @property({ reflect: true }) granularity: Granularity = 'month';
  @property({ attribute: 'min-responses', converter: numberAttribute({ min: 0, max: 1_000_000, integer: true }) }) minResponses?: number;
  @property() promoters?: number | string;
  @property() passives?: number | string;
  @property() detractors?: number | string;
  @property({ attribute: 'score-key' }) scoreKey?: string;
  @property({ attribute: 'period-key' }) periodKey?: string;
  @property({ attribute: 'promoters-key' }) promotersKey?: string;
  @property({ attribute: 'passives-key' }) passivesKey?: string;
  @property({ attribute: 'detractors-key' }) detractorsKey?: string;
  @property({ attribute: 'week-start', converter: weekStartAttribute }) weekStart?: number;

  protected jobRequest(): JobRequest<NpsJobOptions, NpsModel> {
    return {
      job: npsScoreJob,
      options: {
        granularity: this.granularity,
        weekStart: this.weekStart as Weekday | undefined,
        timeZone: this.timeZone,
        responseFields: { customer: this.customerKey, date: this.dateKey, score: this.scoreKey },
        countFields: { period: this.periodKey, promoters: this.promotersKey, passives: this.passivesKey, detractors: this.detractorsKey },
      },
    };
  }

  protected override plainRequest(): JobRequest<NpsCounts, NpsModel> | undefined {
    const typed = [this.promoters, this.passives, this.detractors].some((v) => v !== undefined && v !== null && v !== '');
    if (!typed) return undefined;
    const orZero = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? 0 : v);
    return { job: npsCountsJob, options: { promoters: orZero(this.promoters), passives: orZero(this.passives), detractors: orZero(this.detractors) } };
  }

  /** The minimum in force (attribute, else 30). */
  get effectiveMinResponses(): number {
    const min = this.minResponses;
    return min !== undefined && Number.isFinite(min) && min >= 0 ? min : DEFAULT_MIN_RESPONSES;
  }

  /** Whether the notice about too few responses is shown. */
  get tooFewResponses(): boolean {
    return this.result !== undefined && this.result.nps.responses < this.effectiveMinResponses;
  }

  protected label(): string {
    return this.format.term('npsLabel');
  }

  #score(score: number): string {
    return this.format.number(score, { maximumFractionDigits: 1 });
  }

  #responses(count: number): string {
    return this.format.term('npsResponses', count, this.format.number(count));
  }

  /** A trend period in the element's language (the job returns its key). */
  #period(model: NpsModel, key: string): string {
    return periodLabel(key, model, this.format.locale);
  }

  /** The subtitle: the periods the responses cover ("Monthly · Jan 2024 – Mar 2024"); none for typed counts. */
  protected override scope(model: NpsModel): string {
    const f = this.format;
    const { trend } = model;
    return scopeLine(trend.length > 0 && granularityPart(f, model), periodSpan(f, model, trend[0]?.key, trend[trend.length - 1]?.key));
  }

  protected summarize(model: NpsModel): string {
    const f = this.format;
    const { nps } = model;
    const parts = [
      f.term('npsSummary', this.#score(nps.score), this.#responses(nps.responses)),
      f.term('npsSummarySplit', f.percent(nps.promoterShare), f.percent(nps.passiveShare), f.percent(nps.detractorShare)),
    ];
    const latest = [...model.trend].reverse().find((p) => p.score !== null);
    if (model.trend.length > 1 && latest) parts.push(f.term('npsSummaryLatest', this.#period(model, latest.key), this.#score(latest.score!)));
    if (this.tooFewResponses) parts.push(this.#fewText(model));
    return parts.join(' ');
  }

  #fewText(model: NpsModel): string {
    const f = this.format;
    const swing = swingOfOneResponse(model.nps.score, model.nps.responses);
    return f.term('npsFewResponses', f.number(model.nps.responses), f.number(this.effectiveMinResponses), f.number(swing, { maximumFractionDigits: 1 }));
  }

  #counts(model: NpsModel): Record<NpsGroupName, number> {
    return { promoters: model.nps.promoters, passives: model.nps.passives, detractors: model.nps.detractors };
  }

  #share(model: NpsModel, group: NpsGroupName): number {
    return group === 'promoters' ? model.nps.promoterShare : group === 'passives' ? model.nps.passiveShare : model.nps.detractorShare;
  }

  protected renderMetric(model: NpsModel): TemplateResult {
    const f = this.format;
    const counts = this.#counts(model);
    return html`<div class="nps">
        <div class="headline">
          <span part="score">${this.#score(model.nps.score)}</span>
          <span part="responses">${this.#responses(model.nps.responses)}</span>
        </div>
        ${this.tooFewResponses ? html`<p part="low-sample" role="note">${this.#fewText(model)}</p>` : nothing}
        <div class="split-block">
          ${this.#renderSplit(counts)}
          <ul part="legend">
            ${[...SPLIT_ORDER].reverse().map(
              (group) => html`<li data-group=${group}>
                <span class="swatch ${group}" aria-hidden="true"></span>
                <span>${f.term('npsGroupScores', group)}</span>
                <strong class="count">${f.number(counts[group])}</strong>
                <span class="share">${f.percent(this.#share(model, group))}</span>
              </li>`,
            )}
          </ul>
        </div>
        ${this.#renderTrend(model)}
      </div>
      ${renderDataTable(
        f.term('npsSplitTable'),
        [{ label: f.term('npsGroupColumn') }, { label: f.term('npsCount'), numeric: true }, { label: f.term('npsShare'), numeric: true }],
        [
          ...[...SPLIT_ORDER].reverse().map((group) => [f.term('npsGroupScores', group), f.number(counts[group]), f.percent(this.#share(model, group))]),
          [f.term('npsScoreColumn'), f.number(model.nps.responses), this.#score(model.nps.score)],
        ],
      )}
      ${model.trend.length > 0
        ? renderDataTable(
            f.term('npsTrendTable'),
            [{ label: f.term('npsPeriod') }, { label: f.term('npsScoreColumn'), numeric: true }, { label: f.term('npsCount'), numeric: true }],
            model.trend.map((p) => [this.#period(model, p.key), p.score === null ? f.term('npsNoScore') : this.#score(p.score), f.number(p.responses)]),
          )
        : nothing}`;
  }

  #renderSplit(counts: Record<NpsGroupName, number>): TemplateResult | typeof nothing {
    if (!this.size.hasSize) return nothing;
    const width = Math.max(1, this.size.width);
    const segments = splitSegments(counts, width);
    return html`<svg part="split" aria-hidden="true" focusable="false" height=${SPLIT_HEIGHT} viewBox="0 0 ${width} ${SPLIT_HEIGHT}" preserveAspectRatio="none">
      ${segments
        .filter((s) => s.width > 0)
        .map((s) => svg`<rect part="segment ${s.group}" class="segment-${s.group}" x=${s.x} y="0" width=${s.width} height=${SPLIT_HEIGHT}></rect>`)}
    </svg>`;
  }

  #renderTrend(model: NpsModel): TemplateResult | typeof nothing {
    if (model.trend.length < 2 || !this.size.hasSize) return nothing;
    // Two columns above 32rem (see the styles): the trend then gets half the width.
    const wide = this.size.width >= 32 * 16;
    const width = wide ? Math.floor((this.size.width - 24) / 2) : this.size.width;
    const geometry = sparklineGeometry(
      model.trend.map((p) => p.score),
      { width, height: TREND_UNITS, reference: 0, inset: 4 },
    );
    if (!geometry) return nothing;
    const first = model.trend[0];
    const last = model.trend[model.trend.length - 1];
    return html`<div class="trend">
      <span class="trend-title">${this.format.term('npsTrend')}</span>
      <svg part="trend" aria-hidden="true" focusable="false" viewBox="0 0 ${geometry.width} ${geometry.height}" preserveAspectRatio="none">
        ${geometry.referenceY !== null
          ? svg`<line class="trend-zero" vector-effect="non-scaling-stroke" x1="0" x2=${geometry.width} y1=${geometry.referenceY} y2=${geometry.referenceY}></line>`
          : nothing}
        <path class="trend-line" vector-effect="non-scaling-stroke" d=${geometry.path}></path>
        ${geometry.last
          ? svg`<line class="trend-dot" vector-effect="non-scaling-stroke" x1=${geometry.last.x} x2=${geometry.last.x} y1=${geometry.last.y} y2=${geometry.last.y}></line>`
          : nothing}
      </svg>
      <div class="trend-axis" aria-hidden="true"><span>${this.#period(model, first.key)}</span><span>${this.#period(model, last.key)}</span></div>
    </div>`;
  }
}
