/**
 * Structured reports about input: errors that stop a computation and warnings
 * about records that are legal but odd. Nothing here throws; readers collect
 * issues and hand them back so an element can show "record 12, field date:
 * expected an ISO date, found 'yesterday'" instead of a stack trace.
 */

/** One problem with one record. `index` is the record's position in the input (0-based). */
export interface InputIssue {
  index: number;
  /** The field as the user named it (after field mapping), e.g. `created_at`. */
  field: string;
  expected: string;
  /** A short, printable rendering of the value that was found. */
  found: string;
}

/** Why a computation could not run. */
export interface InputError {
  kind: 'invalid-input';
  /** One-line summary for people, e.g. "3 records are invalid: record 4, field amount: …". */
  message: string;
  /** The first issues, in input order (at most {@link MAX_LISTED_ISSUES}). */
  issues: InputIssue[];
  /** How many issues there were in all, listed or not. */
  total: number;
}

/**
 * Something legal but worth telling: zero amounts, future dates, duplicate
 * rows, rows left out. A page says it in its own language from `code`,
 * `count` and `params`; `message` is the same in English, for people reading
 * the metrics API's results in Node or a console.
 */
export interface InputWarning {
  code: WarningCode;
  /** How many records it concerns (or what `params.subject` names). */
  count: number;
  /** The words of the data and the facts a sentence about it needs; plain data. */
  params: WarningParams;
  message: string;
  /** Indexes of the first few records concerned. */
  examples: number[];
}

/** What a warning's sentence needs besides its code and count: strings, numbers and lists of strings only. */
export interface WarningParams {
  /** `ignored-status`: the status words whose rows were left out. */
  statuses?: string[];
  /** `future-date`: the as-of date (ISO) the records fall on or after and were left out for; absent: dated after today. */
  asOf?: string;
  /** `other-currency`: the currency money figures are in, and the other currencies of the data. */
  currency?: string;
  otherCurrencies?: string[];
  /** `partial-period`: the key of the period still running. */
  period?: string;
  /** `zero-amount` of `repeat-customers`: customers whose mean repeat purchase value is 0 or less (count is of them). */
  subject?: 'repeat-customers';
  /** `missing-property`: customers who bought but are not in the customer list, customers without a value, or responses without a date. */
  reason?: 'not-in-customer-list' | 'no-value' | 'no-date';
  /** `invalid-attribute` (said by an element, not the engine): the attribute, the text given and what it takes. */
  attribute?: string;
  value?: string;
  min?: number;
  max?: number;
  wholeNumber?: 'yes';
  choices?: string[];
  /** `invalid-attribute` of a margin attribute: it takes a fraction (0.78) or a percent (78 %), not one number range. */
  takes?: 'margin';
  /** `deprecated-attribute`: the attribute to write instead (the deprecated one still works). */
  replacement?: string;
  /** `cohorts-left-out`: how many cohorts are drawn (count: how many older ones are not); `periods-left-out`: how many columns are. */
  shown?: number;
}

export type WarningCode =
  | 'missing-customer'
  | 'zero-amount'
  | 'future-date'
  | 'duplicate-row'
  | 'partial-period'
  | 'unknown-type'
  | 'missing-reason'
  | 'missing-property'
  | 'customer-without-purchases'
  | 'ignored-status'
  | 'other-currency'
  | 'invalid-attribute'
  | 'deprecated-attribute'
  | 'cohorts-left-out'
  | 'periods-left-out'
  | 'earlier-periods-left-out';

export type Result<T> =
  | { ok: true; value: T; warnings: InputWarning[] }
  | { ok: false; error: InputError; warnings: InputWarning[] };

export const MAX_LISTED_ISSUES = 5;
const MAX_EXAMPLES = 5;

/** Renders any value short enough to quote in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return value.trim() === '' ? `an empty string ${quoted}` : quoted;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(value);
}

export function formatIssue(issue: InputIssue): string {
  const where = issue.index >= 0 ? `record ${issue.index + 1}, ` : '';
  return `${where}field "${issue.field}": expected ${issue.expected}, found ${issue.found}`;
}

/**
 * Collects issues while a reader walks its input: keeps the first few in full
 * and counts the rest, so a file with a million bad rows stays cheap to report.
 */
export class IssueCollector {
  readonly listed: InputIssue[] = [];
  total = 0;

  add(index: number, field: string, expected: string, value: unknown): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_ISSUES) {
      this.listed.push({ index, field, expected, found: describeValue(value) });
    }
  }

  get hasIssues(): boolean {
    return this.total > 0;
  }

  toError(what = 'records'): InputError {
    const head = this.listed.map(formatIssue).join('; ');
    const more = this.total > this.listed.length ? `; and ${this.total - this.listed.length} more` : '';
    const count = this.total === 1 ? `1 problem in the ${what}` : `${this.total} problems in the ${what}`;
    return { kind: 'invalid-input', message: `${count}: ${head}${more}`, issues: this.listed, total: this.total };
  }
}

/** Counts records of one kind of oddity, remembering a few examples. */
export class WarningCounter {
  count = 0;
  readonly examples: number[] = [];

  constructor(
    readonly code: WarningCode,
    private readonly describe: (count: number) => string,
    /** Read when the warning is made, so words met on the way (status words, currencies) are all in. */
    private readonly params: () => WarningParams = () => ({}),
  ) {}

  add(index: number): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(index);
  }

  toWarning(): InputWarning | undefined {
    if (this.count === 0) return undefined;
    return { code: this.code, count: this.count, params: this.params(), message: this.describe(this.count), examples: this.examples };
  }
}

export function collectWarnings(counters: WarningCounter[]): InputWarning[] {
  return counters.map((c) => c.toWarning()).filter((w): w is InputWarning => w !== undefined);
}

/** An error about the call itself (options), not about one record. */
export function optionError(field: string, expected: string, value: unknown): InputError {
  const issue: InputIssue = { index: -1, field, expected, found: describeValue(value) };
  return { kind: 'invalid-input', message: `Invalid option: ${formatIssue(issue)}`, issues: [issue], total: 1 };
}

export function ok<T>(value: T, warnings: InputWarning[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(error: InputError, warnings: InputWarning[] = []): Result<T> {
  return { ok: false, error, warnings };
}

/** Plural helper for warning messages. */
export function records(count: number): string {
  return count === 1 ? '1 record' : `${count.toLocaleString('en')} records`;
}

/** The verb form that agrees with a count: `agree(1, 'was', 'were')`. */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
