/**
 * A small typed translation registry. Terms are keyed by name; an element adds
 * its own terms by augmenting {@link Terms} and registering them per language:
 *
 *   declare module '../platform/translations.ts' { interface Terms { gaugeTitle: string } }
 *   registerTranslation('en', { gaugeTitle: 'Customer retention' });
 *
 * Lookup falls back `nb-NO` → `nb` → `en`, term by term, so a partial
 * translation never shows an empty string. Aliases map scripts and variants
 * (`zh-Hans`, `zh-CN`, `no`, `nn`) onto the registered base languages.
 *
 * English is built in; other languages are opt-in modules (src/translations/),
 * each also shipped as a self-contained script (dist/translations/<lang>.js)
 * that carries its own copy of this file. So the registry lives on globalThis,
 * under a `Symbol.for` key: the kit's bundle and a separately loaded language
 * file (or two versions of the kit) share one registry. Its shape is kept
 * minimal and only ever extended, so older and newer copies can read it.
 */

import type { WarningCode, WarningParams } from '../../metrics/issues.ts';
import type { Granularity } from '../../metrics/calendar/calendar.ts';
import type { ExportFailure } from './export-menu.ts';

/** A term is a string, or a function of its arguments (for plurals and inserted values). */
export type Term = string | ((...args: never[]) => string);

/**
 * A note about the data in words, from its count (`shown`: the count as the
 * page writes numbers) and the engine's params, with dates and lists already
 * made printable by warning-text.ts.
 */
export type WarningTerm = (count: number, shown: string, params: WarningParams) => string;

/** One term per warning code: `warning-zero-amount`, `warning-ignored-status` … */
export type WarningTerms = { [Code in WarningCode as `warning-${Code}`]: WarningTerm };

/**
 * The kit's terms. Platform terms are declared here; every element augments this
 * interface with its own (declaration merging), which keeps `term()` typed.
 */
export interface Terms extends WarningTerms {
  loading: string;
  loadingBytes: (received: string) => string;
  /** A big file as it arrives: records read so far (already formatted) and bytes received. */
  loadingRows: (rows: string, received: string) => string;
  computing: string;
  computingProgress: (percent: string) => string;
  waitingForSource: (id: string) => string;
  noData: string;
  errorHttp: (status: number, url: string) => string;
  errorNetwork: (url: string) => string;
  errorParse: (origin: string, detail: string) => string;
  errorSourceMissing: (id: string) => string;
  /** A web page (HTML) came where a data file was expected. */
  errorNotData: (origin: string) => string;
  /** `count` periods were too many to show one by one; they are summed per `by` (period-groups.ts). */
  periodsGrouped: (count: number, by: Granularity) => string;
  /** The page's Trusted Types policy refuses Lit's `lit-html`: the element cannot draw. */
  errorLitPolicy: string;
  /** The file is not text: an image, a PDF, an Excel workbook, UTF-16 text. */
  errorBinary: (origin: string) => string;
  /** Nothing arrived for `seconds` (a server that never answers, or stalls). */
  errorTimeout: (origin: string, seconds: number) => string;
  /** The answer had no body at all. */
  errorEmpty: (origin: string) => string;
  errorCompute: (detail: string) => string;
  errorInvalid: (count: number) => string;
  /** The disclosure that holds an input error's records, fields and values. */
  errorDetails: string;
  issueLine: (record: number, field: string, expected: string, found: string) => string;
  optionLine: (field: string, expected: string, found: string) => string;
  moreIssues: (count: number) => string;
  warningsNotice: (count: number) => string;
  percentagePoints: string;
  dataTable: string;
  /** The periods a chart covers, in a subtitle: "Jan 2024 – Mar 2024". */
  scopeSpan: (from: string, to: string) => string;
  /** The period length of a chart, in a subtitle: "Monthly". */
  scopeGranularity: (granularity: Granularity) => string;
  /** Cohorts by first period, in a subtitle: "Monthly cohorts". */
  scopeCohorts: (granularity: Granularity) => string;
  /** Cohorts grouped by a customer property, in a subtitle: "Cohorts by plan" (<cohort-heatmap>). */
  scopeCohortsBy: (property: string) => string;
  /** Customers counted, in a subtitle (`shown`: the count as the page writes numbers). */
  scopeCustomers: (count: number, shown: string) => string;
  /** The export menu's button (export-menu.ts). */
  exportMenu: string;
  /** Its items: the shown data as CSV, the picture as SVG and as PNG. */
  exportCsv: string;
  exportSvg: string;
  exportPng: string;
  /** Why an export failed, under the menu button. */
  exportFailure: (reason: ExportFailure) => string;
}

export type TermKey = keyof Terms;
type Args<K extends TermKey> = Terms[K] extends (...args: infer A) => string ? A : [];

/**
 * The registry shared by every copy of this module on the page. Fields are only
 * ever added (never renamed or retyped), and each copy fills in what an older
 * copy did not create.
 */
interface SharedRegistry {
  /** Terms per lower-case language code. */
  languages: Map<string, Partial<Terms>>;
  /** Called after every registration (elements re-render with the new terms). */
  listeners: Set<() => void>;
}

const REGISTRY_KEY = Symbol.for('retention-kit.translations');

function sharedRegistry(): SharedRegistry {
  const global = globalThis as { [REGISTRY_KEY]?: Partial<SharedRegistry> };
  const shared = (global[REGISTRY_KEY] ??= {});
  shared.languages ??= new Map();
  shared.listeners ??= new Set();
  return shared as SharedRegistry;
}

const registry = sharedRegistry().languages;

const ALIASES: Record<string, string> = {
  no: 'nb',
  nn: 'nb',
  'zh-hans': 'zh',
  'zh-cn': 'zh',
  'zh-sg': 'zh',
};

/**
 * Adds (or extends) the terms of a language. Later registrations override
 * earlier ones term by term. Elements already on the page re-render at once
 * (a language file may load after the kit has drawn).
 */
/** How many registrations there have been: a change means words may have changed. */
let revision = 0;

export function translationsRevision(): number {
  return revision;
}

export function registerTranslation(lang: string, terms: Partial<Terms>): void {
  const code = lang.toLowerCase();
  registry.set(code, { ...registry.get(code), ...terms });
  revision++;
  for (const listener of [...sharedRegistry().listeners]) {
    try {
      listener();
    } catch (error) {
      // One failing listener must not keep the others (or the registering page) from going on.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** Calls `listener` after every registration; returns the unsubscribe function. */
export function onTranslationsChange(listener: () => void): () => void {
  const { listeners } = sharedRegistry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The terms registered for exactly this language code (no fallback), for checks and tooling. */
export function registeredTerms(lang: string): Readonly<Partial<Terms>> | undefined {
  return registry.get(lang.toLowerCase());
}

/** The lookup chain of a language tag: `nb-NO` → [`nb-no`, `nb`, `en`]. */
export function fallbackChain(lang: string): string[] {
  const chain: string[] = [];
  const add = (code: string) => {
    if (code && !chain.includes(code)) chain.push(code);
  };
  const code = (lang || 'en').toLowerCase();
  add(code);
  if (ALIASES[code]) add(ALIASES[code]);
  const base = code.split('-')[0];
  add(base);
  if (ALIASES[base]) add(ALIASES[base]);
  add('en');
  return chain;
}

/** The term `key` in `lang`, with arguments for function terms. Unknown keys return the key itself. */
export function term<K extends TermKey>(lang: string, key: K, ...args: Args<K>): string {
  for (const code of fallbackChain(lang)) {
    const value = registry.get(code)?.[key] as Term | undefined;
    if (value === undefined) continue;
    return typeof value === 'function' ? (value as (...a: Args<K>) => string)(...args) : value;
  }
  return String(key);
}

/** The first language of the chain that has any registered terms (for tests and docs). */
export function resolvedLanguage(lang: string): string {
  return fallbackChain(lang).find((code) => registry.has(code)) ?? 'en';
}
