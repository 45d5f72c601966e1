/** Words of <churn-trend> in the kit's five languages (fallback term by term to English). */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    churnTrendCustomer: string;
    churnTrendRevenue: string;
    churnPeriod: string;
    churnStartCustomers: string;
    churnStartRevenue: string;
    churnLostCustomers: string;
    churnLostRevenue: string;
    churnExpansion: string;
    churnRate: string;
    churnNetRate: string;
    churnIncomplete: string;
    churnCensored: string;
    churnNoRate: string;
    churnThreshold: (value: string) => string;
    churnRange: (what: string, from: string, to: string) => string;
    churnLatest: (rate: string, period: string) => string;
    churnAbove: (count: number, total: number, threshold: string) => string;
    churnNegative: (count: number) => string;
    churnKeyboardHint: string;
    churnWindow: (days: number) => string;
  }
}

registerTranslation('en', {
  churnTrendCustomer: 'Customer churn',
  churnTrendRevenue: 'Revenue churn',
  churnPeriod: 'Period',
  churnStartCustomers: 'Customers at start',
  churnStartRevenue: 'Recurring revenue at start',
  churnLostCustomers: 'Customers lost',
  churnLostRevenue: 'Revenue lost',
  churnExpansion: 'Expansion',
  churnRate: 'Churn rate',
  churnNetRate: 'Net revenue churn',
  churnIncomplete: 'period not over yet',
  churnCensored: 'window starts before the data: understated',
  churnNoRate: 'no rate (nothing at period start)',
  churnThreshold: (value) => `Threshold ${value}`,
  churnRange: (what, from, to) => `${what} per period, ${from} to ${to}.`,
  churnLatest: (rate, period) => `Latest: ${rate} in ${period}.`,
  churnAbove: (count, total, threshold) => `${count} of ${total} periods above the threshold of ${threshold}.`,
  churnNegative: (count) => `${count} ${count === 1 ? 'period' : 'periods'} with net negative churn (expansion outweighed losses).`,
  churnKeyboardHint: 'Chart: use the arrow keys to read each period.',
  churnWindow: (days) => `A customer counts as active for ${days} days after a purchase.`,
});

registerTranslation('nb', {
  churnTrendCustomer: 'Kundefrafall',
  churnTrendRevenue: 'Inntektsfrafall',
  churnPeriod: 'Periode',
  churnStartCustomers: 'Kunder ved start',
  churnStartRevenue: 'Løpende inntekt ved start',
  churnLostCustomers: 'Tapte kunder',
  churnLostRevenue: 'Tapt inntekt',
  churnExpansion: 'Økning',
  churnRate: 'Frafallsrate',
  churnNetRate: 'Netto inntektsfrafall',
  churnIncomplete: 'perioden er ikke over',
  churnCensored: 'vinduet starter før dataene: undervurdert',
  churnNoRate: 'ingen rate (ingenting ved periodestart)',
  churnThreshold: (value) => `Terskel ${value}`,
  churnRange: (what, from, to) => `${what} per periode, ${from} til ${to}.`,
  churnLatest: (rate, period) => `Sist: ${rate} i ${period}.`,
  churnAbove: (count, total, threshold) => `${count} av ${total} perioder over terskelen på ${threshold}.`,
  churnNegative: (count) => `${count} ${count === 1 ? 'periode' : 'perioder'} med netto negativt frafall.`,
  churnKeyboardHint: 'Diagram: bruk piltastene for å lese hver periode.',
  churnWindow: (days) => `En kunde regnes som aktiv i ${days} dager etter et kjøp.`,
});

registerTranslation('da', {
  churnTrendCustomer: 'Kundefrafald',
  churnTrendRevenue: 'Omsætningsfrafald',
  churnPeriod: 'Periode',
  churnStartCustomers: 'Kunder ved start',
  churnStartRevenue: 'Løbende omsætning ved start',
  churnLostCustomers: 'Mistede kunder',
  churnLostRevenue: 'Mistet omsætning',
  churnExpansion: 'Udvidelse',
  churnRate: 'Frafaldsrate',
  churnNetRate: 'Netto omsætningsfrafald',
  churnIncomplete: 'perioden er ikke slut',
  churnCensored: 'vinduet starter før dataene: undervurderet',
  churnNoRate: 'ingen rate (intet ved periodens start)',
  churnThreshold: (value) => `Tærskel ${value}`,
  churnRange: (what, from, to) => `${what} pr. periode, ${from} til ${to}.`,
  churnLatest: (rate, period) => `Senest: ${rate} i ${period}.`,
  churnAbove: (count, total, threshold) => `${count} af ${total} perioder over tærsklen på ${threshold}.`,
  churnNegative: (count) => `${count} ${count === 1 ? 'periode' : 'perioder'} med netto negativt frafald.`,
  churnKeyboardHint: 'Diagram: brug piletasterne til at læse hver periode.',
  churnWindow: (days) => `En kunde tæller som aktiv i ${days} dage efter et køb.`,
});

registerTranslation('zh', {
  churnTrendCustomer: '客户流失率',
  churnTrendRevenue: '收入流失率',
  churnPeriod: '期间',
  churnStartCustomers: '期初客户数',
  churnStartRevenue: '期初经常性收入',
  churnLostCustomers: '流失客户数',
  churnLostRevenue: '流失收入',
  churnExpansion: '扩展收入',
  churnRate: '流失率',
  churnNetRate: '净收入流失率',
  churnIncomplete: '期间尚未结束',
  churnCensored: '窗口早于数据起点：数值偏低',
  churnNoRate: '无比率（期初为零）',
  churnThreshold: (value) => `阈值 ${value}`,
  churnRange: (what, from, to) => `${what}（按期间），${from} 至 ${to}。`,
  churnLatest: (rate, period) => `最新：${period} 为 ${rate}。`,
  churnAbove: (count, total, threshold) => `${total} 个期间中有 ${count} 个高于阈值 ${threshold}。`,
  churnNegative: (count) => `${count} 个期间为净负流失。`,
  churnKeyboardHint: '图表：使用方向键逐个查看期间。',
  churnWindow: (days) => `客户在购买后 ${days} 天内视为活跃。`,
});

registerTranslation('ru', {
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
  churnCensored: 'окно начинается раньше данных: значение занижено',
  churnNoRate: 'нет значения (на начало периода ноль)',
  churnThreshold: (value) => `Порог ${value}`,
  churnRange: (what, from, to) => `${what} по периодам, с ${from} по ${to}.`,
  churnLatest: (rate, period) => `Последнее значение: ${rate} за ${period}.`,
  churnAbove: (count, total, threshold) => `${count} из ${total} периодов выше порога ${threshold}.`,
  churnNegative: (count) => `Периодов с чистым отрицательным оттоком: ${count}.`,
  churnKeyboardHint: 'Диаграмма: используйте клавиши со стрелками, чтобы прочитать каждый период.',
  churnWindow: (days) => `Клиент считается активным ${days} дней после покупки.`,
});
