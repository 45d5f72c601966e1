import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { HealthSignalName, HealthStatus } from '../../metrics/health.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { categoryAxis, valueAxis } from '../platform/chart-axis.ts';
import { ChartFocusController, indexMove } from '../platform/chart-focus.ts';
import { chartTooltip, TooltipPlacement, type TooltipContent } from '../platform/chart-tooltip.ts';
import { renderDataTable } from '../platform/data-table.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { numberAttribute, windowDaysAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { chartStyles, platformStyles, tooltipStyles } from '../platform/theme.styles.ts';
import { scopeLine } from '../platform/scope.ts';
import type { CustomerHealthJobOptions, CustomerHealthModel, HealthRow, HealthRowSignal } from '../../engine/jobs/customer-health.ts';
import { customerHealthStyles } from './customer-health.styles.ts';
import './customer-health.translations.ts';
import { FIRST_DIRECTION, rowWindow, scrollToRow, viewRows, type RankedRow, type SortDirection, type SortKey } from './health-table-layout.ts';
import { BAND_STATUSES, scoreBands, type ScoreBand } from './health-distribution.ts';

/** The job runs in the metrics engine (engine/jobs/customer-health.ts); the element only names it. */
const customerHealthJob = jobNamed<CustomerHealthJobOptions, CustomerHealthModel>('customer-health');

/**
 * Row height (px) assumed until a row has been measured. The real heights come
 * from the styles (`--_row`, one per layout: table or stacked cards, switched by
 * a container query) and are measured after rendering, so the virtual rows
 * follow whichever layout the element's width picks.
 */
const FALLBACK_ROW_HEIGHT = 49;

/** Height of the score distribution in px, axes included. */
const DISTRIBUTION_HEIGHT = 120;
const DISTRIBUTION_MARGIN = { top: 16, right: 8, bottom: 20, left: 32 };

/** Statuses as words (terms) and as the styles' keys. */
const STATUS_TERM = { healthy: 'healthHealthy', 'at-risk': 'healthAtRisk', lapsed: 'healthLapsed' } as const;

/** `customer-select`: a customer row was clicked or chosen with Enter/Space. */
export type CustomerSelectDetail = HealthRow;

/** `weights` attribute: JSON text, handed to the job as is so bad JSON is reported like any input. */
const weightsConverter = {
  fromAttribute(value: string | null): string | undefined {
    return value ?? undefined;
  },
};

/**
 * Whom to call first: customers scored by health (a weighted sum of their
 * recent activity), ordered by risk × value, with the score distribution
 * (how many sit where, and how many are at risk or already lapsed), the
 * signals behind each score as short labelled chips, an at-risk filter,
 * sortable columns, and a virtual table: only the rows in view are in the
 * DOM, so 20,000 customers scroll as smoothly as 20. Below 46rem of width
 * each row becomes a card and at most five cards are in view.
 *
 * Reads product activity events (login, usage, ticket, renewal, downgrade,
 * upgrade, expiry) or, when the records have no event column, a shop's orders
 * (purchase days and spend as the activity; the window then defaults to three
 * typical purchase cycles). Value is the recurring revenue of the latest
 * renewal, upgrade or downgrade with an amount, or for orders the last 365
 * days' spend; risk is the points lost below the starting score, as a share of it.
 *
 * @summary Whom to call first: customers by risk × value, the score distribution and the signals behind each score.
 *
 * @attr event-key - Column of the event (`login | usage | ticket | renewal | downgrade | upgrade | expiry`; default `event`). Records without it are read as orders.
 * @attr value-key - Column of the amount (minutes of usage, or the recurring revenue of a renewal …; default `value`). `customer-key` / `date-key` map the others; orders take `amount-key`, `quantity-key`, `price-key`, `order-key`.
 * @attr weights - JSON points per signal, merged over the defaults: `{"usage-drop":30,"dormant":40}`.
 * @attr as-of - First day no longer looked at (default: the day after the last event).
 * @attr window-days - Length of the recent window compared with the one before (default 30; orders: 3 × the median days between purchases).
 * @attr baseline - Score with no signal (default 70).
 * @attr at-risk-below - At-risk line (default 40).
 * @attr visible-rows - Rows in view before scrolling (default 10).
 * @attr at-risk-only - Show only customers at risk (the toggle).
 * @prop weights - Points per signal as an object.
 *
 * @fires customer-select - A customer was chosen: `detail` is the customer's {@link HealthRow}.
 * @fires metric-change - The scores changed: `detail.result` is a {@link CustomerHealthModel}.
 * @fires error - The input could not be used (not bubbling).
 *
 * @csspart distribution - The focusable score distribution (a bar per band of ten points).
 * @csspart band - A band's bar (also `at-risk`, `lapsed` or `healthy` per stacked part).
 * @csspart risk-line - The at-risk line across the distribution.
 * @csspart tooltip - The tooltip of a band.
 * @csspart summary - The counts: customers, at risk, lapsed.
 * @csspart order-note - What the call order is.
 * @csspart filter - The at-risk toggle.
 * @csspart band-filter - The chip of the chosen band (clears it).
 * @csspart scroller - The scroll container.
 * @csspart grid - The table.
 * @csspart chip - A signal (also `chip-bad` or `chip-good`).
 * @csspart details - Signals of the chosen customer.
 * @csspart note - The window note.
 */
export class CustomerHealth extends RetentionElement<CustomerHealthModel, CustomerHealthJobOptions> {
  static override styles = [platformStyles, chartStyles, tooltipStyles, customerHealthStyles];

  @property({ attribute: 'event-key' }) eventKey?: string;
  @property({ attribute: 'value-key' }) valueKey?: string;
  @property({ converter: weightsConverter }) weights?: Partial<Record<HealthSignalName, number>> | string;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'window-days', converter: windowDaysAttribute }) windowDays?: number;
  @property({ converter: numberAttribute({ min: 0, max: 100 }) }) baseline?: number;
  @property({ attribute: 'at-risk-below', converter: numberAttribute({ min: 0, max: 100 }) }) atRiskBelow?: number;
  @property({ attribute: 'visible-rows', converter: numberAttribute({ min: 1, max: 100, integer: true }) }) visibleRows?: number;
  @property({ attribute: 'at-risk-only', type: Boolean, reflect: true }) atRiskOnly = false;

  @state() private sortKey: SortKey = 'rank';
  @state() private sortDirection: SortDirection = 'ascending';
  /** A band of the distribution chosen to filter the list (index into the bands), or null. */
  @state() private bandFilter: number | null = null;
  /** Index into the sorted, filtered view of the row with keyboard focus. */
  @state() private activeIndex = 0;
  @state() private scrollPosition = 0;
  @state() private selected: string | null = null;
  #view?: { source: CustomerHealthModel; key: string; rows: RankedRow[] };
  #bands?: { source: CustomerHealthModel; bands: ScoreBand[] };

  /** The band of the distribution under the pointer or keyboard focus. */
  #focus = new ChartFocusController<number>(this, {
    // Start on the lowest band that holds anyone: the worst scores are what the chart is for.
    first: () => {
      const bands = this.#scoreBands();
      const index = bands.findIndex((b) => b.total > 0);
      return index >= 0 ? index : null;
    },
    move: (index, event) => indexMove(index, event, this.#scoreBands().length),
    positionAt: (event) => this.#bandUnder(event),
    isValid: (index) => index < this.#scoreBands().length,
    choose: (index) => this.#toggleBand(index),
    describe: (index) => {
      const { title, rows } = this.#bandTooltip(this.#scoreBands()[index]);
      return [title, ...rows.map(([name, value]) => `${name}: ${value}`)].join('. ');
    },
  });
  #tooltip = new TooltipPlacement(this);

  protected jobRequest(): JobRequest<CustomerHealthJobOptions, CustomerHealthModel> {
    const fields: CustomerHealthJobOptions['fields'] = {};
    if (this.customerKey) fields.customer = this.customerKey;
    if (this.dateKey) fields.date = this.dateKey;
    if (this.eventKey) fields.event = this.eventKey;
    if (this.valueKey) fields.value = this.valueKey;
    return {
      job: customerHealthJob,
      options: {
        fields,
        orderFields: this.transactionFields(),
        timeZone: this.timeZone,
        asOf: this.asOf || undefined,
        windowDays: this.windowDays,
        weights: this.weights,
        baseline: this.baseline,
        atRiskBelow: this.atRiskBelow,
      },
    };
  }

  protected label(): string {
    return this.format.term('healthLabel');
  }

  /** The subtitle: "As of Jan 1, 2025 · activity of the last 30 days · 240 customers". */
  protected override scope(model: CustomerHealthModel): string {
    const f = this.format;
    const count = model.customers.length;
    return scopeLine(
      model.asOfDay !== null && f.term('healthScopeAsOf', f.day(model.asOfDay)),
      f.term(model.source === 'orders' ? 'healthScopeOrders' : 'healthScopeWindow', model.windowDays),
      f.term('scopeCustomers', count, f.number(count)),
    );
  }

  protected summarize(model: CustomerHealthModel): string {
    const first = model.customers.find((c) => c.status !== 'lapsed');
    const parts = [`${this.label()}: ${this.#summary(model)}`, this.#orderNote(model)];
    if (first && first.risk > 0) parts.push(this.format.term('healthCallFirst', first.customer, this.#score(first.score)));
    return parts.join(' ');
  }

  #summary(model: CustomerHealthModel): string {
    const f = this.format;
    const count = model.customers.length;
    const lapsed = model.lapsedCount > 0 ? f.number(model.lapsedCount) : null;
    return f.term('healthSummary', count, f.number(count), f.number(model.atRiskCount), lapsed, f.number(model.atRiskBelow));
  }

  /** "Ordered by risk × monthly revenue …": what the call order is, in words. */
  #orderNote(model: CustomerHealthModel): string {
    const f = this.format;
    const baseline = this.#score(model.baseline);
    if (model.valueKind === 'recurring') return f.term('healthOrderRecurring', baseline);
    if (model.valueKind === 'revenue') return f.term('healthOrderRevenue', baseline);
    return f.term('healthOrderRisk', baseline);
  }

  /** The rows as shown: filtered and sorted (cached until one of those changes), each with its call rank. */
  get shownRows(): HealthRow[] {
    return this.#shown().map((r) => r.row);
  }

  #shown(): RankedRow[] {
    const model = this.result;
    if (!model) return [];
    const band = this.bandFilter === null ? null : (this.#scoreBands()[this.bandFilter] ?? null);
    const key = `${this.sortKey}|${this.sortDirection}|${this.atRiskOnly}|${this.bandFilter}`;
    if (this.#view?.source !== model || this.#view.key !== key) {
      this.#view = { source: model, key, rows: viewRows(model.customers, this.sortKey, this.sortDirection, { atRiskOnly: this.atRiskOnly, band }) };
    }
    return this.#view.rows;
  }

  #scoreBands(): ScoreBand[] {
    const model = this.result;
    if (!model) return [];
    if (this.#bands?.source !== model) this.#bands = { source: model, bands: scoreBands(model.customers) };
    return this.#bands.bands;
  }

  // ---- wording ------------------------------------------------------------------------

  #amount(value: number | undefined): string {
    return this.format.number(value ?? 0, { maximumFractionDigits: 2 });
  }

  #orders(): boolean {
    return this.result?.source === 'orders';
  }

  /** Spend as money when the data is orders (usage amounts are spend there), else as a number. */
  #usageAmount(value: number | undefined): string {
    return this.#orders() ? this.#money(value ?? 0) : this.#amount(value);
  }

  #money(value: number): string {
    return this.format.currency(value, { maximumFractionDigits: 0 });
  }

  #drop(facts: HealthRowSignal['facts']): number {
    const before = facts.previous ?? 0;
    return before > 0 ? (before - (facts.recent ?? 0)) / before : 0;
  }

  /** A signal in words, from its facts, in the element's language. */
  signalText(signal: HealthRowSignal): string {
    const f = this.format;
    const { facts } = signal;
    const orders = this.#orders();
    switch (signal.signal) {
      case 'usage-drop':
        return f.term(orders ? 'healthSpendDrop' : 'healthUsageDrop', f.percent(this.#drop(facts), 0), this.#usageAmount(facts.previous), this.#usageAmount(facts.recent));
      case 'login-drop':
        return f.term(orders ? 'healthOrderDaysDrop' : 'healthLoginDrop', f.percent(this.#drop(facts), 0), this.#amount(facts.previous), this.#amount(facts.recent));
      case 'dormant':
        return f.term(orders ? 'healthNoPurchase' : 'healthDormant', f.day(facts.day ?? 0));
      case 'expired-not-renewed':
        return f.term('healthExpired', f.day(facts.day ?? 0));
      case 'downgrade':
        return f.term('healthDowngrade', facts.count ?? 1);
      case 'tickets-silent':
        return f.term('healthTicketsSilent', facts.previous ?? 0);
      case 'renewal':
        return f.term('healthRenewal', facts.count ?? 1);
      case 'upgrade':
        return f.term('healthUpgrade', facts.count ?? 1);
    }
  }

  /** A signal as a chip: a short label and its size ("Usage −62%", "Expired Dec 12, 2024"). */
  chipText(signal: HealthRowSignal): string {
    const f = this.format;
    const { facts } = signal;
    const orders = this.#orders();
    const drop = () => f.percent(-this.#drop(facts), 0);
    switch (signal.signal) {
      case 'usage-drop':
        return f.term(orders ? 'healthChipSpend' : 'healthChipUsage', drop());
      case 'login-drop':
        return f.term(orders ? 'healthChipOrderDays' : 'healthChipLogins', drop());
      case 'dormant':
        return f.term('healthChipQuiet', f.day(facts.day ?? 0));
      case 'expired-not-renewed':
        return f.term('healthChipExpired', f.day(facts.day ?? 0));
      case 'downgrade':
        return f.term('healthChipDowngrade', facts.count ?? 1);
      case 'tickets-silent':
        return f.term('healthChipTicketsSilent');
      case 'renewal':
        return f.term('healthChipRenewal', facts.count ?? 1);
      case 'upgrade':
        return f.term('healthChipUpgrade', facts.count ?? 1);
    }
  }

  #points(value: number): string {
    return this.format.number(value, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  }

  #score(value: number): string {
    return this.format.number(value, { maximumFractionDigits: 0 });
  }

  #value(row: HealthRow): string {
    return row.value === null ? '–' : this.#money(row.value);
  }

  #status(status: HealthStatus): string {
    return this.format.term(STATUS_TERM[status]);
  }

  /** The whole of a row's signals in words with their points: the chips' title and the hidden table's cell. */
  #signalsText(row: HealthRow): string {
    if (row.signals.length === 0) return this.format.term('healthNoSignals');
    return row.signals.map((s) => `${this.signalText(s)} (${this.#points(s.contribution)})`).join('; ');
  }

  // ---- drawing ------------------------------------------------------------------------

  #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~=scroller]');
  }

  /**
   * Height of a row in the layout in use, px, measured on a rendered row: the
   * container query may have switched layouts since the last render (a resize
   * renders again, and by then the new layout is in place).
   */
  #row(): number {
    return this.renderRoot.querySelector('tr[data-row]')?.getBoundingClientRect().height || FALLBACK_ROW_HEIGHT;
  }

  /** Height of the rows' part of the scroller: all of it but the sticky header. */
  #viewport(): number {
    const scroller = this.#scroller();
    const measured = scroller ? scroller.clientHeight - this.renderRoot.querySelector('thead')!.offsetHeight : 0;
    return measured > 0 ? measured : this.#rowsInView() * this.#row();
  }

  #rowsInView(): number {
    const rows = this.visibleRows;
    return rows !== undefined && rows >= 1 ? Math.floor(rows) : 10;
  }

  protected renderMetric(model: CustomerHealthModel): TemplateResult {
    const f = this.format;
    const ranked = this.#shown();
    const total = ranked.length;
    const active = Math.min(this.activeIndex, Math.max(0, total - 1));
    const window = rowWindow(total, this.scrollPosition, this.#viewport(), this.#row());
    const focusIndex = active >= window.first && active < window.end ? active : window.first;
    const shown = ranked.slice(window.first, window.end);
    const selected = this.selected === null ? undefined : model.customers.find((c) => c.customer === this.selected);
    const lastActive = f.term('healthLastActive');
    const withValue = model.valueKind !== null;
    const valueLabel = f.term(model.valueKind === 'recurring' ? 'healthValueRecurring' : 'healthValueRevenue');
    const band = this.bandFilter === null ? undefined : this.#scoreBands()[this.bandFilter];
    // Spacers and the scroller's height are counted in rows; the styles multiply by the row height of the layout in use.
    const spacer = (rowCount: number) =>
      rowCount > 0 ? html`<tr class="spacer" aria-hidden="true" style=${cssomStyle({ '--rows': rowCount })}></tr>` : nothing;
    return html`
      <p part="summary">${this.#summary(model)}</p>
      ${this.#renderDistribution(model)}
      <div class="toolbar">
        <p part="order-note">${this.#orderNote(model)}</p>
        <span class="filters">
          ${band
            ? html`<button part="band-filter" aria-label=${f.term('healthClearBand', this.#bandName(band))} @click=${() => this.#toggleBand(this.bandFilter!)}>
                ${this.#bandName(band)} <span aria-hidden="true">×</span>
              </button>`
            : nothing}
          <button part="filter" aria-pressed=${this.atRiskOnly ? 'true' : 'false'} @click=${this.#toggleFilter}>
            ${f.term('healthAtRiskOnly', f.number(model.atRiskCount))}
          </button>
        </span>
      </div>
      <div part="scroller" class=${withValue ? 'with-value' : ''} style=${cssomStyle({ '--visible': Math.max(1, Math.min(total, this.#rowsInView())) })} @scroll=${this.#onScroll}>
        <table part="grid" role="grid" aria-label=${f.term('healthTable')} aria-rowcount=${total + 1} aria-describedby="hint" @keydown=${this.#onKeydown}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex="1">
              ${this.#header('rank', f.term('healthRank'))} ${this.#header('customer', f.term('healthCustomer'))} ${this.#header('score', f.term('healthScore'))}
              <th role="columnheader">${f.term('healthStatus')}</th>
              ${withValue ? this.#header('value', valueLabel) : nothing}
              ${this.#header('last-active', lastActive)}
              <th role="columnheader">${f.term('healthSignals')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${spacer(window.first)}
            ${repeat(
              shown,
              ({ row }) => row.customer,
              ({ row, rank }, k) => {
                const index = window.first + k;
                return html`<tr role="row" aria-rowindex=${index + 2} data-row=${index} data-status=${row.status} class=${index === active ? 'active' : ''} @click=${() => this.#choose(index)}>
                  <td role="gridcell" class="rank">${f.number(rank)}</td>
                  <th role="rowheader" tabindex=${index === focusIndex ? '0' : '-1'}>${row.customer}</th>
                  <td role="gridcell" class="score">
                    <span class="meter" aria-hidden="true"><span style=${cssomStyle({ '--score': Math.max(0, Math.min(100, row.score)) })}></span></span>
                    ${this.#score(row.score)}
                  </td>
                  <td role="gridcell" class="status">${this.#status(row.status)}</td>
                  ${withValue ? html`<td role="gridcell" class="value">${this.#value(row)}</td>` : nothing}
                  <td role="gridcell" class="last" data-label=${f.term('healthActiveShort')}>${row.lastActiveDay === null ? f.term('healthNever') : f.day(row.lastActiveDay)}</td>
                  <td role="gridcell" class="signals" title=${this.#signalsText(row)}>${this.#renderChips(row)}</td>
                </tr>`;
              },
            )}
            ${spacer(total - window.end)}
          </tbody>
        </table>
      </div>
      <p id="hint" class="visually-hidden">${f.term('healthKeyboardHint')}</p>
      ${selected ? this.#renderDetails(model, selected) : nothing}
      ${model.asOfDay !== null ? html`<p part="note">${f.term(model.windowFromData ? 'healthAsOfFromData' : 'healthAsOf', f.day(model.asOfDay - 1), model.windowDays)}</p>` : nothing}
      ${guard([model, f.wordsKey, f.currencyCode], () => this.#renderDistributionTable(model))}
    `;
  }

  /** Signals as short chips; the full sentences with points are the cell's title, the details panel and the screen reader's text. */
  #renderChips(row: HealthRow): TemplateResult {
    if (row.signals.length === 0) return html`<span class="muted">${this.format.term('healthNoSignals')}</span>`;
    // Warning signs first, then the good news; each group largest first (the metric's order).
    const signals = [...row.signals.filter((s) => s.contribution < 0), ...row.signals.filter((s) => !(s.contribution < 0))];
    return html`${signals.map(
      (s) =>
        html`<span part=${s.contribution < 0 ? 'chip chip-bad' : 'chip chip-good'} data-signal=${s.signal}
          ><span aria-hidden="true">${this.chipText(s)}</span><span class="visually-hidden">${this.signalText(s)} (${this.#points(s.contribution)})</span></span
        >`,
    )}`;
  }

  #header(key: SortKey, label: string): TemplateResult {
    const sorted = this.sortKey === key;
    return html`<th role="columnheader" class=${`col-${key}`} aria-sort=${sorted ? this.sortDirection : 'none'}>
      <button data-sort=${key} aria-label=${this.format.term('healthSortBy', label)} @click=${() => this.#sortBy(key)}>
        ${label} <span class="arrow" aria-hidden="true">${sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : ''}</span>
      </button>
    </th>`;
  }

  #renderDetails(model: CustomerHealthModel, row: HealthRow): TemplateResult {
    const f = this.format;
    return html`<section part="details" aria-live="polite">
      <h3>${f.term('healthDetails', row.customer)}: ${this.#score(row.score)} (${this.#status(row.status)})</h3>
      <ul>
        <li>${f.term('healthBaseline', this.#score(model.baseline))}</li>
        ${row.signals.map(
          (s) => html`<li>${this.signalText(s)}: <span class="points ${s.contribution < 0 ? 'bad' : 'good'}">${this.#points(s.contribution)}</span></li>`,
        )}
      </ul>
    </section>`;
  }

  // ---- the score distribution -----------------------------------------------------------

  #bandName(band: ScoreBand): string {
    return this.format.term('healthBand', this.format.number(band.low), this.format.number(band.high === 100 ? 100 : band.high - 1));
  }

  #bandTooltip(band: ScoreBand): TooltipContent {
    const f = this.format;
    return {
      title: this.#bandName(band),
      rows: [
        [f.term('healthCustomers'), f.number(band.total)],
        ...BAND_STATUSES.filter((status) => band.counts[status] > 0).map((status): [string, string] => [this.#status(status), f.number(band.counts[status])]),
      ],
    };
  }

  /** Geometry of the distribution for this result and width: the same object while neither changes, so a hover costs none. */
  #distribution?: { model: CustomerHealthModel; width: number; geometry: DistributionGeometry };

  #distributionGeometry(model: CustomerHealthModel): DistributionGeometry {
    const width = this.size.width;
    if (this.#distribution?.model === model && this.#distribution.width === width) return this.#distribution.geometry;
    const margin = DISTRIBUTION_MARGIN;
    const plotWidth = Math.max(1, width - margin.left - margin.right);
    const plotHeight = DISTRIBUTION_HEIGHT - margin.top - margin.bottom;
    const bands = this.#scoreBands();
    // Scores 0–100 across, customers up.
    const x = scaleLinear().domain([0, 100]).range([0, plotWidth]);
    const y = scaleLinear()
      .domain([0, max(bands, (b) => b.total) || 1])
      .nice(3)
      .range([plotHeight, 0]);
    const geometry: DistributionGeometry = {
      width,
      plotWidth,
      plotHeight,
      bars: bands.map((band) => {
        let base = 0;
        const left = x(band.low) + 1;
        const barWidth = Math.max(1, x(band.high) - x(band.low) - 2);
        const parts = BAND_STATUSES.map((status) => {
          const from = base;
          base += band.counts[status];
          return { status, y: y(base), height: y(from) - y(base) };
        }).filter((part) => part.height > 0);
        return { x: left, width: barWidth, top: y(band.total), parts };
      }),
      riskX: x(model.atRiskBelow),
      xTicks: [0, 20, 40, 60, 80, 100].map((v) => ({ at: x(v), label: this.format.number(v), anchor: v === 0 ? ('start' as const) : v === 100 ? ('end' as const) : ('middle' as const) })),
      yTicks: y
        .ticks(3)
        .filter(Number.isInteger)
        .map((v) => ({ at: y(v), label: this.format.number(v) })),
    };
    this.#distribution = { model, width, geometry };
    return geometry;
  }

  #renderDistribution(model: CustomerHealthModel): TemplateResult | typeof nothing {
    if (!this.size.hasSize || model.customers.length === 0) return nothing;
    const g = this.#distributionGeometry(model);
    const focus = this.#focus;
    const active = focus.active;
    const { left, top } = DISTRIBUTION_MARGIN;
    const activeBar = active === null ? undefined : g.bars[active];
    const band = active === null ? undefined : this.#scoreBands()[active];
    return html`<div
      part="distribution"
      class="chart distribution"
      tabindex="0"
      role="group"
      aria-label=${this.format.term('healthDistributionHint')}
      @keydown=${focus.onKeydown}
      @focus=${focus.onFocus}
      @blur=${focus.onBlur}
      @pointermove=${focus.onPointerMove}
      @pointerleave=${focus.onPointerLeave}
      @click=${this.#onDistributionClick}
    >
      <svg aria-hidden="true" width=${g.width} height=${DISTRIBUTION_HEIGHT} viewBox="0 0 ${g.width} ${DISTRIBUTION_HEIGHT}">
        <g transform="translate(${left},${top})">
          ${guard([g, this.bandFilter, this.format.wordsKey], () => this.#renderBars(model, g))}
          ${activeBar ? svg`<rect part="band-focus" x=${activeBar.x - 2} y="-2" width=${activeBar.width + 4} height=${g.plotHeight + 2}></rect>` : nothing}
        </g>
      </svg>
      ${activeBar && band ? chartTooltip(this.#bandTooltip(band), { x: left + activeBar.x + activeBar.width / 2, y: top + activeBar.top }) : nothing}
      ${focus.announcement()}
    </div>`;
  }

  /** Axes, the at-risk line and the stacked bars: drawn once per geometry and band filter, never on a hover. */
  #renderBars(model: CustomerHealthModel, g: DistributionGeometry): SVGTemplateResult {
    return svg`${valueAxis(g.yTicks, g.plotWidth)}${categoryAxis(g.xTicks, g.plotHeight)}
      ${g.bars.map(
        (bar, index) => svg`<g data-band=${index} class=${this.bandFilter !== null && this.bandFilter !== index ? 'dimmed' : ''}>
          <rect class="hit" x=${bar.x - 1} y="0" width=${bar.width + 2} height=${g.plotHeight}></rect>
          ${bar.parts.map((part) => svg`<rect part=${`band ${part.status}`} x=${bar.x} y=${part.y} width=${bar.width} height=${part.height}></rect>`)}
        </g>`,
      )}
      <line part="risk-line" x1=${g.riskX} x2=${g.riskX} y1="-4" y2=${g.plotHeight}></line>
      <text part="risk-label" x=${g.riskX} y="-6" text-anchor=${g.riskX > g.plotWidth / 2 ? 'end' : 'start'}>${this.format.term('healthRiskLine', this.format.number(model.atRiskBelow))}</text>`;
  }

  #renderDistributionTable(model: CustomerHealthModel): TemplateResult {
    const f = this.format;
    return renderDataTable(
      f.term('healthDistributionTable'),
      [{ label: f.term('healthScore') }, { label: f.term('healthCustomers'), numeric: true }, ...BAND_STATUSES.map((status) => ({ label: this.#status(status), numeric: true }))],
      this.#scoreBands().map((band) => [this.#bandName(band), f.number(band.total), ...BAND_STATUSES.map((status) => f.number(band.counts[status]))]),
    );
  }

  #bandUnder(event: Event): number | null {
    const group = (event.composedPath()[0] as Element | undefined)?.closest?.('[data-band]');
    return group ? Number((group as SVGElement).dataset.band) : null;
  }

  #onDistributionClick = (event: MouseEvent) => {
    const index = this.#bandUnder(event);
    if (index === null) return;
    this.#focus.set(index);
    this.#toggleBand(index);
  };

  /** Filters the list to a band of the distribution, or back to every score when it already was. */
  #toggleBand(index: number): void {
    this.bandFilter = this.bandFilter === index ? null : index;
    this.#resetPosition();
  }

  // ---- interaction --------------------------------------------------------------------

  #toggleFilter = () => {
    this.atRiskOnly = !this.atRiskOnly;
    this.#resetPosition();
  };

  #sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = FIRST_DIRECTION[key];
    }
    this.#resetPosition();
  }

  #resetPosition(): void {
    this.activeIndex = 0;
    this.scrollPosition = 0;
    const scroller = this.#scroller();
    if (scroller) scroller.scrollTop = 0;
  }

  #onScroll = (event: Event) => {
    this.scrollPosition = (event.currentTarget as HTMLElement).scrollTop;
  };

  #choose(index: number): void {
    const row = this.shownRows[index];
    if (!row) return;
    this.activeIndex = index;
    this.selected = row.customer;
    emit<CustomerSelectDetail>(this, 'customer-select', row);
  }

  /** Moves the keyboard focus to row `index`, scrolling it into view first. */
  async #moveTo(index: number): Promise<void> {
    const total = this.shownRows.length;
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    this.activeIndex = next;
    const scroller = this.#scroller();
    if (scroller) {
      const top = scrollToRow(next, scroller.scrollTop, this.#viewport(), this.#row());
      if (top !== scroller.scrollTop) scroller.scrollTop = top;
      this.scrollPosition = scroller.scrollTop;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-row="${next}"] th`)?.focus({ preventScroll: true });
  }

  #onKeydown = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    const row = target instanceof HTMLElement ? target.closest('tbody tr') : null;
    if (!(row instanceof HTMLElement)) return;
    // The row that has the focus, which may not be the last one chosen (after scrolling, Tab focuses a row in view).
    const current = Number(row.dataset.row);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#choose(current);
      return;
    }
    if (event.key === 'Escape') {
      this.selected = null;
      return;
    }
    // Page keys move by what the scroller shows; every other key as in every chart of the kit (a list read top down).
    const page = Math.max(1, Math.floor(this.#viewport() / this.#row()) - 1);
    const next =
      event.key === 'PageDown' ? current + page : event.key === 'PageUp' ? current - page : indexMove(current, event, this.shownRows.length, 'y');
    if (next === undefined) return;
    event.preventDefault();
    void this.#moveTo(next);
  };
}

/** What one (result, width) draws of the distribution. */
interface DistributionGeometry {
  width: number;
  plotWidth: number;
  plotHeight: number;
  bars: { x: number; width: number; top: number; parts: { status: HealthStatus; y: number; height: number }[] }[];
  riskX: number;
  xTicks: { at: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  yTicks: { at: number; label: string }[];
}
