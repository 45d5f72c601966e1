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
 */

/** A term is a string, or a function of its arguments (for plurals and inserted values). */
export type Term = string | ((...args: never[]) => string);

/**
 * The kit's terms. Platform terms are declared here; every element augments this
 * interface with its own (declaration merging), which keeps `term()` typed.
 */
export interface Terms {
  loading: string;
  loadingBytes: (received: string) => string;
  computing: string;
  computingProgress: (percent: string) => string;
  waitingForSource: (id: string) => string;
  noData: string;
  errorHttp: (status: number, url: string) => string;
  errorNetwork: (url: string) => string;
  errorParse: (origin: string, detail: string) => string;
  errorSourceMissing: (id: string) => string;
  errorCompute: (detail: string) => string;
  errorInvalid: (count: number) => string;
  issueLine: (record: number, field: string, expected: string, found: string) => string;
  optionLine: (field: string, expected: string, found: string) => string;
  moreIssues: (count: number) => string;
  warningsNotice: (count: number) => string;
  percentagePoints: string;
  dataTable: string;
}

export type TermKey = keyof Terms;
type Args<K extends TermKey> = Terms[K] extends (...args: infer A) => string ? A : [];

const registry = new Map<string, Partial<Terms>>();

const ALIASES: Record<string, string> = {
  no: 'nb',
  nn: 'nb',
  'zh-hans': 'zh',
  'zh-cn': 'zh',
  'zh-sg': 'zh',
};

/** Adds (or extends) the terms of a language. Later registrations override earlier ones term by term. */
export function registerTranslation(lang: string, terms: Partial<Terms>): void {
  const code = lang.toLowerCase();
  registry.set(code, { ...registry.get(code), ...terms });
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
