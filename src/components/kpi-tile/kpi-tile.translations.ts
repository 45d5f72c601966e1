import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';
import type { KpiMetric } from './kpi-tile.job.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    kpiMetric: (metric: KpiMetric) => string;
    kpiLabel: string;
    kpiDays: (days: string, count: number) => string;
    kpiDelta: (change: string) => string;
    kpiNoPrevious: string;
    kpiVersus: string;
    kpiRunning: string;
    kpiChurnAction: (threshold: string) => string;
    kpiChurnOk: (threshold: string) => string;
    kpiMonthly: (monthly: string) => string;
    kpiRetentionAction: (threshold: string) => string;
    kpiRetentionOk: (threshold: string) => string;
    kpiSaasNormal: (threshold: string) => string;
    kpiSaasBelow: (threshold: string) => string;
    kpiNpsExcellent: (high: string) => string;
    kpiNpsGood: (threshold: string) => string;
    kpiNpsBad: (threshold: string) => string;
    kpiTargetMet: (target: string) => string;
    kpiTargetMissed: (target: string) => string;
    kpiSummary: (metric: string, value: string, period: string) => string;
    kpiSummaryDelta: (change: string) => string;
    kpiTable: (metric: string) => string;
    kpiPeriod: string;
    kpiValue: string;
    kpiNoValue: string;
    kpiPrevious: string;
  }
}

const en: Record<KpiMetric, string> = {
  'repeat-purchase-rate': 'Repeat purchase rate',
  'loyal-customer-rate': 'Loyal customer rate',
  'time-between-purchases': 'Time between purchases',
  ltv: 'Customer lifetime value',
  arpa: 'Average revenue per account',
  nrr: 'Net revenue retention',
  grr: 'Gross revenue retention',
  'revenue-churn': 'Net revenue churn',
  'customer-churn': 'Customer churn',
  crr: 'Customer retention rate',
  'return-rate': 'Product return rate',
  dso: 'Days sales outstanding',
  nps: 'Net Promoter Score',
  'active-customers': 'Active customers',
};

registerTranslation('en', {
  kpiMetric: (metric) => en[metric],
  kpiLabel: 'Key figure',
  kpiDays: (days, count) => `${days} ${count === 1 ? 'day' : 'days'}`,
  kpiDelta: (change) => `${change} vs previous period`,
  kpiNoPrevious: 'No previous period to compare',
  kpiVersus: 'vs previous period',
  kpiRunning: 'so far',
  kpiChurnAction: (t) => `Needs action: above ${t}`,
  kpiChurnOk: (t) => `Below the ${t} alarm level`,
  kpiMonthly: (m) => `(${m} a month)`,
  kpiRetentionAction: (t) => `Needs action: below ${t}`,
  kpiRetentionOk: (t) => `At or above ${t}`,
  kpiSaasNormal: (t) => `Normal for SaaS (${t} or more a year)`,
  kpiSaasBelow: (t) => `Below the usual ${t} a year for SaaS`,
  kpiNpsExcellent: (h) => `Excellent (above ${h})`,
  kpiNpsGood: (t) => `Good (above ${t})`,
  kpiNpsBad: (t) => `Needs work (${t} or below)`,
  kpiTargetMet: (t) => `Target ${t} met`,
  kpiTargetMissed: (t) => `Target ${t} missed`,
  kpiSummary: (metric, value, period) => `${metric}: ${value}${period ? ` in ${period}` : ''}.`,
  kpiSummaryDelta: (change) => `Change: ${change} vs previous period.`,
  kpiTable: (metric) => `${metric} by period`,
  kpiPeriod: 'Period',
  kpiValue: 'Value',
  kpiNoValue: 'no value',
  kpiPrevious: 'Previous period',
});

const nb: Record<KpiMetric, string> = {
  'repeat-purchase-rate': 'Andel gjenkjøp',
  'loyal-customer-rate': 'Andel lojale kunder',
  'time-between-purchases': 'Tid mellom kjøp',
  ltv: 'Kundens livstidsverdi',
  arpa: 'Gjennomsnittlig inntekt per kunde',
  nrr: 'Netto inntektslojalitet',
  grr: 'Brutto inntektslojalitet',
  'revenue-churn': 'Netto inntektsfrafall',
  'customer-churn': 'Kundefrafall',
  crr: 'Kundelojalitet',
  'return-rate': 'Returandel',
  dso: 'Kredittid (DSO)',
  nps: 'Net Promoter Score',
  'active-customers': 'Aktive kunder',
};

registerTranslation('nb', {
  kpiMetric: (metric) => nb[metric],
  kpiLabel: 'Nøkkeltall',
  kpiDays: (days, count) => `${days} ${count === 1 ? 'dag' : 'dager'}`,
  kpiDelta: (change) => `${change} mot forrige periode`,
  kpiNoPrevious: 'Ingen forrige periode å sammenligne med',
  kpiVersus: 'mot forrige periode',
  kpiRunning: 'så langt',
  kpiChurnAction: (t) => `Krever tiltak: over ${t}`,
  kpiChurnOk: (t) => `Under alarmgrensen på ${t}`,
  kpiMonthly: (m) => `(${m} per måned)`,
  kpiRetentionAction: (t) => `Krever tiltak: under ${t}`,
  kpiRetentionOk: (t) => `${t} eller mer`,
  kpiSaasNormal: (t) => `Normalt for SaaS (${t} eller mer per år)`,
  kpiSaasBelow: (t) => `Under vanlige ${t} per år for SaaS`,
  kpiNpsExcellent: (h) => `Utmerket (over ${h})`,
  kpiNpsGood: (t) => `Bra (over ${t})`,
  kpiNpsBad: (t) => `Bør forbedres (${t} eller lavere)`,
  kpiTargetMet: (t) => `Målet ${t} er nådd`,
  kpiTargetMissed: (t) => `Målet ${t} er ikke nådd`,
  kpiSummary: (metric, value, period) => `${metric}: ${value}${period ? ` i ${period}` : ''}.`,
  kpiSummaryDelta: (change) => `Endring: ${change} mot forrige periode.`,
  kpiTable: (metric) => `${metric} per periode`,
  kpiPeriod: 'Periode',
  kpiValue: 'Verdi',
  kpiNoValue: 'ingen verdi',
  kpiPrevious: 'Forrige periode',
});

const da: Record<KpiMetric, string> = {
  'repeat-purchase-rate': 'Andel genkøb',
  'loyal-customer-rate': 'Andel loyale kunder',
  'time-between-purchases': 'Tid mellem køb',
  ltv: 'Kundens livstidsværdi',
  arpa: 'Gennemsnitlig omsætning pr. kunde',
  nrr: 'Netto omsætningsfastholdelse',
  grr: 'Brutto omsætningsfastholdelse',
  'revenue-churn': 'Netto omsætningsfrafald',
  'customer-churn': 'Kundefrafald',
  crr: 'Kundefastholdelse',
  'return-rate': 'Returandel',
  dso: 'Kredittid (DSO)',
  nps: 'Net Promoter Score',
  'active-customers': 'Aktive kunder',
};

registerTranslation('da', {
  kpiMetric: (metric) => da[metric],
  kpiLabel: 'Nøgletal',
  kpiDays: (days, count) => `${days} ${count === 1 ? 'dag' : 'dage'}`,
  kpiDelta: (change) => `${change} i forhold til forrige periode`,
  kpiNoPrevious: 'Ingen forrige periode at sammenligne med',
  kpiVersus: 'i forhold til forrige periode',
  kpiRunning: 'indtil nu',
  kpiChurnAction: (t) => `Kræver handling: over ${t}`,
  kpiChurnOk: (t) => `Under alarmgrænsen på ${t}`,
  kpiMonthly: (m) => `(${m} pr. måned)`,
  kpiRetentionAction: (t) => `Kræver handling: under ${t}`,
  kpiRetentionOk: (t) => `${t} eller mere`,
  kpiSaasNormal: (t) => `Normalt for SaaS (${t} eller mere pr. år)`,
  kpiSaasBelow: (t) => `Under de sædvanlige ${t} pr. år for SaaS`,
  kpiNpsExcellent: (h) => `Fremragende (over ${h})`,
  kpiNpsGood: (t) => `God (over ${t})`,
  kpiNpsBad: (t) => `Bør forbedres (${t} eller lavere)`,
  kpiTargetMet: (t) => `Målet ${t} er nået`,
  kpiTargetMissed: (t) => `Målet ${t} er ikke nået`,
  kpiSummary: (metric, value, period) => `${metric}: ${value}${period ? ` i ${period}` : ''}.`,
  kpiSummaryDelta: (change) => `Ændring: ${change} i forhold til forrige periode.`,
  kpiTable: (metric) => `${metric} pr. periode`,
  kpiPeriod: 'Periode',
  kpiValue: 'Værdi',
  kpiNoValue: 'ingen værdi',
  kpiPrevious: 'Forrige periode',
});

const zh: Record<KpiMetric, string> = {
  'repeat-purchase-rate': '复购率',
  'loyal-customer-rate': '忠诚客户比例',
  'time-between-purchases': '购买间隔',
  ltv: '客户终身价值',
  arpa: '每客户平均收入',
  nrr: '净收入留存率',
  grr: '总收入留存率',
  'revenue-churn': '净收入流失率',
  'customer-churn': '客户流失率',
  crr: '客户留存率',
  'return-rate': '退货率',
  dso: '应收账款周转天数',
  nps: '净推荐值',
  'active-customers': '活跃客户',
};

registerTranslation('zh', {
  kpiMetric: (metric) => zh[metric],
  kpiLabel: '关键指标',
  kpiDays: (days) => `${days} 天`,
  kpiDelta: (change) => `较上期 ${change}`,
  kpiNoPrevious: '没有可比较的上一期',
  kpiVersus: '较上期',
  kpiRunning: '截至目前',
  kpiChurnAction: (t) => `需要采取行动：高于 ${t}`,
  kpiChurnOk: (t) => `低于 ${t} 的警戒线`,
  kpiMonthly: (m) => `（每月 ${m}）`,
  kpiRetentionAction: (t) => `需要采取行动：低于 ${t}`,
  kpiRetentionOk: (t) => `不低于 ${t}`,
  kpiSaasNormal: (t) => `对 SaaS 而言属正常（每年 ${t} 或以上）`,
  kpiSaasBelow: (t) => `低于 SaaS 常见的每年 ${t}`,
  kpiNpsExcellent: (h) => `优秀（高于 ${h}）`,
  kpiNpsGood: (t) => `良好（高于 ${t}）`,
  kpiNpsBad: (t) => `有待改进（${t} 或以下）`,
  kpiTargetMet: (t) => `已达到目标 ${t}`,
  kpiTargetMissed: (t) => `未达到目标 ${t}`,
  kpiSummary: (metric, value, period) => `${metric}${period ? `（${period}）` : ''}：${value}。`,
  kpiSummaryDelta: (change) => `较上期变化：${change}。`,
  kpiTable: (metric) => `各期${metric}`,
  kpiPeriod: '期间',
  kpiValue: '数值',
  kpiNoValue: '无数值',
  kpiPrevious: '上一期',
});

const ru: Record<KpiMetric, string> = {
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

registerTranslation('ru', {
  kpiMetric: (metric) => ru[metric],
  kpiLabel: 'Ключевой показатель',
  kpiDays: (days, count) => `${days} ${Number.isInteger(count) ? ruPlural(count, 'день', 'дня', 'дней') : 'дня'}`,
  kpiDelta: (change) => `${change} к предыдущему периоду`,
  kpiNoPrevious: 'Нет предыдущего периода для сравнения',
  kpiVersus: 'к предыдущему периоду',
  kpiRunning: 'на текущий момент',
  kpiChurnAction: (t) => `Нужны меры: выше ${t}`,
  kpiChurnOk: (t) => `Ниже порога тревоги ${t}`,
  kpiMonthly: (m) => `(${m} в месяц)`,
  kpiRetentionAction: (t) => `Нужны меры: ниже ${t}`,
  kpiRetentionOk: (t) => `Не ниже ${t}`,
  kpiSaasNormal: (t) => `Норма для SaaS (${t} и выше в год)`,
  kpiSaasBelow: (t) => `Ниже обычных для SaaS ${t} в год`,
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
});
