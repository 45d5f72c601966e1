import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { PeriodCalendar, type Granularity } from '../../metrics/calendar/calendar.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { confidenceAttribute, numberAttribute, type Confidence } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { changeText, intervalText, verdictText } from '../platform/trust.ts';
import { churnVerdict, type ChurnVerdict } from '../../metrics/benchmarks.ts';
import { isSmallSample } from '../../metrics/uncertainty.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import {
  DIAL_END,
  DIAL_START,
  angleOf,
  bandOf,
  bandsFromChurnBenchmark,
  dialLayout,
  pointAt,
  ringPath,
  type GaugeBand,
} from './gauge-geometry.ts';
import { jobNamed } from '../platform/jobs.ts';
import type { GaugeModel, GaugeNumbers } from '../../engine/jobs/gauge-model.ts';
import type { GaugeJobOptions } from '../../engine/jobs/retention-gauge.ts';
import { gaugeStyles } from './retention-gauge.styles.ts';
import './retention-gauge.translations.ts';

/** The jobs run in the metrics engine (engine/jobs/retention-gauge.ts); the element only names them. */
const retentionGaugeJob = jobNamed<GaugeJobOptions, GaugeModel>('retention-gauge');
const gaugeNumbersJob = jobNamed<GaugeNumbers, GaugeModel>('retention-gauge-numbers');

/**
 * Customer retention rate (CRR = (E − N) / S) of one period as a radial gauge,
 * with churn, the change from the previous period and a benchmark band.
 *
 * The verdict (healthy / needs action) is judged on churn for the period,
 * against the kit's benchmark table (metrics/benchmarks.ts: 7 % a month,
 * converted to the period's length), as <churn-trend> and <kpi-tile> judge
 * it; a period still warming up (activity window not covered) gets none.
 *
 * Pre-aggregated data (#14): a `period-counts/1` document (the command line's
 * and retention-kit/sql's output: S, E, N, lost and reactivated per period)
 * given as `src`, `data` or an inline script gives the gauge of the chosen
 * period (`period`, else the last complete one) with the rates, intervals,
 * change, verdict and running-period note it computes from the orders. Its
 * calendar and activity window are the document's: a `granularity` or
 * `window-days` set to another is an error naming the attribute and the
 * document's value (counts of one period or window cannot be turned into
 * another's, and the verdict depends on the period's length). Another version
 * is refused by name.
 *
 * @summary Customer retention rate for one period, as a gauge.
 *
 * @attr start - Customers at period start (S), for typed figures.
 * @attr end - Customers at period end (E).
 * @attr new - New customers acquired in the period (N); default 0.
 * @attr lost - Customers of S lost in the period; churn = lost / S. Without it churn = 1 − CRR.
 * @attr previous-rate - CRR of the previous period as a fraction (0.95), for the change.
 * @attr previous-start - Customers at the start of the previous period: with previous-rate, says whether the change is beyond noise.
 * @attr period - Period key for transactions (`2024-03`); a free label for typed figures.
 * @attr granularity - `day | week | month | quarter | year`: the period computed from transactions, and the length of typed figures' period (for the benchmark); default month, or a period-counts/1 document's own.
 * @attr window-days - Activity window for transactions; default suggested from the data, else 90, or a period-counts/1 document's own.
 * @attr benchmark-churn - Churn above this fraction of the period needs action, taken as given; default the kit's table (7 % a month, 19.6 % a quarter …).
 * @attr confidence - `on` (default) shows the 95 % intervals and whether the change is beyond noise; `off` hides them.
 *
 * @prop bands - Custom benchmark bands on the share of starting customers kept (1 − churn) ({ from, to, tone, label? }[]).
 *
 * @fires metric-change - The computed GaugeModel changed.
 * @fires error - Input could not be read or computed (detail: ElementError).
 *
 * @csspart gauge - The SVG dial.
 * @csspart value - The retention rate text.
 * @csspart churn - The churn text.
 * @csspart reactivated - Why retention and churn may not add up: customers back after a gap.
 * @csspart delta - The change vs the previous period.
 * @csspart band - The verdict: the benchmark band the churn falls in, or "No verdict" while warming up.
 * @csspart interval - The 95 % interval of the retention rate.
 * @csspart caution - Why a figure is uncertain: few customers at the start, or not enough history.
 * @csspart window - The activity window note (transactions).
 * @csspart subtitle - The period measured (under the title).
 * @csspart message - An error message.
 *
 * @cssprop --rk-gauge-fill - Colour of the value arc (default accent).
 * @cssprop --rk-gauge-track - Colour of the empty dial (default surface).
 * @cssprop --rk-gauge-value-size - Font size of the value.
 */
export class RetentionGauge extends RetentionElement<GaugeModel, GaugeJobOptions> {
  static override styles = [platformStyles, gaugeStyles];

  @property() start?: number | string;
  @property() end?: number | string;
  @property() new?: number | string;
  @property() lost?: number | string;
  @property({ attribute: 'previous-rate' }) previousRate?: number | string;
  @property({ attribute: 'previous-start', converter: numberAttribute({ min: 1, max: 1e12, integer: true }) }) previousStart?: number;
  @property({ reflect: true }) period?: string;
  @property({ reflect: true }) granularity?: Granularity;
  @property({ attribute: 'window-days' }) windowDays?: number | string;
  /** The page's churn alarm level for the period; undefined: the kit's table for the period's length. */
  @property({ attribute: 'benchmark-churn', converter: numberAttribute({ min: 0, max: 1 }) }) benchmarkChurn?: number;
  @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';
  /** Custom bands on the share of starting customers kept (1 − churn); replace the benchmark bands when set. */
  @property({ attribute: false }) bands?: GaugeBand[];

  protected jobRequest(): JobRequest<GaugeJobOptions, GaugeModel> {
    return {
      job: retentionGaugeJob,
      options: {
        fields: this.transactionFields(),
        timeZone: this.timeZone,
        period: this.period || undefined,
        granularity: this.granularity,
        windowDays: this.windowDays ?? undefined,
        previousRate: this.previousRate ?? undefined,
      },
    };
  }

  protected override plainRequest(): JobRequest<GaugeNumbers, GaugeModel> | undefined {
    const typed = [this.start, this.end, this.new, this.lost].some((value) => value !== undefined && value !== null && value !== '');
    if (!typed) return undefined;
    return {
      job: gaugeNumbersJob,
      options: { start: this.start, end: this.end, new: this.new, lost: this.lost, previousRate: this.previousRate, previousStart: this.previousStart, period: this.period },
    };
  }

  protected label(): string {
    return this.format.term('gaugeLabel');
  }

  /** The subtitle: the period measured ("Mar 2024", "Q3 2024 (running)"); its label says its length. */
  protected override scope(value: GaugeModel): string {
    return this.#periodLabel(value);
  }

  protected summarize(value: GaugeModel): string {
    const f = this.format;
    const parts = [f.term('gaugeSummary', this.#periodLabel(value), f.percent(value.retention), f.percent(value.churn))];
    if (value.delta !== null) parts.push(f.term('gaugeSummaryDelta', this.#changeText(value)));
    const band = this.#band(value);
    if (band) parts.push(`${this.#bandText(band)}.`);
    if (!this.#judged(value)) parts.push(`${f.term('trustNoVerdict')}: ${this.#cautions(value)[0]}.`);
    return parts.join(' ');
  }

  /** The length of the measured period: the computed one, or the `granularity` the page gave typed figures. */
  #granularity(value: GaugeModel): Granularity {
    return value.granularity ?? this.granularity ?? 'month';
  }

  /**
   * The churn verdict of the shown period from the kit's benchmark table (or the page's `benchmark-churn`);
   * null while warming up or still running (churn so far is not a whole period's).
   */
  get verdict(): ChurnVerdict | null {
    const value = this.result;
    if (!value || !this.#judged(value)) return null;
    return churnVerdict(value.churn, this.#granularity(value), this.benchmarkChurn);
  }

  /** The bands in use: custom ones, or the two of the period's churn benchmark. */
  get activeBands(): GaugeBand[] {
    if (this.bands && this.bands.length > 0) return this.bands;
    const verdict = this.verdict ?? (this.result ? churnVerdict(this.result.churn, this.#granularity(this.result), this.benchmarkChurn) : null);
    return verdict ? bandsFromChurnBenchmark(verdict.threshold) : [];
  }

  /** Whether the period gets a verdict: past its warm-up and over. */
  #judged(value: GaugeModel): boolean {
    return !value.censored && value.complete;
  }

  /** The band the period's churn falls in, on the share of starting customers kept; none while warming up or running. */
  #band(value: GaugeModel): GaugeBand | undefined {
    if (!this.#judged(value)) return undefined;
    return bandOf(this.activeBands, 1 - value.churn);
  }

  #bandText(band: GaugeBand): string {
    if (band.label) return band.label;
    return band.tone === 'warn' ? this.format.term('gaugeBandWarn') : verdictText(this.format, band.tone);
  }

  get #confident(): boolean {
    return this.confidence !== 'off';
  }

  #changeText(value: GaugeModel): string {
    return changeText(this.format, value.delta!, value.change, this.#confident);
  }

  /** Why a figure of this period is uncertain: warming up, or few customers at its start. */
  #cautions(value: GaugeModel): string[] {
    const f = this.format;
    const cautions: string[] = [];
    if (value.censored) cautions.push(value.windowDays !== null ? f.term('trustWarmUp', value.windowDays) : f.term('trustNotEnoughHistory'));
    else if (!value.complete) cautions.push(f.term('trustRunning'));
    if (this.#confident && value.start > 0 && isSmallSample(value.start)) cautions.push(f.term('trustFewCustomers', value.start));
    return cautions;
  }

  #periodLabel(value: GaugeModel): string {
    if (value.granularity && value.periodIndex !== null) {
      const label = new PeriodCalendar({ granularity: value.granularity }).label(value.periodIndex, this.format.locale);
      return value.complete ? label : `${label} (${this.format.term('gaugeRunning')})`;
    }
    return value.period ?? this.format.term('gaugeThisPeriod');
  }

  #windowText(value: GaugeModel): string | undefined {
    if (value.windowDays === null || value.windowSource === null) return undefined;
    const f = this.format;
    if (value.windowSource === 'suggested') return f.term('gaugeWindowSuggested', value.windowDays);
    if (value.windowSource === 'default') return f.term('gaugeWindowDefault', value.windowDays);
    if (value.windowSource === 'document') return f.term('gaugeWindowDocument', value.windowDays);
    return f.term('gaugeWindowAttribute', value.windowDays);
  }

  protected renderMetric(value: GaugeModel): TemplateResult {
    const f = this.format;
    const band = this.#band(value);
    // A change within noise gets no colour: it is no news either way.
    const noise = this.#confident && value.change !== null && !value.change.beyondNoise;
    const deltaTone = value.delta === null || value.delta === 0 || noise ? '' : value.delta > 0 ? 'good' : 'bad';
    const layout = this.size.hasSize ? dialLayout(this.size.width - 16) : null;
    const retentionText = f.percent(value.retention);
    const windowText = this.#windowText(value);
    const interval = this.#confident ? intervalText(f, value.retentionInterval) : '';
    return html`
      <div class="gauge">
        ${layout
          ? html`<div class="dial">
              ${this.#renderDial(value, layout)}
              <div class="center">
                <span part="value">${retentionText}</span>
                <span part="label">${f.term('gaugeRetention')}</span>
              </div>
            </div>`
          : nothing}
        <div class="figures">
          ${layout ? nothing : html`<span part="value">${retentionText}</span>`}
          ${interval ? html`<span part="interval">${f.term('trustInterval')} ${interval}</span>` : nothing}
          <span part="churn">${f.term('gaugeChurn', f.percent(value.churn))}</span>
          ${value.delta !== null ? html`<span part="delta" class=${deltaTone}>${f.term('gaugeDelta', this.#changeText(value))}</span>` : nothing}
          ${band ? html`<span part="band" class=${band.tone}>${this.#bandText(band)}</span>` : nothing}
          ${this.#judged(value) ? nothing : html`<span part="band" class="none">${f.term('trustNoVerdict')}</span>`}
          ${this.#cautions(value).map((caution) => html`<span part="caution">${caution}</span>`)}
          ${value.reactivated ? html`<span part="reactivated">${f.term('gaugeReactivatedNote', value.reactivated)}</span>` : nothing}
          ${windowText ? html`<span part="window">${windowText}</span>` : nothing}
        </div>
      </div>
      ${renderDataTable(f.term('gaugeTable'), [{ label: f.term('gaugeMeasure') }, { label: f.term('gaugeValue'), numeric: true }], this.#tableRows(value, band))}
    `;
  }

  #renderDial(value: GaugeModel, layout: NonNullable<ReturnType<typeof dialLayout>>): TemplateResult {
    const { size, center, innerRadius, outerRadius, bandInner, bandOuter } = layout;
    const valueAngle = angleOf(value.retention);
    const previous = value.previousRetention === null ? null : angleOf(value.previousRetention);
    const tickFrom = previous === null ? null : pointAt(previous, innerRadius - 4);
    const tickTo = previous === null ? null : pointAt(previous, outerRadius + 2);
    // The bands judge churn: on their ring, a notch marks the share of starting customers kept (1 − churn),
    // which returning customers can leave well below the retention arc's end.
    const kept = this.#keptMark(value);
    const keptFrom = kept === null ? null : pointAt(angleOf(kept), bandInner - 2);
    const keptTo = kept === null ? null : pointAt(angleOf(kept), bandOuter + 4);
    return html`<svg part="gauge" aria-hidden="true" focusable="false" width=${size} height=${size} viewBox="0 0 ${size} ${size}">
      <g transform="translate(${center} ${center})">
        ${this.activeBands.map(
          (band) => svg`<path class="band band-${band.tone}" d=${ringPath(bandInner, bandOuter, angleOf(band.from), angleOf(band.to))}></path>`,
        )}
        <path class="track" d=${ringPath(innerRadius, outerRadius, DIAL_START, DIAL_END, 3)}></path>
        ${value.retention > 0 ? svg`<path class="value-arc" d=${ringPath(innerRadius, outerRadius, DIAL_START, valueAngle, 3)}></path>` : nothing}
        ${tickFrom && tickTo ? svg`<line class="previous" x1=${tickFrom.x} y1=${tickFrom.y} x2=${tickTo.x} y2=${tickTo.y}></line>` : nothing}
        ${keptFrom && keptTo ? svg`<line class="kept" x1=${keptFrom.x} y1=${keptFrom.y} x2=${keptTo.x} y2=${keptTo.y}></line>` : nothing}
      </g>
    </svg>`;
  }

  /** Where the kept share (1 − churn) sits on the band ring, when it differs visibly from the retention arc's end. */
  #keptMark(value: GaugeModel): number | null {
    if (value.censored || value.churnMethod !== 'lost') return null;
    const kept = 1 - value.churn;
    return Math.abs(kept - Math.min(1, value.retention)) >= 0.005 ? kept : null;
  }

  #tableRows(value: GaugeModel, band: GaugeBand | undefined): string[][] {
    const f = this.format;
    const rows: string[][] = [
      [f.term('gaugePeriod'), this.#periodLabel(value)],
      [f.term('gaugeStart'), f.number(value.start)],
      [f.term('gaugeEnd'), f.number(value.end)],
      [f.term('gaugeNew'), f.number(value.new)],
    ];
    if (value.lost !== null) rows.push([f.term('gaugeLost'), f.number(value.lost)]);
    if (value.reactivated !== null) rows.push([f.term('gaugeReactivated'), f.number(value.reactivated)]);
    if (value.churnMethod === 'lost') rows.push([f.term('gaugeKept'), f.percent(1 - value.churn)]);
    const confident = this.#confident;
    const withInterval = (rate: string, interval: GaugeModel['retentionInterval']) =>
      confident && interval ? `${rate} (${f.term('trustInterval')} ${intervalText(f, interval)})` : rate;
    rows.push(
      [f.term('gaugeRetentionRate'), withInterval(f.percent(value.retention), value.retentionInterval)],
      [f.term('gaugeChurnRate'), withInterval(f.percent(value.churn), value.churnInterval)],
    );
    if (value.previousRetention !== null) rows.push([f.term('gaugePrevious'), f.percent(value.previousRetention)]);
    if (value.delta !== null) rows.push([f.term('gaugeChange'), this.#changeText(value)]);
    const verdict = this.verdict;
    if (band) {
      const benchmark =
        this.bands?.length || !verdict ? '' : ` (${f.term('gaugeBenchmark', f.percent(verdict.threshold), verdict.monthly === undefined ? '' : f.percent(verdict.monthly))})`;
      rows.push([f.term('gaugeBand'), `${this.#bandText(band)}${benchmark}`]);
    }
    const cautions = this.#cautions(value);
    if (!this.#judged(value)) rows.push([f.term('gaugeBand'), `${f.term('trustNoVerdict')}: ${cautions[0]}`]);
    else if (cautions.length) rows.push([f.term('gaugeCaution'), cautions.join('; ')]);
    if (value.windowDays !== null) rows.push([f.term('gaugeWindow'), this.#windowText(value) ?? String(value.windowDays)]);
    return rows;
  }
}
