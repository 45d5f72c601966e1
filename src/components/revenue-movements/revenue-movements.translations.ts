/** Words of <revenue-movements> in the kit's five languages (fallback term by term to English). */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    movementsLabel: string;
    movementsPeriod: string;
    movementsStart: string;
    movementsNew: string;
    movementsExpansion: string;
    movementsReactivation: string;
    movementsContraction: string;
    movementsChurn: string;
    movementsNet: string;
    movementsNrr: string;
    movementsGrr: string;
    movementsQuickRatio: string;
    movementsRunning: string;
    movementsSelected: (period: string) => string;
    movementsSummary: (from: string, to: string) => string;
    movementsSummaryPeriod: (period: string, nrr: string, grr: string, quick: string) => string;
    movementsKeyboardHint: string;
  }
}

registerTranslation('en', {
  movementsLabel: 'Recurring revenue movements',
  movementsPeriod: 'Period',
  movementsStart: 'Recurring revenue at start',
  movementsNew: 'New',
  movementsExpansion: 'Expansion',
  movementsReactivation: 'Reactivation',
  movementsContraction: 'Contraction',
  movementsChurn: 'Churn',
  movementsNet: 'Net change',
  movementsNrr: 'Net revenue retention',
  movementsGrr: 'Gross revenue retention',
  movementsQuickRatio: 'Quick ratio',
  movementsRunning: 'period not over yet',
  movementsSelected: (period) => `Selected: ${period}`,
  movementsSummary: (from, to) => `Recurring revenue movements from ${from} to ${to}.`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}: net revenue retention ${nrr}, gross revenue retention ${grr}, quick ratio ${quick}.`,
  movementsKeyboardHint: 'Revenue movements: arrow keys select a period.',
});

registerTranslation('nb', {
  movementsLabel: 'Endringer i gjentakende inntekt',
  movementsPeriod: 'Periode',
  movementsStart: 'Gjentakende inntekt ved start',
  movementsNew: 'Ny',
  movementsExpansion: 'Utvidelse',
  movementsReactivation: 'Reaktivering',
  movementsContraction: 'Nedgradering',
  movementsChurn: 'Frafall',
  movementsNet: 'Nettoendring',
  movementsNrr: 'Netto inntektslojalitet',
  movementsGrr: 'Brutto inntektslojalitet',
  movementsQuickRatio: 'Quick ratio',
  movementsRunning: 'perioden er ikke over',
  movementsSelected: (period) => `Valgt: ${period}`,
  movementsSummary: (from, to) => `Endringer i gjentakende inntekt fra ${from} til ${to}.`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}: netto inntektslojalitet ${nrr}, brutto inntektslojalitet ${grr}, quick ratio ${quick}.`,
  movementsKeyboardHint: 'Inntektsendringer: piltastene velger en periode.',
});

registerTranslation('da', {
  movementsLabel: 'Bevægelser i tilbagevendende omsætning',
  movementsPeriod: 'Periode',
  movementsStart: 'Tilbagevendende omsætning ved start',
  movementsNew: 'Ny',
  movementsExpansion: 'Udvidelse',
  movementsReactivation: 'Genaktivering',
  movementsContraction: 'Nedgradering',
  movementsChurn: 'Frafald',
  movementsNet: 'Nettoændring',
  movementsNrr: 'Nettoomsætningsfastholdelse',
  movementsGrr: 'Bruttoomsætningsfastholdelse',
  movementsQuickRatio: 'Quick ratio',
  movementsRunning: 'perioden er ikke slut',
  movementsSelected: (period) => `Valgt: ${period}`,
  movementsSummary: (from, to) => `Bevægelser i tilbagevendende omsætning fra ${from} til ${to}.`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}: nettoomsætningsfastholdelse ${nrr}, bruttoomsætningsfastholdelse ${grr}, quick ratio ${quick}.`,
  movementsKeyboardHint: 'Omsætningsbevægelser: piletasterne vælger en periode.',
});

registerTranslation('zh', {
  movementsLabel: '经常性收入变动',
  movementsPeriod: '期间',
  movementsStart: '期初经常性收入',
  movementsNew: '新增',
  movementsExpansion: '扩展',
  movementsReactivation: '重新激活',
  movementsContraction: '缩减',
  movementsChurn: '流失',
  movementsNet: '净变动',
  movementsNrr: '净收入留存率',
  movementsGrr: '总收入留存率',
  movementsQuickRatio: '快速比率',
  movementsRunning: '本期尚未结束',
  movementsSelected: (period) => `已选：${period}`,
  movementsSummary: (from, to) => `${from} 至 ${to} 的经常性收入变动。`,
  movementsSummaryPeriod: (period, nrr, grr, quick) => `${period}：净收入留存率 ${nrr}，总收入留存率 ${grr}，快速比率 ${quick}。`,
  movementsKeyboardHint: '收入变动：方向键选择期间。',
});

registerTranslation('ru', {
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
  movementsKeyboardHint: 'Движение выручки: стрелки выбирают период.',
});
