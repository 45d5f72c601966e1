import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { KIT_VERSION } from '../platform/define.ts';
import type { LoadError } from '../platform/errors.ts';
import type { RawInput } from '../platform/input.ts';
import { emit, type SourceChangeDetail } from '../platform/events.ts';
import { preloadInput, type ComputeMode } from '../platform/compute.ts';
import { LatestRun } from '../platform/latest-run.ts';
import { publishSource, type SourceSnapshot } from '../platform/source-hub.ts';

/**
 * An invisible data provider: has the metrics engine download and parse `src`
 * once and serves every widget on the page whose `source` attribute names its
 * `id`. Widgets may come before or after it; a new `src` aborts the old
 * download and every widget recomputes from the new data.
 *
 * @summary Shares one download between many widgets.
 * @attr id - The name widgets refer to with `source="…"`.
 * @attr src - URL of a JSON or CSV file.
 * @fires source-change - Loading started, finished or failed (detail: { id, state }).
 */
export class RetentionSource extends LitElement {
  static kitVersion = KIT_VERSION;
  static override styles = css`
    :host {
      display: none;
    }
  `;

  @property({ reflect: true }) src?: string;
  /** Where the engine downloads and parses: `auto` (its worker) or `inline` (the page); as on the widgets, which should match. */
  @property({ attribute: 'compute' }) computeMode: ComputeMode = 'auto';
  /** Number of downloads started (for tests and the demo's "one request" check). */
  @state() loads = 0;
  /** The current state. */
  @state() snapshot?: SourceSnapshot;

  readonly #download = new LatestRun();
  #version = 0;
  #publishedId?: string;
  #loadedSrc?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.snapshot) this.#publish(this.snapshot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#download.stop();
    if (this.snapshot?.state === 'loading') this.#loadedSrc = undefined; // reload when it comes back
    if (this.#publishedId) publishSource(this.#publishedId, undefined);
    this.#publishedId = undefined;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'id'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id' && old !== value && this.snapshot) this.#publish(this.snapshot);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src !== this.#loadedSrc && this.isConnected) this.#load();
  }


  protected override updated(): void {
    // The first connect: willUpdate ran before isConnected was settled in some upgrade orders.
    if (this.src && this.src !== this.#loadedSrc) this.#load();
  }

  override render() {
    return nothing;
  }

  #load(): void {
    const url = this.src;
    this.#loadedSrc = url;
    if (!url) {
      this.#download.stop();
      return;
    }
    const { signal, current } = this.#download.start();
    const version = ++this.#version;
    this.loads++;
    this.#publish({ state: 'loading', version });
    const input: RawInput = { kind: 'url', url: new URL(url, document.baseURI).href, origin: url };
    void preloadInput(input, {
      mode: this.computeMode,
      signal,
      onLoading: (progress) => {
        if (current()) this.#publish({ state: 'loading', version, progress });
      },
    }).then((outcome) => {
      if (!current() || outcome === 'aborted') return;
      if (outcome.ok) this.#publish({ state: 'ready', version, input, rows: outcome.value.rows });
      else this.#publish({ state: 'error', version, error: outcome.error as LoadError });
    });
  }

  #publish(snapshot: SourceSnapshot): void {
    this.snapshot = snapshot;
    if (!this.isConnected) return;
    const id = this.id;
    if (this.#publishedId && this.#publishedId !== id) publishSource(this.#publishedId, undefined);
    this.#publishedId = id || undefined;
    if (id) publishSource(id, snapshot);
    if (snapshot.progress) return;
    emit<SourceChangeDetail>(this, 'source-change', { id, state: snapshot.state });
  }

  /** The load error, if the download failed. */
  get error(): LoadError | undefined {
    return this.snapshot?.error;
  }
}
