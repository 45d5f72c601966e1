import { registerTranslation } from '../translations.ts';

registerTranslation('nb', {
  loading: 'Laster inn data…',
  loadingBytes: (received) => `Laster inn data… ${received} mottatt`,
  computing: 'Beregner…',
  computingProgress: (percent) => `Beregner… ${percent}`,
  waitingForSource: (id) => `Venter på datakilden «${id}» …`,
  noData: 'Ingen data ennå.',
  errorHttp: (status, url) => `Kunne ikke laste inn ${url}: serveren svarte ${status}.`,
  errorNetwork: (url) => `Kunne ikke laste inn ${url}: ingen svar fra serveren (frakoblet eller blokkert).`,
  errorParse: (origin, detail) => `Dataene fra ${origin} kunne ikke leses: ${detail}`,
  errorSourceMissing: (id) => `Det finnes ingen <retention-source id="${id}"> på denne siden.`,
  errorCompute: (detail) => `Måltallet kunne ikke beregnes: ${detail}`,
  errorInvalid: (count) => `Dataene har ${count} feil:`,
  issueLine: (record, field, expected, found) => `post ${record}, felt «${field}»: forventet ${expected}, fant ${found}`,
  optionLine: (field, expected, found) => `innstilling «${field}»: forventet ${expected}, fant ${found}`,
  moreIssues: (count) => `og ${count} til`,
  warningsNotice: (count) => `${count} ${count === 1 ? 'merknad' : 'merknader'} om dataene`,
  percentagePoints: 'pp',
  dataTable: 'Data',
});
