/**
 * The small export menu in an element's header (opt-in: `export="csv png svg"`).
 *
 * It is the WAI-ARIA menu button pattern: a button with `aria-haspopup="menu"`
 * and `aria-expanded`; Enter, Space or ArrowDown opens the menu on its first
 * item, ArrowUp on its last; in the menu the arrows move (wrapping), Home and
 * End jump, Enter or Space chooses, Escape closes and puts focus back on the
 * button, and Tab or a click elsewhere closes it. A failed export says why under
 * the button (role="alert") in the element's language.
 *
 * Parts: export-menu (the wrapper), export-menu-button, export-menu-list,
 * export-menu-item, export-menu-error.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CheckedConverter } from './attribute-rules.ts';
import type { Formatter } from './locale.ts';

export const EXPORT_FORMATS = ['csv', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Why an export could not be made; each has words in every language (exportFailure). */
export type ExportFailure = 'not-ready' | 'not-drawn' | 'image-blocked' | 'image-failed';

export class ExportError extends Error {
  constructor(
    readonly reason: ExportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const isFormat = (token: string): token is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(token);

/**
 * The `export` attribute: the formats the menu offers, in the order written
 * (`export="png csv"`); a bare `export` offers all three. A word that is no
 * format refuses the value (no menu, and a warning that says what it takes).
 */
export const exportAttribute: CheckedConverter<readonly ExportFormat[] | undefined> = {
  fromAttribute(text: string | null) {
    if (text === null) return undefined;
    const tokens = text.toLowerCase().split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0) return EXPORT_FORMATS;
    if (!tokens.every(isFormat)) return undefined;
    return [...new Set(tokens)];
  },
  toAttribute(formats: readonly ExportFormat[] | undefined) {
    return formats === undefined ? null : formats.join(' ');
  },
  refusal(text: string) {
    const tokens = text.toLowerCase().split(/[\s,]+/).filter(Boolean);
    return tokens.every(isFormat) ? null : { choices: EXPORT_FORMATS };
  },
};

const ITEM_TERMS = { csv: 'exportCsv', svg: 'exportSvg', png: 'exportPng' } as const;

export class ExportMenu implements ReactiveController {
  #open = false;
  #failure?: ExportFailure;
  /** The item to focus once the menu just opened is drawn. */
  #focusIndex = 0;
  #focusPending = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly run: (format: ExportFormat) => Promise<void>,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  hostUpdated(): void {
    if (!this.#open || !this.#focusPending) return;
    this.#focusPending = false;
    const items = this.#items();
    items[Math.min(this.#focusIndex, items.length - 1)]?.focus();
  }

  render(formats: readonly ExportFormat[], f: Formatter): TemplateResult {
    return html`<div part="export-menu" class="export-menu" @focusout=${this.#onFocusOut}>
      <button
        type="button"
        part="export-menu-button"
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="export-menu-list"
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeydown}
      >
        <svg aria-hidden="true" focusable="false" width="12" height="12" viewBox="0 0 12 12"><path d="M6 1v7M3 5l3 3 3-3M1.5 10.5h9"></path></svg>
        ${f.term('exportMenu')}
      </button>
      <ul part="export-menu-list" id="export-menu-list" role="menu" aria-label=${f.term('exportMenu')} ?hidden=${!this.#open} @keydown=${this.#onMenuKeydown}>
        ${formats.map(
          (format) =>
            html`<li role="menuitem" part="export-menu-item" tabindex="-1" data-format=${format} @click=${() => this.#choose(format)}>${f.term(ITEM_TERMS[format])}</li>`,
        )}
      </ul>
      ${this.#failure ? html`<div part="export-menu-error" role="alert">${f.term('exportFailure', this.#failure)}</div>` : nothing}
    </div>`;
  }

  #items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="export-menu-item"]')];
  }

  #button(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="export-menu-button"]');
  }

  #show(focusIndex: number): void {
    this.#open = true;
    this.#failure = undefined;
    this.#focusIndex = focusIndex;
    this.#focusPending = true;
    this.host.requestUpdate();
  }

  #hide(returnFocus: boolean): void {
    if (!this.#open) return;
    this.#open = false;
    this.host.requestUpdate();
    if (returnFocus) this.#button()?.focus();
  }

  readonly #onButtonClick = (): void => {
    if (this.#open) this.#hide(true);
    else this.#show(0);
  };

  readonly #onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#show(event.key === 'ArrowDown' ? 0 : Number.MAX_SAFE_INTEGER);
    } else if (event.key === 'Escape' && this.#open) {
      event.preventDefault();
      this.#hide(true);
    }
    // Enter and Space click the button.
  };

  readonly #onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const current = items.indexOf(event.target as HTMLElement);
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#hide(true);
        return;
      case 'Tab':
        this.#hide(false);
        return;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const format = items[current]?.dataset['format'];
        if (format && isFormat(format)) this.#choose(format);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.#focusIndex = next;
    items[next]?.focus();
  };

  /** Focus leaving the menu and its button (a click elsewhere, Tab) closes it. */
  readonly #onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    const wrapper = event.currentTarget as HTMLElement;
    if (to && wrapper.contains(to)) return;
    this.#hide(false);
  };

  #choose(format: ExportFormat): void {
    this.#hide(true);
    this.run(format).catch((error: unknown) => {
      this.#failure = error instanceof ExportError ? error.reason : 'image-failed';
      this.host.requestUpdate();
    });
  }
}
