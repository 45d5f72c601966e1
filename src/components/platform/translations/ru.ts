import { registerTranslation } from '../translations.ts';

/** Russian plural forms: 1 запись, 2 записи, 5 записей. */
export function ruPlural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
}

registerTranslation('ru', {
  loading: 'Загрузка данных…',
  loadingBytes: (received) => `Загрузка данных… получено ${received}`,
  computing: 'Вычисление…',
  computingProgress: (percent) => `Вычисление… ${percent}`,
  waitingForSource: (id) => `Ожидание источника данных «${id}»…`,
  noData: 'Данных пока нет.',
  errorHttp: (status, url) => `Не удалось загрузить ${url}: сервер ответил ${status}.`,
  errorNetwork: (url) => `Не удалось загрузить ${url}: сервер не отвечает (нет сети или доступ заблокирован).`,
  errorParse: (origin, detail) => `Не удалось прочитать данные из ${origin}: ${detail}`,
  errorSourceMissing: (id) => `На этой странице нет элемента <retention-source id="${id}">.`,
  errorCompute: (detail) => `Не удалось вычислить показатель: ${detail}`,
  errorInvalid: (count) => `В данных ${count} ${ruPlural(count, 'ошибка', 'ошибки', 'ошибок')}:`,
  issueLine: (record, field, expected, found) => `запись ${record}, поле «${field}»: ожидалось ${expected}, найдено ${found}`,
  optionLine: (field, expected, found) => `параметр «${field}»: ожидалось ${expected}, найдено ${found}`,
  moreIssues: (count) => `и ещё ${count}`,
  warningsNotice: (count) => `${count} ${ruPlural(count, 'замечание', 'замечания', 'замечаний')} о данных`,
  percentagePoints: 'п. п.',
  dataTable: 'Данные',
});
