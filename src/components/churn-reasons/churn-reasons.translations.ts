/** Terms of <churn-reasons> in every bundled language. */
import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    reasonsLabel: string;
    reasonsSummary: (total: number, top: string, share: string) => string;
    reasonsSummaryRevenue: (total: string) => string;
    reasonsNoReason: string;
    reasonsOther: string;
    reasonsOtherSummary: (distinct: number, count: number) => string;
    reasonsRare: (threshold: number) => string;
    reasonsTail: (max: number) => string;
    reasonsKeyboardHint: string;
    reasonsReason: string;
    reasonsCount: string;
    reasonsLostRevenue: string;
    reasonsShare: string;
    reasonsByCount: string;
    reasonsByRevenue: string;
    reasonsTrend: string;
    reasonsTrendTable: string;
    reasonsPeriod: string;
    reasonsTotal: string;
    reasonsCancellations: (count: number) => string;
    reasonsSpellings: (list: string) => string;
  }
}

registerTranslation('en', {
  reasonsLabel: 'Cancellation reasons',
  reasonsSummary: (total, top, share) => `${total === 1 ? '1 cancellation' : `${total} cancellations`}; the top reason is “${top}” with ${share}.`,
  reasonsSummaryRevenue: (total) => `Lost revenue ${total}.`,
  reasonsNoReason: '(no reason given)',
  reasonsOther: 'Other answers',
  reasonsOtherSummary: (distinct, count) => `Other answers: ${distinct === 1 ? '1 answer' : `${distinct} different answers`}, ${count === 1 ? '1 cancellation' : `${count} cancellations`}`,
  reasonsRare: (threshold) => `given fewer than ${threshold} times`,
  reasonsTail: (max) => `below the top ${max}`,
  reasonsKeyboardHint: 'Cancellation reasons. Arrow keys move between reasons; Enter selects a reason or opens “Other answers”.',
  reasonsReason: 'Reason',
  reasonsCount: 'Cancellations',
  reasonsLostRevenue: 'Lost revenue',
  reasonsShare: 'Share',
  reasonsByCount: 'by number of cancellations',
  reasonsByRevenue: 'by lost revenue',
  reasonsTrend: 'Top reasons per period',
  reasonsTrendTable: 'Cancellations per period by reason',
  reasonsPeriod: 'Period',
  reasonsTotal: 'All reasons',
  reasonsCancellations: (count) => (count === 1 ? '1 cancellation' : `${count} cancellations`),
  reasonsSpellings: (list) => `Answers grouped here: ${list}`,
});

registerTranslation('nb', {
  reasonsLabel: 'Årsaker til oppsigelse',
  reasonsSummary: (total, top, share) => `${total} ${total === 1 ? 'oppsigelse' : 'oppsigelser'}; den vanligste årsaken er «${top}» med ${share}.`,
  reasonsSummaryRevenue: (total) => `Tapt inntekt ${total}.`,
  reasonsNoReason: '(ingen årsak oppgitt)',
  reasonsOther: 'Andre svar',
  reasonsOtherSummary: (distinct, count) => `Andre svar: ${distinct} ${distinct === 1 ? 'svar' : 'ulike svar'}, ${count} ${count === 1 ? 'oppsigelse' : 'oppsigelser'}`,
  reasonsRare: (threshold) => `gitt færre enn ${threshold} ganger`,
  reasonsTail: (max) => `utenfor de ${max} største`,
  reasonsKeyboardHint: 'Årsaker til oppsigelse. Piltastene flytter mellom årsakene; Enter velger en årsak eller åpner «Andre svar».',
  reasonsReason: 'Årsak',
  reasonsCount: 'Oppsigelser',
  reasonsLostRevenue: 'Tapt inntekt',
  reasonsShare: 'Andel',
  reasonsByCount: 'etter antall oppsigelser',
  reasonsByRevenue: 'etter tapt inntekt',
  reasonsTrend: 'De største årsakene per periode',
  reasonsTrendTable: 'Oppsigelser per periode og årsak',
  reasonsPeriod: 'Periode',
  reasonsTotal: 'Alle årsaker',
  reasonsCancellations: (count) => `${count} ${count === 1 ? 'oppsigelse' : 'oppsigelser'}`,
  reasonsSpellings: (list) => `Svar samlet her: ${list}`,
});

registerTranslation('da', {
  reasonsLabel: 'Årsager til opsigelse',
  reasonsSummary: (total, top, share) => `${total} ${total === 1 ? 'opsigelse' : 'opsigelser'}; den hyppigste årsag er »${top}« med ${share}.`,
  reasonsSummaryRevenue: (total) => `Tabt omsætning ${total}.`,
  reasonsNoReason: '(ingen årsag angivet)',
  reasonsOther: 'Andre svar',
  reasonsOtherSummary: (distinct, count) => `Andre svar: ${distinct} ${distinct === 1 ? 'svar' : 'forskellige svar'}, ${count} ${count === 1 ? 'opsigelse' : 'opsigelser'}`,
  reasonsRare: (threshold) => `givet færre end ${threshold} gange`,
  reasonsTail: (max) => `uden for de ${max} største`,
  reasonsKeyboardHint: 'Årsager til opsigelse. Piletasterne flytter mellem årsagerne; Enter vælger en årsag eller åbner »Andre svar«.',
  reasonsReason: 'Årsag',
  reasonsCount: 'Opsigelser',
  reasonsLostRevenue: 'Tabt omsætning',
  reasonsShare: 'Andel',
  reasonsByCount: 'efter antal opsigelser',
  reasonsByRevenue: 'efter tabt omsætning',
  reasonsTrend: 'De største årsager pr. periode',
  reasonsTrendTable: 'Opsigelser pr. periode og årsag',
  reasonsPeriod: 'Periode',
  reasonsTotal: 'Alle årsager',
  reasonsCancellations: (count) => `${count} ${count === 1 ? 'opsigelse' : 'opsigelser'}`,
  reasonsSpellings: (list) => `Svar samlet her: ${list}`,
});

registerTranslation('zh', {
  reasonsLabel: '取消原因',
  reasonsSummary: (total, top, share) => `共 ${total} 次取消；最主要的原因是“${top}”，占 ${share}。`,
  reasonsSummaryRevenue: (total) => `流失收入 ${total}。`,
  reasonsNoReason: '（未填写原因）',
  reasonsOther: '其他回答',
  reasonsOtherSummary: (distinct, count) => `其他回答：${distinct} 种不同回答，${count} 次取消`,
  reasonsRare: (threshold) => `出现少于 ${threshold} 次`,
  reasonsTail: (max) => `排在前 ${max} 名之后`,
  reasonsKeyboardHint: '取消原因。用方向键在原因之间移动；按 Enter 选择原因或展开“其他回答”。',
  reasonsReason: '原因',
  reasonsCount: '取消次数',
  reasonsLostRevenue: '流失收入',
  reasonsShare: '占比',
  reasonsByCount: '按取消次数',
  reasonsByRevenue: '按流失收入',
  reasonsTrend: '主要原因的各期走势',
  reasonsTrendTable: '各期按原因的取消次数',
  reasonsPeriod: '期间',
  reasonsTotal: '全部原因',
  reasonsCancellations: (count) => `${count} 次取消`,
  reasonsSpellings: (list) => `归入此项的回答：${list}`,
});

const ruCancellations = (count: number) => `${count} ${ruPlural(count, 'отмена', 'отмены', 'отмен')}`;

registerTranslation('ru', {
  reasonsLabel: 'Причины отказа',
  reasonsSummary: (total, top, share) => `${ruCancellations(total)}; главная причина — «${top}», ${share}.`,
  reasonsSummaryRevenue: (total) => `Потерянная выручка ${total}.`,
  reasonsNoReason: '(причина не указана)',
  reasonsOther: 'Другие ответы',
  reasonsOtherSummary: (distinct, count) => `Другие ответы: ${distinct} ${ruPlural(distinct, 'ответ', 'ответа', 'ответов')}, ${ruCancellations(count)}`,
  reasonsRare: (threshold) => `названо реже ${threshold} раз`,
  reasonsTail: (max) => `за пределами первых ${max}`,
  reasonsKeyboardHint: 'Причины отказа. Стрелки переходят между причинами; Enter выбирает причину или раскрывает «Другие ответы».',
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
});
