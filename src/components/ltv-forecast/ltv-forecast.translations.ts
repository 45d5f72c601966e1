/** Terms of <ltv-forecast> in every bundled language. */
import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    ltvLabel: string;
    ltvSummary: (horizon: string, mean: string, customers: number) => string;
    ltvSummaryHistoric: (value: string) => string;
    ltvSummarySaas: (value: string) => string;
    ltvHorizon: (count: number, unitDays: number) => string;
    ltvPredicted: (horizon: string) => string;
    ltvExpectedPurchases: string;
    ltvProbabilityAlive: string;
    ltvHistoric: string;
    ltvSaas: string;
    ltvSaasFormula: (arpa: string, margin: string, churn: string) => string;
    ltvSaasFromData: string;
    ltvDistribution: string;
    ltvCustomersAxis: string;
    ltvTop: string;
    ltvCustomer: string;
    ltvValue: string;
    ltvExpectedSpend: string;
    ltvCohorts: string;
    ltvCohort: string;
    ltvCustomers: string;
    ltvDetails: string;
    ltvParameter: string;
    ltvLogLikelihood: string;
    ltvConverged: string;
    ltvYes: string;
    ltvNo: string;
    ltvPurchaseModel: string;
    ltvSpendModel: string;
    ltvTimeUnit: string;
    ltvCalibrationEnd: string;
    ltvDiscountRate: string;
    ltvMargin: string;
    ltvMeasure: string;
    ltvTable: string;
    ltvNotAvailable: (reason: string) => string;
    ltvBin: (from: string, to: string) => string;
  }
}

const enUnit = (count: number, unitDays: number) =>
  unitDays === 1 ? `${count} ${count === 1 ? 'day' : 'days'}` : unitDays === 7 ? `${count} ${count === 1 ? 'week' : 'weeks'}` : `${count} × ${unitDays} days`;

registerTranslation('en', {
  ltvLabel: 'Customer lifetime value',
  ltvSummary: (horizon, mean, customers) => `Predicted value per customer over the next ${horizon}: ${mean} (${customers} customers).`,
  ltvSummaryHistoric: (value) => `Historic value per customer so far: ${value}.`,
  ltvSummarySaas: (value) => `SaaS formula: ${value}.`,
  ltvHorizon: enUnit,
  ltvPredicted: (horizon) => `Predicted value, next ${horizon}`,
  ltvExpectedPurchases: 'Expected purchases',
  ltvProbabilityAlive: 'Probability still a customer',
  ltvHistoric: 'Historic value so far',
  ltvSaas: 'SaaS formula',
  ltvSaasFormula: (arpa, margin, churn) => `${arpa} × ${margin} ÷ ${churn}`,
  ltvSaasFromData: 'ARPA and churn measured from the data',
  ltvDistribution: 'Predicted value per customer',
  ltvCustomersAxis: 'customers',
  ltvTop: 'Most valuable customers',
  ltvCustomer: 'Customer',
  ltvValue: 'Value',
  ltvExpectedSpend: 'Value per purchase',
  ltvCohorts: 'Historic value by first purchase',
  ltvCohort: 'Cohort',
  ltvCustomers: 'Customers',
  ltvDetails: 'Model details',
  ltvParameter: 'Parameter',
  ltvLogLikelihood: 'Log-likelihood',
  ltvConverged: 'Converged',
  ltvYes: 'yes',
  ltvNo: 'no',
  ltvPurchaseModel: 'Purchases (BG/NBD)',
  ltvSpendModel: 'Spend (Gamma-Gamma)',
  ltvTimeUnit: 'Time unit',
  ltvCalibrationEnd: 'Calibration end',
  ltvDiscountRate: 'Discount rate per time unit',
  ltvMargin: 'Margin',
  ltvMeasure: 'Measure',
  ltvTable: 'Lifetime value figures',
  ltvNotAvailable: (reason) => `Not available: ${reason}`,
  ltvBin: (from, to) => `${from} to ${to}`,
});

const nbUnit = (count: number, unitDays: number) =>
  unitDays === 1 ? `${count} ${count === 1 ? 'dag' : 'dager'}` : unitDays === 7 ? `${count} ${count === 1 ? 'uke' : 'uker'}` : `${count} × ${unitDays} dager`;

registerTranslation('nb', {
  ltvLabel: 'Kundelivstidsverdi',
  ltvSummary: (horizon, mean, customers) => `Forventet verdi per kunde de neste ${horizon}: ${mean} (${customers} kunder).`,
  ltvSummaryHistoric: (value) => `Historisk verdi per kunde så langt: ${value}.`,
  ltvSummarySaas: (value) => `SaaS-formelen: ${value}.`,
  ltvHorizon: nbUnit,
  ltvPredicted: (horizon) => `Forventet verdi, neste ${horizon}`,
  ltvExpectedPurchases: 'Forventede kjøp',
  ltvProbabilityAlive: 'Sannsynlighet for fortsatt kunde',
  ltvHistoric: 'Historisk verdi så langt',
  ltvSaas: 'SaaS-formelen',
  ltvSaasFormula: (arpa, margin, churn) => `${arpa} × ${margin} ÷ ${churn}`,
  ltvSaasFromData: 'ARPA og frafall målt fra dataene',
  ltvDistribution: 'Forventet verdi per kunde',
  ltvCustomersAxis: 'kunder',
  ltvTop: 'De mest verdifulle kundene',
  ltvCustomer: 'Kunde',
  ltvValue: 'Verdi',
  ltvExpectedSpend: 'Verdi per kjøp',
  ltvCohorts: 'Historisk verdi etter første kjøp',
  ltvCohort: 'Kohort',
  ltvCustomers: 'Kunder',
  ltvDetails: 'Modelldetaljer',
  ltvParameter: 'Parameter',
  ltvLogLikelihood: 'Log-likelihood',
  ltvConverged: 'Konvergert',
  ltvYes: 'ja',
  ltvNo: 'nei',
  ltvPurchaseModel: 'Kjøp (BG/NBD)',
  ltvSpendModel: 'Beløp (Gamma-Gamma)',
  ltvTimeUnit: 'Tidsenhet',
  ltvCalibrationEnd: 'Slutt på kalibreringen',
  ltvDiscountRate: 'Diskonteringsrente per tidsenhet',
  ltvMargin: 'Margin',
  ltvMeasure: 'Mål',
  ltvTable: 'Tall for livstidsverdi',
  ltvNotAvailable: (reason) => `Ikke tilgjengelig: ${reason}`,
  ltvBin: (from, to) => `${from} til ${to}`,
});

const daUnit = (count: number, unitDays: number) =>
  unitDays === 1 ? `${count} ${count === 1 ? 'dag' : 'dage'}` : unitDays === 7 ? `${count} ${count === 1 ? 'uge' : 'uger'}` : `${count} × ${unitDays} dage`;

registerTranslation('da', {
  ltvLabel: 'Kundelivstidsværdi',
  ltvSummary: (horizon, mean, customers) => `Forventet værdi pr. kunde de næste ${horizon}: ${mean} (${customers} kunder).`,
  ltvSummaryHistoric: (value) => `Historisk værdi pr. kunde indtil nu: ${value}.`,
  ltvSummarySaas: (value) => `SaaS-formlen: ${value}.`,
  ltvHorizon: daUnit,
  ltvPredicted: (horizon) => `Forventet værdi, næste ${horizon}`,
  ltvExpectedPurchases: 'Forventede køb',
  ltvProbabilityAlive: 'Sandsynlighed for stadig kunde',
  ltvHistoric: 'Historisk værdi indtil nu',
  ltvSaas: 'SaaS-formlen',
  ltvSaasFormula: (arpa, margin, churn) => `${arpa} × ${margin} ÷ ${churn}`,
  ltvSaasFromData: 'ARPA og churn målt fra dataene',
  ltvDistribution: 'Forventet værdi pr. kunde',
  ltvCustomersAxis: 'kunder',
  ltvTop: 'De mest værdifulde kunder',
  ltvCustomer: 'Kunde',
  ltvValue: 'Værdi',
  ltvExpectedSpend: 'Værdi pr. køb',
  ltvCohorts: 'Historisk værdi efter første køb',
  ltvCohort: 'Kohorte',
  ltvCustomers: 'Kunder',
  ltvDetails: 'Modeldetaljer',
  ltvParameter: 'Parameter',
  ltvLogLikelihood: 'Log-likelihood',
  ltvConverged: 'Konvergeret',
  ltvYes: 'ja',
  ltvNo: 'nej',
  ltvPurchaseModel: 'Køb (BG/NBD)',
  ltvSpendModel: 'Beløb (Gamma-Gamma)',
  ltvTimeUnit: 'Tidsenhed',
  ltvCalibrationEnd: 'Slut på kalibreringen',
  ltvDiscountRate: 'Diskonteringsrente pr. tidsenhed',
  ltvMargin: 'Margin',
  ltvMeasure: 'Mål',
  ltvTable: 'Tal for livstidsværdi',
  ltvNotAvailable: (reason) => `Ikke tilgængelig: ${reason}`,
  ltvBin: (from, to) => `${from} til ${to}`,
});

registerTranslation('zh', {
  ltvLabel: '客户生命周期价值',
  ltvSummary: (horizon, mean, customers) => `未来 ${horizon} 每位客户的预测价值：${mean}（${customers} 位客户）。`,
  ltvSummaryHistoric: (value) => `迄今每位客户的历史价值：${value}。`,
  ltvSummarySaas: (value) => `SaaS 公式：${value}。`,
  ltvHorizon: (count, unitDays) => (unitDays === 1 ? `${count} 天` : unitDays === 7 ? `${count} 周` : `${count} × ${unitDays} 天`),
  ltvPredicted: (horizon) => `预测价值（未来 ${horizon}）`,
  ltvExpectedPurchases: '预期购买次数',
  ltvProbabilityAlive: '仍为客户的概率',
  ltvHistoric: '迄今历史价值',
  ltvSaas: 'SaaS 公式',
  ltvSaasFormula: (arpa, margin, churn) => `${arpa} × ${margin} ÷ ${churn}`,
  ltvSaasFromData: 'ARPA 与流失率由数据测得',
  ltvDistribution: '每位客户的预测价值',
  ltvCustomersAxis: '客户',
  ltvTop: '最有价值的客户',
  ltvCustomer: '客户',
  ltvValue: '价值',
  ltvExpectedSpend: '每次购买价值',
  ltvCohorts: '按首次购买分组的历史价值',
  ltvCohort: '客户群',
  ltvCustomers: '客户数',
  ltvDetails: '模型详情',
  ltvParameter: '参数',
  ltvLogLikelihood: '对数似然',
  ltvConverged: '已收敛',
  ltvYes: '是',
  ltvNo: '否',
  ltvPurchaseModel: '购买（BG/NBD）',
  ltvSpendModel: '消费（Gamma-Gamma）',
  ltvTimeUnit: '时间单位',
  ltvCalibrationEnd: '校准期结束',
  ltvDiscountRate: '每时间单位贴现率',
  ltvMargin: '利润率',
  ltvMeasure: '指标',
  ltvTable: '生命周期价值数据',
  ltvNotAvailable: (reason) => `无法计算：${reason}`,
  ltvBin: (from, to) => `${from} 至 ${to}`,
});

const ruUnit = (count: number, unitDays: number) =>
  unitDays === 1
    ? `${count} ${ruPlural(count, 'день', 'дня', 'дней')}`
    : unitDays === 7
      ? `${count} ${ruPlural(count, 'неделю', 'недели', 'недель')}`
      : `${count} × ${unitDays} дн.`;

registerTranslation('ru', {
  ltvLabel: 'Пожизненная ценность клиента',
  ltvSummary: (horizon, mean, customers) => `Прогноз ценности клиента на ${horizon}: ${mean} (${customers} ${ruPlural(customers, 'клиент', 'клиента', 'клиентов')}).`,
  ltvSummaryHistoric: (value) => `Фактическая ценность клиента на сегодня: ${value}.`,
  ltvSummarySaas: (value) => `Формула SaaS: ${value}.`,
  ltvHorizon: ruUnit,
  ltvPredicted: (horizon) => `Прогноз ценности на ${horizon}`,
  ltvExpectedPurchases: 'Ожидаемые покупки',
  ltvProbabilityAlive: 'Вероятность, что клиент остался',
  ltvHistoric: 'Фактическая ценность',
  ltvSaas: 'Формула SaaS',
  ltvSaasFormula: (arpa, margin, churn) => `${arpa} × ${margin} ÷ ${churn}`,
  ltvSaasFromData: 'ARPA и отток измерены по данным',
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
});
