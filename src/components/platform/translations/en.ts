import { registerTranslation } from '../translations.ts';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

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
  errorCompute: (detail) => `The metric could not be computed: ${detail}`,
  errorInvalid: (count) => `The data has ${count} ${plural(count, 'problem', 'problems')}.`,
  errorDetails: 'Details',
  issueLine: (record, field, expected, found) => `record ${record}, field “${field}”: expected ${expected}, found ${found}`,
  optionLine: (field, expected, found) => `setting “${field}”: expected ${expected}, found ${found}`,
  moreIssues: (count) => `and ${count} more`,
  warningsNotice: (count) => `${count} ${plural(count, 'note', 'notes')} about the data`,
  percentagePoints: 'pp',
  dataTable: 'Data',
});
