import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';
import type { NpsGroupName } from './nps-layout.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    npsLabel: string;
    npsResponses: (count: number, formatted: string) => string;
    npsGroup: (group: NpsGroupName) => string;
    npsGroupScores: (group: NpsGroupName) => string;
    npsFewResponses: (count: string, min: string, swing: string) => string;
    npsTrend: string;
    npsSummary: (score: string, responses: string) => string;
    npsSummarySplit: (promoters: string, passives: string, detractors: string) => string;
    npsSummaryLatest: (period: string, score: string) => string;
    npsSplitTable: string;
    npsTrendTable: string;
    npsGroupColumn: string;
    npsCount: string;
    npsShare: string;
    npsScoreColumn: string;
    npsPeriod: string;
    npsNoScore: string;
  }
}

const groupsEn: Record<NpsGroupName, string> = { promoters: 'Promoters', passives: 'Passives', detractors: 'Detractors' };
const scores: Record<NpsGroupName, string> = { promoters: '9–10', passives: '7–8', detractors: '0–6' };

registerTranslation('en', {
  npsLabel: 'Net Promoter Score',
  npsResponses: (count, n) => `${n} ${count === 1 ? 'response' : 'responses'}`,
  npsGroup: (g) => groupsEn[g],
  npsGroupScores: (g) => `${groupsEn[g]} (${scores[g]})`,
  npsFewResponses: (n, min, swing) =>
    `Only ${n} responses, fewer than ${min}: a single answer more can move the score by up to ${swing} points, so read it as a rough signal, not a result.`,
  npsTrend: 'Trend',
  npsSummary: (score, responses) => `Net Promoter Score ${score} from ${responses}.`,
  npsSummarySplit: (p, pa, d) => `Promoters ${p}, passives ${pa}, detractors ${d}.`,
  npsSummaryLatest: (period, score) => `Latest period ${period}: ${score}.`,
  npsSplitTable: 'Promoters, passives and detractors',
  npsTrendTable: 'Net Promoter Score by period',
  npsGroupColumn: 'Group',
  npsCount: 'Responses',
  npsShare: 'Share',
  npsScoreColumn: 'NPS',
  npsPeriod: 'Period',
  npsNoScore: 'no responses',
});

const groupsNb: Record<NpsGroupName, string> = { promoters: 'Ambassadører', passives: 'Passive', detractors: 'Kritikere' };
registerTranslation('nb', {
  npsLabel: 'Net Promoter Score',
  npsResponses: (_count, n) => `${n} svar`,
  npsGroup: (g) => groupsNb[g],
  npsGroupScores: (g) => `${groupsNb[g]} (${scores[g]})`,
  npsFewResponses: (n, min, swing) =>
    `Bare ${n} svar, færre enn ${min}: ett svar til kan flytte scoren med opptil ${swing} poeng, så les den som et grovt signal, ikke et resultat.`,
  npsTrend: 'Utvikling',
  npsSummary: (score, responses) => `Net Promoter Score ${score} fra ${responses}.`,
  npsSummarySplit: (p, pa, d) => `Ambassadører ${p}, passive ${pa}, kritikere ${d}.`,
  npsSummaryLatest: (period, score) => `Siste periode ${period}: ${score}.`,
  npsSplitTable: 'Ambassadører, passive og kritikere',
  npsTrendTable: 'Net Promoter Score per periode',
  npsGroupColumn: 'Gruppe',
  npsCount: 'Svar',
  npsShare: 'Andel',
  npsScoreColumn: 'NPS',
  npsPeriod: 'Periode',
  npsNoScore: 'ingen svar',
});

const groupsDa: Record<NpsGroupName, string> = { promoters: 'Ambassadører', passives: 'Passive', detractors: 'Kritikere' };
registerTranslation('da', {
  npsLabel: 'Net Promoter Score',
  npsResponses: (_count, n) => `${n} svar`,
  npsGroup: (g) => groupsDa[g],
  npsGroupScores: (g) => `${groupsDa[g]} (${scores[g]})`,
  npsFewResponses: (n, min, swing) =>
    `Kun ${n} svar, færre end ${min}: ét svar mere kan flytte scoren med op til ${swing} point, så læs den som et groft signal, ikke et resultat.`,
  npsTrend: 'Udvikling',
  npsSummary: (score, responses) => `Net Promoter Score ${score} ud fra ${responses}.`,
  npsSummarySplit: (p, pa, d) => `Ambassadører ${p}, passive ${pa}, kritikere ${d}.`,
  npsSummaryLatest: (period, score) => `Seneste periode ${period}: ${score}.`,
  npsSplitTable: 'Ambassadører, passive og kritikere',
  npsTrendTable: 'Net Promoter Score pr. periode',
  npsGroupColumn: 'Gruppe',
  npsCount: 'Svar',
  npsShare: 'Andel',
  npsScoreColumn: 'NPS',
  npsPeriod: 'Periode',
  npsNoScore: 'ingen svar',
});

const groupsZh: Record<NpsGroupName, string> = { promoters: '推荐者', passives: '被动者', detractors: '贬损者' };
registerTranslation('zh', {
  npsLabel: '净推荐值 (NPS)',
  npsResponses: (_count, n) => `${n} 份回复`,
  npsGroup: (g) => groupsZh[g],
  npsGroupScores: (g) => `${groupsZh[g]}（${scores[g]}）`,
  npsFewResponses: (n, min, swing) => `仅有 ${n} 份回复，少于 ${min} 份：再多一份回复就可能使分数变动多达 ${swing} 分，因此只能作为粗略参考，而非结论。`,
  npsTrend: '趋势',
  npsSummary: (score, responses) => `净推荐值 ${score}，基于 ${responses}。`,
  npsSummarySplit: (p, pa, d) => `推荐者 ${p}，被动者 ${pa}，贬损者 ${d}。`,
  npsSummaryLatest: (period, score) => `最近一期 ${period}：${score}。`,
  npsSplitTable: '推荐者、被动者与贬损者',
  npsTrendTable: '各期净推荐值',
  npsGroupColumn: '群体',
  npsCount: '回复数',
  npsShare: '占比',
  npsScoreColumn: 'NPS',
  npsPeriod: '期间',
  npsNoScore: '无回复',
});

const groupsRu: Record<NpsGroupName, string> = { promoters: 'Промоутеры', passives: 'Нейтралы', detractors: 'Критики' };
registerTranslation('ru', {
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
});
