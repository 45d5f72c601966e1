/**
 * Russian (ru): every term of the platform and of every element, one opt-in
 * module. English is built into the elements; a page adds this language with
 *
 *   import 'retention-kit/translations/ru';                        // npm
 *   <script src="https://…/retention-kit/dist/translations/ru.js"></script>  // CDN, module or classic
 *
 * Elements already on the page switch to it at once. The registry is shared
 * through globalThis, so this file works beside any build of the kit.
 */
import type { Granularity } from '../metrics/calendar/calendar.ts';
import { registerTranslation, type Terms } from '../components/platform/translations.ts';
import type { KpiMetric } from '../metrics/kpi-catalogue.ts';
import type { NpsGroupName } from '../components/nps-score/nps-layout.ts';

/** Russian plural forms: 1 запись, 2 записи, 5 записей. */
function ruPlural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
}

// <churn-reasons>
const ruCancellations = (count: number) => `${count} ${ruPlural(count, 'отмена', 'отмены', 'отмен')}`;

// <kpi-tile>
const kpiMetricNames: Record<KpiMetric, string> = {
  'repeat-purchase-rate': 'Доля повторных покупок',
  'loyal-customer-rate': 'Доля лояльных клиентов',
  'time-between-purchases': 'Время между покупками',
  ltv: 'Пожизненная ценность клиента',
  arpa: 'Средняя выручка на клиента',
  nrr: 'Чистое удержание выручки',
  grr: 'Валовое удержание выручки',
  'revenue-churn': 'Чистый отток выручки',
  'customer-churn': 'Отток клиентов',
  crr: 'Удержание клиентов',
  'return-rate': 'Доля возвратов',
  dso: 'Оборачиваемость дебиторской задолженности (DSO)',
  nps: 'Индекс потребительской лояльности (NPS)',
  'active-customers': 'Активные клиенты',
};

// <ltv-forecast>
const ruUnit = (count: number, unitDays: number) =>
  unitDays === 1
    ? `${count} ${ruPlural(count, 'день', 'дня', 'дней')}`
    : unitDays === 7
      ? `${count} ${ruPlural(count, 'неделю', 'недели', 'недель')}`
      : `${count} × ${unitDays} дн.`;
/** Per quarter → «в квартал»; over 6 complete quarters → «за 6 полных кварталов». */
const ruPer: Record<Granularity, string> = { day: 'в день', week: 'в неделю', month: 'в месяц', quarter: 'в квартал', year: 'в год' };
const ruComplete: Record<Granularity, [string, string, string]> = {
  day: ['полный день', 'полных дня', 'полных дней'],
  week: ['полную неделю', 'полные недели', 'полных недель'],
  month: ['полный месяц', 'полных месяца', 'полных месяцев'],
  quarter: ['полный квартал', 'полных квартала', 'полных кварталов'],
  year: ['полный год', 'полных года', 'полных лет'],
};

// <nps-score>
const scores: Record<NpsGroupName, string> = { promoters: '9–10', passives: '7–8', detractors: '0–6' };
const groupsRu: Record<NpsGroupName, string> = { promoters: 'Промоутеры', passives: 'Нейтралы', detractors: 'Критики' };

// <retention-gauge>
const ruDays = (days: number) => `${days} ${ruPlural(days, 'день', 'дня', 'дней')}`;

// Notes about the data (warning codes of the engine): 1 запись была исключена, 3 записи были исключены, 5 записей были исключены.
const ruRecords = (count: number, n: string) => `${n} ${ruPlural(count, 'запись', 'записи', 'записей')}`;
const ruOfRecords = (count: number, n: string) => `${n} ${ruPlural(count, 'записи', 'записей', 'записей')}`;
const ruLeftOut = (count: number) => ruPlural(count, 'была исключена', 'были исключены', 'были исключены');

const translation = {
  // platform
  loading: 'Загрузка данных…',
  loadingBytes: (received) => `Загрузка данных… получено ${received}`,
  loadingRows: (rows, received) => `Чтение данных… записей: ${rows} (${received})`,
  computing: 'Вычисление…',
  computingProgress: (percent) => `Вычисление… ${percent}`,
  waitingForSource: (id) => `Ожидание источника данных «${id}»…`,
  noData: 'Данных пока нет.',
  errorHttp: (status, url) => `Не удалось загрузить ${url}: сервер ответил ${status}.`,
  errorNetwork: (url) => `Не удалось загрузить ${url}: сервер не отвечает (нет сети или доступ заблокирован).`,
  errorParse: (origin, detail) => `Не удалось прочитать данные из ${origin}: ${detail}`,
  errorSourceMissing: (id) => `На этой странице нет элемента <retention-source id="${id}">.`,
  errorNotData: (origin) => `${origin} вернул веб-страницу, а не файл JSON или CSV: проверьте адрес и нет ли перед файлом входа в систему или другой страницы.`,
  errorBinary: (origin) => `${origin} — не текстовый файл (например, изображение, PDF или книга Excel): экспортируйте его в CSV (UTF-8) или JSON.`,
  errorTimeout: (origin, seconds) => `${origin} перестал отвечать: за ${seconds} с ничего не пришло.`,
  errorLitPolicy: 'Эта страница не разрешает политику Trusted Types «lit-html», которой рисуется диаграмма: добавьте её в директиву trusted-types (trusted-types lit-html retention-kit).',
  errorEmpty: (origin) => `${origin} ничего не вернул: файл пуст.`,
  errorCompute: (detail) => `Не удалось вычислить показатель: ${detail}`,
  errorInvalid: (count) => `В данных ${count} ${ruPlural(count, 'ошибка', 'ошибки', 'ошибок')}.`,
  errorDetails: 'Подробности',
  issueLine: (record, field, expected, found) => `запись ${record}, поле «${field}»: ожидалось ${expected}, найдено ${found}`,
  optionLine: (field, expected, found) => `параметр «${field}»: ожидалось ${expected}, найдено ${found}`,
  moreIssues: (count) => `и ещё ${count}`,
  warningsNotice: (count) => `${count} ${ruPlural(count, 'замечание', 'замечания', 'замечаний')} о данных`,
  'warning-missing-customer': (count, n) => `${ruRecords(count, n)} без идентификатора клиента ${ruLeftOut(count)}.`,
  'warning-zero-amount': (count, n, p) =>
    p.subject === 'repeat-customers'
      ? `У ${n} ${ruPlural(count, 'повторного клиента', 'повторных клиентов', 'повторных клиентов')} средняя сумма покупки 0 или меньше.`
      : `Сумма 0 в ${n} ${ruPlural(count, 'записи', 'записях', 'записях')}: это активность, но не выручка.`,
  'warning-future-date': (count, n, p) =>
    p.asOf
      ? `${ruRecords(count, n)} с датой расчёта ${p.asOf} или позже ${ruLeftOut(count)}.`
      : `${ruRecords(count, n)} ${ruPlural(count, 'датирована', 'датированы', 'датированы')} будущим числом.`,
  'warning-duplicate-row': (count, n) => `${ruRecords(count, n)} в точности ${ruPlural(count, 'повторяет', 'повторяют', 'повторяют')} более раннюю запись; проверьте экспорт на задвоенные строки.`,
  'warning-partial-period': (_count, _n, p) => `Период ${p.period} ещё не закончился: он посчитан по последний день данных.`,
  'warning-unknown-type': (count, n) => `У ${ruOfRecords(count, n)} неизвестный тип.`,
  'warning-missing-reason': (count, n) => `У ${ruOfRecords(count, n)} не указана причина отмены.`,
  'warning-missing-property': (count, n, p) =>
    p.reason === 'no-date'
      ? `У ${n} ${ruPlural(count, 'ответа', 'ответов', 'ответов')} нет даты: в общем индексе они учтены, в динамике — нет.`
      : p.reason === 'not-in-customer-list'
        ? `${n} ${ruPlural(count, 'покупатель не найден', 'покупателя не найдены', 'покупателей не найдены')} в списке клиентов: когорта «(нет)».`
        : `У ${n} ${ruPlural(count, 'клиента', 'клиентов', 'клиентов')} нет значения свойства: когорта «(нет)».`,
  'warning-customer-without-purchases': (count, n) => `У ${ruOfRecords(count, n)} списка клиентов нет покупок, и они не входят ни в одну когорту.`,
  'warning-ignored-status': (count, n, p) => `${ruRecords(count, n)} со статусом ${p.statuses?.map((word) => `«${word}»`).join(', ')} ${ruLeftOut(count)}.`,
  'warning-cohorts-left-out': (_count, n, p) => `Самые ранние когорты (${n}) не показаны: показаны последние ${p.shown} (max-cohorts); строка среднего учитывает все.`,
  'warning-periods-left-out': (_count, _n, p) => `Периоды после первых ${p.shown} не показаны: max-periods показывает больше (до 120).`,
  'warning-earlier-periods-left-out': (_count, n, p) => `Самые ранние периоды (${n}) не показаны, только последние ${p.shown}: более крупная гранулярность покажет все.`,
  'warning-invalid-attribute': (_count, _n, p) =>
    `${p.attribute}="${p.value}" не используется: ожидается ${p.takes === 'margin' ? 'маржа от 0 до 1 (0.78) или процент до 100 (78 %)' : p.choices ? `одно из значений: ${p.choices.join(', ')}` : `${p.wholeNumber ? 'целое число' : 'число'} от ${p.min} до ${p.max}`}, поэтому действует значение по умолчанию.`,
  'warning-deprecated-attribute': (_count, _n, p) => `${p.attribute}="${p.value}" пока работает, но устарел: пишите ${p.replacement}="${p.value}".`,
  'warning-other-currency': (count, n, p) =>
    `${ruRecords(count, n)} в ${p.otherCurrencies?.join(', ')} ${ruPlural(count, 'учтена', 'учтены', 'учтены')} как активность, но не в денежных показателях (они в ${p.currency}).`,
  percentagePoints: 'п. п.',
  dataTable: 'Данные',
  scopeSpan: (from, to) => `${from} – ${to}`,
  scopeGranularity: (granularity) => ({ day: 'По дням', week: 'По неделям', month: 'По месяцам', quarter: 'По кварталам', year: 'По годам' })[granularity],
  scopeCustomers: (count, shown) => `${shown} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')}`,
  scopeCohorts: (granularity) => ({ day: 'Когорты по дням', week: 'Когорты по неделям', month: 'Когорты по месяцам', quarter: 'Когорты по кварталам', year: 'Когорты по годам' })[granularity],
  scopeCohortsBy: (property) => `Когорты по признаку «${property}»`,
  trustInterval: '95%-й интервал',
  trustIntervalRange: (low, high) => `${low} – ${high}`,
  trustWithinNoise: 'в пределах шума',
  trustBeyondNoise: 'сверх шума',
  trustChange: (change, noise) => `${change} (${noise})`,
  trustFewCustomers: (count) => `всего ${count} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')} на начало: ненадёжная доля`,
  trustWarmUp: (days) => `недостаточно истории: окно активности в ${ruDays(days)} уходит раньше первой покупки в данных, поэтому активные клиенты на начало недосчитаны`,
  trustNotEnoughHistory: 'недостаточно истории',
  trustHealthy: 'В норме',
  trustNeedsAction: 'Нужны меры',
  trustNoVerdict: 'Без оценки',
  trustRunning: 'период ещё идёт: оценка — после его окончания',
  exportMenu: 'Экспорт',
  exportCsv: 'Данные (CSV)',
  exportSvg: 'Изображение (SVG)',
  exportPng: 'Изображение (PNG)',
  exportFailure: (reason) => ({ 'not-ready': 'Экспортировать пока нечего.', 'not-drawn': 'Диаграмма не отрисована (скрыта?), поэтому изображения для экспорта нет.', 'image-blocked': 'Страница не разрешает изображения blob: (img-src в её Content-Security-Policy), поэтому PNG не создать. CSV и SVG работают.', 'image-failed': 'Не удалось создать изображение.' })[reason],

  // <churn-reasons>
  reasonsScopeByCount: 'По числу отмен',
  reasonsScopeByRevenue: 'По потерянной выручке',
  reasonsLabel: 'Причины отказа',
  reasonsSummary: (total, top, share) => `${ruCancellations(total)}; главная причина — «${top}», ${share}.`,
  reasonsSummaryRevenue: (total) => `Потерянная выручка ${total}.`,
  reasonsNoReason: '(причина не указана)',
  reasonsFolded: (distinct) => `${distinct} ${ruPlural(distinct, 'редкая причина', 'редкие причины', 'редких причин')}`,
  reasonsFoldedSummary: (distinct, count) => `${distinct} ${ruPlural(distinct, 'редкая причина', 'редкие причины', 'редких причин')}, всего ${ruCancellations(count)}`,
  reasonsFoldedHolds: (list, more) => `Включает: ${list}${more > 0 ? ` и ещё ${more}` : ''}`,
  reasonsRare: (threshold) => `названо реже ${threshold} раз`,
  reasonsTail: (max) => `за пределами первых ${max}`,
  reasonsKeyboardHint: 'Причины отказа. Стрелки переходят между причинами; Enter выбирает причину или раскрывает список редких причин.',
  reasonsReason: 'Причина',
  reasonsCount: 'Отмены',
  reasonsLostRevenue: 'Потерянная выручка',
  reasonsShare: 'Доля',
  reasonsByCount: 'по числу отмен',
  reasonsByRevenue: 'по потерянной выручке',
  reasonsTrend: 'Главные причины по периодам',
  reasonsTrendTable: 'Отмены по периодам и причинам',
  reasonsPeriod: 'Период',
  reasonsTotal: 'Все причины',
  reasonsCancellations: ruCancellations,
  reasonsSpellings: (list) => `Сюда сведены ответы: ${list}`,

  // <churn-trend>
  churnScopeWindow: (days) => `активен = покупка за последние ${ruDays(days)}`,
  churnScopeNet: 'за вычетом расширений',
  churnTrendCustomer: 'Отток клиентов',
  churnTrendRevenue: 'Отток выручки',
  churnPeriod: 'Период',
  churnStartCustomers: 'Клиентов на начало',
  churnStartRevenue: 'Регулярная выручка на начало',
  churnLostCustomers: 'Потеряно клиентов',
  churnLostRevenue: 'Потеряно выручки',
  churnExpansion: 'Расширение',
  churnRate: 'Доля оттока',
  churnNetRate: 'Чистый отток выручки',
  churnIncomplete: 'период ещё не закончился',
  churnVerdict: 'Ориентир',
  churnWarmUpPeriods: (count) => `${count === 1 ? 'Для первого периода' : `Для первых ${count} ${ruPlural(count, 'периода', 'периодов', 'периодов')}`} недостаточно истории, чтобы измерить отток: не показаны.`,
  churnNoRate: 'нет значения (на начало периода ноль)',
  churnThreshold: (value) => `Порог ${value}`,
  churnRange: (what, from, to) => `${what} по периодам, с ${from} по ${to}.`,
  churnLatest: (rate, period) => `Последнее значение: ${rate} за ${period}.`,
  churnAbove: (count, total, threshold) => `${count} из ${total} периодов выше порога ${threshold}.`,
  churnNegative: (count) => `Периодов с чистым отрицательным оттоком: ${count}.`,
  churnKeyboardHint: 'Диаграмма: используйте клавиши со стрелками, чтобы прочитать каждый период.',
  churnWindow: (days) => `Клиент считается активным ${days} дней после покупки.`,

  // <cohort-heatmap>
  heatmapPercent: 'Удержание по когортам',
  heatmapCount: 'Активные клиенты по когортам',
  heatmapRevenue: 'Выручка по когортам',
  heatmapCohort: 'Когорта',
  heatmapSize: 'Клиентов',
  heatmapAverage: 'Среднее',
  heatmapPeriod: (k) => `Период ${k}`,
  heatmapNotReached: 'ещё не наступил',
  heatmapActiveOf: (count, size) => `активны ${count} из ${size}`,
  heatmapKeyboardHint: 'Таблица когорт: стрелки перемещают между ячейками, Home и End — к краям строки, Enter выбирает когорту.',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}: когорт — ${cohorts} (с ${first} по ${last}), периодов — ${periods}.`,
  heatmapAverageAt: (k, value) => `Среднее в периоде ${k}: ${value}.`,
  heatmapPartial: 'Последний период ещё не закончился.',
  heatmapPartialAverage: 'Последний период каждой когорты ещё не закончился: его ячейка обведена и не входит в среднее.',
  heatmapRunning: 'ещё идёт',
  heatmapCohortBy: (property) => `Когорты по признаку «${property}».`,
  heatmapLegend: 'Цветовая шкала',
  heatmapNoValue: '(нет)',
  heatmapScale: (measure) => (measure === 'percent' ? '% активных в когорте' : measure === 'count' ? 'Активные клиенты' : 'Выручка'),
  heatmapAtLeast: (value) => `≥ ${value}`,
  heatmapAtMost: (value) => `≤ ${value}`,
  heatmapStartKey: 'период 0: вся когорта',
  heatmapValuesOnHover: 'значения при наведении или фокусе',
  heatmapFewKey: (threshold) => `меньше ${threshold} клиентов: слишком мало для выводов`,
  heatmapScaleIn: (what, unit) => `${what} (${unit})`,

  // <customer-health>
  healthScopeAsOf: (date) => `На ${date}`,
  healthScopeWindow: (days) => `активность за последние ${ruDays(days)}`,
  healthLabel: 'Здоровье клиентов',
  healthSummary: (customers, shown, atRisk, lapsed, threshold) =>
    `${shown} ${ruPlural(customers, 'клиент', 'клиента', 'клиентов')}: под угрозой ${atRisk} (оценка ниже ${threshold})${lapsed !== null ? `, ушли ${lapsed} (подписка истекла и не продлена)` : ''}.`,
  healthScopeOrders: (days) => `покупки за последние ${ruDays(days)}`,
  healthOrderRecurring: (baseline) =>
    `Порядок звонков: риск × ежемесячная регулярная выручка, чтобы первыми шли те, кого терять дороже всего. Риск — баллы ниже начальной оценки ${baseline}; ушедшие клиенты идут последними.`,
  healthOrderRevenue: (baseline) =>
    `Порядок звонков: риск × выручка за последние 12 месяцев, чтобы первыми шли те, кого терять дороже всего. Риск — баллы ниже начальной оценки ${baseline}.`,
  healthOrderRisk: (baseline) => `Порядок звонков: риск — баллы ниже начальной оценки ${baseline} (в данных нет выручки, чтобы его взвесить).`,
  healthCallFirst: (customer, score) => `Позвонить первым: ${customer} (оценка ${score}).`,
  healthRank: '№',
  healthActiveShort: 'Активен',
  healthLapsed: 'Ушёл',
  healthValueRecurring: 'MRR',
  healthValueRevenue: 'Выручка за 12 мес.',
  healthCustomers: 'Клиенты',
  healthBand: (low, high) => `Оценка ${low}–${high}`,
  healthClearBand: (band) => `${band}: показать все оценки`,
  healthRiskLine: (threshold) => `под угрозой ниже ${threshold}`,
  healthDistributionHint: 'Клиенты по оценке. Стрелки переходят между интервалами оценок; Enter оставляет в списке только клиентов интервала.',
  healthDistributionTable: 'Клиенты по интервалам оценки',
  healthSpendDrop: (drop, before, now) => `Сумма покупок упала на ${drop} (${before} → ${now})`,
  healthOrderDaysDrop: (drop, before, now) => `Дней с покупками стало меньше на ${drop} (${before} → ${now})`,
  healthNoPurchase: (since) => `Нет покупок с ${since}`,
  healthAsOfFromData: (day, days) => `По ${day}; «недавно» — последние ${days} дн. (три типичных промежутка между покупками) против ${days} дн. до них.`,
  healthChipUsage: (change) => `Использование ${change}`,
  healthChipLogins: (change) => `Входы ${change}`,
  healthChipSpend: (change) => `Покупки на сумму ${change}`,
  healthChipOrderDays: (change) => `Покупки ${change}`,
  healthChipQuiet: (since) => `Тишина с ${since}`,
  healthChipExpired: (day) => `Истекла ${day}`,
  healthChipDowngrade: (count) => (count === 1 ? 'Понижен тариф' : `Понижен тариф ×${count}`),
  healthChipTicketsSilent: 'Перестал писать в поддержку',
  healthChipRenewal: (count) => (count === 1 ? 'Продлил' : `Продлил ×${count}`),
  healthChipUpgrade: (count) => (count === 1 ? 'Повысил тариф' : `Повысил тариф ×${count}`),
  healthTable: 'Клиенты по оценке здоровья',
  healthCustomer: 'Клиент',
  healthScore: 'Оценка',
  healthStatus: 'Статус',
  healthLastActive: 'Последняя активность',
  healthSignals: 'Сигналы',
  healthAtRisk: 'Под угрозой',
  healthHealthy: 'В порядке',
  healthAtRiskOnly: (count) => `Только под угрозой (${count})`,
  healthNever: 'никогда',
  healthNoSignals: 'нет сигналов',
  healthSortBy: (column) => `Сортировать: ${column.toLowerCase()}`,
  healthKeyboardHint: 'Клиенты в порядке звонков. Стрелки переходят между клиентами, Page Up/Down и Home/End — прыжки, Enter показывает сигналы клиента.',
  healthDetails: (customer) => `Сигналы клиента ${customer}`,
  healthBaseline: (points) => `Начальная оценка ${points}`,
  healthUsageDrop: (drop, before, now) => `Использование упало на ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Входов стало меньше на ${drop} (${before} → ${now})`,
  healthDormant: (since) => `Нет входов и использования с ${since}`,
  healthExpired: (day) => `Подписка истекла ${day} и не продлена`,
  healthDowngrade: (count) => (count === 1 ? 'Понижен тариф' : `Тариф понижен ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthTicketsSilent: (before) => `${before} ${ruPlural(before, 'обращение', 'обращения', 'обращений')} в поддержку раньше, сейчас ни одного`,
  healthRenewal: (count) => (count === 1 ? 'Продлил' : `Продлевал ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthUpgrade: (count) => (count === 1 ? 'Повысил тариф' : `Повышал тариф ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthAsOf: (day, days) => `По ${day}; «недавно» — последние ${days} дн. против ${days} дн. до них.`,

  // <kpi-tile>
  kpiMetric: (metric) => kpiMetricNames[metric],
  kpiLabel: 'Ключевой показатель',
  kpiDays: (days, count) => `${days} ${Number.isInteger(count) ? ruPlural(count, 'день', 'дня', 'дней') : 'дня'}`,
  kpiDelta: (change) => `${change} к предыдущему периоду`,
  kpiNoPrevious: 'Нет предыдущего периода для сравнения',
  kpiVersus: 'к предыдущему периоду',
  kpiRunning: 'на текущий момент',
  kpiChurnAction: (t) => `Нужны меры: выше ${t}`,
  kpiChurnOk: (t) => `Ниже порога тревоги ${t}`,
  kpiMonthly: (m) => `(${m} в месяц)`,
  kpiRetentionChurnAction: (c) => `Нужны меры: отток выше ${c}`,
  kpiRetentionChurnOk: (c) => `Отток ниже порога тревоги ${c}`,
  kpiSaasNormal: (level) => `Норма SaaS: удержание ${level} и выше`,
  kpiSmallSample: (count) => `всего ${count} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')}: неточно`,
  kpiNpsExcellent: (h) => `Отлично (выше ${h})`,
  kpiNpsGood: (t) => `Хорошо (выше ${t})`,
  kpiNpsBad: (t) => `Стоит улучшить (${t} и ниже)`,
  kpiTargetMet: (t) => `Цель ${t} достигнута`,
  kpiTargetMissed: (t) => `Цель ${t} не достигнута`,
  kpiSummary: (metric, value, period) => `${metric}: ${value}${period ? ` (${period})` : ''}.`,
  kpiSummaryDelta: (change) => `Изменение к предыдущему периоду: ${change}.`,
  kpiTable: (metric) => `${metric} по периодам`,
  kpiPeriod: 'Период',
  kpiValue: 'Значение',
  kpiNoValue: 'нет значения',
  kpiPrevious: 'Предыдущий период',

  // <ltv-forecast>
  ltvScopeHorizon: (horizon) => `прогноз на ${horizon} вперёд`,
  ltvLabel: 'Пожизненная ценность клиента',
  ltvHorizon: ruUnit,
  ltvPredicted: (horizon) => `Прогноз ценности клиента на ${horizon}`,
  ltvExpectedPurchases: 'Ожидаемые покупки',
  ltvProbabilityAlive: 'Вероятность, что клиент остался',
  ltvHistoric: 'Фактическая ценность клиента на сегодня',
  ltvSaas: 'Пожизненная ценность по формуле SaaS',
  ltvSaasFormula: (arpa, margin, churn) => `ARPA ${arpa} × маржа ${margin} ÷ отток ${churn}`,
  ltvSaasFormulaRevenue: (arpa, churn) => `ARPA ${arpa} ÷ отток ${churn}`,
  ltvRevenueLabel: (method, horizon) =>
    ({ predicted: `Прогноз выручки с клиента на ${horizon}`, historic: 'Фактическая выручка с клиента на сегодня', saas: 'Пожизненная выручка по формуле SaaS' })[method],
  ltvBasisPredicted: (n, shown, repeat, repeatShown) =>
    `Покупки по BG/NBD × сумма по Gamma-Gamma; модели обучены на ${shown} ${ruPlural(n, 'клиенте', 'клиентах', 'клиентах')}, из них ${repeatShown} ${ruPlural(repeat, 'купил', 'купили', 'купили')} повторно.`,
  ltvBasisHistoric: (n, shown) => `Чистая выручка на клиента на сегодня, по ${shown} ${ruPlural(n, 'клиенту', 'клиентам', 'клиентам')}.`,
  ltvNoMargin: 'Валовая маржа не задана (gross-margin): значения — выручка, а не прибыль.',
  ltvMarginApplied: (percent) => `С учётом валовой маржи ${percent}.`,
  ltvMarginReadAsPercent: (percent, attribute, written) => `С учётом валовой маржи ${percent} (${attribute}="${written}" прочитано как процент).`,
  ltvMarginNone: 'не задана (выручка)',
  ltvWhyEnoughRepeat: (n, shown, minimum) =>
    `Показано первым: ${shown} ${ruPlural(n, 'клиент купил', 'клиента купили', 'клиентов купили')} повторно — достаточно для моделей покупок и сумм (нужно не меньше ${minimum}).`,
  ltvWhyFewRepeat: (n, shown, minimum) =>
    `Фактическая, а не прогноз: повторно ${ruPlural(n, 'купил', 'купили', 'купили')} лишь ${shown} ${ruPlural(n, 'клиент', 'клиента', 'клиентов')}, а моделям покупок и сумм для надёжности нужно не меньше ${minimum}.`,
  ltvWhyFitFailed: 'Фактическая, а не прогноз: модель покупок или сумм не удалось подобрать по этим данным, или она не сошлась.',
  ltvWhyFiguresGiven: 'Показано первым: задан ARPA или отток — это подписочный бизнес.',
  ltvWhyRecurring: (share, tolerance, days) => `Показано первым: платежи повторяются как подписка — ${share} интервалов между платежами клиента отличаются от ${days} дн. не более чем на ${tolerance}.`,
  ltvWhyAsked: (method) => `Показано по запросу (method="${method}").`,
  ltvAskedUnavailable: (method) => `Для method="${method}" по этим данным значения нет.`,
  ltvOthers: (count) => `${count === 1 ? 'Другая оценка' : 'Другие оценки'} пожизненной ценности (${count})`,
  ltvSaasFromData: (period, n, days) =>
    `ARPA и отток ${ruPer[period]}, измерены за ${n} ${ruPlural(n, ...ruComplete[period])}; клиент считается активным ${days} ${ruPlural(days, 'день', 'дня', 'дней')} после покупки.`,
  ltvSaasGiven: 'ARPA и отток как заданы, за один и тот же период.',
  ltvSaasNoChurn: 'В измеренных периодах никто не ушёл: у формулы нет конечного значения.',
  ltvSaasNoData: (period) => `Отток ${ruPer[period]} нельзя измерить: нет полного периода с активными клиентами на его начало.`,
  ltvDistribution: 'Прогноз ценности по клиентам',
  ltvCustomersAxis: 'клиенты',
  ltvTop: 'Самые ценные клиенты',
  ltvCustomer: 'Клиент',
  ltvValue: 'Ценность',
  ltvExpectedSpend: 'Сумма покупки',
  ltvCohorts: 'Фактическая ценность по первой покупке',
  ltvCohort: 'Когорта',
  ltvCustomers: 'Клиенты',
  ltvDetails: 'Параметры модели',
  ltvParameter: 'Параметр',
  ltvLogLikelihood: 'Логарифм правдоподобия',
  ltvConverged: 'Сошлось',
  ltvYes: 'да',
  ltvNo: 'нет',
  ltvPurchaseModel: 'Покупки (BG/NBD)',
  ltvSpendModel: 'Суммы (Gamma-Gamma)',
  ltvTimeUnit: 'Единица времени',
  ltvCalibrationEnd: 'Конец периода калибровки',
  ltvDiscountRate: 'Ставка дисконтирования за единицу времени',
  ltvMargin: 'Маржа',
  ltvMeasure: 'Показатель',
  ltvTable: 'Показатели пожизненной ценности',
  ltvNotAvailable: (reason) => `Недоступно: ${reason}`,
  ltvBin: (from, to) => `от ${from} до ${to}`,
  ltvBinOverflow: (from) => `${from} и больше`,
  ltvShareOfCustomers: 'Доля клиентов',
  periodsGrouped: (count, by) =>
    `${count} ${ruPlural(count, 'период', 'периода', 'периодов')} — слишком много, чтобы показать по одному: суммировано по ${({ day: 'дням', week: 'неделям', month: 'месяцам', quarter: 'кварталам', year: 'годам' } as const)[by]}. Задайте granularity="${by}", чтобы считать так.`,

  // <nps-score>
  npsLabel: 'Индекс потребительской лояльности (NPS)',
  npsResponses: (count, n) => `${n} ${ruPlural(count, 'ответ', 'ответа', 'ответов')}`,
  npsGroup: (g) => groupsRu[g],
  npsGroupScores: (g) => `${groupsRu[g]} (${scores[g]})`,
  npsFewResponses: (n, min, swing) =>
    `Всего ${n} ${ruPlural(Number(n.replace(/\D/g, '')) || 0, 'ответ', 'ответа', 'ответов')}, меньше ${min}: один дополнительный ответ может сдвинуть индекс на ${swing} пунктов, поэтому это лишь грубый ориентир, а не результат.`,
  npsTrend: 'Динамика',
  npsSummary: (score, responses) => `NPS ${score} (${responses}).`,
  npsSummarySplit: (p, pa, d) => `Промоутеры ${p}, нейтралы ${pa}, критики ${d}.`,
  npsSummaryLatest: (period, score) => `Последний период ${period}: ${score}.`,
  npsSplitTable: 'Промоутеры, нейтралы и критики',
  npsTrendTable: 'NPS по периодам',
  npsGroupColumn: 'Группа',
  npsCount: 'Ответов',
  npsShare: 'Доля',
  npsScoreColumn: 'NPS',
  npsPeriod: 'Период',
  npsNoScore: 'нет ответов',
  npsIntervalRange: (low, high) => `от ${low} до ${high}`,
  npsIntervalLine: (range) => `95-процентный интервал ${range}`,
  npsSummaryInterval: (range) => `95-процентный интервал ${range}.`,
  npsFewMark: 'мало ответов',
  npsFewPeriod: (n) => `Всего ${n} ответов: оценка может сильно отличаться от истинной.`,
  npsKeyboardHint: 'Net Promoter Score по периодам. Стрелки переходят между периодами.',

  // <purchase-cycle>
  cycleScope: (gaps, gapsShown, customers, customersShown) =>
    `${gapsShown} ${ruPlural(gaps, 'повторная покупка', 'повторные покупки', 'повторных покупок')} от ${customersShown} ${ruPlural(customers, 'клиента', 'клиентов', 'клиентов')}`,
  cycleLabel: 'Дни между покупками',
  cycleDays: (range) => `${range} дн.`,
  cycleGaps: 'Повторные покупки',
  cycleShare: 'Доля',
  cycleMedian: 'Медиана',
  cycleMean: 'Среднее',
  cycleWindow: 'Рекомендуемое окно удержания',
  cycleDaysValue: (days) => `${days} дн.`,
  cycleWindowNote: (cycles, median) => `${cycles} × медиана ${median}`,
  cycleBeyond: 'за пределами графика',
  cycleNoGaps: 'Ни один клиент не покупал в два разных дня, поэтому интервалов между покупками пока нет.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Дни между покупками: медиана ${median}, среднее ${mean}, по ${gaps} повторным покупкам ${customers} клиентов. Рекомендуемое окно удержания: ${windowDays}.`,
  cycleKeyboardHint: 'Гистограмма дней между покупками: стрелки перемещают между столбцами.',
  cycleAxis: 'дни между покупками',
  cycleJoined: (joined, _bin, binShown) =>
    `Каждый столбец охватывает ${joined} дн.: столбцы по ${binShown} дн. были бы уже 2 px при этой ширине. Более крупный bin-width, например ${joined}, решает это.`,
  cycleBoughtAgain: 'Купили снова в другой день',
  cycleRepeatOf: (rate, repeat, customers) => `${rate}, ${repeat} из ${customers} клиентов`,
  cycleFewRepeaters: (count) => `Повторно купили только ${count} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')}: слишком мало, чтобы судить о медиане.`,

  // <retention-calculator>
  calcLabel: 'Калькулятор удержания клиентов',
  calcCustomers: 'Клиенты',
  calcRevenue: 'Регулярная выручка',
  calcValue: 'Ценность клиента',
  calcField: (field) =>
    ({
    start: 'Клиентов на начало периода',
    end: 'Клиентов на конец периода',
    new: 'Новых клиентов за период',
    startRevenue: 'Регулярная выручка на начало',
    lostRevenue: 'Выручка, потерянная из-за отказов (отток)',
    contraction: 'Выручка, потерянная из-за понижения тарифа',
    expansion: 'Выручка от повышения тарифа (расширение)',
    arpa: 'Средняя выручка на клиента за период (ARPA)',
    grossMargin: 'Валовая маржа (0.78 или 78 %)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Введите число, только цифры (например, 1250 или 12.5).',
    negative: 'Не может быть меньше 0.',
    'not-whole': 'Клиентов считают поштучно: введите целое число.',
    'new-above-end': 'Новые клиенты входят в число клиентов на конец периода, поэтому их не может быть больше.',
    'start-zero': 'Для удержания нужен хотя бы 1 клиент на начало периода.',
    'revenue-start-zero': 'Для показателей выручки нужна регулярная выручка больше 0 на начало.',
    'losses-above-start': 'Потерянная выручка вместе с понижениями не может превышать выручку на начало.',
    'margin-above-100': 'Валовая маржа не больше 100 %.',
    'margin-not-a-number': 'Введите маржу долей или в процентах, например 0.78 или 78 %.',
    })[problem],
  calcMarginRead: (percent) => `Прочитано как ${percent}.`,
  calcResults: 'Результаты',
  calcRetention: 'Коэффициент удержания клиентов (CRR)',
  calcCustomerChurn: 'Отток клиентов',
  calcRevenueChurn: 'Отток выручки (чистый)',
  calcNrr: 'Чистое удержание выручки (NRR)',
  calcLtv: 'Пожизненная ценность клиента (LTV)',
  calcRetentionFormula: '(клиенты на конец − новые клиенты) ÷ клиенты на начало',
  calcChurnFormula: 'потерянные клиенты ÷ клиенты на начало, где потерянные = клиенты на начало − (клиенты на конец − новые клиенты)',
  calcRevenueChurnFormula: '(потерянная выручка + понижения − расширение) ÷ выручка на начало',
  calcNrrFormula: '(выручка на начало − потерянная выручка − понижения + расширение) ÷ выручка на начало',
  calcLtvFormula: 'ARPA × валовая маржа ÷ отток клиентов',
  calcNetNegative: 'Чистый отрицательный отток: расширение перекрывает потери, и клиенты с начала периода платят больше, чем раньше.',
  calcNeeds: (fields) => `Заполните: ${fields}.`,
  calcNoChurn: 'Без оттока пожизненная ценность не ограничена сверху.',
  calcReactivated: (count) => `Осталось на ${count} больше не новых клиентов, чем было на начало: они вернулись после перерыва, поэтому отток равен 0, а удержание выше 100 %.`,
  calcLost: (count) => `Потеряно клиентов: ${count}.`,
  calcSummaryEmpty: 'Калькулятор удержания клиентов: введите данные, чтобы увидеть результаты.',
  calcTable: 'Рассчитанные показатели удержания',
  calcMeasure: 'Показатель',
  calcResultValue: 'Значение',

  // <retention-curve>
  curveScopeShown: (shown, total) => `последние ${shown} из ${total} когорт`,
  curveLabelOn: 'Кривые удержания (активны в периоде)',
  curveLabelOnOrAfter: 'Кривые удержания (активны в периоде или позже)',
  curveCohort: 'Когорта',
  curveCustomers: 'Клиентов',
  curveAverage: 'Среднее',
  curvePeriod: (k) => `Период ${k}`,
  curvePeriodsAxis: 'периоды после первой покупки',
  curveRunning: 'период ещё идёт',
  curveCohortLine: (label, size) => `${label}, клиентов: ${size}`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: показано когорт — ${shown} (с ${first} по ${last})${total > shown ? ` из ${total}` : ''}, и среднее по всем когортам.`,
  curveAverageAt: (k, value) => `Среднее в периоде ${k}: ${value}.`,
  curveChartHint: 'Кривые удержания: стрелки влево и вправо перемещают вдоль кривой, вверх и вниз — между когортами.',
  curveAverageNote: 'Пунктир: период ещё идёт и не входит в среднее.',
  curveFewNote: (threshold) => `Полые точки: меньше ${threshold} клиентов, слишком мало для выводов.`,

  // <retention-gauge>
  gaugeLabel: 'Удержание клиентов',
  gaugeRetention: 'удержано',
  gaugeChurn: (churn) => `Отток ${churn}`,
  gaugeDelta: (points) => `${points} к предыдущему периоду`,
  gaugeBandWarn: 'Под наблюдением',
  gaugeBenchmark: (churn, monthly) => `отток выше ${churn}${monthly ? ` (${monthly} в месяц)` : ''} требует мер`,
  gaugeCaution: 'Оговорка',
  gaugeKept: 'Сохранённые клиенты с начала периода (1 − отток, по ним судит ориентир)',
  gaugeWindowAttribute: (days) => `Активный клиент = покупка за последние ${ruDays(days)}.`,
  gaugeWindowSuggested: (days) => `Активный клиент = покупка за последние ${ruDays(days)} (предложено по данным: 3 × медианный интервал между покупками).`,
  gaugeWindowDefault: (days) => `Активный клиент = покупка за последние ${ruDays(days)} (по умолчанию: слишком мало повторных покупок, чтобы предложить окно).`,
  gaugeWindowDocument: (days) => `Активный клиент = покупка за последние ${ruDays(days)} (окно, с которым подсчитаны данные по периодам).`,
  gaugeRunning: 'период ещё не завершён',
  gaugeSummary: (period, retention, churn) => `Удержание клиентов (${period}): ${retention}, отток ${churn}.`,
  gaugeSummaryDelta: (points) => `Изменение к предыдущему периоду: ${points}.`,
  gaugeTable: 'Показатели удержания клиентов',
  gaugeMeasure: 'Показатель',
  gaugeValue: 'Значение',
  gaugePeriod: 'Период',
  gaugeStart: 'Клиентов на начало периода (S)',
  gaugeEnd: 'Клиентов на конец периода (E)',
  gaugeNew: 'Новых клиентов (N)',
  gaugeLost: 'Потеряно клиентов',
  gaugeReactivated: 'Вернувшиеся после перерыва клиенты',
  gaugeReactivatedNote: (count) => `${count} ${ruPlural(count, 'клиент вернулся', 'клиента вернулись', 'клиентов вернулись')} после перерыва и ${count % 10 === 1 && count % 100 !== 11 ? 'считается удержанным' : 'считаются удержанными'}, поэтому удержание и отток в сумме могут не давать 100 %.`,
  gaugeRetentionRate: 'Коэффициент удержания (E − N) / S',
  gaugeChurnRate: 'Коэффициент оттока',
  gaugePrevious: 'Удержание в предыдущем периоде',
  gaugeChange: 'Изменение',
  gaugeBand: 'Ориентир',
  gaugeWindow: 'Окно активности',
  gaugeThisPeriod: 'этот период',

  // <revenue-movements>
  movementsScopeMrr: 'регулярная выручка (MRR)',
  movementsLabel: 'Движение регулярной выручки',
  movementsPeriod: 'Период',
  movementsStart: 'Регулярная выручка на начало',
  movementsNew: 'Новые',
  movementsExpansion: 'Расширение',
  movementsReactivation: 'Возврат',
  movementsContraction: 'Сокращение',
  movementsChurn: 'Отток',
  movementsNet: 'Чистое изменение',
  movementsNrr: 'Чистое удержание выручки',
  movementsGrr: 'Валовое удержание выручки',
  movementsQuickRatio: 'Quick ratio',
  movementsRunning: 'период ещё не закончился',
  movementsSelected: (period) => `Выбрано: ${period}`,
  movementsSummary: (from, to) => `Движение регулярной выручки с ${from} по ${to}.`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}: чистое удержание выручки ${nrr}, валовое удержание выручки ${grr}, quick ratio ${quick}.`,
  movementsKeyboardHint: 'Движение выручки: стрелки перемещают между периодами, Enter выбирает период.',
  movementsBarsTooNarrow: (periods, coarser) =>
    `Периодов слишком много (${periods}) для столбцов такой ширины, поэтому показано только чистое изменение. ${{ day: 'Дневные', week: 'Недельные', month: 'Месячные', quarter: 'Квартальные', year: 'Годовые' }[coarser]} или более длинные периоды (granularity="${coarser}") покажут каждое движение.`,
} satisfies Partial<Terms>;

registerTranslation('ru', translation);

/** The keys of this language's terms, for the completeness check in tests/translations/. */
export type TranslatedKeys = keyof typeof translation;
