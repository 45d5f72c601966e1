/**
 * The base class of every Retention Kit element. It owns everything an element
 * shares with the others, so an element only says what it computes (a job and
 * its options), and how it draws the answer:
 *
 * - input routes, in this order of precedence: the `data` property or JSON
 *   attribute, `src` (JSON or CSV by content type / extension), `source="ID"`
 *   (a shared `<retention-source>`), an inline `<script type="application/json">`
 *   (or `type="text/csv"`) child; plus {@link plainRequest} for elements that can
 *   work from a few number attributes;
 * - loading with abort and sequence numbers (a slow old answer never wins),
 *   download progress, computation in the metrics worker (or, where none can
 *   start, the same metrics module loaded into the page);
 * - error display (part="message") and the `error` event, warnings
 *   (part="notice" and the `warnings` property), `metric-change` on a real change;
 * - size (ResizeController), locale and formatting (`lang`, `currency`), theme
 *   (the page's `color-scheme`, or `theme="light|dark|auto"`), host role and aria-label;
 * - the header: a title (`heading`, else {@link label}) and a subtitle saying
 *   what the chart covers ({@link scope}), above what the element draws.
 *
 * Nothing touches `document` or `window` at import time or in the constructor.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { InputError, InputWarning } from '../../metrics/issues.ts';
import type { TransactionFields } from '../../metrics/read/transactions.ts';
import type { ReadingOptions } from '../../metrics/read/reading.ts';
import type { SubscriptionField } from '../../metrics/subscriptions.ts';
import { KIT_VERSION } from './define.ts';
import { compute, warmEngine, type ComputeMode } from './compute.ts';
import { LatestRun } from './latest-run.ts';
import { DOWNLOAD_STALL_SECONDS, loadError, type ElementError, type LoadError } from './errors.ts';
import { emit, type MetricChangeDetail } from './events.ts';
import { withDelimiter, type RawInput } from './input.ts';
import type { Job } from './jobs.ts';
import { Formatter, LocaleController } from './locale.ts';
import { warningText } from './warning-text.ts';
import { keepAxisLabelsInside } from './axis-labels.ts';
import { ResizeController } from './resize-controller.ts';
import { inTurn } from './update-slices.ts';
import { TranslationController } from './translation-controller.ts';
import { watchSource, type SourceSnapshot } from './source-hub.ts';
import { platformStyles } from './theme.styles.ts';
import { litPolicyRefused } from './lit-policy.ts';
import { checkedPropertiesOf, refusedAttributeWarning, type AttributeExpectation } from './attribute-rules.ts';
import { csvOf, downloadExport, pictureOf, pngOf, type CsvOptions, type ExportSubject, type PngOptions } from './chart-export.ts';
import { ExportMenu, exportAttribute, type ExportFormat } from './export-menu.ts';
import type { Attachments, DownloadProgress, Outcome } from '../../engine/protocol.ts';
import './translations/index.ts';

export type { Outcome } from '../../engine/protocol.ts';

/** A `data` attribute that is not valid JSON, kept so the element can say so. */
export class MalformedJson {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

/** Page authors' refused attribute values already reported in the console, once each ("tag attr=value"). */
const consoleReported = new Set<string>();

/** A load error in the element's language: what went wrong with which URL. */
function loadErrorText(error: LoadError, f: Formatter): string {
  switch (error.reason) {
    case 'http':
      return f.term('errorHttp', error.status ?? 0, error.origin);
    case 'network':
      return f.term('errorNetwork', error.origin);
    case 'source-missing':
      return f.term('errorSourceMissing', error.origin);
    case 'not-data':
      return f.term('errorNotData', error.origin);
    case 'binary':
      return f.term('errorBinary', error.origin);
    case 'empty':
      return f.term('errorEmpty', error.origin);
    case 'timeout':
      return f.term('errorTimeout', error.origin, DOWNLOAD_STALL_SECONDS);
    case 'parse':
      return f.term('errorParse', error.origin, error.message);
  }
}

/** Reads the `data` attribute; never throws (bad JSON becomes a {@link MalformedJson} to report). */
export const jsonAttributeConverter = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value);
    } catch (cause) {
      return new MalformedJson(value, cause instanceof Error ? cause.message : String(cause));
    }
  },
};

export type ElementStatus = 'idle' | 'loading' | 'computing' | 'ready' | 'error';

/** What an element asks the platform to compute: a registered job and its (cloneable) options. */
export interface JobRequest<Options, Value> {
  job: Job<Options, Value>;
  options: Options;
  /** Further inputs the job reads, by option name: the engine loads each (a URL once for everyone) and puts its records there. */
  attachments?: Attachments;
}

/** How long an element waits for the `<retention-source>` its `source` names before saying it is missing. */
export const SOURCE_WAIT_MS = 5000;

/** What a plain-attribute job gets as records: none (its options hold the figures). */
const ATTRIBUTES_INPUT: RawInput = { kind: 'rows', rows: null, origin: 'the attributes' };

type Route =
  | { kind: 'none' }
  | { kind: 'data'; value: unknown }
  | { kind: 'src'; url: string }
  | { kind: 'source'; id: string }
  | { kind: 'inline'; text: string; format: 'json' | 'csv' };

/**
 * @csspart export-menu - The export menu in the header (with the `export` attribute).
 * @csspart export-menu-button - Its button (aria-haspopup="menu").
 * @csspart export-menu-list - The list of formats (role="menu").
 * @csspart export-menu-item - One format (role="menuitem").
 * @csspart export-menu-error - Why the last export failed (role="alert").
 */
export abstract class RetentionElement<Value = unknown, Options = unknown> extends LitElement {
  static kitVersion = KIT_VERSION;
  static override styles = [platformStyles];

  /** Records (array of objects) or a pre-aggregated object. The attribute takes JSON. */
  @property({ attribute: 'data', converter: jsonAttributeConverter }) data: unknown;
  /** URL of a JSON or CSV file. Changing it aborts the previous download. */
  @property({ reflect: true }) src?: string;
  /** Id of a `<retention-source>` on the page that downloads the data once for every widget. */
  @property({ reflect: true }) source?: string;

  /** Column of the customer id in the records (default `customer`). */
  @property({ attribute: 'customer-key' }) customerKey?: string;
  /** Column of the date (default `date`). */
  @property({ attribute: 'date-key' }) dateKey?: string;
  /** Column of the amount (default `amount`). */
  @property({ attribute: 'amount-key' }) amountKey?: string;
  /** Column of the quantity (optional). */
  @property({ attribute: 'quantity-key' }) quantityKey?: string;
  /** Column of the unit price: amount = quantity × price (optional). */
  @property({ attribute: 'price-key' }) priceKey?: string;
  /** Column of the order / invoice id (optional). */
  @property({ attribute: 'order-key' }) orderKey?: string;
  /** Column of the transaction type or payment status (optional); `type-map` says what its words mean. */
  @property({ attribute: 'type-key' }) typeKey?: string;
  /** Column of the money refunded on the row's order (Shopify's `Refunded Amount`): netted once per order (optional). */
  @property({ attribute: 'refund-key' }) refundKey?: string;
  /** Column of the currency code (optional): several currencies are never summed; `currency` picks the one shown. */
  @property({ attribute: 'currency-key' }) currencyKey?: string;
  /** Column of a subscription's start date (subscription records). */
  @property({ attribute: 'start-key' }) startKey?: string;
  /** Column of a subscription's end or cancellation date (subscription records; blank = still running). */
  @property({ attribute: 'end-key' }) endKey?: string;
  /** Column of a subscription's recurring revenue per month (subscription records). */
  @property({ attribute: 'mrr-key' }) mrrKey?: string;
  /** Column of a subscription's plan (subscription records, optional). */
  @property({ attribute: 'plan-key' }) planKey?: string;
  /**
   * A platform export as downloaded: `shopify-orders`, `stripe-payments`, `stripe-subscriptions`,
   * `etsy-orders`, `woocommerce-orders` or `events`. Sets the column mapping, date format and status
   * words of that export; any `*-key`, `date-format` or `type-map` given as well wins.
   */
  @property({ reflect: true }) preset?: string;
  /** How dates are written: `auto` (default: ISO 8601, epoch, and day- or month-first inferred per column), `DD/MM/YYYY`, `MM/DD/YY HH:mm`, `unix-s` … */
  @property({ attribute: 'date-format' }) dateFormat?: string;
  /** Decimal mark of money and quantity cells: `.` or `,` (default: inferred per column; `,` for a `;`-separated file). */
  @property() decimal?: string;
  /** `order` when the amount column holds each order's total (repeated on its lines or written on the first): counted once per order. Default `line`; presets set it. */
  @property({ attribute: 'amount-per' }) amountPer?: string;
  /** CSV delimiter: `,` `;` `tab` or `|` (default: detected from the header line). */
  @property() delimiter?: string;
  /** What the words of the type/status column mean, as JSON: `{"paid":"purchase","refunded":"refund","failed":"ignore"}`. */
  @property({ attribute: 'type-map', converter: jsonAttributeConverter }) typeMap?: unknown;
  /** IANA time zone that instants are bucketed in (default UTC). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** ISO 4217 code for money values (default USD). */
  @property({ reflect: true }) currency?: string;
  /**
   * Unset (default): follow the page's `color-scheme` (light unless the page declares dark; with
   * `light dark`, the system's setting). `auto`: the system's setting whatever the page says.
   * `light` or `dark`: that one.
   */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';
  /**
   * The title above the chart. Unset: what the element shows ({@link label}). Empty (`heading=""`):
   * no title and no subtitle, for a page that titles the chart itself.
   */
  @property() heading?: string;
  /**
   * The export menu in the header and the formats it offers: `export="csv png svg"` (any of them,
   * in that order); a bare `export` offers all three. Absent: no menu. toCSV(), toSVG(), toPNG()
   * and download() work either way.
   */
  @property({ attribute: 'export', converter: exportAttribute }) exportFormats?: readonly ExportFormat[];
  /** Where computations run: `auto` (the shared metrics worker; the page when no worker can start), `worker`, or `inline` (the page, as one lazily loaded module). */
  @property({ attribute: 'compute' }) computeMode: ComputeMode = 'auto';

  /** Where the element is: loading, computing, ready or error. */
  @state() status: ElementStatus = 'idle';
  /** The last computed metric (undefined before the first result or after an error). */
  @state() result?: Value;
  /** Why the metric could not be shown, if it could not. */
  @state() error?: ElementError;
  /**
   * Notes about the input (rows left out, zero amounts …) from the last computation, after
   * any attribute value the element refused (`invalid-attribute`: the default applies).
   */
  @state() warnings: InputWarning[] = [];
  /** Refused attribute values by attribute name; `warnings` starts with them. */
  #refusedAttributes = new Map<string, InputWarning>();
  /** The last computation's warnings. */
  #dataWarnings: InputWarning[] = [];
  /** Inside update(), where Lit reflects properties to attributes. */
  #updating = false;
  /** Where the last job ran. */
  ranIn?: 'worker' | 'inline';

  @state() protected loadProgress?: DownloadProgress;
  @state() protected computeProgress?: number;

  protected readonly size = new ResizeController(this);
  protected readonly localeController = new LocaleController(this);
  protected readonly translationController = new TranslationController(this);
  readonly #exportMenu = new ExportMenu(this, (format) => this.download(format));

  #inline?: { text: string; format: 'json' | 'csv' };
  #childObserver?: MutationObserver;
  #input?: RawInput;
  #inputKey?: unknown;
  #inputVersion = 0;
  #routeKey?: unknown;
  readonly #computation = new LatestRun();
  #computedKey?: string;
  #unwatchSource?: () => void;
  #watchedSource?: string;
  #source?: SourceSnapshot;
  #sourceWait?: ReturnType<typeof setTimeout>;
  /** The named source did not appear in time: the element says so until it does. */
  #sourceMissing = false;
  #lastValueJson?: string;
  /** The currency the data's money is in, when it says (a currency column). */
  #dataCurrency?: string;
  #queuedEvents: Array<() => void> = [];

  // ---- what an element provides ---------------------------------------------------------

  /**
   * The job to run over records, with its options; called on every update and
   * compared by value, so return fresh plain objects freely. Return undefined
   * when the element has nothing to compute from records.
   */
  protected abstract jobRequest(): JobRequest<Options, Value> | undefined;

  /**
   * A job over plain attributes (numbers a CMS user typed) instead of records,
   * used when no data route is set; its options carry the figures. It runs in
   * the metrics engine like any job, so the page never carries the metrics and
   * their schemas. Default: none.
   */
  // The figures' shape is the element's own business: any options type, checked where the job is named.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected plainRequest(): JobRequest<any, Value> | undefined {
    return undefined;
  }

  /** Draws the metric. Only called with a value; check `this.size.hasSize` before drawing charts. */
  protected abstract renderMetric(value: Value): TemplateResult | typeof nothing;

  /** A one- or two-sentence text summary of the value: the host's aria-label. */
  protected abstract summarize(value: Value): string;

  /** A short name of what the element shows ("Customer retention"): the default title, and the aria-label while there is no value. */
  protected abstract label(): string;

  /**
   * The subtitle: what the shown value covers — period, granularity, what is
   * counted ("Monthly cohorts · Jan 2023 – Dec 2024 · 2,140 customers"). Join
   * parts with `scopeLine` (scope.ts). Default: none.
   */
  protected scope(_value: Value): string {
    return '';
  }

  // ---- helpers for elements -------------------------------------------------------------

  /** Locale-bound formatting for the element's `lang` and `currency`. */
  get format(): Formatter {
    return new Formatter(this.localeController.lang, this.currency || this.#dataCurrency || 'USD');
  }

  /** The nearest `lang` (element, ancestors, document), default `en`. */
  get resolvedLang(): string {
    return this.localeController.lang;
  }

  /** The field mapping attributes as the metrics layer's TransactionFields. */
  protected transactionFields(): TransactionFields {
    const fields: TransactionFields = {};
    if (this.customerKey) fields.customer = this.customerKey;
    if (this.dateKey) fields.date = this.dateKey;
    if (this.amountKey) fields.amount = this.amountKey;
    if (this.quantityKey) fields.quantity = this.quantityKey;
    if (this.priceKey) fields.unitPrice = this.priceKey;
    if (this.orderKey) fields.order = this.orderKey;
    if (this.typeKey) fields.type = this.typeKey;
    if (this.refundKey) fields.refund = this.refundKey;
    if (this.currencyKey) fields.currency = this.currencyKey;
    return fields;
  }

  /** The subscription mapping attributes, for elements that read subscription records. */
  protected subscriptionFields(): Partial<Record<SubscriptionField, string>> {
    return { customer: this.customerKey, start: this.startKey, end: this.endKey, mrr: this.mrrKey, plan: this.planKey };
  }

  /** How the file is written (preset, date format, decimal mark, status words, currency): sent with every job. */
  protected readingOptions(): ReadingOptions {
    const reading: ReadingOptions = {};
    if (this.preset) reading.preset = this.preset;
    if (this.dateFormat) reading.dateFormat = this.dateFormat;
    if (this.decimal) reading.decimal = this.decimal;
    // A malformed JSON attribute is passed on as its text, for the engine to name.
    if (this.typeMap !== undefined) reading.typeMap = (this.typeMap instanceof MalformedJson ? this.typeMap.text : this.typeMap) as Record<string, string>;
    // The shown currency changes a result only when the data has a currency column to pick rows by;
    // otherwise it is formatting, made in the page, and changing it must not recompute.
    if (this.currency && (this.currencyKey || this.preset)) reading.currency = this.currency;
    if (this.amountPer) reading.amountPer = this.amountPer;
    return reading;
  }

  /** Whether any record route (data, src, source, inline script) is set. */
  protected get hasDataRoute(): boolean {
    return this.#route().kind !== 'none';
  }

  /** True when the user asked for less motion: skip transitions in JS-driven animation. */
  protected get prefersReducedMotion(): boolean {
    return typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** Queues a typed, composed, bubbling event to fire after the current render. */
  protected queueEvent<T>(type: string, detail: T): void {
    this.#queuedEvents.push(() => emit(this, type, detail));
    this.requestUpdate();
  }

  /** Recomputes now (e.g. after `registerTranslation` or when a job's own input changed). */
  refresh(): void {
    this.#computedKey = undefined;
    this.requestUpdate();
  }

  // ---- export of what is shown (chart-export.ts) --------------------------------------------

  /**
   * The data shown, as CSV: title and scope rows, then each data table under its caption, numbers
   * plain with their unit in the column header. Throws an ExportError before there is a result.
   */
  toCSV(options?: CsvOptions): string {
    return csvOf(this.#exportSubject(), options);
  }

  /**
   * The picture shown, as an SVG document with its title and scope, colours and fonts resolved.
   * A promise: the picture code loads on the first use.
   */
  async toSVG(): Promise<string> {
    return (await pictureOf(this.#exportSubject())).svg;
  }

  /** The picture shown as a PNG, at the screen's pixel ratio and at least 2×. Needs `blob:` in a CSP's img-src. */
  toPNG(options?: PngOptions): Promise<Blob> {
    try {
      return pngOf(this.#exportSubject(), options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Saves the CSV, SVG or PNG as a file named after the title and scope (what the export menu does). */
  download(format: ExportFormat): Promise<void> {
    try {
      return downloadExport(this.#exportSubject(), format);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #exportSubject(): ExportSubject {
    // What the methods read is the rendered DOM: bring it up to date with the state first.
    if (this.isUpdatePending && this.hasUpdated) this.performUpdate();
    const ready = this.status === 'ready' && this.result !== undefined;
    return {
      tag: this.localName,
      host: this,
      root: this.renderRoot,
      heading: { title: this.shownTitle || this.label(), scope: ready ? this.scope(this.result!) : '' },
      format: this.format,
      ready,
    };
  }

  // ---- lifecycle ------------------------------------------------------------------------

  /**
   * An attribute with a checked converter (attribute-rules.ts) that refuses the page's value
   * converts to the default; this is where the element says so: in `warnings`, the notice, and
   * once in the console.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // Lit writing a reflected property back (the default that replaced a refused value) is not the page's word.
    if (!this.#updating) this.#setByAttribute.add(name);
    super.attributeChangedCallback(name, old, value);
    if (this.#updating) return;
    const converter = checkedPropertiesOf(this.constructor as typeof LitElement).get(name)?.converter;
    if (!converter) return;
    const expected = value === null ? null : converter.refusal(value);
    if (expected === null) this.#accept(name);
    else this.#refuse(name, value!, expected);
  }

  /** Attributes whose property was set through them since the last update (checked above). */
  #setByAttribute = new Set<string>();

  /**
   * React 19 and Vue 3 set properties, not attributes: `height={20}` never passes the
   * attribute's converter. A property set that way gets the attribute's rule here, with the
   * same reading (`threshold="none"` is no threshold), warning and fallback.
   */
  #checkPropertiesSetDirectly(changed: PropertyValues<this>): void {
    const byAttribute = this.#setByAttribute;
    this.#setByAttribute = new Set();
    for (const { property, attribute, converter } of checkedPropertiesOf(this.constructor as typeof LitElement).values()) {
      if (!(changed as Map<PropertyKey, unknown>).has(property) || byAttribute.has(attribute) || converter.readsPropertiesItself) continue;
      const own = this as unknown as Record<PropertyKey, unknown>;
      const value = own[property];
      if (typeof value !== 'string' && typeof value !== 'number') {
        this.#accept(attribute);
        continue;
      }
      const text = String(value);
      const expected = converter.refusal(text);
      // Read as the attribute would be: a refused value becomes the default, a word its meaning.
      const read = converter.fromAttribute!(text, undefined);
      if (!Object.is(read, value)) own[property] = read;
      if (expected === null) this.#accept(attribute);
      else this.#refuse(attribute, text, expected);
    }
  }

  #accept(attribute: string): void {
    if (this.#refusedAttributes.delete(attribute)) this.#showWarnings();
  }

  #refuse(attribute: string, value: string, expected: AttributeExpectation): void {
    const warning = refusedAttributeWarning(attribute, value, expected);
    this.#refusedAttributes.set(attribute, warning);
    this.#showWarnings();
    const key = `${this.localName} ${attribute}=${value}`;
    if (!consoleReported.has(key)) {
      consoleReported.add(key);
      console.warn(`<${this.localName}> ${warning.message}`);
    }
  }

  #showWarnings(): void {
    this.warnings = [...this.#refusedAttributes.values(), ...this.#dataWarnings];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warmEngine(this.computeMode);
    this.#readInlineScript();
    // Children may be parsed after the element upgrades, or edited later by a CMS.
    this.#childObserver ??= new MutationObserver(() => {
      if (this.#readInlineScript()) this.requestUpdate();
    });
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.#watchedSource) this.#watch(this.#watchedSource);
    // Put back after a removal cut its work off (disconnectedCallback): nothing else asks for an
    // update, so ask here, and willUpdate starts the work again.
    if (this.#computedKey === undefined && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver?.disconnect();
    this.#unwatchSource?.();
    this.#unwatchSource = undefined;
    this.#stopWaitingForSource();
    // Stops the engine's download and parsing when no other element waits for them.
    this.#computation.stop();
    // Forget what was under way, so reconnecting restarts a load or a computation that was cut off.
    if (this.status === 'loading' || this.status === 'computing') this.#computedKey = undefined;
  }

  /**
   * Many elements connected at once draw their first frames over several tasks, not one long one
   * (update-slices.ts). Later updates (a result, a resize) run at once: the status they draw is
   * set in the same task, so `status` and what is drawn never disagree from one task to the next.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return inTurn(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#checkPropertiesSetDirectly(changed);
    this.#syncRoute();
    this.#syncComputation();
  }

  /**
   * Where the page's Trusted Types policy refused Lit's (lit-policy.ts), every template is
   * refused too: say so in the element with plain DOM, the one way left to draw.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.#updating = true;
    try {
      super.update(changed);
    } catch (error) {
      if (!litPolicyRefused()) throw error;
      const message = document.createElement('div');
      message.setAttribute('part', 'message');
      message.setAttribute('role', 'alert');
      message.textContent = this.format.term('errorLitPolicy');
      this.renderRoot.replaceChildren(message);
    } finally {
      this.#updating = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#updateHostSemantics();
    if (this.shadowRoot) keepAxisLabelsInside(this.shadowRoot);
    const events = this.#queuedEvents;
    this.#queuedEvents = [];
    for (const fire of events) fire();
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base">
      ${this.renderHeader()} ${this.#renderStatus()} ${this.result !== undefined && this.status !== 'error' ? this.renderMetric(this.result) : nothing}
      ${this.error ? this.renderError(this.error) : nothing} ${this.renderWarnings()}
    </div>`;
  }

  // ---- rendering of the shared states (overridable) ---------------------------------------

  /** The title shown: the `heading` attribute, else the element's {@link label}; '' when `heading=""` hides it. */
  protected get shownTitle(): string {
    // A removed attribute is null: the default title again.
    if (this.heading !== undefined && this.heading !== null) return this.heading.trim();
    return this.label();
  }

  /**
   * The title and, once there is a value, its scope. Elements that override
   * `render()` call it first. Nothing when `heading=""`.
   */
  protected renderHeader(): TemplateResult | typeof nothing {
    const title = this.shownTitle;
    const menu = this.exportFormats?.length && this.status === 'ready' ? this.#exportMenu.render(this.exportFormats, this.format) : undefined;
    if (!title) return menu ? html`<div part="header" class="header with-menu">${menu}</div>` : nothing;
    const scope = this.result !== undefined && this.status !== 'error' ? this.scope(this.result) : '';
    const heading = html`<div part="title">${title}</div>
      ${scope ? html`<div part="subtitle">${scope}</div>` : nothing}`;
    // Without a menu the header is what it always was (the pixel baselines hold).
    if (!menu) return html`<div part="header">${heading}</div>`;
    return html`<div part="header" class="header with-menu"><div class="heading">${heading}</div>${menu}</div>`;
  }

  protected renderError(error: ElementError): TemplateResult {
    const f = this.format;
    if (error.kind === 'invalid-input') return this.#renderInputError(error, f);
    const text = error.kind === 'compute-error' ? f.term('errorCompute', error.message) : loadErrorText(error, f);
    return html`<div part="message" role="alert">${text}</div>`;
  }

  protected renderWarnings(): TemplateResult | typeof nothing {
    if (this.warnings.length === 0 || this.status === 'error') return nothing;
    const f = this.format;
    return html`<details part="notice">
      <summary>${f.term('warningsNotice', this.warnings.length)}</summary>
      <ul>
        ${this.warnings.map((warning) => html`<li>${warningText(warning, f)}</li>`)}
      </ul>
    </details>`;
  }

  /** One short sentence, and the records, fields and values behind a disclosure. */
  #renderInputError(error: InputError, f: Formatter): TemplateResult {
    const more = error.total - error.issues.length;
    return html`<div part="message" role="alert">
      ${f.term('errorInvalid', error.total)}
      <details part="message-details">
        <summary>${f.term('errorDetails')}</summary>
        <ul>
        ${error.issues.map((issue) =>
          html`<li>
            ${issue.index >= 0 ? f.term('issueLine', issue.index + 1, issue.field, issue.expected, issue.found) : f.term('optionLine', issue.field, issue.expected, issue.found)}
          </li>`,
        )}
        ${more > 0 ? html`<li>${f.term('moreIssues', more)}</li>` : nothing}
        </ul>
      </details>
    </div>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const f = this.format;
    let text: string | undefined;
    if (this.status === 'loading') {
      if (this.#route().kind === 'source' && !this.#source) text = f.term('waitingForSource', this.source ?? '');
      else if (!this.loadProgress) text = f.term('loading');
      // Records as the engine parses them while the file arrives (a CSV); bytes until the first are read.
      else if (this.loadProgress.rows > 0) text = f.term('loadingRows', f.number(this.loadProgress.rows), f.bytes(this.loadProgress.received));
      else text = f.term('loadingBytes', f.bytes(this.loadProgress.received));
    } else if (this.status === 'computing') {
      text = this.computeProgress !== undefined ? f.term('computingProgress', f.percent(this.computeProgress, 0)) : f.term('computing');
    } else if (this.status === 'idle') {
      text = f.term('noData');
    }
    return text ? html`<div part="status" role="status">${text}</div>` : nothing;
  }

  #updateHostSemantics(): void {
    if (!this.hasAttribute('role')) this.setAttribute('role', 'figure');
    // A page's own title names the chart better than the element's default words: it leads the label.
    const heading = this.heading?.trim();
    let label = heading || this.label();
    if (this.status === 'ready' && this.result !== undefined) label = heading ? `${heading}. ${this.summarize(this.result)}` : this.summarize(this.result);
    // The short sentence only: a screen reader should not read out a list of records on every focus.
    else if (this.status === 'error' && this.error) label = `${label}: ${this.error.kind === 'invalid-input' ? this.format.term('errorInvalid', this.error.total) : this.error.message}`;
    if (this.getAttribute('aria-label') !== label) this.setAttribute('aria-label', label);
    const busy = this.status === 'loading' || this.status === 'computing';
    this.toggleAttribute('aria-busy', busy);
    if (busy) this.setAttribute('aria-busy', 'true');
  }

  // ---- input routes -------------------------------------------------------------------

  #route(): Route {
    if (this.data !== undefined && this.data !== null) return { kind: 'data', value: this.data };
    if (this.src) return { kind: 'src', url: this.src };
    if (this.source) return { kind: 'source', id: this.source };
    if (this.#inline) return { kind: 'inline', ...this.#inline };
    return { kind: 'none' };
  }

  /** Reads the inline script child; true when it changed. */
  #readInlineScript(): boolean {
    const script = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    const next = script ? { text: script.textContent ?? '', format: script.getAttribute('type') === 'text/csv' ? ('csv' as const) : ('json' as const) } : undefined;
    const changed = next?.text !== this.#inline?.text || next?.format !== this.#inline?.format;
    this.#inline = next;
    return changed;
  }

  /** Brings `#input` in line with the current route, starting a download or a source watch when needed. */
  #syncRoute(): void {
    const route = this.#route();
    const routeKey = route.kind === 'data' ? route.value : route.kind === 'inline' ? `inline:${route.format}:${route.text}` : `${route.kind}:${'url' in route ? route.url : 'id' in route ? route.id : ''}`;
    if (route.kind !== 'source' && this.#watchedSource) this.#unwatch();
    if (routeKey === this.#routeKey && route.kind !== 'source') return;
    if (routeKey !== this.#routeKey) this.loadProgress = undefined;
    this.#routeKey = routeKey;

    switch (route.kind) {
      case 'none':
        this.#setInput(undefined, 'none');
        return;
      case 'data':
        if (route.value instanceof MalformedJson) {
          this.#setInput(undefined, route.value);
          this.#fail(loadError('parse', 'the data attribute', `malformed JSON (${route.value.reason})`));
          return;
        }
        this.#setInput({ kind: 'rows', rows: route.value, origin: 'the data property' }, route.value);
        return;
      case 'inline':
        this.#setInput({ kind: 'text', text: route.text, format: route.format, origin: 'the inline script' }, routeKey);
        return;
      case 'src':
        // The engine downloads and parses it (once for every element on this URL); relative URLs are the page's.
        this.#setInput({ kind: 'url', url: absoluteUrl(route.url), origin: route.url }, routeKey);
        return;
      case 'source':
        if (this.#watchedSource !== route.id) this.#watch(route.id);
        this.#applySource();
        return;
    }
  }

  #setInput(input: RawInput | undefined, key: unknown): void {
    if (key === this.#inputKey && input === this.#input) return;
    this.#input = input;
    this.#inputKey = key;
    this.#inputVersion++;
  }

  #watch(id: string): void {
    this.#unwatchSource?.();
    this.#watchedSource = id;
    if (!this.isConnected) return;
    this.#unwatchSource = watchSource(id, (snapshot) => {
      this.#source = snapshot;
      if (snapshot) this.#stopWaitingForSource();
      this.requestUpdate();
    });
  }

  /**
   * Every wait has an end: a `source="ID"` whose `<retention-source>` has not
   * appeared after SOURCE_WAIT_MS says which id is missing (it still computes
   * if the source comes later, e.g. from a slow CMS block).
   */
  #waitForSource(): void {
    if (this.#sourceWait !== undefined) return;
    this.#sourceWait = setTimeout(() => {
      this.#sourceWait = undefined;
      if (this.#source || this.#route().kind !== 'source' || !this.isConnected) return;
      this.#sourceMissing = true;
      this.#setInput(undefined, 'source-missing');
      this.#fail(loadError('source-missing', this.source ?? '', `no <retention-source id="${this.source}"> on the page after ${SOURCE_WAIT_MS / 1000} s`));
    }, SOURCE_WAIT_MS);
  }

  #stopWaitingForSource(): void {
    clearTimeout(this.#sourceWait);
    this.#sourceWait = undefined;
    this.#sourceMissing = false;
  }

  #unwatch(): void {
    this.#stopWaitingForSource();
    this.#unwatchSource?.();
    this.#unwatchSource = undefined;
    this.#watchedSource = undefined;
    this.#source = undefined;
  }

  #applySource(): void {
    const snapshot = this.#source;
    if (!snapshot && this.#sourceMissing) return; // said so already; a source that appears clears it (#watch)
    if (!snapshot) this.#waitForSource();
    if (!snapshot || snapshot.state === 'loading') {
      this.#setInput(undefined, `source-wait:${snapshot?.version ?? -1}`);
      this.loadProgress = snapshot?.progress;
      if (this.status !== 'loading') this.status = 'loading';
      return;
    }
    if (snapshot.state === 'error') {
      const key = `source-error:${snapshot.version}`;
      if (this.#inputKey === key) return;
      this.#setInput(undefined, key);
      this.#fail(snapshot.error ?? loadError('source-missing', this.source ?? '', 'the source failed'));
      return;
    }
    this.loadProgress = undefined;
    this.#setInput(snapshot.input, snapshot.input);
  }

  // ---- computation --------------------------------------------------------------------

  #syncComputation(): void {
    const plain = this.#route().kind === 'none';
    const request = plain ? this.plainRequest() : this.jobRequest();
    if (plain && !request) {
      if (this.#computedKey === 'idle') return;
      this.#computedKey = 'idle';
      this.#computation.stop();
      this.status = 'idle';
      this.result = undefined;
      this.error = undefined;
      this.#dataWarnings = [];
      this.#showWarnings();
      return;
    }
    const input = plain ? ATTRIBUTES_INPUT : this.#input && withDelimiter(this.#input, this.delimiter);
    if (!input || !request) return; // waiting for a source, or failed before computing (already shown)
    // Every records job reads the file the same way: the reading options go with each.
    const options = plain ? request.options : { ...request.options, reading: this.readingOptions() };
    const attachments = plain ? undefined : request.attachments;
    const key = `${plain ? 'plain' : this.#inputVersion}|${this.delimiter ?? ''}|${request.job.name}|${JSON.stringify(options)}|${attachments ? JSON.stringify(attachments) : ''}`;
    if (key === this.#computedKey) return;
    this.#computedKey = key;
    const { signal, current } = this.#computation.start();
    // A URL is downloaded by the engine first: "loading" until it says the job started.
    this.status = input.kind === 'url' ? 'loading' : 'computing';
    if (input.kind === 'url') this.error = undefined;
    this.computeProgress = undefined;
    void compute(request.job, input, options, {
      mode: this.computeMode,
      signal,
      attachments,
      onLoading: (progress) => {
        if (current()) this.loadProgress = progress;
      },
      onLoaded: () => {
        if (!current()) return;
        this.loadProgress = undefined;
        this.status = 'computing';
      },
      onProgress: (fraction) => {
        if (current()) this.computeProgress = fraction;
      },
    }).then((result) => {
      if (!current() || 'aborted' in result) return;
      this.ranIn = result.ranIn;
      this.computeProgress = undefined;
      this.loadProgress = undefined;
      this.#apply(result.outcome);
    });
  }

  #apply(outcome: Outcome<Value>): void {
    this.#dataWarnings = outcome.warnings;
    this.#showWarnings();
    if (!outcome.ok) {
      this.#fail(outcome.error);
      return;
    }
    this.#dataCurrency = outcome.currency;
    this.result = outcome.value;
    this.error = undefined;
    this.status = 'ready';
    const json = JSON.stringify(outcome.value);
    if (json !== this.#lastValueJson) {
      this.#lastValueJson = json;
      this.queueEvent<MetricChangeDetail<Value>>('metric-change', { result: outcome.value, warnings: outcome.warnings });
    }
  }

  #fail(error: ElementError): void {
    this.status = 'error';
    this.error = error;
    this.result = undefined;
    this.#lastValueJson = undefined;
    // `error` does not bubble (see events.ts); it is composed so a shadow host sees it.
    this.#queuedEvents.push(() => emit(this, 'error', error, { bubbles: false }));
    this.requestUpdate();
  }
}

/** A `src` as the engine needs it: absolute (a worker would resolve a relative URL against its own script). */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch {
    return url; // the engine's fetch reports it
  }
}

export type { ElementError, LoadError };
