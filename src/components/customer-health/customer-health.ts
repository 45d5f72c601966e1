import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HealthSignalName } from '../../metrics/health.ts';
import { cssomStyle } from '../platform/cssom-style.ts';
import { emit } from '../platform/events.ts';
import { jobNamed } from '../platform/jobs.ts';
import { numberAttribute, windowDaysAttribute } from '../platform/attribute-rules.ts';
import { RetentionElement, type JobRequest } from '../platform/retention-element.ts';
import { platformStyles } from '../platform/theme.styles.ts';
import { scopeLine } from '../platform/scope.ts';
import type { CustomerHealthJobOptions, CustomerHealthModel, HealthRow, HealthRowSignal } from '../../engine/jobs/customer-health.ts';
import { customerHealthStyles } from './customer-health.styles.ts';
import './customer-health.translations.ts';
import { FIRST_DIRECTION, rowWindow, scrollToRow, viewRows, type SortDirection, type SortKey } from './health-table-layout.ts';

/** The job runs in the metrics engine (engine/jobs/customer-health.ts); the element only names it. */
const customerHealthJob = jobNamed<CustomerHealthJobOptions, CustomerHealthModel>('customer-health');

/**
 * Row height (px) assumed until a row has been measured. The real heights come
 * from the styles (`--_row`, one per layout: table or stacked cards, switched by
 * a container query) and are measured after rendering, so the virtual rows
 * follow whichever layout the element's width picks.
 */
const FALLBACK_ROW_HEIGHT = 49;

/** `customer-select`: a customer row was clicked or chosen with Enter/Space. */
export type CustomerSelectDetail = HealthRow;

/** `weights` attribute: JSON text, handed to the job as is so bad JSON is reported like any input. */
const weightsConverter = {
  fromAttribute(value: string | null): string | undefined {
    return value ?? undefined;
  },
};

/**
 * Customers ranked by a health score (a weighted sum of their recent
 * activity), with the churn signals that drove each score, an at-risk filter,
 * sortable columns, and a virtual table: only the rows in view are in the
 * DOM, so 20,000 customers scroll as smoothly as 20. Below 46rem of width
 * each row becomes a card (customer, score and status; last active; signals)
 * and at most five cards are in view.
 *
 * @summary Customers by health score, with the signals behind it.
 *
 * @attr event-key - Column of the event (`login | usage | ticket | renewal | downgrade | upgrade | expiry`; default `event`).
 * @attr value-key - Column of the amount (minutes of usage …; default `value`). `customer-key` / `date-key` map the others.
 * @attr weights - JSON points per signal, merged over the defaults: `{"usage-drop":30,"dormant":40}`.
 * @attr as-of - First day no longer looked at (default: the day after the last event).
 * @attr window-days - Length of the recent window compared with the one before (default 30).
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
 * @csspart filter - The at-risk toggle.
 * @csspart scroller - The scroll container.
 * @csspart grid - The table.
 * @csspart details - Signals of the chosen customer.
 * @csspart note - The window note.
 */
export class CustomerHealth extends RetentionElement<CustomerHealthModel, CustomerHealthJobOptions> {
  static override styles = [platformStyles, customerHealthStyles];

  @property({ attribute: 'event-key' }) eventKey?: string;
  @property({ attribute: 'value-key' }) valueKey?: string;
  @property({ converter: weightsConverter }) weights?: Partial<Record<HealthSignalName, number>> | string;
  @property({ attribute: 'as-of' }) asOf?: string;
  @property({ attribute: 'window-days', converter: windowDaysAttribute }) windowDays?: number;
  @property({ converter: numberAttribute({ min: 0, max: 100 }) }) baseline?: number;
  @property({ attribute: 'at-risk-below', converter: numberAttribute({ min: 0, max: 100 }) }) atRiskBelow?: number;
  @property({ attribute: 'visible-rows', converter: numberAttribute({ min: 1, max: 100, integer: true }) }) visibleRows?: number;
  @property({ attribute: 'at-risk-only', type: Boolean, reflect: true }) atRiskOnly = false;

  @state() private sortKey: SortKey = 'score';
  @state() private sortDirection: SortDirection = 'ascending';
  /** Index into the sorted, filtered view of the row with keyboard focus. */
  @state() private activeIndex = 0;
  @state() private scrollPosition = 0;
  @state() private selected: string | null = null;
  #view?: { source: CustomerHealthModel; key: string; rows: HealthRow[] };

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

  /** The subtitle: "As of 31 Mar 2024 · last 90 days of activity · 7 customers". */
  protected override scope(model: CustomerHealthModel): string {
    const f = this.format;
    const count = model.customers.length;
    return scopeLine(
      model.asOfDay !== null && f.term('healthScopeAsOf', f.day(model.asOfDay)),
      f.term('healthScopeWindow', model.windowDays),
      f.term('scopeCustomers', count, f.number(count)),
    );
  }

  protected summarize(model: CustomerHealthModel): string {
    return `${this.label()}: ${this.#summary(model)}`;
  }

  #summary(model: CustomerHealthModel): string {
    return this.format.term('healthSummary', model.customers.length, model.atRiskCount, this.format.number(model.atRiskBelow));
  }

  /** The rows as shown: filtered and sorted (cached until one of those changes). */
  get shownRows(): HealthRow[] {
    const model = this.result;
    if (!model) return [];
    const key = `${this.sortKey}|${this.sortDirection}|${this.atRiskOnly}`;
    if (this.#view?.source !== model || this.#view.key !== key) {
      this.#view = { source: model, key, rows: viewRows(model.customers, this.sortKey, this.sortDirection, this.atRiskOnly) };
    }
    return this.#view.rows;
  }

  // ---- wording ------------------------------------------------------------------------

  #amount(value: number | undefined): string {
    return this.format.number(value ?? 0, { maximumFractionDigits: 2 });
  }

  /** A signal in words, from its facts, in the element's language. */
  signalText(signal: HealthRowSignal): string {
    const f = this.format;
    const { facts } = signal;
    switch (signal.signal) {
      case 'usage-drop':
      case 'login-drop': {
        const before = facts.previous ?? 0;
        const drop = before > 0 ? (before - (facts.recent ?? 0)) / before : 0;
        const term = signal.signal === 'usage-drop' ? 'healthUsageDrop' : 'healthLoginDrop';
        return f.term(term, f.percent(drop, 0), this.#amount(facts.previous), this.#amount(facts.recent));
      }
      case 'dormant':
        return f.term('healthDormant', f.day(facts.day ?? 0));
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

  #points(value: number): string {
    return this.format.number(value, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  }

  #score(value: number): string {
    return this.format.number(value, { maximumFractionDigits: 0 });
  }

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
    const rows = this.shownRows;
    const total = rows.length;
    const active = Math.min(this.activeIndex, Math.max(0, total - 1));
    const window = rowWindow(total, this.scrollPosition, this.#viewport(), this.#row());
    const focusIndex = active >= window.first && active < window.end ? active : window.first;
    const shown = rows.slice(window.first, window.end);
    const selected = this.selected === null ? undefined : model.customers.find((c) => c.customer === this.selected);
    const lastActive = f.term('healthLastActive');
    // Spacers and the scroller's height are counted in rows; the styles multiply by the row height of the layout in use.
    const spacer = (rowCount: number) =>
      rowCount > 0 ? html`<tr class="spacer" aria-hidden="true" style=${cssomStyle({ '--rows': rowCount })}></tr>` : nothing;
    return html`
      <div class="toolbar">
        <span part="summary">${this.#summary(model)}</span>
        <button part="filter" aria-pressed=${this.atRiskOnly ? 'true' : 'false'} @click=${this.#toggleFilter}>
          ${f.term('healthAtRiskOnly', model.atRiskCount)}
        </button>
      </div>
      <div part="scroller" style=${cssomStyle({ '--visible': Math.max(1, Math.min(total, this.#rowsInView())) })} @scroll=${this.#onScroll}>
        <table part="grid" role="grid" aria-label=${f.term('healthTable')} aria-rowcount=${total + 1} aria-describedby="hint" @keydown=${this.#onKeydown}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex="1">
              ${this.#header('customer', f.term('healthCustomer'))} ${this.#header('score', f.term('healthScore'))}
              <th role="columnheader">${f.term('healthStatus')}</th>
              ${this.#header('last-active', lastActive)}
              <th role="columnheader">${f.term('healthSignals')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${spacer(window.first)}
            ${repeat(
              shown,
              (row) => row.customer,
              (row, k) => {
                const index = window.first + k;
                const signals = this.#signalsText(row);
                return html`<tr role="row" aria-rowindex=${index + 2} data-row=${index} class="${row.atRisk ? 'at-risk' : ''} ${index === active ? 'active' : ''}" @click=${() => this.#choose(index)}>
                  <th role="rowheader" tabindex=${index === focusIndex ? '0' : '-1'}>${row.customer}</th>
                  <td role="gridcell">
                    <span class="meter" aria-hidden="true"><span style=${cssomStyle({ '--score': Math.max(0, Math.min(100, row.score)) })}></span></span>
                    ${this.#score(row.score)}
                  </td>
                  <td role="gridcell" class="status">${f.term(row.atRisk ? 'healthAtRisk' : 'healthHealthy')}</td>
                  <td role="gridcell" class="last" data-label=${lastActive}>${row.lastActiveDay === null ? f.term('healthNever') : f.day(row.lastActiveDay)}</td>
                  <td role="gridcell" class="signals ${row.signals.length ? '' : 'muted'}" title=${signals}>${signals}</td>
                </tr>`;
              },
            )}
            ${spacer(total - window.end)}
          </tbody>
        </table>
      </div>
      <p id="hint" class="visually-hidden">${f.term('healthKeyboardHint')}</p>
      ${selected ? this.#renderDetails(model, selected) : nothing}
      ${model.asOfDay !== null ? html`<p part="note">${f.term('healthAsOf', f.day(model.asOfDay - 1), model.windowDays)}</p>` : nothing}
    `;
  }

  #header(key: SortKey, label: string): TemplateResult {
    const sorted = this.sortKey === key;
    return html`<th role="columnheader" aria-sort=${sorted ? this.sortDirection : 'none'}>
      <button data-sort=${key} aria-label=${this.format.term('healthSortBy', label)} @click=${() => this.#sortBy(key)}>
        ${label} <span class="arrow" aria-hidden="true">${sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : ''}</span>
      </button>
    </th>`;
  }

  #renderDetails(model: CustomerHealthModel, row: HealthRow): TemplateResult {
    const f = this.format;
    return html`<section part="details" aria-live="polite">
      <h3>${f.term('healthDetails', row.customer)}: ${this.#score(row.score)} (${f.term(row.atRisk ? 'healthAtRisk' : 'healthHealthy')})</h3>
      <ul>
        <li>${f.term('healthBaseline', this.#score(model.baseline))}</li>
        ${row.signals.map(
          (s) => html`<li>${this.signalText(s)}: <span class="points ${s.contribution < 0 ? 'bad' : 'good'}">${this.#points(s.contribution)}</span></li>`,
        )}
      </ul>
    </section>`;
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
    const page = Math.max(1, Math.floor(this.#viewport() / this.#row()) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: this.shownRows.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#choose(current);
      return;
    }
    if (event.key === 'Escape') {
      this.selected = null;
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.#moveTo(next);
  };
}
