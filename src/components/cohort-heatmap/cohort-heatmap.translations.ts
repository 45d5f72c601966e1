/** Words of <cohort-heatmap> in the kit's five languages (fallback term by term to English). */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    heatmapPercent: string;
    heatmapCount: string;
    heatmapRevenue: string;
    heatmapCohort: string;
    heatmapSize: string;
    heatmapAverage: string;
    heatmapPeriod: (k: number) => string;
    heatmapNotReached: string;
    heatmapActiveOf: (count: string, size: string) => string;
    heatmapKeyboardHint: string;
    heatmapSummary: (what: string, cohorts: number, first: string, last: string, periods: number) => string;
    heatmapAverageAt: (k: number, value: string) => string;
    heatmapPartial: string;
    heatmapCohortBy: (property: string) => string;
    heatmapLegend: string;
  }
}

registerTranslation('en', {
  heatmapPercent: 'Cohort retention',
  heatmapCount: 'Active customers by cohort',
  heatmapRevenue: 'Revenue by cohort',
  heatmapCohort: 'Cohort',
  heatmapSize: 'Customers',
  heatmapAverage: 'Average',
  heatmapPeriod: (k) => `Period ${k}`,
  heatmapNotReached: 'not reached yet',
  heatmapActiveOf: (count, size) => `${count} of ${size} active`,
  heatmapKeyboardHint: 'Cohort table: arrow keys move between cells, Home and End to the row ends, Enter selects the cohort.',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}: ${cohorts} ${cohorts === 1 ? 'cohort' : 'cohorts'} (${first} to ${last}) over ${periods} ${periods === 1 ? 'period' : 'periods'}.`,
  heatmapAverageAt: (k, value) => `Average in period ${k}: ${value}.`,
  heatmapPartial: 'The newest period is still running.',
  heatmapCohortBy: (property) => `Cohorts by ${property}.`,
  heatmapLegend: 'Colour scale',
});

registerTranslation('nb', {
  heatmapPercent: 'Kohortlojalitet',
  heatmapCount: 'Aktive kunder per kohort',
  heatmapRevenue: 'Inntekt per kohort',
  heatmapCohort: 'Kohort',
  heatmapSize: 'Kunder',
  heatmapAverage: 'Gjennomsnitt',
  heatmapPeriod: (k) => `Periode ${k}`,
  heatmapNotReached: 'ikke nådd ennå',
  heatmapActiveOf: (count, size) => `${count} av ${size} aktive`,
  heatmapKeyboardHint: 'Kohorttabell: piltastene flytter mellom cellene, Home og End til radens ender, Enter velger kohorten.',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}: ${cohorts} ${cohorts === 1 ? 'kohort' : 'kohorter'} (${first} til ${last}) over ${periods} ${periods === 1 ? 'periode' : 'perioder'}.`,
  heatmapAverageAt: (k, value) => `Gjennomsnitt i periode ${k}: ${value}.`,
  heatmapPartial: 'Den nyeste perioden pågår fortsatt.',
  heatmapCohortBy: (property) => `Kohorter etter ${property}.`,
  heatmapLegend: 'Fargeskala',
});

registerTranslation('da', {
  heatmapPercent: 'Kohortefastholdelse',
  heatmapCount: 'Aktive kunder pr. kohorte',
  heatmapRevenue: 'Omsætning pr. kohorte',
  heatmapCohort: 'Kohorte',
  heatmapSize: 'Kunder',
  heatmapAverage: 'Gennemsnit',
  heatmapPeriod: (k) => `Periode ${k}`,
  heatmapNotReached: 'ikke nået endnu',
  heatmapActiveOf: (count, size) => `${count} af ${size} aktive`,
  heatmapKeyboardHint: 'Kohortetabel: piletasterne flytter mellem cellerne, Home og End til rækkens ender, Enter vælger kohorten.',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}: ${cohorts} ${cohorts === 1 ? 'kohorte' : 'kohorter'} (${first} til ${last}) over ${periods} ${periods === 1 ? 'periode' : 'perioder'}.`,
  heatmapAverageAt: (k, value) => `Gennemsnit i periode ${k}: ${value}.`,
  heatmapPartial: 'Den nyeste periode er stadig i gang.',
  heatmapCohortBy: (property) => `Kohorter efter ${property}.`,
  heatmapLegend: 'Farveskala',
});

registerTranslation('zh', {
  heatmapPercent: '同期群留存',
  heatmapCount: '各同期群活跃客户数',
  heatmapRevenue: '各同期群收入',
  heatmapCohort: '同期群',
  heatmapSize: '客户数',
  heatmapAverage: '平均',
  heatmapPeriod: (k) => `第 ${k} 期`,
  heatmapNotReached: '尚未到达',
  heatmapActiveOf: (count, size) => `${size} 位中 ${count} 位活跃`,
  heatmapKeyboardHint: '同期群表：方向键在单元格间移动，Home 和 End 到行首行尾，Enter 选择同期群。',
  heatmapSummary: (what, cohorts, first, last, periods) => `${what}：${cohorts} 个同期群（${first} 至 ${last}），共 ${periods} 期。`,
  heatmapAverageAt: (k, value) => `第 ${k} 期平均：${value}。`,
  heatmapPartial: '最新一期仍在进行中。',
  heatmapCohortBy: (property) => `按 ${property} 分组的同期群。`,
  heatmapLegend: '色阶',
});

registerTranslation('ru', {
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
  heatmapCohortBy: (property) => `Когорты по признаку «${property}».`,
  heatmapLegend: 'Цветовая шкала',
});
