import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { periodLabel, type Granularity, type Weekday } from '../../metrics/calendar/calendar.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { jobNamed } from '../platform/jobs.ts';
import { confidenceAttribute, numberAttribute, weekStartAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest, type Outcome } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { granularityPart, periodSpan, scopeLine } from '../platform/scope.ts';
import {
  SPLIT_ORDER,
  nearestTrendIndex,
  npsTrendGeometry,
  roundedNps,
  splitSegments,
  swingOfOneResponse,
  type NpsGroupName,
  type NpsTrendGeometry,
} from './nps-layout.ts';
import type { NpsJobOptions, NpsModel, NpsTrendPoint } from '../../engine/jobs/nps-score.ts';
import { isSmallSample, type Interval } from '../../metrics/uncertainty.ts';
// The kit's words for uncertainty ("95% interval"), the same in every element.
import '../platform/trust.ts';
import type { NpsCounts } from '../../metrics/rates.ts';
import { npsScoreStyles } from './nps-score.styles.ts';
import './nps-score.translations.ts';

/** The job runs in the metrics engine (engine/jobs/nps-score.ts); the element only names it. */
const npsScoreJob = jobNamed<NpsJobOptions, NpsModel>('nps-score');
const npsCountsJob = jobNamed<NpsCounts, NpsModel>('nps-score-counts');

/** Responses below which a score is flagged as too few to trust. */
export const DEFAULT_MIN_RESPONSES = 30;
const SPLIT_HEIGHT = 16;
/** Height of the trend chart in px, axes included. */
const TREND_HEIGHT = 112;

/**
 * Net Promoter Score (% promoters − % detractors on 0–10 answers) as a whole
 * number (the convention; the exact value stays in `result`), with its 95 %
 * interval, the promoter / passive / detractor split as a stacked bar whose
 * legend reads in the bar's order, the response count, the score per period
 * as a small chart (interval band, periods with few responses marked,
 * keyboard and pointer through the platform's chart layer), and a plain-words
 * notice when there are too few responses to trust the score.
 *
 * Data: survey responses (`customer`, `date`, `score`), bare scores, counts,
 * per-period counts, or an `nps-periods/1` document (what `retention-kit/sql`
 * and `retention-kit aggregate --metric nps` write), read whole with its
 * calendar: the same score, interval, split and trend as from its responses.
 * A document of another version is refused by name.
 *
 * @summary NPS with its interval, split, trend and a small-sample notice.
 *
 * @attr granularity - Periods of the trend: day | week | month (default) | quarter | year. A versioned document brings its own; set to another, it is an error.
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
 * @attr confidence - `on` (default) shows the 95 % interval and marks periods with few responses; `off` hides them.
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
 * @csspart interval - The 95 % interval by the score.
 * @csspart small-sample - The "few responses" mark by the score.
 * @csspart chart - The focusable trend chart.
 * @csspart trend - The trend (SVG).
 * @csspart band - The interval band of the trend.
 * @csspart point - A period's dot (also `point-few` when it rests on few responses).
 * @csspart tooltip - The tooltip of a period.
 * @csspart table - The hidden data tables.
 *
 * @cssprop --rk-nps-promoters - Colour of the promoters.
 * @cssprop --rk-nps-passives - Colour of the passives.
 * @cssprop --rk-nps-detractors - Colour of the detractors.
 * @cssprop --rk-nps-line - Trend colour.
 * @cssprop --rk-nps-score-size - Font size of the score.
 * @cssprop --rk-nps-padding - Padding.
 */
export class NpsScore extends RetentionElement<NpsModel, NpsJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, npsScoreStyles];

  /** Unset: month, or a document's own periods (so the job can tell a page's `granularity` from the default). */
  @property({ reflect: true }) granularity?: Granularity;
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
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';

  /** The period under the pointer or keyboard focus (an index into the trend). */
  #focus = new ChartFocusController<number>(this, {
    // Start on the newest period: that is what people look at first.
    first: () => (this.#trendLength() > 0 ? this.#trendLength() - 1 : null),
    move: (index, event) => indexMove(index, event, this.#trendLength()),
    positionAt: (event) => this.#indexUnder(event),
    isValid: (index) => index < this.#trendLength(),
    describe: (index) => {
      const { title, notes = [], rows } = this.#tooltipContent(this.result!, index);
      return [title, ...rows.map(([name, value]) => `${name}: ${value}`), ...notes].join('. ');
    },
  });
  #tooltip = new TooltipPlacement(this);
  /** The trend's geometry for the last (model, width, confidence): a hover reuses it. */
  #trendDrawing?: { model: NpsModel; key: string; geometry: NpsTrendGeometry | null };

  protected jobRequest(): JobRequest<NpsJobOptions, NpsModel> {
    return {
      job: npsScoreJob,
      options: {
        granularity: this.granularity ?? 'month',
        givenGranularity: this.granularity,
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

  get #showConfidence(): boolean {
    return this.confidence !== 'off';
  }

  #trendLength(): number {
    return this.result && this.result.trend.length >= 2 ? this.result.trend.length : 0;
  }

  /** An NPS as shown: a whole number, as the convention is. */
  #score(score: number): string {
    return this.format.number(roundedNps(score), { maximumFractionDigits: 0 });
  }

  /** "15 to 45": the 95 % interval in whole points. */
  #interval(interval: Interval): string {
    return this.format.term('npsIntervalRange', this.#score(interval.low), this.#score(interval.high));
  }

  /** Whether a count of responses is too small to trust (the `min-responses` line, 30 by default). */
  #few(responses: number): boolean {
    return isSmallSample(responses, this.effectiveMinResponses);
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
      ...(this.#showConfidence && model.interval ? [f.term('npsSummaryInterval', this.#interval(model.interval))] : []),
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
    const confidence = this.#showConfidence;
    const few = this.tooFewResponses;
    return html`<div class="nps">
        <div class="headline">
          <span part="score">${this.#score(model.nps.score)}</span>
          ${confidence && few ? html`<span part="small-sample">${f.term('npsFewMark')}</span>` : nothing}
          <span class="facts">
            ${confidence && model.interval ? html`<span part="interval">${f.term('npsIntervalLine', this.#interval(model.interval))}</span>` : nothing}
            <span part="responses">${this.#responses(model.nps.responses)}</span>
          </span>
        </div>
        ${few ? html`<p part="low-sample" role="note">${this.#fewText(model)}</p>` : nothing}
        <div class="split-block">
          ${this.#renderSplit(counts)}
          <ul part="legend">
            ${SPLIT_ORDER.map(
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
      ${guard([model, f.wordsKey, confidence, this.effectiveMinResponses], () => this.#renderTables(model, counts))}`;
  }

  /** The hidden tables: the split in the bar's order with the score and its interval, and the score per period. */
  #renderTables(model: NpsModel, counts: Record<NpsGroupName, number>): TemplateResult {
    const f = this.format;
    const confidence = this.#showConfidence;
    const intervalText = (interval: Interval | null, responses: number) =>
      interval ? `${this.#interval(interval)}${this.#few(responses) ? ` (${f.term('npsFewMark')})` : ''}` : '';
    return html`${renderDataTable(
      f.term('npsSplitTable'),
      [{ label: f.term('npsGroupColumn') }, { label: f.term('npsCount'), numeric: true }, { label: f.term('npsShare'), numeric: true }],
      [
        ...SPLIT_ORDER.map((group) => [f.term('npsGroupScores', group), f.number(counts[group]), f.percent(this.#share(model, group))]),
        [f.term('npsScoreColumn'), f.number(model.nps.responses), this.#score(model.nps.score)],
        ...(confidence && model.interval ? [[f.term('trustInterval'), f.number(model.nps.responses), intervalText(model.interval, model.nps.responses)]] : []),
      ],
    )}
    ${model.trend.length > 0
      ? renderDataTable(
          f.term('npsTrendTable'),
          [
            { label: f.term('npsPeriod') },
            { label: f.term('npsScoreColumn'), numeric: true },
            ...(confidence ? [{ label: f.term('trustInterval'), numeric: true }] : []),
            { label: f.term('npsCount'), numeric: true },
          ],
          model.trend.map((p) => [
            this.#period(model, p.key),
            p.score === null ? f.term('npsNoScore') : this.#score(p.score),
            ...(confidence ? [intervalText(p.interval, p.responses)] : []),
            f.number(p.responses),
          ]),
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

  /** The trend's width: half the element above 32rem (two columns, see the styles), else all of it. */
  #trendWidth(): number {
    const wide = this.size.width >= 32 * 16;
    return wide ? Math.floor((this.size.width - 24) / 2) : this.size.width;
  }

  #trendGeometry(model: NpsModel): NpsTrendGeometry | null {
    const width = this.#trendWidth();
    const key = `${width}|${this.#showConfidence}`;
    if (this.#trendDrawing?.model !== model || this.#trendDrawing.key !== key) {
      this.#trendDrawing = { model, key, geometry: npsTrendGeometry(model.trend, width, TREND_HEIGHT, this.#showConfidence) };
    }
    return this.#trendDrawing.geometry;
  }

  #renderTrend(model: NpsModel): TemplateResult | typeof nothing {
    if (model.trend.length < 2 || !this.size.hasSize) return nothing;
    const geometry = this.#trendGeometry(model);
    if (!geometry) return nothing;
    const focus = this.#focus;
    const active = focus.active;
    const point = active === null ? undefined : geometry.points[active];
    const { margin } = geometry;
    const width = this.#trendWidth();
    return html`<div class="trend">
      <span class="trend-title">${this.format.term('npsTrend')}</span>
      <div
        part="chart"
        class="chart"
        tabindex="0"
        role="group"
        aria-label=${this.format.term('npsKeyboardHint')}
        @keydown=${focus.onKeydown}
        @focus=${focus.onFocus}
        @blur=${focus.onBlur}
        @pointermove=${focus.onPointerMove}
        @pointerleave=${focus.onPointerLeave}
      >
        <svg part="trend" aria-hidden="true" focusable="false" width=${width} height=${TREND_HEIGHT} viewBox="0 0 ${width} ${TREND_HEIGHT}">
          <g transform="translate(${margin.left},${margin.top})">
            ${guard([geometry, this.format.wordsKey, this.effectiveMinResponses], () => this.#renderTrendMarks(model, geometry))}
            ${point ? this.#renderFocusMark(point, geometry) : nothing}
          </g>
        </svg>
        ${point ? chartTooltip(this.#tooltipContent(model, point.index), { x: point.x + margin.left, y: (point.y ?? 0) + margin.top }) : nothing}
        ${focus.announcement()}
      </div>
    </div>`;
  }

  /** Axes, band, line and dots: drawn once per geometry, never on a hover. */
  #renderTrendMarks(model: NpsModel, g: NpsTrendGeometry): SVGTemplateResult {
    const f = this.format;
    const last = model.trend.length - 1;
    const xTicks = [
      { at: g.points[0].x, label: this.#period(model, model.trend[0].key), anchor: 'start' as const },
      { at: g.points[last].x, label: this.#period(model, model.trend[last].key), anchor: 'end' as const },
    ];
    const confidence = this.#showConfidence;
    return svg`${valueAxis(
      g.yTicks.map((t) => ({ at: t.at, label: f.number(t.value) })),
      g.plotWidth,
    )}${categoryAxis(xTicks, g.plotHeight)}
      ${g.band ? svg`<path part="band" d=${g.band}></path>` : nothing}
      ${g.zeroY !== null ? svg`<line part="zero-line" x1="0" x2=${g.plotWidth} y1=${g.zeroY} y2=${g.zeroY}></line>` : nothing}
      <path part="line" d=${g.line}></path>
      ${g.points.map((p) => {
        if (p.y === null) return nothing;
        const few = confidence && this.#few(model.trend[p.index].responses);
        return svg`<circle part=${few ? 'point point-few' : 'point'} data-index=${p.index} cx=${p.x} cy=${p.y} r="3"></circle>`;
      })}`;
  }

  /** The rule, the point and (keyboard only) the ring of the active period. */
  #renderFocusMark(point: { x: number; y: number | null }, g: NpsTrendGeometry): SVGTemplateResult {
    return svg`<line part="focus-rule" x1=${point.x} x2=${point.x} y1="0" y2=${g.plotHeight}></line>
      ${point.y === null
        ? nothing
        : svg`<circle part="focus-point" cx=${point.x} cy=${point.y} r="5"></circle>
            ${this.#focus.focused ? svg`<circle part="focus-ring" cx=${point.x} cy=${point.y} r="9"></circle>` : nothing}`}`;
  }

  /** A period in the tooltip (and, read out, in the live region): score, interval, responses, the split, and a note when few. */
  #tooltipContent(model: NpsModel, index: number): TooltipContent {
    const f = this.format;
    const p: NpsTrendPoint = model.trend[index];
    const confidence = this.#showConfidence;
    const rows: [string, string][] = [[f.term('npsScoreColumn'), p.score === null ? f.term('npsNoScore') : this.#score(p.score)]];
    if (confidence && p.interval) rows.push([f.term('trustInterval'), this.#interval(p.interval)]);
    rows.push([f.term('npsCount'), f.number(p.responses)]);
    for (const group of SPLIT_ORDER) rows.push([f.term('npsGroup', group), f.number(p[group])]);
    const notes = confidence && p.responses > 0 && this.#few(p.responses) ? [f.term('npsFewPeriod', f.number(p.responses))] : [];
    return { title: this.#period(model, p.key), notes, rows };
  }

  #indexUnder(event: PointerEvent): number | null {
    const geometry = this.#trendDrawing?.geometry;
    const drawing = this.renderRoot.querySelector('svg[part~="trend"]');
    if (!geometry || !drawing) return null;
    return nearestTrendIndex(geometry, event.clientX - drawing.getBoundingClientRect().left - geometry.margin.left);
  }
}
