/**
 * Locale of an element and number/date formatting with Intl. The language is
 * the nearest `lang` up the tree (crossing shadow roots), then the document's,
 * then `en`, like Shoelace's localize. Formatters are cached per locale because
 * building an Intl.NumberFormat costs more than formatting a thousand numbers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { term, translationsRevision, type TermKey, type Terms } from './translations.ts';

/** The nearest `lang` of `element`, crossing shadow boundaries; the document's; else `en`. */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode ?? null;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode ?? null;
    }
  }
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'en';
}

const formatCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let format = formatCache.get(key) as T | undefined;
  if (!format) {
    format = create();
    formatCache.set(key, format);
  }
  return format;
}

function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Locale-bound formatting. Cheap to create; the Intl objects behind it are cached. */
export class Formatter {
  readonly locale: string;

  constructor(
    lang: string,
    readonly currencyCode = 'USD',
  ) {
    this.locale = safeLocale(lang);
  }

  /**
   * Changes whenever this formatter's words may: its language, or a language registered since
   * (dist/translations/nb.js loaded after the elements drew). Parts drawn once with Lit's `guard`
   * key on it, so they are drawn again in the new words.
   */
  get wordsKey(): string {
    return `${this.locale}|${translationsRevision()}`;
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return cached(`n|${this.locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(this.locale, options)).format(value);
  }

  /** A fraction as a percent: 0.052 → "5.2 %" (digits after the point; default 1). */
  percent(fraction: number, digits = 1): string {
    return this.number(fraction, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  /** A change of a fraction in percentage points, signed: 0.012 → "+1.2 pp". */
  points(delta: number, digits = 1): string {
    const value = this.number(delta * 100, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits });
    return `${value} ${term(this.locale, 'percentagePoints')}`;
  }

  currency(value: number, options: Intl.NumberFormatOptions = {}): string {
    try {
      return this.number(value, { style: 'currency', currency: this.currencyCode, ...options });
    } catch {
      return this.number(value, { maximumFractionDigits: 2 }); // unknown currency code: show the plain number
    }
  }

  /** Bytes for a download progress: "1.2 MB". */
  bytes(count: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let unit = 0;
    let value = count;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return this.number(value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit ? 1 : 0 });
  }

  /** A day number (days since 1970-01-01) as a date. */
  day(day: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return cached(`d|${this.locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', ...options })).format(
      new Date(day * 86_400_000),
    );
  }

  term<K extends TermKey>(key: K, ...args: Terms[K] extends (...a: infer A) => string ? A : []): string {
    return term(this.locale, key, ...args);
  }
}

/**
 * Keeps an element's language current: re-renders it when `lang` changes on
 * it or on any ancestor, across shadow roots (the nearest `lang` wins, see
 * {@link languageOf}). Nothing is recomputed: jobs return keys, codes and
 * numbers, and an element words them when it renders.
 *
 * One MutationObserver per tree the elements live in (the document, and each
 * shadow root that holds one or holds the host of one), watching the `lang`
 * attribute in the whole tree: the attribute filter keeps every other
 * mutation away from script, and a change of `lang` is rare, so on one each
 * element just compares the language it resolves now with the one it drew in.
 */
export class LocaleController implements ReactiveController {
  /** The language of the last render. */
  #drawn?: string;
  #roots: Node[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get lang(): string {
    return languageOf(this.host);
  }

  hostConnected(): void {
    connected.add(this);
    if (typeof MutationObserver === 'undefined') return;
    // The host's tree, the tree of that tree's host, … up to the document.
    for (let node: Node = this.host; ; ) {
      const root = node.getRootNode();
      this.#roots.push(root);
      watch(root, 1);
      if (!(root instanceof ShadowRoot)) break;
      node = root.host;
    }
  }

  hostDisconnected(): void {
    connected.delete(this);
    for (const root of this.#roots) watch(root, -1);
    this.#roots = [];
  }

  hostUpdate(): void {
    this.#drawn = this.lang;
  }

  /** Re-renders the host when its language is no longer the one it drew in. */
  check(): void {
    if (this.#drawn !== undefined && this.lang !== this.#drawn) this.host.requestUpdate();
  }
}

const connected = new Set<LocaleController>();
/** The observer of each watched tree, and how many connected elements need it. */
const observers = new Map<Node, { observer: MutationObserver; users: number }>();

function watch(root: Node, change: 1 | -1): void {
  let entry = observers.get(root);
  if (!entry) {
    if (change < 0) return;
    // A `lang` change in any tree can move the language of elements in trees below it: check them all.
    const observer = new MutationObserver(() => connected.forEach((controller) => controller.check()));
    observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    entry = { observer, users: 0 };
    observers.set(root, entry);
  }
  entry.users += change;
  if (entry.users <= 0) {
    entry.observer.disconnect();
    observers.delete(root);
  }
}
