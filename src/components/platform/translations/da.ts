import { registerTranslation } from '../translations.ts';

registerTranslation('da', {
  loading: 'Indlæser data…',
  loadingBytes: (received) => `Indlæser data… ${received} modtaget`,
  computing: 'Beregner…',
  computingProgress: (percent) => `Beregner… ${percent}`,
  waitingForSource: (id) => `Venter på datakilden »${id}« …`,
  noData: 'Ingen data endnu.',
  errorHttp: (status, url) => `Kunne ikke indlæse ${url}: serveren svarede ${status}.`,
  errorNetwork: (url) => `Kunne ikke indlæse ${url}: intet svar fra serveren (offline eller blokeret).`,
  errorParse: (origin, detail) => `Dataene fra ${origin} kunne ikke læses: ${detail}`,
  errorSourceMissing: (id) => `Der er ingen <retention-source id="${id}"> på denne side.`,
  errorCompute: (detail) => `Nøgletallet kunne ikke beregnes: ${detail}`,
  errorInvalid: (count) => `Dataene har ${count} fejl:`,
  issueLine: (record, field, expected, found) => `post ${record}, felt »${field}«: forventede ${expected}, fandt ${found}`,
  optionLine: (field, expected, found) => `indstilling »${field}«: forventede ${expected}, fandt ${found}`,
  moreIssues: (count) => `og ${count} mere`,
  warningsNotice: (count) => `${count} ${count === 1 ? 'bemærkning' : 'bemærkninger'} om dataene`,
  percentagePoints: 'procentpoint',
  dataTable: 'Data',
});
