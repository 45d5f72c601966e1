import { registerTranslation } from '../translations.ts';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);
const records = (count: number, shown: string) => `${shown} ${plural(count, 'record', 'records')}`;
const wasLeftOut = (count: number) => `${plural(count, 'was', 'were')} left out`;

registerTranslation('en', {
  loading: 'Loading data…',
  loadingBytes: (received) => `Loading data… ${received} received`,
  loadingRows: (rows, received) => `Reading data… ${rows} records (${received})`,
  computing: 'Computing…',
  computingProgress: (percent) => `Computing… ${percent}`,
  waitingForSource: (id) => `Waiting for data source “${id}”…`,
  noData: 'No data yet.',
  errorHttp: (status, url) => `Could not load ${url}: the server answered ${status}.`,
  errorNetwork: (url) => `Could not load ${url}: no answer from the server (offline or blocked).`,
  errorParse: (origin, detail) => `The data from ${origin} could not be read: ${detail}`,
  errorSourceMissing: (id) => `There is no <retention-source id="${id}"> on this page.`,
  errorNotData: (origin) => `${origin} sent a web page, not a JSON or CSV file: check the address, or whether a login or a site page stands in front of the file.`,
  errorBinary: (origin) => `${origin} is not a text file (an image, a PDF or an Excel workbook, say): export it as CSV (UTF-8) or JSON.`,
  errorTimeout: (origin, seconds) => `${origin} stopped answering: nothing arrived for ${seconds} seconds.`,
  errorLitPolicy: 'This page does not allow the Trusted Types policy “lit-html” that the chart is drawn with: add it to the trusted-types directive (trusted-types lit-html retention-kit).',
  periodsGrouped: (count, by) => `${count} periods are too many to show one by one: summed by ${by}. Set granularity="${by}" to compute by ${by}.`,
  errorEmpty: (origin) => `${origin} sent nothing: the file is empty.`,
  errorCompute: (detail) => `The metric could not be computed: ${detail}`,
  errorInvalid: (count) => `The data has ${count} ${plural(count, 'problem', 'problems')}.`,
  errorDetails: 'Details',
  issueLine: (record, field, expected, found) => `record ${record}, field “${field}”: expected ${expected}, found ${found}`,
  optionLine: (field, expected, found) => `setting “${field}”: expected ${expected}, found ${found}`,
  moreIssues: (count) => `and ${count} more`,
  warningsNotice: (count) => `${count} ${plural(count, 'note', 'notes')} about the data`,
  'warning-missing-customer': (count, n) => `${records(count, n)} without a customer id ${wasLeftOut(count)}.`,
  'warning-zero-amount': (count, n, p) =>
    p.subject === 'repeat-customers'
      ? `${n} repeat ${plural(count, 'customer has', 'customers have')} a mean purchase value of 0 or less.`
      : `${records(count, n)} ${plural(count, 'has', 'have')} an amount of 0: activity, but no revenue.`,
  'warning-future-date': (count, n, p) =>
    p.asOf ? `${records(count, n)} on or after the as-of date ${p.asOf} ${wasLeftOut(count)}.` : `${records(count, n)} ${plural(count, 'is', 'are')} dated in the future.`,
  'warning-duplicate-row': (count, n) => `${records(count, n)} ${plural(count, 'repeats', 'repeat')} an earlier record exactly (kept: check the export for double rows).`,
  'warning-partial-period': (_count, _n, p) => `${p.period} is still running: it is measured up to the last day of data.`,
  'warning-unknown-type': (count, n) => `${records(count, n)} ${plural(count, 'has', 'have')} a type that is not known.`,
  'warning-missing-reason': (count, n) => `${records(count, n)} ${plural(count, 'has', 'have')} no cancellation reason.`,
  'warning-missing-property': (count, n, p) =>
    p.reason === 'no-date'
      ? `${n} ${plural(count, 'response has', 'responses have')} no date: counted in the score, not in the trend.`
      : p.reason === 'not-in-customer-list'
        ? `${n} ${plural(count, 'customer', 'customers')} who bought ${plural(count, 'is', 'are')} not in the customer list: cohort “(none)”.`
        : `${n} ${plural(count, 'customer has', 'customers have')} no value for the property: cohort “(none)”.`,
  'warning-customer-without-purchases': (count, n) => `${records(count, n)} of the customer list ${plural(count, 'has', 'have')} no purchase and ${plural(count, 'is', 'are')} in no cohort.`,
  'warning-ignored-status': (count, n, p) => `${records(count, n)} with the status ${p.statuses?.map((word) => `“${word}”`).join(', ')} ${wasLeftOut(count)}.`,
  'warning-cohorts-left-out': (count, n, p) =>
    `The ${n} oldest ${plural(count, 'cohort is', 'cohorts are')} not drawn: the latest ${p.shown} are (max-cohorts); the average row counts them all.`,
  'warning-periods-left-out': (_count, _n, p) => `Periods after the first ${p.shown} are not drawn: max-periods shows more (up to 120).`,
  'warning-earlier-periods-left-out': (count, n, p) =>
    `The ${n} earliest ${plural(count, 'period is', 'periods are')} not drawn, only the latest ${p.shown}: a coarser granularity shows them all.`,
  'warning-invalid-attribute': (_count, _n, p) =>
    `${p.attribute}="${p.value}" is not used: it takes ${
      p.takes === 'margin'
        ? 'a margin from 0 to 1 (0.78) or a percent up to 100 (78 %)'
        : p.choices
          ? `one of ${p.choices.join(', ')}`
          : `${p.wholeNumber ? 'a whole number' : 'a number'} from ${p.min} to ${p.max}`
    }, so the default applies.`,
  'warning-deprecated-attribute': (_count, _n, p) => `${p.attribute}="${p.value}" still works but is deprecated: write ${p.replacement}="${p.value}" instead.`,
  'warning-other-currency': (count, n, p) =>
    `${records(count, n)} in ${p.otherCurrencies?.join(', ')} ${plural(count, 'counts', 'count')} as activity but not in money figures (in ${p.currency}).`,
  percentagePoints: 'pp',
  dataTable: 'Data',
  scopeSpan: (from, to) => `${from} – ${to}`,
  scopeGranularity: (granularity) => ({ day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' })[granularity],
  scopeCustomers: (count, shown) => `${shown} ${plural(count, 'customer', 'customers')}`,
  scopeCohorts: (granularity) => ({ day: 'Daily cohorts', week: 'Weekly cohorts', month: 'Monthly cohorts', quarter: 'Quarterly cohorts', year: 'Yearly cohorts' })[granularity],
  scopeCohortsBy: (property) => `Cohorts by ${property}`,
  exportMenu: 'Export',
  exportCsv: 'Data (CSV)',
  exportSvg: 'Picture (SVG)',
  exportPng: 'Picture (PNG)',
  exportFailure: (reason) => ({ 'not-ready': 'There is nothing to export yet.', 'not-drawn': 'The chart is not drawn (hidden?), so there is no picture to export.', 'image-blocked': 'This page does not allow blob: images (img-src of its Content-Security-Policy), so no PNG can be drawn. CSV and SVG work.', 'image-failed': 'The picture could not be made.' })[reason],
});
